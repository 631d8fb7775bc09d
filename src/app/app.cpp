// The app's frame loop and its wiring: loading into the Situation, the views (coverage, staffing,
// isochrones, wall) when its results change, panels, labels, input. Over 700 lines for now: input
// events, selection and search and the feed status are still methods here and are the next to
// move out (docs/architecture.md, "Still to do").

#include "app/app.hpp"

#include "app/embedded_assets.hpp"
#include "core/formats/append_format.hpp"
#include "core/formats/feature_export.hpp"
#include "core/formats/gzip.hpp"
#include "core/formats/json.hpp"
#include "core/geo/mercator.hpp"
#include "core/map/feature_search.hpp"
#include "core/staffing/reassignment.hpp"
#include "platform/feed_source.hpp"
#include "platform/imgui_backend.hpp"
#include "platform/memory.hpp"
#include "platform/page.hpp"
#include "render/isochrone_mesh.hpp"
#include "render/map_labels.hpp"
#include "render/overlay_mesh.hpp"
#include "render/png_image.hpp"
#include "render/scene_mesh.hpp"
#include "render/style.hpp"
#include "ui/diagnostic_text.hpp"
#include "ui/feed_messages.hpp"
#include "ui/map_labels_view.hpp"
#include "ui/shortcuts.hpp"
#include "ui/ui_font.hpp"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
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
constexpr double kWheelZoomStep = 1.25;
constexpr double kKeyZoomStep = 1.5;
constexpr double kKeyPanPx = 120.0;
/// How far from a point feature a click still picks it, in CSS pixels.
constexpr double kPickRadiusPx = 8.0;
constexpr float kFontSize = 16.0f;
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
    if (m_options.isoMode) m_panel.isochroneMode = *m_options.isoMode;
    if (!m_options.isoMinutes.empty()) m_panel.isochroneMinutes = m_options.isoMinutes;
    m_feedsPanel.visible = !m_options.snapshot; // a briefing's data is as of its header, not live
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
    m_font = std::make_unique<UiFont>(bytesOf(m_fontBytes), static_cast<float>(kFontSize * scale));
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
        kFontSize * static_cast<float>(scale) * wallUnit(static_cast<float>(drawableHeight / scale));
    bool changed = m_font->setWallSizes(kWallTextScale * px, kWallFigureScale * px);
    for (const std::string* text : {&m_wallView.model().place, &m_wallView.model().lastChange,
                                    &m_wallView.model().feedAlert, &m_wallView.model().feedFailure})
        changed |= m_font->addWallText(*text);
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
    rebuildOverlay();
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
    if (m_selected)
        if (const Feed* feed = m_situation.feeds().get(m_selected->kind))
            appendMesh(overlay, buildSelectionMesh(feed->layer, m_selected->feature, m_sceneOrigin));
    m_renderer.uploadOverlay(overlay);
}

void App::drawLabels() {
    m_labelsPlaced = m_labelDistricts = 0;
    if (!m_showLabels) return;
    const double zoom = m_camera.zoomLevel();
    const double toUi = 1.0 / m_window.pixelScale();
    const float wallScale = m_options.wall ? std::max(1.0f, ImGui::GetIO().DisplaySize.y / 1080.0f) : 1.0f;
    std::vector<LabelCandidate> candidates;
    std::vector<LabelKind> kinds;
    auto add = [&](std::string_view text, MercatorPoint at, LabelKind kind, std::uint32_t id) {
        const ScreenPoint p = m_camera.worldToScreen(at);
        if (p.x < 0 || p.y < 0 || p.x > m_camera.viewportWidth() || p.y > m_camera.viewportHeight()) return;
        LabelCandidate c;
        c.text = text;
        c.x = static_cast<float>(p.x * toUi);
        c.y = static_cast<float>(p.y * toUi);
        c.priority = labelPriority(kind);
        c.id = id;
        c.textScale = labelScale(kind) * wallScale;
        candidates.push_back(std::move(c));
        kinds.push_back(kind);
    };
    if (m_selected)
        if (const Feed* feed = m_situation.feeds().get(m_selected->kind);
            feed && m_selected->feature < feed->size()) {
            const FeatureRecord& f = feed->layer.features[m_selected->feature];
            const MercatorBox box = feed->layer.featureBounds(m_selected->feature);
            // Points get their name just above the symbol; areas at their centroid.
            if (!f.name.empty() && !box.empty()) {
                MercatorPoint at = box.centre();
                if (m_selected->kind == FeedKind::Areas || m_selected->kind == FeedKind::Zones)
                    at = polygonLabelPoint(feed->layer, m_selected->feature);
                else
                    at.y += 24 * m_camera.metresPerPixel();
                add(f.name, at, LabelKind::Selected, m_selected->feature);
            }
        }
    for (const LabelAnchor& a : m_labelAnchors)
        if (zoom >= labelMinZoom(a.kind)) add(a.text, a.at, a.kind, a.feature);
    const std::vector<std::size_t> placed = drawMapLabels(candidates);
    m_labelsPlaced = static_cast<int>(placed.size());
    for (std::size_t i : placed)
        m_labelDistricts += kinds[i] == LabelKind::District;
}

