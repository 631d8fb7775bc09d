// The page state: everything the page's test hook (`window.cordonState`), the frame benchmark and
// the briefing read about what is on screen, written through one JsonWriter. Each view writes its
// own part (coverage, staffing, isochrones); the keys are the browser tests' contract.

#include "app/app.hpp"

#include "core/formats/clock_time.hpp"
#include "platform/feed_source.hpp"
#include "ui/feed_messages.hpp"

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
    if (m_selected)
        out.beginObject()
            .member("feed", feedKindName(m_selected->kind))
            .member("id", m_selectedId)
            .member("rows", m_details.rows.size())
            .endObject();
    else
        out.null();
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
        m_wallView.writeState(out, m_font ? std::lround(m_font->wallTextPx()) : 0L,
                              m_font ? std::lround(m_font->wallFigurePx()) : 0L);
    else
        out.null();
    out.key("feeds");
    writeFeeds(out);
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
        .endObject();
    out.member("exports", m_exports).key("hover");
    writeHover(out);
    out.key("search")
        .beginObject()
        .member("query", m_search.query)
        .member("hits", m_searchHits.size())
        .endObject()
        .key("labels")
        .beginObject()
        .member("shown", m_showLabels)
        .member("placed", m_labelsPlaced)
        .member("districts", m_labelDistricts)
        .member("glyphs", m_font ? m_font->glyphCount() : 0)
        .endObject();
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

void App::writeFeeds(JsonWriter& out) const {
    out.beginObject().key("sources").beginArray();
    for (const FeedRow& r : m_feedsPanel.rows) {
        out.beginObject()
            .member("source", r.source)
            .member("features", r.features)
            .member("hasData", r.hasData)
            .key("ageSeconds")
            .fixed(r.ageSeconds, 0)
            .member("stale", r.stale)
            .member("refreshSeconds", r.refreshSeconds)
            .member("versions", r.versions)
            .member("unchanged", r.unchanged)
            .member("failures", r.failures)
            .member("error", r.error)
            .member("message", r.message)
            .member("refusal", r.refusal)
            .member("supersededBy", r.supersededBy)
            .endObject();
    }
    out.endArray().key("changes").beginArray();
    for (const FeedChangeRecord& c : m_loader.changes())
        out.beginObject()
            .member("source", c.source)
            .member("feed", feedKindName(c.change.kind))
            .member("added", c.change.added)
            .member("removed", c.change.removed)
            .member("changed", c.change.changed)
            .member("highRiskAdded", c.change.highRiskAdded)
            .member("highRiskLifted", c.change.highRiskLifted)
            .member("text", changeSummary(c.change, m_panel.lang))
            .endObject();
    out.endArray()
        .member("failureCount", m_loader.failureCount())
        .member("failureLog", m_loader.failureLog().size())
        .key("pendingUpdate");
    if (const std::optional<PendingUpdate>& p = m_loader.pending())
        out.beginObject()
            .member("source", p->source)
            .member("feed", feedKindName(p->check.loadedAs))
            .member("before", p->check.before)
            .member("added", p->check.change.added)
            .member("removed", p->check.change.removed)
            .endObject();
    else
        out.null();
    out.key("unknownFile");
    writeUnknownFile(out);
    out.member("mappingFile", m_lastMappingFile)
        .member("wallFailure", m_wallView.model().feedFailure)
        .endObject();
}

void App::writeUnknownFile(JsonWriter& out) const {
    const std::optional<UnknownFile>& u = m_loader.unknownFile();
    if (!u) {
        out.null();
        return;
    }
    out.beginObject().member("source", u->source).member("features", u->preview.features).key("guess");
    if (u->preview.guess)
        out.value(feedKindName(*u->preview.guess));
    else
        out.null();
    out.key("fields").beginArray();
    for (const std::string& f : u->preview.propertyNames)
        out.value(f);
    static constexpr const char* kEvidence[] = {"none", "declared", "named", "roadOffset"};
    const Gcj02Guess& g = u->gcj02;
    const auto metres = [&](const char* key, const std::optional<double>& m) {
        out.key(key);
        if (m)
            out.value(std::lround(*m));
        else
            out.null();
    };
    out.endArray()
        .key("gcj02")
        .beginObject()
        .member("likely", g.likely)
        .member("evidence", kEvidence[static_cast<int>(g.evidence)]);
    metres("asGivenMetres", g.asGivenMetres);
    metres("convertedMetres", g.convertedMetres);
    out.endObject()
        .member("add", m_importChoice.add)
        .member("fromGcj02", m_importChoice.fromGcj02)
        .endObject();
}

void App::writeHover(JsonWriter& out) const {
    const Feed* feed = m_hover ? m_situation.feeds().get(m_hover->kind) : nullptr;
    if (!feed || m_hover->feature >= feed->size()) {
        out.null();
        return;
    }
    out.beginObject()
        .member("feed", feedKindName(m_hover->kind))
        .member("id", feed->layer.features[m_hover->feature].id)
        .endObject();
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
