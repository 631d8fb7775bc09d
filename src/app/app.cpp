// The app's frame loop and its wiring: loading into the Situation, start-up timing, fonts, and the
// views (coverage, staffing, isochrones, selection, labels, feed status, wall) called when the
// situation's results change. The laptop's side panel and its filter are in app_panels.cpp, commands
// and exports in app_commands.cpp and app_export.cpp, the page state in page_state.cpp. About 660
// lines: the start-up steps are timed where they happen, for the frame benchmark.

#include "app/app.hpp"

#include "app/local_clock.hpp"

#include "app/embedded_assets.hpp"
#include "core/formats/gzip.hpp"
#include "core/geo/mercator.hpp"
#include "platform/feed_source.hpp"
#include "platform/imgui_backend.hpp"
#include "platform/memory.hpp"
#include "platform/page.hpp"
#include "render/scene_mesh.hpp"
#include "ui/diagnostic_text.hpp"
#include "ui/text_caret.hpp"
#include "ui/ui_font.hpp"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <utility>

namespace cordon {

namespace {

/// Milliseconds on a steady clock (in the browser, performance.now(): since the page began loading).
double clockMs() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

/// Adds the milliseconds since `since` to `into` and moves `since` to now.
void lap(double& into, double& since) {
    const double now = clockMs();
    into += now - since;
    since = now;
}

constexpr double kFitPaddingPx = 40.0;
/// How far from a point feature a click still picks it, in CSS pixels.
constexpr double kPickRadiusPx = 8.0;
/// The hierarchies are built in slices of this many milliseconds per idle frame (each a whole number
/// of the situation's steps of a few contractions): a city's take a second or two in all, and an
/// input waits at most one slice.
constexpr double kHierarchySliceMs = 8.0;

std::span<const unsigned char> bytesOf(std::string_view s) {
    return {reinterpret_cast<const unsigned char*>(s.data()), s.size()};
}

} // namespace

App::App(AppOptions options)
    : m_options(std::move(options)),
      m_loader([](const FeedRequest& r) { requestFile(r.url, r.etag, r.lastModified); },
               [] { return static_cast<std::uint64_t>(SDL_GetTicks64()); }) {
    m_panel.lang = m_options.lang;
    m_staffingView.gaps().lang = m_options.lang; // the figures' scope is named before the first frame
    // A briefing's print map, drawn when the page is about to print (between frames: the page's
    // event runs outside the main loop).
    page::setPrintHandler([this] {
        if (!m_briefingShown || m_frameCount == 0) return;
        int width = 0, height = 0;
        m_window.drawableSize(width, height);
        makePicture(PictureRequest{PictureUse::Print, kPrintMapWidth, kPrintMapHeight}, width, height);
    });
    if (m_options.isoMode) m_panel.isochroneMode = *m_options.isoMode;
    if (!m_options.isoMinutes.empty()) m_panel.isochroneMinutes = m_options.isoMinutes;
    m_workspace.request = workspaceTabFromKey(m_options.tab);
    m_workspace.filter.time = timeFilterFromKey(m_options.time);
    m_panel.pictureSize = m_options.pictureSize == "a4-300"   ? PictureSize::A4At300
                          : m_options.pictureSize == "a4-150" ? PictureSize::A4At150
                                                              : PictureSize::Screen;
    m_workspace.collapsed = !m_options.panel;
    if (m_options.wall) {
        // The wall's dark map: only posts with a problem drawn, at the one clock of the wall.
        m_theme = MapTheme::Wall;
        m_renderer.setGround(groundColour(MapTheme::Wall));
        m_renderer.setContextRim(Rgba{10, 19, 36, 255});
        m_staffingView.setProblemsOnly(true);
        m_labels.setDistrictsOnly(true);
    }
    m_loader.setAdmission(
        [](std::size_t bytes) { return admitByMemory(bytes, memoryUse().usedBytes, memoryLimit()); });
#ifdef __EMSCRIPTEN__
    m_panel.canImport = !m_options.snapshot;
#endif
}

App::~App() {
    if (m_imguiReady) {
        imgui_backend::shutdown();
        ImGui::DestroyContext();
    }
}

bool App::start() {
    m_startup.atMs = clockMs();
    double since = m_startup.atMs;
    page::setStatus(tr(TextId::LoadingData, m_options.lang));
    std::string error;
    if (!m_window.open("cordon", m_options.windowWidth, m_options.windowHeight, error)) {
        page::showError(std::string(tr(TextId::NoWebGl2, m_options.lang)) + " (" + error + ")");
        return false;
    }
    if (!m_renderer.init(error)) {
        page::showError("shader: " + error);
        return false;
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    ImGui::StyleColorsLight();
    imgui_backend::init(m_window);
    m_imguiReady = true;
    lap(m_startup.windowMs, since);

    // The font subset is embedded gzipped; it must outlive the atlas, so the app keeps it.
    GunzipResult font = gunzip(embeddedAsset("fonts/cjk-subset.ttf.gz"));
    if (!font.bytes) page::showError("embedded font: " + font.error);
    m_fontBytes = font.bytes ? std::move(*font.bytes) : std::string();
    const double scale = m_window.pixelScale();
    m_font = std::make_unique<UiFont>(bytesOf(m_fontBytes), static_cast<float>(kUiFontSize * scale));
    lap(m_startup.fontMs, since);
    startLoading(); // times its own steps
    since = clockMs();
    page::showSearchBox(!m_options.wall, tr(TextId::SearchHint, m_panel.lang));
    addGlyphs();
    if (m_options.wall) {
        int width = 0, height = 0;
        m_window.drawableSize(width, height);
        noteWallType(height);
    }
    m_font->build();
    io.FontGlobalScale = static_cast<float>(1.0 / scale);
    lap(m_startup.fontMs, since);
    return true;
}

void App::startLoading() {
    m_panel.demoData = m_options.feeds.empty() && m_options.manifest.empty();
    m_loader.setDefaultRefresh(m_options.snapshot ? 0 : m_options.refreshSeconds);
    m_loader.setStaleAfter(m_options.staleSeconds);
    setFetchTimeout(m_options.fetchTimeoutSeconds);
    m_loader.setAskBeforeShrink(!m_options.wall && !m_options.snapshot);
    m_loader.setRoadDistance([this](LonLat p) -> std::optional<double> {
        if (!m_situation.graph()) return std::nullopt;
        const std::optional<EdgePoint> on = m_situation.graph()->snap(p, TravelMode::Drive);
        return on ? std::optional<double>(on->distanceMetres) : std::nullopt;
    });
    if (!m_options.manifest.empty()) m_loader.requestManifest(m_options.manifest);
    for (const ManifestEntry& feed : m_options.feeds)
        m_loader.requestFeed(feed.url, feed.kind);
    if (m_panel.demoData) {
        for (std::string_view name : embeddedAssetNames())
            if (name.starts_with(kDemoPrefix))
                m_loader.receive({std::string(name), std::string(embeddedAsset(name)), ""});
    }
    // What is already here (the embedded demo, native files) is shown on the very first frame.
    bool changed = false;
    const double since = clockMs();
    while (m_loader.busy())
        changed |= m_loader.processOne(m_situation.feeds());
    m_startup.readMs += clockMs() - since;
    if (changed) feedsChanged();
    m_panel.problems = m_loader.problems();
}

void App::pumpLoading() {
    answerPendingUpdate();
    m_loader.poll();
    for (FetchedFile& f : takeLoadedFiles()) {
        redrawSoon(); // an answer (new data, an error, "not modified") changes what the panels say
        if (m_snapshotPanel.busy && f.source == kSnapshotAppPage)
            finishSnapshot(f);
        else
            m_loader.receive(std::move(f));
    }
    m_panel.status.clear();
    if (m_loader.busy()) {
        // Parse one file per frame, after a frame that says what is being parsed, so the page
        // never sits silent while a large feed is read.
        if (m_parseAnnounced) {
            const double since = clockMs();
            const bool changed = m_loader.processOne(m_situation.feeds());
            if (!m_readySignalled) m_startup.readMs += clockMs() - since;
            if (changed)
                feedsChanged();
            else
                addGlyphs(); // a refused file's messages, or the names a which-feed question shows
            m_panel.problems = m_loader.problems();
            m_parseAnnounced = false;
        } else {
            m_panel.status =
                std::string(tr(TextId::Parsing, m_panel.lang)) + " " + m_loader.nextSource() + " …";
            m_parseAnnounced = true;
        }
    } else if (pendingRequests() > 0) {
        m_panel.status =
            std::string(tr(TextId::Loading, m_panel.lang)) + " (" + std::to_string(pendingRequests()) + ") …";
    }
}

void App::computeIsochrones() {
    m_isochroneView.compute(m_situation, m_panel);
    m_renderer.uploadIsochrones(m_isochroneView.mesh(m_sceneOrigin));
    LegendModel& legend = m_staffingView.legend();
    legend.isochrones = m_isochroneView.legendBands(groundColour(m_theme));
    legend.isochroneMode =
        tr(m_panel.isochroneMode == TravelMode::Walk ? TextId::Walk : TextId::Drive, m_panel.lang);
}

void App::addGlyphs() {
    if (!m_font) return;
    bool added = false;
    for (int k = 0; k < kFeedKindCount; ++k) {
        const auto& feed = m_situation.feeds().feeds[k];
        // Each version of a feed is read for new characters once (refreshes bring new versions).
        if (!feed || m_glyphVersions[k] == m_situation.feeds().versions[k]) continue;
        m_glyphVersions[k] = m_situation.feeds().versions[k];
        for (const FeatureRecord& f : feed->layer.features)
            added |= m_font->addText(f.name);
        added |= m_font->addText(feed->layer.propertiesText);
    }
    for (const Diagnostic& d : m_loader.problems())
        added |= m_font->addText(diagnosticText(d, m_panel.lang));
    if (const std::optional<UnknownFile>& u = m_loader.unknownFile()) {
        added |= m_font->addText(u->source);
        for (const std::string& s : u->preview.names)
            added |= m_font->addText(s);
        for (const std::string& s : u->preview.propertyNames)
            added |= m_font->addText(s);
    }
    if (added && m_frameCount > 0) rebuildFonts();
}

void App::rebuildFonts() {
    m_font->build();
    if (m_frameCount == 0) return; // before the first frame the backend uploads the atlas itself
    imgui_backend::reloadFonts();
}

bool App::noteWallType(int drawableHeight) {
    const double scale = m_window.pixelScale();
    const float px =
        kUiFontSize * static_cast<float>(scale) * wallUnit(static_cast<float>(drawableHeight / scale));
    bool changed = m_font->setWallSizes(kWallTextScale * px, kWallFigureScale * px);
    const WallModel& wall = m_wallView.model();
    for (const std::string* text :
         {&wall.title, &wall.place, &wall.lastChange, &wall.feedAlert, &wall.feedFailure, &wall.zones.title,
          &wall.posts.title, &wall.chartTitle})
        changed |= m_font->addWallText(*text);
    for (const std::string& text : wall.ticker)
        changed |= m_font->addWallText(text);
    // The rows (hundreds of names) are read again only when the lists were made again.
    if (m_wallTextsNoted == m_wallView.textsVersion()) return changed;
    m_wallTextsNoted = m_wallView.textsVersion();
    for (const WallList* list : {&wall.zones, &wall.posts})
        for (const WallRow& row : list->rows) {
            changed |= m_font->addWallText(row.name);
            changed |= m_font->addWallText(row.detail);
            changed |= m_font->addWallText(row.figure);
        }
    return changed;
}

void App::updateCoverage() {
    if (m_coverageView.update(m_situation)) rebuildOverlay();
}

void App::advanceHierarchies() {
    if (!m_situation.graph() || !m_readySignalled) return;
    const double start = clockMs();
    m_situation.advanceHierarchies([&] { return clockMs() - start < kHierarchySliceMs; });
}

void App::updateStaffing() {
    if (!m_situation.refreshStaffing()) return;
    m_staffingView.staffingChanged(m_situation);
    m_coverageView.fillGaps(m_situation); // the zones in force today may have changed with the day
    rebuildOverlay();
}

void App::makePlan() {
    if (!m_situation.makePlan()) return;
    m_staffingView.showPlan(m_situation);
    showSelection(); // the details name the moves in and out of a selected post; the overlay too
}

void App::stepScrub(int slots) {
    m_staffingView.stepScrub(m_situation, slots);
    rebuildOverlay();
}

void App::updateScrub() {
    m_staffingView.updateScrub(m_situation);
    rebuildOverlay();
}

void App::rebuildOverlay() {
    SceneMesh overlay;
    overlay.origin = m_sceneOrigin;
    m_coverageView.addToMap(overlay, m_situation);
    m_renderer.uploadStatusSymbols(m_staffingView.addToMap(overlay, m_situation, m_panel.layers));
    addFilterOutline(overlay);
    m_selection.addToMap(overlay, m_situation.feeds());
    m_renderer.uploadOverlay(overlay);
    m_labels.setNotes(m_staffingView.planLabels(m_panel.lang));
    if (m_options.wall) uploadPulse();
}

void App::uploadPulse() {
    if (!m_options.pulse) return;
    m_renderer.uploadPulse(m_wallView.pulseRings(m_situation, m_sceneOrigin));
}

int App::nowMinuteOfDay() const {
    return m_options.nowMinuteOfDay >= 0 ? m_options.nowMinuteOfDay : localMinuteOfDay();
}

void App::updateKpis() {
    m_figures = m_situation.figures(nowMinuteOfDay());
    const Figures& f = m_figures;
    const auto count = [&](FigureId id) { return f.known(id) ? static_cast<int>(f[id]) : -1; };
    m_figureAsOf = figureAsOf(m_loader.health(), nowMinuteOfDay(), SDL_GetTicks64());
    const auto asOf = [&](FigureId id) { return m_figureAsOf[static_cast<std::size_t>(id)]; };
    m_wallView.setFigures(f, m_figureAsOf);
    m_staffingView.gaps().asOf = asOf(FigureId::PersonHoursShort);
    if (m_staffingView.gaps().asOf.empty()) m_staffingView.gaps().asOf = asOf(FigureId::ZonesBreakingRule);
    m_coverageView.panel().asOf = asOf(FigureId::ZonesOutOfReach);
    m_staffingView.legend().asOf = asOf(FigureId::PostsShortNow);
    if (m_staffingView.legend().asOf.empty())
        m_staffingView.legend().asOf = asOf(FigureId::ZonesBreakingRule);
    m_coverageView.panel().highRiskWithoutTaskForce =
        static_cast<std::size_t>(std::max(0, count(FigureId::ZonesOutOfReach)));
}

void App::updateWall() {
    const int now = nowMinuteOfDay();
    const std::uint64_t nowMs = SDL_GetTicks64();
    const std::optional<TourStop> stop =
        m_wallView.tick(m_situation, m_panel.lang, now, dataAsOf(m_loader.health(), now, nowMs), nowMs,
                        m_options.tour, m_options.tourSeconds);
    if (m_wallView.setAttention(m_situation, m_panel.lang, now)) uploadPulse();
    m_wallView.placeEdgeMarkers(m_situation, m_camera, m_window.pixelScale());
    const LonLat centre = mercator::unproject(m_camera.centre());
    m_wallView.model().metresPerPixel =
        m_camera.metresPerPixel() * m_window.pixelScale() * mercator::scaleFactor(centre.lat);
    if (m_staffingView.showTime(m_situation, now)) rebuildOverlay(); // one clock for tiles, lists and map
    if (stop) flyTo(stop->kind, stop->feature);
    // At the city's zoom only posts with a problem are drawn; closer in (a tour stop), every post
    // in its status, so the officer sees the staffed ones around a problem too.
    const double sizeScale = m_window.pixelScale() * wallUnit(ImGui::GetIO().DisplaySize.y);
    if (m_staffingView.setProblemsOnly(m_camera.detailZoom(sizeScale) < kWallStreetZoom)) rebuildOverlay();
}

void App::flyTo(FeedKind kind, std::uint32_t feature) {
    const Feed* feed = m_situation.feeds().get(kind);
    if (!feed || feature >= feed->size()) return;
    MercatorBox box = feed->layer.featureBounds(feature);
    if (box.empty()) return;
    constexpr double kMinSpanMetres = 600; // a point or a small compound still shows its streets
    const MercatorPoint c = box.centre();
    box.add(MercatorPoint{c.x - kMinSpanMetres / 2, c.y - kMinSpanMetres / 2});
    box.add(MercatorPoint{c.x + kMinSpanMetres / 2, c.y + kMinSpanMetres / 2});
    fitCamera(box);
    select(PickedFeature{kind, feature});
}

std::optional<PickedFeature> App::pickAt(ScreenPoint at) const {
    const LonLat p = mercator::unproject(m_camera.screenToWorld(at));
    FeedMask pickable{};
    for (const LayerRow& row : m_panel.layers)
        pickable[static_cast<int>(row.kind)] = row.visible;
    const double radius =
        kPickRadiusPx * m_window.pixelScale() * m_camera.metresPerPixel() * mercator::scaleFactor(p.lat);
    return m_selection.pick(m_situation.feeds(), p, radius, pickable);
}

void App::clickAt(ScreenPoint at) {
    const std::optional<PickedFeature> picked = pickAt(at);
    select(picked);
    if (picked) m_workspace.request = WorkspaceTab::Details; // what was clicked, beside the map
    if (!m_situation.graph()) return;
    // A click on a team gives that team's reach in its own mode; anywhere else, the reach from
    // the clicked point in the mode chosen in the panel.
    if (picked && picked->kind == FeedKind::Teams) return showTeamReach(picked->feature);
    m_isochroneView.setOrigin(mercator::unproject(m_camera.screenToWorld(at)), "");
    computeIsochrones();
}

void App::showTeamReach(std::uint32_t feature) {
    const Feed* teams = m_situation.feeds().get(FeedKind::Teams);
    if (!teams || feature >= teams->size() || !m_situation.graph()) return;
    const FeatureLayer& layer = teams->layer;
    const FeatureRecord& team = layer.features[feature];
    if (team.partCount == 0) return;
    m_isochroneView.setOrigin(layer.ring(layer.parts[team.firstPart].firstRing)[0], team.shownName());
    m_panel.isochroneMode = teams->teams[feature].mode;
    computeIsochrones();
}

void App::fitCamera(const MercatorBox& box) {
    const double scale = m_window.pixelScale();
    if (!m_options.wall) {
        // The map is what the side panel leaves: the window right of it.
        const double pad = kFitPaddingPx * scale;
        m_camera.fitInside(box, workspaceMapLeft(m_workspace, kUiFontSize) * scale + pad, pad, pad, pad);
        return;
    }
    const WallLayout l = wallLayout(static_cast<float>(m_camera.viewportWidth() / scale),
                                    static_cast<float>(m_camera.viewportHeight() / scale));
    const double pad = l.gap * scale;
    m_camera.fitInside(box, l.mapLeft * scale + pad, l.mapTop * scale + pad, l.mapRight * scale + pad,
                       l.mapBottom * scale + pad);
}

void App::select(std::optional<PickedFeature> picked) {
    m_selection.select(m_situation.feeds(), picked);
    showSelection();
}

void App::showSelection() {
    const std::optional<PickedFeature>& picked = m_selection.selected();
    m_panel.selectedFeed = picked ? std::optional<FeedKind>(picked->kind) : std::nullopt;
    // A post's staffing at the scrubbed time, else now.
    const StaffingModel* staffing = m_situation.staffing();
    const int scrubbed = m_staffingView.gaps().scrubSlot;
    const int slot = !staffing ? -1 : scrubbed >= 0 ? scrubbed : slotAt(staffing->day(), nowMinuteOfDay());
    const StaffingPlan* plan = m_staffingView.gaps().hasPlan ? m_situation.plan() : nullptr;
    m_selection.describe(m_situation.feeds(),
                         BriefContext{staffing, slot, m_situation.coverage(), plan ? &plan->best : nullptr,
                                      m_selection.teamTimes(m_situation)},
                         m_panel.lang);
    rebuildOverlay();
}

void App::feedsChanged() {
    redrawSoon();
    std::vector<LayerRow> rows;
    for (const auto& feed : m_situation.feeds().feeds) {
        if (!feed) continue;
        LayerRow row{feed->kind, feed->size(), true, 1.0f};
        bool known = false;
        for (const LayerRow& old : m_panel.layers)
            if (old.kind == feed->kind) {
                row.visible = old.visible;
                row.opacity = old.opacity;
                known = true;
            }
        if (!known) { // first seen: as the URL asks
            for (FeedKind k : m_options.hidden)
                if (k == feed->kind) row.visible = false;
            for (const auto& [k, alpha] : m_options.opacity)
                if (k == feed->kind) row.opacity = alpha;
        }
        rows.push_back(std::move(row));
    }
    m_panel.layers = std::move(rows);
    // Until the first full frame, each step's time goes to the start-up figures; later ones to a scratch sum.
    double later = 0;
    auto startup = [&](double& step) -> double& { return m_readySignalled ? later : step; };
    double since = clockMs();
    if (m_situation.refreshGraph() && m_situation.graph()) {
        m_panel.hasRoads = true;
        m_staffingView.clearPlan(); // the situation dropped the plan made over the old roads
        if (m_options.isoFrom && !m_isoApplied) {
            m_isoApplied = true;
            m_isochroneView.setOrigin(*m_options.isoFrom, "");
        }
        if (m_isochroneView.origin()) computeIsochrones();
    }
    lap(startup(m_startup.graphMs), since);
    m_labels.feedsChanged(m_situation.feeds());
    addGlyphs();
    if (m_selection.feedsChanged(m_situation.feeds(), m_panel.lang)) showSelection();
    lap(startup(m_startup.indexMs), since);
    rebuildScene();
    lap(startup(m_startup.sceneMs), since);
    updateCoverage();
    lap(startup(m_startup.coverageMs), since);
    updateStaffing();
    lap(startup(m_startup.staffingMs), since);
    updateFilterChoices();
    if (!m_hadData) m_needsFit = true;
    m_hadData = true;
}

void App::rebuildScene() {
    std::vector<const Feed*> visible;
    std::vector<float> opacity;
    for (const LayerRow& row : m_panel.layers)
        if (row.visible && m_situation.feeds().get(row.kind)) {
            visible.push_back(m_situation.feeds().get(row.kind));
            opacity.push_back(row.opacity);
        }
    const SceneMesh mesh = buildSceneMesh(visible, opacity, m_theme);
    m_renderer.upload(mesh);
    if (!(mesh.origin == m_sceneOrigin)) {
        m_sceneOrigin = mesh.origin;
        m_renderer.uploadIsochrones(m_isochroneView.mesh(m_sceneOrigin));
        rebuildOverlay();
    }
}

void App::answerPendingUpdate() {
    if (std::exchange(m_unloadDemo, false) && m_loader.unloadFrom(kDemoPrefix, m_situation.feeds()) > 0) {
        feedsChanged();
        m_panel.problems = m_loader.problems();
    }
    bool answered = false;
    if (m_feedStatus.answer(m_loader, m_situation.feeds(), answered)) feedsChanged();
    if (answered) m_panel.problems = m_loader.problems();
}

void App::redrawSoon() {
    m_drawUntilMs = SDL_GetTicks64() + kDrawAfterInputMs;
}

bool App::needsDrawing(bool input) {
    const std::uint64_t now = SDL_GetTicks64();
    // ImGui settles over a few frames after input (hover, sizes): keep drawing a moment after it.
    if (input) redrawSoon();
    const bool cameraMoved =
        m_camera.centre().x != m_drawn.centre.x || m_camera.centre().y != m_drawn.centre.y ||
        m_camera.metresPerPixel() != m_drawn.metresPerPixel || m_camera.viewportWidth() != m_drawn.width ||
        m_camera.viewportHeight() != m_drawn.height;
    // Ages, the clock and the staffing of the hour move with time: once a second is enough.
    return m_options.exitAfterFrames > 0 || !m_readySignalled || now < m_drawUntilMs || cameraMoved ||
           m_loader.busy() || pendingRequests() > 0 || m_snapshotPanel.busy || m_pictureRequest ||
           m_needsFit || now - m_drawn.atMs >= kIdleRedrawMs ||
           (m_wallView.pulsingZones() > 0 && static_cast<double>(now - m_drawn.atMs) >= m_pulseFrameMs);
}

void App::buildUi() {
    imgui_backend::newFrame();
    ImGui::NewFrame();
    m_panel.zoom = m_camera.zoomLevel();
    m_panel.cursor.reset();
    if (m_input.pointer()) m_panel.cursor = mercator::unproject(m_camera.screenToWorld(*m_input.pointer()));
    const float wallScale = m_options.wall ? std::max(1.0f, ImGui::GetIO().DisplaySize.y / 1080.0f) : 1.0f;
    m_labels.setMapLeft(m_options.wall ? 0.0f : workspaceMapLeft(m_workspace, kUiFontSize));
    m_labels.draw(m_situation.feeds(), m_camera, 1.0 / m_window.pixelScale(), wallScale,
                  m_selection.selected());
    if (m_options.wall) {
        updateWall();
        m_wallView.setShown(drawWallPanel(m_wallView.model(), {m_font ? m_font->wallTextFace() : nullptr,
                                                               m_font ? m_font->wallFigureFace() : nullptr}));
    } else {
        drawPanels();
    }
}

bool App::frame() {
    if (m_frameCount == 0 && m_startup.frameStartMs == 0) m_startup.frameStartMs = clockMs();
    SDL_Event e;
    bool input = false;
    while (SDL_PollEvent(&e)) {
        if (e.type == SDL_QUIT) return false;
        const InputEffects effects = m_input.handle(e, m_camera, m_window.pixelScale());
        if (effects.click) clickAt(*effects.click);
        if (effects.command) runCommand(*effects.command);
        input = true;
    }
    // Text committed in the page's input-method proxy (拼音 and all typing into a field).
    if (const std::string typed = page::takeTypedText(); !typed.empty()) {
        ImGui::GetIO().AddInputCharactersUTF8(typed.c_str());
        input = true;
    }
    int width = 0, height = 0;
    m_window.drawableSize(width, height);
    m_camera.setViewport(width, height);
    if (m_needsFit) {
        MercatorBox box;
        // The wall frames the city's built-up area (its districts), not outliers such as far entry
        // stations; the laptop frames everything loaded.
        const Feed* areas = m_options.wall ? m_situation.feeds().get(FeedKind::Areas) : nullptr;
        if (areas) box.add(areas->layer.bounds());
        if (box.empty())
            for (const auto& feed : m_situation.feeds().feeds)
                if (feed) box.add(feed->layer.bounds());
        fitCamera(box);
        m_needsFit = false;
        if (m_options.view && !m_viewApplied && m_hadData) {
            m_viewApplied = true;
            m_camera.setCentre(mercator::project(m_options.view->centre));
            m_camera.setMetresPerPixel(2 * mercator::kHalfWorld / (256.0 * std::exp2(m_options.view->zoom)));
        }
    }

    pumpLoading();
    if (!needsDrawing(input || page::searchPending())) {
        // The canvas keeps showing the last frame. Idle frames build the hierarchies, so that a
        // drawn frame (panning, a flight) is never slowed by them.
        advanceHierarchies();
        return true;
    }
    const double drawStartMs = clockMs();
    m_panel.demoData =
        m_loader.holdsFrom(kDemoPrefix); // 演示数据（虚构） only while some of it is on the map
    FeedStrip strip = m_feedStatus.update(m_loader, m_panel.lang, SDL_GetTicks64(), nowMinuteOfDay());
    m_wallView.setFeedStrip(strip.stale, strip.failed, std::move(strip.recent));
    updateKpis();
    // The wall's type is rasterised at its size (again when the screen or its texts change).
    if (m_options.wall && m_font && noteWallType(height)) rebuildFonts();
    if (m_hadData && !m_loader.busy() && pendingRequests() == 0) applyOpeningState();
    if (m_options.snapshot && !m_briefingShown && m_hadData && !m_loader.busy() && pendingRequests() == 0) {
        m_briefingShown = true;
        m_wallView.setAttention(m_situation, m_panel.lang, nowMinuteOfDay()); // the zones it lists
        page::showBriefing(briefingJson());
        m_pictureRequest = PictureRequest{PictureUse::Print, kPrintMapWidth, kPrintMapHeight};
    }
    // Pictures are drawn off the screen between the screen's frames (never inside one).
    if (m_pictureRequest && m_frameCount > 0)
        makePicture(*std::exchange(m_pictureRequest, std::nullopt), width, height);
    // Windows that size themselves to their content are hidden in the frame that measures them: the
    // first frame is laid out once unseen, so that the first one drawn is complete.
    if (m_frameCount == 0) {
        buildUi();
        ImGui::EndFrame();
    }
    buildUi();
    ImGui::Render();
    // The proxy follows the caret of the field being edited, and lets go once editing ends.
    if (const TextCaret caret = textCaret(); caret.editing || m_editingText) {
        page::placeTextInput(caret.editing, caret.x, caret.y, caret.lineHeight);
        m_editingText = caret.editing;
    }

    if (m_wallView.pulsingZones() > 0)
        m_renderer.setPulse(static_cast<float>(SDL_GetTicks64() % kPulsePeriodMs) / kPulsePeriodMs);
    const float cssHeight = static_cast<float>(height / m_window.pixelScale());
    m_renderer.setSizeScale(static_cast<float>(m_window.pixelScale()) *
                            (m_options.wall ? wallUnit(cssHeight) : 1.0f));
    m_renderer.beginFrame(width, height);
    m_renderer.draw(m_camera);
    imgui_backend::render();

    ++m_frameCount;
    const bool last = m_options.exitAfterFrames > 0 && m_frameCount >= m_options.exitAfterFrames;
    if (last && !m_options.screenshotPath.empty()) writeScreenshot(m_options.screenshotPath, width, height);
    m_window.swap();
    m_drawn = DrawnView{m_camera.centre(), m_camera.metresPerPixel(), width, height, SDL_GetTicks64()};
    m_pulseFrameMs = std::clamp(3 * (clockMs() - drawStartMs), kPulseMinFrameMs, kPulseMaxFrameMs);
    // Ready once every source has answered once (feeds refreshed on an interval are never idle).
    const bool loading = m_loader.busy() || !m_loader.allAnswered();
    if (loading != m_wasLoading) m_memory = memoryUse(); // walks the heap: not every frame
    m_wasLoading = loading;
    if (!m_readySignalled && !loading) {
        m_readySignalled = true;
        m_startup.framesMs = clockMs() - m_startup.frameStartMs;
        m_publishedState = stateJson();
        page::signalReady(m_publishedState);
    } else if (m_readySignalled) {
        std::string state = stateJson();
        if (state != m_publishedState) page::publishState(m_publishedState = std::move(state));
    }
    return !last;
}

} // namespace cordon