void App::runSearch() {
    m_searchHits = searchFeatures(m_situation.feeds(), m_search.query, 30);
    m_search.rows.clear();
    for (const SearchHit& hit : m_searchHits) {
        const FeatureRecord& f = m_situation.feeds().get(hit.kind)->layer.features[hit.feature];
        m_search.rows.push_back(
            {f.shownName(), std::string(feedDisplayName(hit.kind, m_panel.lang)) + "  " + f.id});
    }
}

void App::drawPanels() {
    const MapPanelActions actions = drawMapPanel(m_panel);
    if (actions.fitToData) m_needsFit = true;
    if (actions.exportView) m_exportView = true;
    if (actions.importFiles) page::openFilePicker();
    if (actions.unloadDemo) {
        m_unloadDemo = true; // before the next frame, as new feeds are taken
        redrawSoon();
    }
    if (actions.exportLayerGeoJson) exportSelectedLayer(false);
    if (actions.exportLayerCsv) exportSelectedLayer(true);
    if (actions.layersChanged) {
        rebuildScene();
        rebuildOverlay();
    }
    if (actions.isochroneSettingsChanged) computeIsochrones();
    m_details.lang = m_panel.lang;
    if (drawDetailsPanel(m_details)) select(std::nullopt);
    m_coverageView.panel().lang = m_panel.lang;
    const CoveragePanelActions coverage = drawCoveragePanel(m_coverageView.panel());
    if (coverage.thresholdChanged) updateCoverage();
    if (coverage.responsibilityToggled) rebuildOverlay();
    if (coverage.goTo) flyTo(coverage.goTo->feed, coverage.goTo->feature);
    m_staffingView.gaps().lang = m_panel.lang;
    const GapsPanelActions gaps = drawGapsPanel(m_staffingView.gaps());
    if (gaps.scrubChanged) updateScrub();
    if (gaps.goToPost) flyTo(FeedKind::Posts, *gaps.goToPost);
    if (gaps.planRequested) makePlan();
    m_staffingView.legend().lang = m_panel.lang;
    if (drawLegendPanel(m_staffingView.legend()).colourToggled) rebuildOverlay();
    drawFeedsPanel(m_feedsPanel);
    drawPendingUpdate();
    drawUnknownFile();
    m_snapshotPanel.lang = m_panel.lang;
    if (drawSnapshotPanel(m_snapshotPanel).save) requestSnapshot();
    if (std::optional<std::string> query = page::takeSearchQuery()) {
        m_search.query = std::move(*query);
        runSearch();
    }
    if (page::takeSearchSubmit() && !m_searchHits.empty())
        flyTo(m_searchHits[0].kind, m_searchHits[0].feature);
    updateHover();
    m_search.lang = m_panel.lang;
    m_search.ownInput = !page::hasSearchBox();
    const SearchPanelActions search = drawSearchPanel(m_search);
    if (search.queryChanged) runSearch();
    if (search.goTo && *search.goTo < m_searchHits.size())
        flyTo(m_searchHits[*search.goTo].kind, m_searchHits[*search.goTo].feature);
    if (actions.clearIsochrones) {
        m_isochroneView.clear();
        m_panel.isochroneInfo.clear();
        m_renderer.uploadIsochrones({});
    }
}

