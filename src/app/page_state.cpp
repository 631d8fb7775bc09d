// The page state: everything the page's test hook (`window.cordonState`), the frame benchmark and
// the briefing read about what is on screen, written through one JsonWriter. Each view writes its
// own part (coverage, staffing, isochrones); the keys are the browser tests' contract.

#include "app/app.hpp"

#include "core/formats/clock_time.hpp"
#include "platform/feed_source.hpp"
#include "ui/feed_messages.hpp"
#include "ui/window_list.hpp"

#include <algorithm>
#include <cmath>

namespace cordon {

std::string App::stateJson() const {
    JsonWriter out;
    const auto errors = std::count_if(m_panel.problems.begin(), m_panel.problems.end(),
                                      [](const Diagnostic& d) { return d.severity == Severity::Error; });
    std::size_t features = 0;
    for (const LayerRow& row : m_panel.layers)
        features += row.featureCount;
    out.beginObject().member("features", features).key("layers").beginObject();
    for (const LayerRow& row : m_panel.layers)
        out.member(feedKindName(row.kind), row.featureCount);
    // layer -> opacity in percent, for the layers not fully shown
    out.endObject().key("layerOpacity").beginObject();
    for (const LayerRow& row : m_panel.layers)
        if (!row.visible || row.opacity < 1)
            out.member(feedKindName(row.kind), row.visible ? static_cast<int>(row.opacity * 100 + 0.5f) : 0);
    out.endObject()
        .member("problems", m_panel.problems.size())
        .member("errors", errors)
        .member("loading", pendingRequests() + (m_loader.busy() ? 1 : 0))
        .member("lang", m_panel.lang == Lang::En ? "en" : "zh");
    out.key("viewport")
        .beginArray()
        .value(m_camera.viewportWidth())
        .value(m_camera.viewportHeight())
        .endArray();
    out.key("pixelScale").fixed(m_window.pixelScale(), 3);
    out.key("zoom").fixed(m_camera.zoomLevel(), 6);
    out.key("metresPerPixel").fixed(m_camera.metresPerPixel(), 6);
    out.key("centre").beginArray().fixed(m_camera.centre().x, 3).fixed(m_camera.centre().y, 3).endArray();
    out.key("cursor");
    if (m_panel.cursor)
        out.beginArray().fixed(m_panel.cursor->lon, 8).fixed(m_panel.cursor->lat, 8).endArray();
    else
        out.null();
    out.key("isochrone");
    m_isochroneView.writeState(out);
    out.key("selected");
    m_selection.writeSelected(out);
    out.key("coverage");
    m_coverageView.writeState(out, m_situation);
    out.key("hierarchies")
        .beginArray()
        .value(m_situation.hierarchy(TravelMode::Walk) != nullptr)
        .value(m_situation.hierarchy(TravelMode::Drive) != nullptr)
        .endArray();
    out.key("staffing");
    m_staffingView.writeState(out, m_situation);
    out.key("wall");
    if (m_options.wall)
        m_wallView.writeState(out, m_situation, m_font ? std::lround(m_font->wallTextPx()) : 0L,
                              m_font ? std::lround(m_font->wallFigurePx()) : 0L);
    else
        out.null();
    // The laptop's side panel and every window on screen (UI pixels), so that a test can check
    // that nothing is off-screen or over another panel.
    out.key("workspace");
    if (m_options.wall) {
        out.null();
    } else {
        out.beginObject()
            .member("tab", workspaceTabKey(m_workspace.tab))
            .member("collapsed", m_workspace.collapsed)
            .member("mapLeft", std::lround(workspaceMapLeft(m_workspace, kUiFontSize)))
            .key("filter")
            .beginObject()
            .key("district");
        const Feed* areas = m_situation.feeds().get(FeedKind::Areas);
        if (m_workspace.filter.district && areas && *m_workspace.filter.district < areas->size())
            out.value(areas->layer.features[*m_workspace.filter.district].id);
        else
            out.null();
        out.member("time", timeFilterKey(m_workspace.filter.time)).endObject().endObject();
    }
    out.key("windows").beginArray();
    for (const WindowRect& w : shownWindows())
        out.beginObject()
            .member("name", w.name)
            .member("x", std::lround(w.x))
            .member("y", std::lround(w.y))
            .member("width", std::lround(w.width))
            .member("height", std::lround(w.height))
            .endObject();
    out.endArray();
    out.key("feeds");
    m_feedStatus.writeState(out, m_loader, m_panel.lang, m_wallView.model().feedFailure);
    out.key("kpis").beginObject();
    m_wallView.writeKpiMembers(out);
    out.member("now", clockText(nowMinuteOfDay())).endObject();
    out.key("figures");
    writeFigures(out);
    out.key("startup");
    writeStartup(out);
    out.key("snapshot")
        .beginObject()
        .member("mode", m_options.snapshot)
        .member("made", m_snapshotsMade)
        .member("bytes", m_snapshotBytes)
        .member("briefing", m_briefingShown)
        .member("title", std::string(m_snapshotPanel.title.data()))
        .member("note", std::string(m_snapshotPanel.note.data()))
        .endObject();
    out.key("legend").beginObject().key("isochroneMinutes").beginArray();
    for (const LegendModel::Band& band : m_staffingView.legend().isochrones)
        out.value(band.minutes);
    out.endArray().endObject();
    out.member("stillFramesCopied", m_renderer.stillFramesCopied());
    out.member("exports", m_exports)
        .key("picture")
        .beginObject()
        .member("width", m_lastPicture.width)
        .member("height", m_lastPicture.height)
        .member("title", m_lastPicture.title)
        .key("typeDensity")
        .fixed(m_lastPicture.typeDensity, 3)
        .endObject()
        .key("hover");
    m_selection.writeHover(out, m_situation.feeds());
    out.key("search");
    m_selection.writeSearch(out);
    out.key("labels");
    m_labels.writeState(out, m_font ? m_font->glyphCount() : 0);
    out.key("memory")
        .beginObject()
        .member("heapBytes", m_memory.heapBytes)
        .member("usedBytes", m_memory.usedBytes)
        .endObject();
    out.endObject();
    return out.take();
}

void App::writeStartup(JsonWriter& out) const {
    const StartupTimes& t = m_startup;
    const std::pair<const char*, double> steps[] = {{"atMs", t.atMs},
                                                    {"windowMs", t.windowMs},
                                                    {"fontMs", t.fontMs},
                                                    {"readMs", t.readMs},
                                                    {"graphMs", t.graphMs},
                                                    {"indexMs", t.indexMs},
                                                    {"sceneMs", t.sceneMs},
                                                    {"coverageMs", t.coverageMs},
                                                    {"staffingMs", t.staffingMs},
                                                    {"firstFrameAtMs", t.frameStartMs},
                                                    {"framesMs", t.framesMs}};
    out.beginObject();
    for (const auto& [key, ms] : steps)
        out.key(key).fixed(ms, 1);
    out.endObject();
}

void App::writeFigures(JsonWriter& out) const {
    out.beginObject();
    for (int i = 0; i < kFigureCount; ++i) {
        const auto id = static_cast<FigureId>(i);
        out.key(figureKey(id));
        if (m_figures.known(id))
            out.value(m_figures[id]);
        else
            out.null();
    }
    out.member("thresholdMinutes", m_figures.thresholdMinutes).member("slot", m_figures.slot);
    out.key("asOf").beginObject();
    for (int i = 0; i < kFigureCount; ++i)
        if (!m_figureAsOf[i].empty()) out.member(figureKey(static_cast<FigureId>(i)), m_figureAsOf[i]);
    out.endObject().endObject();
}

} // namespace cordon