namespace {

int clockMinuteOfDay() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    if (const std::tm* t = std::localtime(&now)) local = *t;
    return local.tm_hour * 60 + local.tm_min;
}

} // namespace

int App::nowMinuteOfDay() const {
    return m_options.nowMinuteOfDay >= 0 ? m_options.nowMinuteOfDay : clockMinuteOfDay();
}

void App::updateKpis() {
    m_figures = m_situation.figures(nowMinuteOfDay());
    const Figures& f = m_figures;
    const auto count = [&](FigureId id) { return f.known(id) ? static_cast<int>(f[id]) : -1; };
    // A figure whose inputs failed or went stale is shown as of its oldest input's last good data.
    const auto health = m_loader.health();
    const std::uint64_t nowMs = SDL_GetTicks64();
    for (int i = 0; i < kFigureCount; ++i) {
        std::uint64_t asOf = 0;
        bool doubtful = false;
        for (FeedKind kind : figureInputs(static_cast<FigureId>(i))) {
            const FeedLoader::KindHealth& h = health[static_cast<std::size_t>(kind)];
            if (!h.doubtful()) continue;
            doubtful = true;
            if (h.confirmedMs > 0 && (asOf == 0 || h.confirmedMs < asOf)) asOf = h.confirmedMs;
        }
        m_figureAsOf[i] =
            !doubtful ? std::string()
            : asOf == 0
                ? std::string("-")
                : clockText(((nowMinuteOfDay() - static_cast<int>((nowMs - asOf) / 60000)) % kMinutesPerDay +
                             kMinutesPerDay) %
                            kMinutesPerDay);
    }
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
    if (f.known(FigureId::ZonesBreakingRule)) {
        m_staffingView.gaps().zoneGaps = count(FigureId::ZonesBreakingRule);
        m_staffingView.gaps().zonesWithoutTaskForce = count(FigureId::ZonesWithoutTaskForce);
        m_staffingView.gaps().personHoursShort = f[FigureId::PersonHoursShort];
        m_staffingView.gaps().householdsUnvisited = static_cast<long long>(f[FigureId::HouseholdsAwaiting]);
    }
}

void App::updateWall() {
    if (const std::optional<std::uint32_t> district =
            m_wallView.tick(m_situation, m_panel.lang, nowMinuteOfDay(), m_dataAsOfMinute, SDL_GetTicks64(),
                            m_options.tourDistricts, m_options.tourSeconds))
        flyTo(FeedKind::Areas, *district);
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
    m_camera.fit(box, kFitPaddingPx * m_window.pixelScale());
    select(PickedFeature{kind, feature});
}

std::optional<PickedFeature> App::pickAt(ScreenPoint at) const {
    const LonLat p = mercator::unproject(m_camera.screenToWorld(at));
    FeedMask pickable{};
    for (const LayerRow& row : m_panel.layers)
        pickable[static_cast<int>(row.kind)] = row.visible;
    const double radius =
        kPickRadiusPx * m_window.pixelScale() * m_camera.metresPerPixel() * mercator::scaleFactor(p.lat);
    return m_picker.pick(m_situation.feeds(), p, radius, pickable);
}

void App::updateHover() {
    const bool overMap = m_pointerOnMap && !m_pressed && !ImGui::GetIO().WantCaptureMouse;
    if (!overMap) {
        m_hover.reset();
        return;
    }
    if (m_pointer.x != m_hoverAt.x || m_pointer.y != m_hoverAt.y ||
        m_hoverVersions != m_situation.feeds().versions) {
        m_hoverAt = m_pointer;
        m_hoverVersions = m_situation.feeds().versions;
        m_hover = pickAt(m_pointer);
    }
    if (!m_hover) return;
    const Feed* feed = m_situation.feeds().get(m_hover->kind);
    if (!feed || m_hover->feature >= feed->size()) return;
    const FeatureRecord& f = feed->layer.features[m_hover->feature];
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(f.shownName().c_str());
    ImGui::TextDisabled("%s  %s", feedDisplayName(m_hover->kind, m_panel.lang).data(), f.id.c_str());
    ImGui::EndTooltip();
}

void App::clickAt(ScreenPoint at) {
    const std::optional<PickedFeature> picked = pickAt(at);
    select(picked);
    if (!m_situation.graph()) return;
    // A click on a team gives that team's reach in its own mode; anywhere else, the reach from
    // the clicked point in the mode chosen in the panel.
    m_isochroneView.setOrigin(mercator::unproject(m_camera.screenToWorld(at)), "");
    if (picked && picked->kind == FeedKind::Teams) {
        const Feed& teams = *m_situation.feeds().get(FeedKind::Teams);
        const FeatureLayer& layer = teams.layer;
        const FeatureRecord& team = layer.features[picked->feature];
        if (team.partCount > 0) {
            m_isochroneView.setOrigin(layer.ring(layer.parts[team.firstPart].firstRing)[0], team.shownName());
            m_panel.isochroneMode = teams.teams[picked->feature].mode;
        }
    }
    computeIsochrones();
}

void App::select(std::optional<PickedFeature> picked) {
    m_selected = picked;
    m_details.open = picked.has_value();
    m_panel.selectedFeed = picked ? std::optional<FeedKind>(picked->kind) : std::nullopt;
    rebuildOverlay();
    if (!picked) return;
    const Feed& feed = *m_situation.feeds().get(picked->kind);
    const FeatureRecord& record = feed.layer.features[picked->feature];
    m_selectedId = record.id;
    m_details.kind = picked->kind;
    m_details.title = record.shownName();
    m_details.rows = featureDetails(feed, picked->feature);
}

void App::feedsChanged() {
    redrawSoon();
    m_dataAsOfMinute = nowMinuteOfDay();
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
    m_picker.update(m_situation.feeds());
    m_labelAnchors = buildLabelAnchors(m_situation.feeds());
    runSearch(); // hits are feature indices: find them again in the new data
    addGlyphs();
    if (m_selected) {
        // A refreshed feed keeps the selection on the same id, or drops it when the id is gone.
        const Feed* feed = m_situation.feeds().get(m_selected->kind);
        const std::optional<std::uint32_t> again = feed ? feed->find(m_selectedId) : std::nullopt;
        select(again ? std::optional<PickedFeature>(PickedFeature{m_selected->kind, *again}) : std::nullopt);
    }
    lap(startup(m_startup.indexMs), since);
    rebuildScene();
    lap(startup(m_startup.sceneMs), since);
    updateCoverage();
    lap(startup(m_startup.coverageMs), since);
    updateStaffing();
    lap(startup(m_startup.staffingMs), since);
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
    const SceneMesh mesh = buildSceneMesh(visible, opacity);
    m_renderer.upload(mesh);
    if (!(mesh.origin == m_sceneOrigin)) {
        m_sceneOrigin = mesh.origin;
        m_renderer.uploadIsochrones(m_isochroneView.mesh(m_sceneOrigin));
        rebuildOverlay();
    }
}

void App::zoomKeys(int direction) {
    const ScreenPoint centre{m_camera.viewportWidth() / 2.0, m_camera.viewportHeight() / 2.0};
    m_camera.zoomAbout(centre, direction > 0 ? kKeyZoomStep : 1.0 / kKeyZoomStep);
}

namespace {

/// The command a key press means by the shortcut table (ui/shortcuts.hpp).
std::optional<Command> commandOf(SDL_Keycode key) {
    switch (key) {
    case SDLK_LEFT:
        return commandForKey(NamedKey::Left);
    case SDLK_RIGHT:
        return commandForKey(NamedKey::Right);
    case SDLK_UP:
        return commandForKey(NamedKey::Up);
    case SDLK_DOWN:
        return commandForKey(NamedKey::Down);
    case SDLK_KP_PLUS:
        return commandForCharacter('+');
    case SDLK_KP_MINUS:
        return commandForCharacter('-');
    default:
        return key > 0 && key < 128 ? commandForCharacter(static_cast<char>(key)) : std::nullopt;
    }
}

} // namespace

void App::runCommand(Command command) {
    switch (command) {
    case Command::ZoomIn:
        zoomKeys(+1);
        break;
    case Command::ZoomOut:
        zoomKeys(-1);
        break;
    case Command::Fit:
        m_needsFit = true;
        break;
    case Command::PanLeft:
        m_camera.panByPixels(kKeyPanPx, 0);
        break;
    case Command::PanRight:
        m_camera.panByPixels(-kKeyPanPx, 0);
        break;
    case Command::PanUp:
        m_camera.panByPixels(0, kKeyPanPx);
        break;
    case Command::PanDown:
        m_camera.panByPixels(0, -kKeyPanPx);
        break;
    case Command::Legend:
        m_staffingView.legend().visible = !m_staffingView.legend().visible;
        break;
    case Command::Labels:
        m_showLabels = !m_showLabels;
        break;
    case Command::Responsibility:
        m_coverageView.panel().showResponsibility = !m_coverageView.panel().showResponsibility;
        rebuildOverlay();
        break;
    case Command::ScrubBack:
    case Command::ScrubForward:
        if (m_situation.staffing())
            stepScrub((command == Command::ScrubForward ? 1 : -1) * 60 /
                      m_situation.staffing()->day().slotMinutes);
        break;
    case Command::Plan:
        makePlan();
        break;
    case Command::ExportView:
        m_exportView = true;
        break;
    case Command::ExportLayerGeoJson:
        exportSelectedLayer(false);
        break;
    case Command::ExportLayerCsv:
        exportSelectedLayer(true);
        break;
    case Command::Briefing:
        m_snapshotPanel.visible = !m_snapshotPanel.visible && !m_options.snapshot;
        break;
    case Command::Search: // the page focuses its search box itself
        break;
    }
}

void App::handleEvent(const SDL_Event& e) {
    imgui_backend::processEvent(e);
    const ImGuiIO& io = ImGui::GetIO();
    const double scale = m_window.pixelScale();
    switch (e.type) {
    case SDL_MOUSEBUTTONDOWN:
        // Touches also arrive as synthetic mouse events (for ImGui); the map follows the fingers.
        if (e.button.button == SDL_BUTTON_LEFT && !io.WantCaptureMouse &&
            e.button.which != SDL_TOUCH_MOUSEID) {
            m_dragging = true;
            m_pressed = true;
            m_pressAt = {e.button.x * scale, e.button.y * scale};
        }
        break;
    case SDL_MOUSEBUTTONUP:
        if (e.button.button == SDL_BUTTON_LEFT) {
            m_dragging = false;
            const ScreenPoint at{e.button.x * scale, e.button.y * scale};
            if (m_pressed && std::hypot(at.x - m_pressAt.x, at.y - m_pressAt.y) < 5 * scale) clickAt(at);
            m_pressed = false;
        }
        break;
    case SDL_MOUSEMOTION:
        m_pointer = {e.motion.x * scale, e.motion.y * scale};
        m_pointerOnMap = true;
        if (m_dragging && m_fingers.size() < 2)
            m_camera.panByPixels(e.motion.xrel * scale, e.motion.yrel * scale);
        break;
    case SDL_MOUSEWHEEL:
        if (!io.WantCaptureMouse) {
            int x = 0, y = 0;
            SDL_GetMouseState(&x, &y);
            m_camera.zoomAbout({x * scale, y * scale},
                               std::pow(kWheelZoomStep, static_cast<double>(e.wheel.preciseY)));
        }
        break;
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
        const ScreenPoint p{e.tfinger.x * m_camera.viewportWidth(), e.tfinger.y * m_camera.viewportHeight()};
        if (e.type == SDL_FINGERUP) {
            m_fingers.erase(e.tfinger.fingerId);
            break;
        }
        if (e.type == SDL_FINGERDOWN) {
            if (!io.WantCaptureMouse) m_fingers[e.tfinger.fingerId] = p;
            break;
        }
        auto it = m_fingers.find(e.tfinger.fingerId);
        if (it == m_fingers.end()) break;
        if (m_fingers.size() == 1) {
            m_camera.panByPixels(p.x - it->second.x, p.y - it->second.y);
        } else {
            auto other = m_fingers.begin();
            if (other == it) ++other;
            m_camera.pinch(it->second, other->second, p, other->second);
        }
        it->second = p;
        break;
    }
    case SDL_KEYDOWN:
        if (io.WantCaptureKeyboard) break;
        if (const std::optional<Command> command = commandOf(e.key.keysym.sym)) runCommand(*command);
        break;
    case SDL_DROPFILE:
        acceptDroppedPath(e.drop.file);
        SDL_free(e.drop.file);
        break;
    case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_LEAVE) m_pointerOnMap = false;
        break;
    default:
        break;
    }
}

void App::updateFeedStatus() {
    const Lang lang = m_panel.lang;
    m_panel.demoData =
        m_loader.holdsFrom(kDemoPrefix); // 演示数据（虚构） only while some of it is on the map
    m_feedsPanel.lang = lang;
    m_feedsPanel.rows.clear();
    std::string stale, failed;
    const auto fileOf = [](const std::string& source) {
        const std::size_t slash = source.find_last_of('/');
        return slash == std::string::npos ? source : source.substr(slash + 1);
    };
    for (const FeedSourceStatus* s : m_loader.sources()) {
        FeedRow row;
        row.source = s->source;
        if (s->kind) row.kind = feedDisplayName(*s->kind, lang);
        row.features = s->features;
        row.hasData = s->hasData;
        row.supersededBy = fileOf(s->supersededBy);
        row.ageSeconds = m_loader.ageSeconds(*s);
        row.stale = m_loader.isStale(*s);
        row.error = s->error;
        row.message = failureText(s->error, s->refusal);
        if (s->refusal) row.refusal = updateProblemName(s->refusal->problem);
        row.errorAgoSeconds = static_cast<double>(SDL_GetTicks64() - s->errorMs) / 1000.0;
        row.refreshSeconds = s->refreshSeconds;
        row.versions = s->versions;
        row.unchanged = s->unchanged;
        row.failures = s->failures;
        if (!row.message.empty())
            failed += (failed.empty() ? "" : "; ") + fileOf(row.source) + (lang == Lang::En ? " (" : "（") +
                      row.message + (lang == Lang::En ? ")" : "）");
        else if (row.stale)
            stale += (stale.empty() ? "" : ", ") + fileOf(row.source);
        m_feedsPanel.rows.push_back(std::move(row));
    }
    m_feedsPanel.changes.clear();
    const auto& changes = m_loader.changes();
    for (auto it = changes.rbegin(); it != changes.rend(); ++it)
        m_feedsPanel.changes.push_back({static_cast<double>(SDL_GetTicks64() - it->atMs) / 1000.0, it->source,
                                        changeSummary(it->change, lang)});
    m_feedsPanel.failureCount = m_loader.failureCount();
    m_feedsPanel.failures.clear();
    const auto& failures = m_loader.failureLog();
    for (auto it = failures.rbegin(); it != failures.rend() && m_feedsPanel.failures.size() < 20; ++it)
        m_feedsPanel.failures.push_back({static_cast<double>(SDL_GetTicks64() - it->atMs) / 1000.0,
                                         it->source, failureText(it->error, it->refusal)});
    m_wallView.setFeedStrip(stale.empty() ? "" : std::string(tr(TextId::WallFeedsStale, lang)) + ": " + stale,
                            failed.empty() ? ""
                                           : std::string(tr(TextId::WallFeedsFailed, lang)) +
                                                 (lang == Lang::En ? ": " : "：") + failed,
                            m_feedsPanel.changes.empty() ? "" : m_feedsPanel.changes.front().text);
}

std::string App::failureText(const std::string& error, const std::optional<UpdateCheck>& refusal) const {
    if (refusal) return updateText(*refusal, m_panel.lang);
    return error.empty() ? std::string() : loadErrorText(error, m_panel.lang);
}

void App::drawPendingUpdate() {
    const std::optional<PendingUpdate>& pending = m_loader.pending();
    m_updatePrompt.visible = pending.has_value();
    if (!pending) return;
    m_updatePrompt.lang = m_panel.lang;
    m_updatePrompt.feed = feedDisplayName(pending->check.loadedAs, m_panel.lang);
    const std::size_t slash = pending->source.find_last_of('/');
    m_updatePrompt.source = slash == std::string::npos ? pending->source : pending->source.substr(slash + 1);
    m_updatePrompt.before = pending->check.before;
    m_updatePrompt.added = pending->check.change.added;
    m_updatePrompt.removed = pending->check.change.removed;
    m_updatePrompt.removedNames = pending->check.change.removedNames;
    // Carried out before the next frame, as any new feed is: not while ImGui draws this one (new
    // data may rebuild the font atlas).
    m_updateAnswer = drawUpdatePrompt(m_updatePrompt);
    if (m_updateAnswer.apply || m_updateAnswer.keep) redrawSoon();
}

void App::drawUnknownFile() {
    const std::optional<UnknownFile>& unknown = m_loader.unknownFile();
    m_kindPrompt.visible = unknown.has_value() && !m_loader.pending();
    if (!m_kindPrompt.visible) return;
    const FeedPreview& p = unknown->preview;
    m_kindPrompt.lang = m_panel.lang;
    const std::size_t slash = unknown->source.find_last_of('/');
    m_kindPrompt.source = slash == std::string::npos ? unknown->source : unknown->source.substr(slash + 1);
    m_kindPrompt.features = p.features;
    m_kindPrompt.geometry = p.geometry;
    m_kindPrompt.fields = p.propertyNames;
    m_kindPrompt.names = p.names;
    m_kindPrompt.guess = p.guess;
    m_kindPrompt.gcj02 = unknown->gcj02;
    if (m_importChoiceFor != unknown->source) { // a new file: GCJ-02 ticked when it looks so
        m_importChoiceFor = unknown->source;
        m_importChoice = ImportChoice{};
        m_importChoice.fromGcj02 = unknown->gcj02.likely;
        m_kindPrompt.saveMapping = false;
    }
    m_kindPrompt.add = m_importChoice.add;
    m_kindPrompt.fromGcj02 = m_importChoice.fromGcj02;
    m_kindAnswer = drawKindPrompt(m_kindPrompt);
    if (m_kindAnswer.add) m_importChoice.add = *m_kindAnswer.add;
    if (m_kindAnswer.fromGcj02) m_importChoice.fromGcj02 = *m_kindAnswer.fromGcj02;
    if (m_kindAnswer.saveMapping) m_kindPrompt.saveMapping = *m_kindAnswer.saveMapping;
    if (m_kindAnswer.chosen || m_kindAnswer.cancel || m_kindAnswer.add || m_kindAnswer.fromGcj02 ||
        m_kindAnswer.saveMapping)
        redrawSoon();
}

void App::answerPendingUpdate() {
    if (std::exchange(m_unloadDemo, false) && m_loader.unloadFrom(kDemoPrefix, m_situation.feeds()) > 0) {
        feedsChanged();
        m_panel.problems = m_loader.problems();
    }
    const KindPromptActions kind = std::exchange(m_kindAnswer, {});
    if (kind.chosen) {
        ImportChoice choice = m_importChoice;
        choice.kind = *kind.chosen;
        if (m_kindPrompt.saveMapping) saveMappingFile(choice);
        if (m_loader.chooseKind(choice, m_situation.feeds())) feedsChanged();
        m_importChoiceFor.clear();
        m_panel.problems = m_loader.problems();
    } else if (kind.cancel) {
        m_loader.dismissUnknown();
        m_importChoiceFor.clear();
        m_panel.problems = m_loader.problems();
    }
    const UpdatePromptActions answer = std::exchange(m_updateAnswer, {});
    if (answer.apply) {
        if (m_loader.applyPending(m_situation.feeds())) feedsChanged();
    } else if (answer.keep) {
        m_loader.discardPending();
    }
    if (answer.apply || answer.keep) m_panel.problems = m_loader.problems();
}

void App::saveMappingFile(const ImportChoice& choice) {
    const std::string json = m_loader.mappingFileFor(choice);
    const std::string name = m_kindPrompt.source.substr(0, m_kindPrompt.source.find('.')) + ".mapping.json";
    m_lastMappingFile = json;
    if (!page::downloadFile(name, json, "application/json")) page::showError("cannot write " + name);
}

void App::exportView(int width, int height) {
    const std::vector<std::uint8_t> rgba = m_renderer.readPixels(width, height);
    const std::string png = encodePng(width, height, rgba);
    const std::string name = "cordon-" + clockText(nowMinuteOfDay()).replace(2, 1, "") + ".png";
    ++m_exports;
    if (!page::downloadFile(name, png, "image/png")) page::showError("cannot write " + name);
}

void App::exportSelectedLayer(bool csv) {
    if (!m_selected) return;
    const Feed* feed = m_situation.feeds().get(m_selected->kind);
    if (!feed) return;
    const std::string name = std::string(feedKindName(feed->kind)) + (csv ? ".csv" : ".geojson");
    const std::string bytes = csv ? layerToCsv(feed->layer) : layerToGeoJson(feed->layer);
    ++m_exports;
    if (!page::downloadFile(name, bytes, csv ? "text/csv" : "application/geo+json"))
        page::showError("cannot write " + name);
}

void App::writeScreenshot(const std::string& path, int width, int height) const {
    const std::vector<std::uint8_t> rgba = m_renderer.readPixels(width, height);
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) {
        page::showError("cannot write screenshot " + path);
        return;
    }
    std::fprintf(f, "P6\n%d %d\n255\n", width, height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            std::fwrite(&rgba[(static_cast<std::size_t>(y) * width + x) * 4], 1, 3, f);
    std::fclose(f);
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
           m_loader.busy() || pendingRequests() > 0 || m_snapshotPanel.busy || m_exportView || m_needsFit ||
           now - m_drawn.atMs >= kIdleRedrawMs;
}

void App::buildUi() {
    imgui_backend::newFrame();
    ImGui::NewFrame();
    m_panel.zoom = m_camera.zoomLevel();
    m_panel.cursor.reset();
    if (m_pointerOnMap) m_panel.cursor = mercator::unproject(m_camera.screenToWorld(m_pointer));
    drawLabels();
    if (m_options.wall) {
        updateWall();
        drawWallPanel(m_wallView.model(), {m_font ? m_font->wallTextFace() : nullptr,
                                           m_font ? m_font->wallFigureFace() : nullptr});
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
        handleEvent(e);
        input = true;
    }
    int width = 0, height = 0;
    m_window.drawableSize(width, height);
    m_camera.setViewport(width, height);
    if (m_needsFit) {
        MercatorBox box;
        for (const auto& feed : m_situation.feeds().feeds)
            if (feed) box.add(feed->layer.bounds());
        m_camera.fit(box, kFitPaddingPx * m_window.pixelScale());
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
    updateFeedStatus();
    updateKpis();
    // The wall's type is rasterised at its size (again when the screen or its texts change).
    if (m_options.wall && m_font && noteWallType(height)) rebuildFonts();
    if (m_options.snapshot && !m_briefingShown && m_hadData && !m_loader.busy() && pendingRequests() == 0) {
        m_briefingShown = true;
        page::showBriefing(briefingJson());
    }
    // Windows that size themselves to their content are hidden in the frame that measures them: the
    // first frame is laid out once unseen, so that the first one drawn is complete.
    if (m_frameCount == 0) {
        buildUi();
        ImGui::EndFrame();
    }
    buildUi();
    ImGui::Render();

    m_renderer.beginFrame(width, height);
    m_renderer.draw(m_camera);
    imgui_backend::render();

    ++m_frameCount;
    const bool last = m_options.exitAfterFrames > 0 && m_frameCount >= m_options.exitAfterFrames;
    if (last && !m_options.screenshotPath.empty()) writeScreenshot(m_options.screenshotPath, width, height);
    if (m_exportView) {
        m_exportView = false;
        exportView(width, height);
    }
    m_window.swap();
    m_drawn = DrawnView{m_camera.centre(), m_camera.metresPerPixel(), width, height, SDL_GetTicks64()};
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
