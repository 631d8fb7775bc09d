// The app's frame loop and everything it wires together: loading, derived state (graph, coverage,
// staffing, figures), panels, wall, labels, page state. Over 700 lines on purpose for now: issue 21
// splits it by concern (input, selection, coverage view, staffing view, wall, briefing, page state)
// behind one small interface each, together with the derived-state object; splitting it piecemeal
// before that would move the same code twice.

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
#include "ui/ui_font.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

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
/// of steps of kHierarchyStepNodes contractions): a city's take a second or two in all, and an
/// input waits at most one slice.
constexpr double kHierarchySliceMs = 8.0;
constexpr std::size_t kHierarchyStepNodes = 8;

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
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
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
    ImGui_ImplSDL2_InitForOpenGL(m_window.sdl(), m_window.glContext());
    ImGui_ImplOpenGL3_Init("#version 300 es");
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
        if (!m_graph) return std::nullopt;
        const std::optional<EdgePoint> on = m_graph->snap(p, TravelMode::Drive);
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
        changed |= m_loader.processOne(m_feeds);
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
            const bool changed = m_loader.processOne(m_feeds);
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
    if (!m_graph || !m_isochroneOrigin) return;
    std::vector<double> minutes;
    for (const std::string& item : splitFeedList(m_panel.isochroneMinutes)) {
        const double m = std::strtod(item.c_str(), nullptr);
        if (m > 0 && m <= 120) minutes.push_back(m);
    }
    const TravelMode mode = m_panel.isochroneMode;
    m_isochrones.clear();
    const auto start = std::chrono::steady_clock::now();
    const std::optional<EdgePoint> source = m_graph->snap(*m_isochroneOrigin, mode);
    if (source && !minutes.empty()) {
        m_times->run(mode, std::span(&*source, 1), *std::max_element(minutes.begin(), minutes.end()) * 60);
        m_isochrones = buildIsochrones(*m_times, minutes);
    }
    m_isochroneMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    m_renderer.uploadIsochrones(buildIsochroneMesh(m_isochrones, m_sceneOrigin));
    const std::string info =
        !source ? std::string(tr(TextId::NoRoadNearby, m_panel.lang))
                : formatted("%.5f, %.5f  %s  %s  (%.0f ms)", m_isochroneOrigin->lon, m_isochroneOrigin->lat,
                            tr(mode == TravelMode::Walk ? TextId::Walk : TextId::Drive, m_panel.lang).data(),
                            m_panel.isochroneMinutes.c_str(), m_isochroneMs);
    m_panel.isochroneInfo = m_isochroneFrom.empty() ? info : m_isochroneFrom + "  " + info;
}

void App::addGlyphs() {
    if (!m_font) return;
    bool added = false;
    for (int k = 0; k < kFeedKindCount; ++k) {
        const auto& feed = m_feeds.feeds[k];
        // Each version of a feed is read for new characters once (refreshes bring new versions).
        if (!feed || m_glyphVersions[k] == m_feeds.versions[k]) continue;
        m_glyphVersions[k] = m_feeds.versions[k];
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
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

bool App::noteWallType(int drawableHeight) {
    const double scale = m_window.pixelScale();
    const float px =
        kFontSize * static_cast<float>(scale) * wallUnit(static_cast<float>(drawableHeight / scale));
    bool changed = m_font->setWallSizes(kWallTextScale * px, kWallFigureScale * px);
    for (const std::string* text :
         {&m_wall.place, &m_wall.lastChange, &m_wall.feedAlert, &m_wall.feedFailure})
        changed |= m_font->addWallText(*text);
    return changed;
}

void App::updateCoverage(bool force) {
    const Feed* teams = m_feeds.get(FeedKind::Teams);
    m_coveragePanel.available = m_graph && teams;
    if (!m_coveragePanel.available) {
        m_coverage.reset();
        return;
    }
    if (!force && m_coverage && m_coverageVersions == m_feeds.versions) return;
    const auto start = std::chrono::steady_clock::now();
    CoverageOptions options;
    options.thresholdMinutes = m_coveragePanel.thresholdMinutes;
    m_coverage =
        computeCoverage(m_feeds, *m_graph, options, {m_hierarchies[0].get(), m_hierarchies[1].get()});
    m_coverageSweptModes = (m_hierarchies[0] ? 1 : 0) + (m_hierarchies[1] ? 1 : 0);
    m_coverageVersions = m_feeds.versions;
    m_responsibilityAreas.reset();
    m_coveragePanel.computeMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

    const CoverageReport& r = *m_coverage;
    m_coveragePanel.zonesBeyond = r.zonesBeyondThreshold.size();
    m_coveragePanel.postsBeyond = r.postsBeyondThreshold.size();
    m_coveragePanel.populationShare = r.populationTotal > 0 ? static_cast<double>(r.populationCovered) /
                                                                  static_cast<double>(r.populationTotal)
                                                            : 0;
    m_coveragePanel.gaps.clear();
    auto add = [&](FeedKind kind, const TargetCoverage& t, double seconds, const char* tag) {
        const Feed* feed = m_feeds.get(kind);
        if (!feed || t.feature >= feed->size()) return;
        const FeatureRecord& f = feed->layer.features[t.feature];
        m_coveragePanel.gaps.push_back(
            {kind, t.feature, std::string(tag) + (f.name.empty() ? f.id : f.name), seconds / 60});
    };
    for (std::uint32_t z : r.highRiskWithoutTaskForce)
        add(FeedKind::Zones, r.zones[z], r.zones[z].assignedTaskForce.seconds, "! ");
    for (std::uint32_t z : r.zonesBeyondThreshold)
        add(FeedKind::Zones, r.zones[z], r.zones[z].assigned.seconds, "");
    for (std::uint32_t p : r.postsBeyondThreshold)
        add(FeedKind::Posts, r.posts[p], r.posts[p].assigned.seconds, "");
    rebuildOverlay();
}

void App::advanceHierarchies() {
    if (!m_graph || !m_readySignalled) return;
    const double start = clockMs();
    for (int m = 0; m < kTravelModeCount; ++m) {
        std::optional<HierarchyBuilder>& builder = m_hierarchyBuilders[m];
        if (!builder) continue;
        while (!builder->step(kHierarchyStepNodes))
            if (clockMs() - start >= kHierarchySliceMs) return;
        m_hierarchies[m] = std::make_unique<ContractionHierarchy>(builder->finish());
        builder.reset();
    }
}

void App::updateStaffing() {
    const Feed* posts = m_feeds.get(FeedKind::Posts);
    const Feed* roster = m_feeds.get(FeedKind::Roster);
    const std::optional<StaffingDay> day = roster ? rosterDay(*roster) : std::nullopt;
    m_gapsPanel.available = posts && day;
    if (!m_gapsPanel.available) {
        m_staffing.reset();
        return;
    }
    if (m_staffing && m_staffingVersions == m_feeds.versions) return;
    m_staffing = StaffingModel::build(m_feeds, *day);
    m_staffingVersions = m_feeds.versions;
    m_gapsPanel.hasPlan = false; // a plan is for the data it was made from
    m_gapsPanel.plan.clear();
    m_planArrows.clear();
    const StaffingModel& model = *m_staffing;
    const AreaStaffing& city = model.city();
    m_gapsPanel.postsShort = city.postsShort;
    m_gapsPanel.postsUnstaffed = city.postsUnstaffed;
    m_gapsPanel.nightPersonHoursShort = static_cast<double>(city.nightShortPersonMinutes) / 60;
    m_gapsPanel.slotMinutes = model.day().slotMinutes;
    m_gapsPanel.shortBySlot.assign(city.shortBySlot.begin(), city.shortBySlot.end());
    m_gapsPanel.rows.clear();
    const Feed* areas = m_feeds.get(FeedKind::Areas);
    for (std::size_t p = 0; p < model.postCount() && p < posts->size(); ++p) {
        const PostSummary& s = model.postSummary(p);
        if (s.shortPersonMinutes == 0) continue;
        GapRow row;
        row.post = static_cast<std::uint32_t>(p);
        const FeatureRecord& f = posts->layer.features[p];
        row.name = f.name.empty() ? f.id : f.name;
        int district = model.postArea(p);
        while (district >= 0 && model.areaParent(static_cast<std::size_t>(district)) >= 0)
            district = model.areaParent(static_cast<std::size_t>(district));
        if (areas && district >= 0 && static_cast<std::size_t>(district) < areas->size())
            row.district = areas->layer.features[static_cast<std::size_t>(district)].name;
        row.hoursShort = static_cast<double>(s.shortPersonMinutes) / 60;
        row.nightHoursShort = static_cast<double>(s.nightShortPersonMinutes) / 60;
        row.worstGapStartMinute = s.worstGapStart >= 0 ? model.day().slotMinuteOfDay(s.worstGapStart) : -1;
        row.worstGapHours = s.worstGapSlots * model.day().slotMinutes / 60.0;
        m_gapsPanel.rows.push_back(std::move(row));
    }
    std::stable_sort(m_gapsPanel.rows.begin(), m_gapsPanel.rows.end(),
                     [](const GapRow& a, const GapRow& b) { return a.hoursShort > b.hoursShort; });
    updateScrub();
}

namespace {

std::optional<LonLat> firstPosition(const Feed* feed, std::uint32_t feature) {
    if (!feed || feature >= feed->size()) return std::nullopt;
    return feed->layer.firstPosition(feature);
}

std::string featureLabel(const Feed* feed, std::uint32_t feature) {
    if (!feed || feature >= feed->size()) return "-";
    const FeatureRecord& f = feed->layer.features[feature];
    return f.name.empty() ? f.id : f.name;
}

} // namespace

void App::makePlan() {
    if (!m_staffing || !m_graph) return;
    const ReassignmentProblem problem = buildReassignmentProblem(*m_staffing, m_feeds, *m_graph);
    const ReassignmentPlan plan = solveReassignment(problem, PlanMethod::MinCostFlow);
    const ReassignmentPlan greedy = solveReassignment(problem, PlanMethod::GreedyNearest);
    m_gapsPanel.hasPlan = true;
    m_gapsPanel.planFilledHours = static_cast<double>(plan.gapPersonMinutesClosed) / 60;
    m_gapsPanel.planTravelMinutes = static_cast<double>(plan.totalSeconds) / 60;
    m_gapsPanel.greedyFilledHours = static_cast<double>(greedy.gapPersonMinutesClosed) / 60;
    m_gapsPanel.greedyTravelMinutes = static_cast<double>(greedy.totalSeconds) / 60;
    m_gapsPanel.plan.clear();
    m_planArrows.clear();
    const Feed* posts = m_feeds.get(FeedKind::Posts);
    const Feed* teams = m_feeds.get(FeedKind::Teams);
    const StaffingDay& day = m_staffing->day();
    for (const ReassignmentMove& move : plan.assignments) {
        const bool fromTeam = move.fromTeam != kNoPlanIndex;
        const Feed* source = fromTeam ? teams : posts;
        const std::uint32_t sourceIndex = fromTeam ? move.fromTeam : move.fromPost;
        m_gapsPanel.plan.push_back(
            {featureLabel(source, sourceIndex), featureLabel(posts, move.toPost), move.toPost,
             day.slotMinuteOfDay(move.firstSlot),
             day.slotMinuteOfDay(move.firstSlot) + (move.endSlot - move.firstSlot) * day.slotMinutes,
             move.people, static_cast<double>(move.seconds) / 60});
        const std::optional<LonLat> from = firstPosition(source, sourceIndex),
                                    to = firstPosition(posts, move.toPost);
        if (from && to) m_planArrows.push_back({*from, *to});
    }
    rebuildOverlay();
}

void App::stepScrub(int slots) {
    if (!m_staffing) return;
    const int count = m_staffing->slotCount();
    m_gapsPanel.scrubSlot = ((std::max(m_gapsPanel.scrubSlot, 0) + slots) % count + count) % count;
    updateScrub();
}

void App::updateScrub() {
    m_gapsPanel.shortAtScrub = 0;
    const int slot = m_gapsPanel.scrubSlot;
    if (m_staffing && slot >= 0 && slot < m_staffing->slotCount())
        for (std::size_t p = 0; p < m_staffing->postCount(); ++p)
            if (m_staffing->required(p)[slot] > m_staffing->onDuty(p)[slot]) ++m_gapsPanel.shortAtScrub;
    rebuildOverlay();
}

void App::rebuildOverlay() {
    SceneMesh overlay;
    overlay.origin = m_sceneOrigin;
    if (m_coveragePanel.showResponsibility && m_coverage && m_graph) {
        const auto& taskForces = m_coverage->responsibility[static_cast<int>(TeamKind::TaskForce)];
        const auto shares = edgeResponsibility(taskForces, *m_graph, m_coverage->thresholdSeconds);
        if (!m_responsibilityAreas) // once per coverage: it rasterises the whole partition
            m_responsibilityAreas =
                buildResponsibilityAreas(taskForces, *m_graph, m_coverage->thresholdSeconds);
        appendMesh(overlay, buildResponsibilityAreaMesh(*m_responsibilityAreas, m_sceneOrigin));
        appendMesh(overlay, buildResponsibilityMesh(*m_graph, shares, m_sceneOrigin));
    }
    appendStaffingStatus(overlay);
    if (!m_planArrows.empty()) appendMesh(overlay, buildPlanArrows(m_planArrows, m_sceneOrigin));
    if (m_selected)
        if (const Feed* feed = m_feeds.get(m_selected->kind))
            appendMesh(overlay, buildSelectionMesh(feed->layer, m_selected->feature, m_sceneOrigin));
    m_renderer.uploadOverlay(overlay);
}

namespace {

/// Where a status sits in the legend's lists (staffed, short, unstaffed, no demand).
std::size_t legendIndex(StaffingStatus status) {
    return status == StaffingStatus::NoDemand ? 3 : static_cast<std::size_t>(status) - 1;
}

LegendSymbol legendSymbol(SymbolShape shape, SymbolFill fill, Rgba colour) {
    return {static_cast<int>(shape), static_cast<int>(fill), colour.r, colour.g, colour.b};
}

} // namespace

void App::appendStaffingStatus(SceneMesh& overlay) {
    static constexpr StaffingStatus kOrder[] = {StaffingStatus::Staffed, StaffingStatus::Short,
                                                StaffingStatus::Unstaffed, StaffingStatus::NoDemand};
    const Rgba plain{86, 180, 233, 255};
    m_legend.kinds = {
        legendSymbol(postShape(PostKind::CompoundGate), SymbolFill::Solid, plain),
        legendSymbol(postShape(PostKind::CityEntry), SymbolFill::Solid, plain),
        legendSymbol(postShape(PostKind::TestingSite), SymbolFill::Solid, plain),
        legendSymbol(teamShape(TeamKind::TaskForce), SymbolFill::Solid, Rgba{0, 158, 115, 255})};
    for (std::size_t i = 0; i < 4; ++i) {
        const StatusStyle style = statusStyle(kOrder[i]);
        m_legend.statuses[i] = legendSymbol(SymbolShape::Circle, style.fill, style.colour);
        m_legend.zoneOutlinePx[i] = style.zoneOutlinePx;
    }
    m_legend.postCounts = {};
    m_legend.zoneCounts = {};
    const Feed* posts = m_feeds.get(FeedKind::Posts);
    m_legend.hasStaffing = m_staffing && posts;
    std::vector<PointSymbol> symbols;
    if (m_legend.hasStaffing && m_legend.colourByStaffing) {
        const int scrub = m_gapsPanel.scrubSlot;
        const int slot = scrub >= 0 && scrub < m_staffing->slotCount() ? scrub : -1;
        m_legend.minuteOfDay = slot >= 0 ? m_staffing->day().slotMinuteOfDay(slot) : -1;
        std::vector<StaffingStatus> statuses(posts->size(), StaffingStatus::NoDemand);
        for (std::size_t p = 0; p < m_staffing->postCount() && p < posts->size(); ++p) {
            statuses[p] = m_staffing->postStatus(p, slot);
            ++m_legend.postCounts[legendIndex(statuses[p])];
        }
        symbols = buildStatusSymbols(*posts, statuses, m_sceneOrigin);
        for (const LayerRow& row : m_panel.layers) // the checkpoints layer's switch and opacity
            if (row.feed == feedKindName(FeedKind::Posts)) {
                if (!row.visible) symbols.clear();
                for (PointSymbol& symbol : symbols)
                    symbol.colour.a = static_cast<std::uint8_t>(symbol.colour.a * row.opacity + 0.5f);
            }
        if (const Feed* zones = m_feeds.get(FeedKind::Zones))
            for (const ZoneStaffing& zone : m_staffing->highRiskZones()) {
                const StaffingStatus status = m_staffing->zoneStatus(zone, slot);
                const StatusStyle style = statusStyle(status);
                appendOutline(overlay, zones->layer, zone.zone, style.colour, style.zoneOutlinePx);
                ++m_legend.zoneCounts[legendIndex(status)];
            }
    }
    m_renderer.uploadStatusSymbols(symbols);
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
        if (const Feed* feed = m_feeds.get(m_selected->kind); feed && m_selected->feature < feed->size()) {
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
    m_searchHits = searchFeatures(m_feeds, m_search.query, 30);
    m_search.rows.clear();
    for (const SearchHit& hit : m_searchHits) {
        const FeatureRecord& f = m_feeds.get(hit.kind)->layer.features[hit.feature];
        m_search.rows.push_back(
            {f.name.empty() ? f.id : f.name,
             std::string(feedDisplayName(feedKindName(hit.kind), m_panel.lang)) + "  " + f.id});
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
    m_coveragePanel.lang = m_panel.lang;
    const CoveragePanelActions coverage = drawCoveragePanel(m_coveragePanel);
    if (coverage.thresholdChanged) updateCoverage(true);
    if (coverage.responsibilityToggled) rebuildOverlay();
    if (coverage.goTo) flyTo(coverage.goTo->feed, coverage.goTo->feature);
    m_gapsPanel.lang = m_panel.lang;
    const GapsPanelActions gaps = drawGapsPanel(m_gapsPanel);
    if (gaps.scrubChanged) updateScrub();
    if (gaps.goToPost) flyTo(FeedKind::Posts, *gaps.goToPost);
    if (gaps.planRequested) makePlan();
    m_legend.lang = m_panel.lang;
    if (drawLegendPanel(m_legend).colourToggled) rebuildOverlay();
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
        m_isochroneFrom.clear();
        m_isochroneOrigin.reset();
        m_isochrones.clear();
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
    m_figures = computeFigures(m_feeds, m_staffing ? &*m_staffing : nullptr,
                               m_coverage ? &*m_coverage : nullptr, nowMinuteOfDay());
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
    m_wall.asOf = {asOf(FigureId::HighRiskZones), asOf(FigureId::ZonesOutOfReach),
                   asOf(FigureId::PostsShortNow), asOf(FigureId::PersonHoursShort),
                   asOf(FigureId::HouseholdsAwaiting)};
    m_gapsPanel.asOf = asOf(FigureId::PersonHoursShort);
    if (m_gapsPanel.asOf.empty()) m_gapsPanel.asOf = asOf(FigureId::ZonesBreakingRule);
    m_coveragePanel.asOf = asOf(FigureId::ZonesOutOfReach);
    m_legend.asOf = asOf(FigureId::PostsShortNow);
    if (m_legend.asOf.empty()) m_legend.asOf = asOf(FigureId::ZonesBreakingRule);
    m_wall.highRiskZones = count(FigureId::HighRiskZones);
    m_wall.zonesWithoutTaskForce = count(FigureId::ZonesOutOfReach);
    m_wall.thresholdMinutes = static_cast<int>(f.thresholdMinutes);
    m_wall.postsShortNow = count(FigureId::PostsShortNow);
    m_wall.personHoursShort = f[FigureId::PersonHoursShort];
    m_wall.householdsAwaiting = static_cast<long long>(f[FigureId::HouseholdsAwaiting]);
    m_coveragePanel.highRiskWithoutTaskForce =
        static_cast<std::size_t>(std::max(0, count(FigureId::ZonesOutOfReach)));
    if (f.known(FigureId::ZonesBreakingRule)) {
        m_gapsPanel.zoneGaps = count(FigureId::ZonesBreakingRule);
        m_gapsPanel.zonesWithoutTaskForce = count(FigureId::ZonesWithoutTaskForce);
        m_gapsPanel.personHoursShort = f[FigureId::PersonHoursShort];
        m_gapsPanel.householdsUnvisited = static_cast<long long>(f[FigureId::HouseholdsAwaiting]);
    }
}

void App::updateWall() {
    m_wall.lang = m_panel.lang;
    const int now = nowMinuteOfDay();
    m_wall.clock = clockText(now);
    m_wall.dataAsOf = m_dataAsOfMinute >= 0 ? clockText(m_dataAsOfMinute) : "-";
    const std::uint64_t ms = SDL_GetTicks64();
    // The tour starts on the first district at once, then moves on every `tourSeconds`.
    if (m_options.tourDistricts &&
        (m_tourStop == 0 || ms - m_lastTourMs >= std::uint64_t(m_options.tourSeconds) * 1000)) {
        m_lastTourMs = ms;
        if (const Feed* areas = m_feeds.get(FeedKind::Areas)) {
            std::vector<std::uint32_t> districts;
            for (std::uint32_t i = 0; i < areas->size(); ++i)
                if (areas->areas[i].level == AreaLevel::District) districts.push_back(i);
            if (!districts.empty()) {
                const std::uint32_t d = districts[m_tourStop++ % districts.size()];
                flyTo(FeedKind::Areas, d);
                m_wall.place = areas->layer.features[d].name;
            }
        }
    }
}

void App::flyTo(FeedKind kind, std::uint32_t feature) {
    const Feed* feed = m_feeds.get(kind);
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
        if (const std::optional<FeedKind> kind = feedKindFromName(row.feed))
            pickable[static_cast<int>(*kind)] = row.visible;
    const double radius =
        kPickRadiusPx * m_window.pixelScale() * m_camera.metresPerPixel() * mercator::scaleFactor(p.lat);
    return m_picker.pick(m_feeds, p, radius, pickable);
}

void App::updateHover() {
    const bool overMap = m_pointerOnMap && !m_pressed && !ImGui::GetIO().WantCaptureMouse;
    if (!overMap) {
        m_hover.reset();
        return;
    }
    if (m_pointer.x != m_hoverAt.x || m_pointer.y != m_hoverAt.y || m_hoverVersions != m_feeds.versions) {
        m_hoverAt = m_pointer;
        m_hoverVersions = m_feeds.versions;
        m_hover = pickAt(m_pointer);
    }
    if (!m_hover) return;
    const Feed* feed = m_feeds.get(m_hover->kind);
    if (!feed || m_hover->feature >= feed->size()) return;
    const FeatureRecord& f = feed->layer.features[m_hover->feature];
    ImGui::BeginTooltip();
    ImGui::TextUnformatted((f.name.empty() ? f.id : f.name).c_str());
    ImGui::TextDisabled("%s  %s", feedDisplayName(feedKindName(m_hover->kind), m_panel.lang).data(),
                        f.id.c_str());
    ImGui::EndTooltip();
}

void App::clickAt(ScreenPoint at) {
    const std::optional<PickedFeature> picked = pickAt(at);
    select(picked);
    if (!m_graph) return;
    // A click on a team gives that team's reach in its own mode; anywhere else, the reach from
    // the clicked point in the mode chosen in the panel.
    m_isochroneOrigin = mercator::unproject(m_camera.screenToWorld(at));
    m_isochroneFrom.clear();
    if (picked && picked->kind == FeedKind::Teams) {
        const Feed& teams = *m_feeds.get(FeedKind::Teams);
        const FeatureLayer& layer = teams.layer;
        const FeatureRecord& team = layer.features[picked->feature];
        if (team.partCount > 0) {
            m_isochroneOrigin = layer.ring(layer.parts[team.firstPart].firstRing)[0];
            m_isochroneFrom = team.name.empty() ? team.id : team.name;
            m_panel.isochroneMode = teams.teams[picked->feature].mode;
        }
    }
    computeIsochrones();
}

void App::select(std::optional<PickedFeature> picked) {
    m_selected = picked;
    m_details.open = picked.has_value();
    m_panel.selectedFeed = picked ? std::string(feedKindName(picked->kind)) : std::string();
    rebuildOverlay();
    if (!picked) return;
    const Feed& feed = *m_feeds.get(picked->kind);
    const FeatureRecord& record = feed.layer.features[picked->feature];
    m_selectedId = record.id;
    m_details.feed = std::string(feedKindName(picked->kind));
    m_details.title = record.name.empty() ? record.id : record.name;
    m_details.rows = featureDetails(feed, picked->feature);
}

void App::feedsChanged() {
    redrawSoon();
    m_dataAsOfMinute = nowMinuteOfDay();
    std::vector<LayerRow> rows;
    for (const auto& feed : m_feeds.feeds) {
        if (!feed) continue;
        const std::string name(feedKindName(feed->kind));
        LayerRow row{name, feed->size(), true, 1.0f};
        bool known = false;
        for (const LayerRow& old : m_panel.layers)
            if (old.feed == name) {
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
    if (const Feed* roads = m_feeds.get(FeedKind::Roads);
        roads && m_graphVersion != m_feeds.versions[static_cast<int>(FeedKind::Roads)]) {
        m_times.reset();
        for (int m = 0; m < kTravelModeCount; ++m) {
            m_hierarchyBuilders[m].reset();
            m_hierarchies[m].reset();
        }
        m_graph = std::make_unique<RoadGraph>(RoadGraph::build(*roads));
        m_times = std::make_unique<TravelTimes>(*m_graph);
        for (int m = 0; m < kTravelModeCount; ++m)
            m_hierarchyBuilders[m].emplace(*m_graph, static_cast<TravelMode>(m));
        m_graphVersion = m_feeds.versions[static_cast<int>(FeedKind::Roads)];
        m_panel.hasRoads = true;
        if (m_options.isoFrom && !m_isoApplied) {
            m_isoApplied = true;
            m_isochroneOrigin = m_options.isoFrom;
        }
        if (m_isochroneOrigin) computeIsochrones();
    }
    lap(startup(m_startup.graphMs), since);
    m_picker.update(m_feeds);
    m_labelAnchors = buildLabelAnchors(m_feeds);
    runSearch(); // hits are feature indices: find them again in the new data
    addGlyphs();
    if (m_selected) {
        // A refreshed feed keeps the selection on the same id, or drops it when the id is gone.
        const Feed* feed = m_feeds.get(m_selected->kind);
        const std::optional<std::uint32_t> again = feed ? feed->find(m_selectedId) : std::nullopt;
        select(again ? std::optional<PickedFeature>(PickedFeature{m_selected->kind, *again}) : std::nullopt);
    }
    lap(startup(m_startup.indexMs), since);
    rebuildScene();
    lap(startup(m_startup.sceneMs), since);
    updateCoverage(false);
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
        if (const std::optional<FeedKind> kind = feedKindFromName(row.feed);
            kind && row.visible && m_feeds.get(*kind)) {
            visible.push_back(m_feeds.get(*kind));
            opacity.push_back(row.opacity);
        }
    const SceneMesh mesh = buildSceneMesh(visible, opacity);
    m_renderer.upload(mesh);
    if (!(mesh.origin == m_sceneOrigin)) {
        m_sceneOrigin = mesh.origin;
        m_renderer.uploadIsochrones(buildIsochroneMesh(m_isochrones, m_sceneOrigin));
        rebuildOverlay();
    }
}

void App::zoomKeys(int direction) {
    const ScreenPoint centre{m_camera.viewportWidth() / 2.0, m_camera.viewportHeight() / 2.0};
    m_camera.zoomAbout(centre, direction > 0 ? kKeyZoomStep : 1.0 / kKeyZoomStep);
}

void App::handleEvent(const SDL_Event& e) {
    ImGui_ImplSDL2_ProcessEvent(&e);
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
        switch (e.key.keysym.sym) {
        case SDLK_PLUS:
        case SDLK_EQUALS:
        case SDLK_KP_PLUS:
            zoomKeys(+1);
            break;
        case SDLK_MINUS:
        case SDLK_KP_MINUS:
            zoomKeys(-1);
            break;
        case SDLK_LEFTBRACKET:
        case SDLK_RIGHTBRACKET:
            if (m_staffing)
                stepScrub((e.key.keysym.sym == SDLK_RIGHTBRACKET ? 1 : -1) * 60 /
                          m_staffing->day().slotMinutes);
            break;
        case SDLK_p:
            makePlan();
            break;
        case SDLK_r:
            m_coveragePanel.showResponsibility = !m_coveragePanel.showResponsibility;
            rebuildOverlay();
            break;
        case SDLK_l:
            m_legend.visible = !m_legend.visible;
            break;
        case SDLK_e:
            m_exportView = true;
            break;
        case SDLK_b:
            m_snapshotPanel.visible = !m_snapshotPanel.visible && !m_options.snapshot;
            break;
        case SDLK_t:
            m_showLabels = !m_showLabels;
            break;
        case SDLK_g:
            exportSelectedLayer(false);
            break;
        case SDLK_c:
            exportSelectedLayer(true);
            break;
        case SDLK_f:
        case SDLK_0:
            m_needsFit = true;
            break;
        case SDLK_LEFT:
            m_camera.panByPixels(kKeyPanPx, 0);
            break;
        case SDLK_RIGHT:
            m_camera.panByPixels(-kKeyPanPx, 0);
            break;
        case SDLK_UP:
            m_camera.panByPixels(0, kKeyPanPx);
            break;
        case SDLK_DOWN:
            m_camera.panByPixels(0, -kKeyPanPx);
            break;
        default:
            break;
        }
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

std::string App::stateJson() const {
    const auto errors = std::count_if(m_panel.problems.begin(), m_panel.problems.end(),
                                      [](const Diagnostic& d) { return d.severity == Severity::Error; });
    std::size_t features = 0;
    std::string layers;
    std::string hiddenOrFaded; // layer -> opacity in percent, for the layers not fully shown
    for (const LayerRow& row : m_panel.layers) {
        features += row.featureCount;
        if (!layers.empty()) layers += ',';
        layers += "\"" + row.feed + "\":" + std::to_string(row.featureCount);
        if (!row.visible || row.opacity < 1)
            hiddenOrFaded += (hiddenOrFaded.empty() ? "\"" : ",\"") + row.feed +
                             "\":" + (row.visible ? std::to_string(int(row.opacity * 100 + 0.5f)) : "0");
    }
    const std::string view =
        formatted("\"viewport\":[%d,%d],\"pixelScale\":%.3f,\"zoom\":%.6f,\"metresPerPixel\":%.6f,"
                  "\"centre\":[%.3f,%.3f]",
                  m_camera.viewportWidth(), m_camera.viewportHeight(), m_window.pixelScale(),
                  m_camera.zoomLevel(), m_camera.metresPerPixel(), m_camera.centre().x, m_camera.centre().y);
    std::size_t isoPolygons = 0;
    for (const IsochroneBand& b : m_isochrones)
        isoPolygons += b.polygons.size();
    const std::string isochrone =
        "{\"bands\":" + std::to_string(m_isochrones.size()) + ",\"polygons\":" + std::to_string(isoPolygons) +
        ",\"ms\":" + std::to_string(m_isochroneMs) + ",\"from\":" + jsonQuote(m_isochroneFrom) + "}";
    std::string coverage = "null";
    if (m_coverage) {
        coverage = formatted(
            "{\"thresholdMinutes\":%d,\"highRiskWithoutTaskForce\":%zu,\"zonesBeyond\":%zu,"
            "\"postsBeyond\":%zu,\"populationShare\":%.4f,\"ms\":%.1f,\"responsibility\":%s,"
            "\"responsibilityAreas\":%zu,\"sweptModes\":%d}",
            m_coveragePanel.thresholdMinutes, m_coveragePanel.highRiskWithoutTaskForce,
            m_coveragePanel.zonesBeyond, m_coveragePanel.postsBeyond, m_coveragePanel.populationShare,
            m_coveragePanel.computeMs, m_coveragePanel.showResponsibility ? "true" : "false",
            m_responsibilityAreas ? m_responsibilityAreas->size() : std::size_t(0), m_coverageSweptModes);
    }
    std::string staffing = "null";
    if (m_staffing) {
        staffing =
            formatted("{\"postsShort\":%d,\"postsUnstaffed\":%d,\"personHoursShort\":%.2f,"
                      "\"nightPersonHoursShort\":%.2f,\"zoneGaps\":%d,\"scrubSlot\":%d,\"shortAtScrub\":%d}",
                      m_gapsPanel.postsShort, m_gapsPanel.postsUnstaffed, m_gapsPanel.personHoursShort,
                      m_gapsPanel.nightPersonHoursShort, m_gapsPanel.zoneGaps, m_gapsPanel.scrubSlot,
                      m_gapsPanel.shortAtScrub);
        staffing.pop_back(); // the closing brace, put back after the parts below
        const auto& pc = m_legend.postCounts;
        const auto& zc = m_legend.zoneCounts;
        appendFormat(staffing,
                     ",\"status\":{\"colourByStaffing\":%s,\"minuteOfDay\":%d,\"posts\":[%d,%d,%d,%d],"
                     "\"zones\":[%d,%d,%d,%d]}",
                     m_legend.colourByStaffing ? "true" : "false", m_legend.minuteOfDay, pc[0], pc[1], pc[2],
                     pc[3], zc[0], zc[1], zc[2], zc[3]);
        if (m_gapsPanel.hasPlan) {
            appendFormat(
                staffing,
                ",\"plan\":{\"moves\":%zu,\"arrows\":%zu,\"filledHours\":%.2f,\"travelMinutes\":%.1f,"
                "\"greedyFilledHours\":%.2f,\"greedyTravelMinutes\":%.1f}",
                m_gapsPanel.plan.size(), m_planArrows.size(), m_gapsPanel.planFilledHours,
                m_gapsPanel.planTravelMinutes, m_gapsPanel.greedyFilledHours,
                m_gapsPanel.greedyTravelMinutes);
        }
        staffing += '}';
    }
    std::string selected = "null";
    if (m_selected)
        selected = "{\"feed\":\"" + std::string(feedKindName(m_selected->kind)) +
                   "\",\"id\":" + jsonQuote(m_selectedId) +
                   ",\"rows\":" + std::to_string(m_details.rows.size()) + "}";
    std::string cursor = "null";
    if (m_panel.cursor) cursor = formatted("[%.8f,%.8f]", m_panel.cursor->lon, m_panel.cursor->lat);
    return "{\"features\":" + std::to_string(features) + ",\"layers\":{" + layers + "},\"layerOpacity\":{" +
           hiddenOrFaded + "},\"problems\":" + std::to_string(m_panel.problems.size()) +
           ",\"errors\":" + std::to_string(errors) +
           ",\"loading\":" + std::to_string(pendingRequests() + (m_loader.busy() ? 1 : 0)) + ",\"lang\":\"" +
           (m_panel.lang == Lang::En ? "en" : "zh") + "\"," + view + ",\"cursor\":" + cursor +
           ",\"isochrone\":" + isochrone + ",\"selected\":" + selected + ",\"coverage\":" + coverage +
           ",\"hierarchies\":[" + (m_hierarchies[0] ? "true," : "false,") +
           (m_hierarchies[1] ? "true]" : "false]") + ",\"staffing\":" + staffing + ",\"wall\":" + wallJson() +
           ",\"feeds\":" + feedsJson() + ",\"kpis\":" + kpisJson() + ",\"figures\":" + figuresJson() +
           ",\"startup\":" + startupJson() +
           ",\"snapshot\":{\"mode\":" + (m_options.snapshot ? "true" : "false") +
           ",\"made\":" + std::to_string(m_snapshotsMade) + ",\"bytes\":" + std::to_string(m_snapshotBytes) +
           ",\"briefing\":" + (m_briefingShown ? "true" : "false") + "}" +
           ",\"exports\":" + std::to_string(m_exports) + ",\"hover\":" + hoverJson() +
           ",\"search\":{\"query\":" + jsonQuote(m_search.query) +
           ",\"hits\":" + std::to_string(m_searchHits.size()) +
           "},\"labels\":{\"shown\":" + (m_showLabels ? "true" : "false") +
           ",\"placed\":" + std::to_string(m_labelsPlaced) +
           ",\"districts\":" + std::to_string(m_labelDistricts) +
           ",\"glyphs\":" + std::to_string(m_font ? m_font->glyphCount() : 0) +
           "},\"memory\":" + memoryJson() + "}";
}

std::string App::memoryJson() const {
    const MemoryUse& use = m_memory;
    return "{\"heapBytes\":" + std::to_string(use.heapBytes) +
           ",\"usedBytes\":" + std::to_string(use.usedBytes) + "}";
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
        if (s->kind) row.kind = feedDisplayName(feedKindName(*s->kind), lang);
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
    m_wall.feedAlert = stale.empty() ? "" : std::string(tr(TextId::WallFeedsStale, lang)) + ": " + stale;
    m_wall.feedFailure = failed.empty() ? ""
                                        : std::string(tr(TextId::WallFeedsFailed, lang)) +
                                              (lang == Lang::En ? ": " : "：") + failed;
    m_wall.lastChange = m_feedsPanel.changes.empty() ? "" : m_feedsPanel.changes.front().text;
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
    m_updatePrompt.feed = feedDisplayName(feedKindName(pending->check.loadedAs), m_panel.lang);
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
    if (std::exchange(m_unloadDemo, false) && m_loader.unloadFrom(kDemoPrefix, m_feeds) > 0) {
        feedsChanged();
        m_panel.problems = m_loader.problems();
    }
    const KindPromptActions kind = std::exchange(m_kindAnswer, {});
    if (kind.chosen) {
        ImportChoice choice = m_importChoice;
        choice.kind = *kind.chosen;
        if (m_kindPrompt.saveMapping) saveMappingFile(choice);
        if (m_loader.chooseKind(choice, m_feeds)) feedsChanged();
        m_importChoiceFor.clear();
        m_panel.problems = m_loader.problems();
    } else if (kind.cancel) {
        m_loader.dismissUnknown();
        m_importChoiceFor.clear();
        m_panel.problems = m_loader.problems();
    }
    const UpdatePromptActions answer = std::exchange(m_updateAnswer, {});
    if (answer.apply) {
        if (m_loader.applyPending(m_feeds)) feedsChanged();
    } else if (answer.keep) {
        m_loader.discardPending();
    }
    if (answer.apply || answer.keep) m_panel.problems = m_loader.problems();
}

std::string App::startupJson() const {
    const StartupTimes& t = m_startup;
    return formatted("{\"atMs\":%.1f,\"windowMs\":%.1f,\"fontMs\":%.1f,\"readMs\":%.1f,\"graphMs\":%.1f,"
                     "\"indexMs\":%.1f,\"sceneMs\":%.1f,\"coverageMs\":%.1f,\"staffingMs\":%.1f,"
                     "\"firstFrameAtMs\":%.1f,\"framesMs\":%.1f}",
                     t.atMs, t.windowMs, t.fontMs, t.readMs, t.graphMs, t.indexMs, t.sceneMs, t.coverageMs,
                     t.staffingMs, t.frameStartMs, t.framesMs);
}

std::string App::feedsJson() const {
    std::string sources;
    for (const FeedRow& r : m_feedsPanel.rows) {
        const std::string numbers = formatted(
            ",\"features\":%zu,\"hasData\":%s,\"ageSeconds\":%.0f,\"stale\":%s,\"refreshSeconds\":%g,"
            "\"versions\":%d,\"unchanged\":%d,\"failures\":%d",
            r.features, r.hasData ? "true" : "false", r.ageSeconds, r.stale ? "true" : "false",
            r.refreshSeconds, r.versions, r.unchanged, r.failures);
        sources += (sources.empty() ? "{" : ",{") + std::string("\"source\":") + jsonQuote(r.source) +
                   numbers + ",\"error\":" + jsonQuote(r.error) + ",\"message\":" + jsonQuote(r.message) +
                   ",\"refusal\":" + jsonQuote(r.refusal) + ",\"supersededBy\":" + jsonQuote(r.supersededBy) +
                   "}";
    }
    std::string changes;
    for (const FeedChangeRecord& c : m_loader.changes()) {
        const std::string numbers = formatted(
            ",\"added\":%d,\"removed\":%d,\"changed\":%d,\"highRiskAdded\":%d,\"highRiskLifted\":%d",
            c.change.added, c.change.removed, c.change.changed, c.change.highRiskAdded,
            c.change.highRiskLifted);
        changes += (changes.empty() ? "{" : ",{") + std::string("\"source\":") + jsonQuote(c.source) +
                   ",\"feed\":\"" + std::string(feedKindName(c.change.kind)) + "\"" + numbers +
                   ",\"text\":" + jsonQuote(changeSummary(c.change, m_panel.lang)) + "}";
    }
    std::string pending = "null";
    if (const std::optional<PendingUpdate>& p = m_loader.pending())
        pending = "{\"source\":" + jsonQuote(p->source) + ",\"feed\":\"" +
                  std::string(feedKindName(p->check.loadedAs)) + "\"" +
                  formatted(",\"before\":%zu,\"added\":%d,\"removed\":%d}", p->check.before,
                            p->check.change.added, p->check.change.removed);
    return "{\"sources\":[" + sources + "],\"changes\":[" + changes +
           "],\"failureCount\":" + std::to_string(m_loader.failureCount()) +
           ",\"failureLog\":" + std::to_string(m_loader.failureLog().size()) +
           ",\"pendingUpdate\":" + pending + ",\"unknownFile\":" + unknownFileJson() +
           ",\"mappingFile\":" + jsonQuote(m_lastMappingFile) +
           ",\"wallFailure\":" + jsonQuote(m_wall.feedFailure) + "}";
}

void App::saveMappingFile(const ImportChoice& choice) {
    const std::string json = m_loader.mappingFileFor(choice);
    const std::string name = m_kindPrompt.source.substr(0, m_kindPrompt.source.find('.')) + ".mapping.json";
    m_lastMappingFile = json;
    if (!page::downloadFile(name, json, "application/json")) page::showError("cannot write " + name);
}

std::string App::unknownFileJson() const {
    const std::optional<UnknownFile>& u = m_loader.unknownFile();
    if (!u) return "null";
    std::string fields;
    for (const std::string& f : u->preview.propertyNames)
        fields += (fields.empty() ? "" : ",") + jsonQuote(f);
    const std::string guess =
        u->preview.guess ? "\"" + std::string(feedKindName(*u->preview.guess)) + "\"" : std::string("null");
    static constexpr const char* kEvidence[] = {"none", "declared", "named", "roadOffset"};
    const Gcj02Guess& g = u->gcj02;
    const auto metres = [](const std::optional<double>& m) {
        return m ? std::to_string(std::lround(*m)) : "null";
    };
    return "{\"source\":" + jsonQuote(u->source) + ",\"features\":" + std::to_string(u->preview.features) +
           ",\"guess\":" + guess + ",\"fields\":[" + fields +
           "],\"gcj02\":{\"likely\":" + (g.likely ? "true" : "false") + ",\"evidence\":\"" +
           kEvidence[static_cast<int>(g.evidence)] + "\",\"asGivenMetres\":" + metres(g.asGivenMetres) +
           ",\"convertedMetres\":" + metres(g.convertedMetres) +
           "},\"add\":" + (m_importChoice.add ? "true" : "false") +
           ",\"fromGcj02\":" + (m_importChoice.fromGcj02 ? "true" : "false") + "}";
}

std::string App::hoverJson() const {
    if (!m_hover) return "null";
    const Feed* feed = m_feeds.get(m_hover->kind);
    if (!feed || m_hover->feature >= feed->size()) return "null";
    return "{\"feed\":\"" + std::string(feedKindName(m_hover->kind)) +
           "\",\"id\":" + jsonQuote(feed->layer.features[m_hover->feature].id) + "}";
}

std::string App::wallJson() const {
    if (!m_options.wall) return "null";
    return "{" + kpiFieldsJson() + ",\"clock\":" + jsonQuote(m_wall.clock) +
           ",\"dataAsOf\":" + jsonQuote(m_wall.dataAsOf) + ",\"tourStops\":" + std::to_string(m_tourStop) +
           ",\"typePx\":{\"text\":" + std::to_string(m_font ? std::lround(m_font->wallTextPx()) : 0) +
           ",\"figures\":" + std::to_string(m_font ? std::lround(m_font->wallFigurePx()) : 0) + "}}";
}

void App::exportView(int width, int height) {
    std::vector<std::uint8_t> rgba(static_cast<std::size_t>(width) * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    // GL rows run bottom to top, PNG rows top to bottom; the canvas is opaque.
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    for (int y = 0; y < height / 2; ++y)
        std::swap_ranges(rgba.begin() + std::ptrdiff_t(y * row), rgba.begin() + std::ptrdiff_t((y + 1) * row),
                         rgba.begin() + std::ptrdiff_t((height - 1 - y) * row));
    for (std::size_t i = 3; i < rgba.size(); i += 4)
        rgba[i] = 255;
    const std::string png = encodePng(width, height, rgba);
    const std::string name = "cordon-" + clockText(nowMinuteOfDay()).replace(2, 1, "") + ".png";
    ++m_exports;
    if (!page::downloadFile(name, png, "image/png")) page::showError("cannot write " + name);
}

void App::exportSelectedLayer(bool csv) {
    if (!m_selected) return;
    const Feed* feed = m_feeds.get(m_selected->kind);
    if (!feed) return;
    const std::string name = std::string(feedKindName(feed->kind)) + (csv ? ".csv" : ".geojson");
    const std::string bytes = csv ? layerToCsv(feed->layer) : layerToGeoJson(feed->layer);
    ++m_exports;
    if (!page::downloadFile(name, bytes, csv ? "text/csv" : "application/geo+json"))
        page::showError("cannot write " + name);
}

void App::writeScreenshot(const std::string& path, int width, int height) const {
    std::vector<unsigned char> rgba(static_cast<std::size_t>(width) * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) {
        page::showError("cannot write screenshot " + path);
        return;
    }
    std::fprintf(f, "P6\n%d %d\n255\n", width, height);
    for (int y = height - 1; y >= 0; --y)
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
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    m_panel.zoom = m_camera.zoomLevel();
    m_panel.cursor.reset();
    if (m_pointerOnMap) m_panel.cursor = mercator::unproject(m_camera.screenToWorld(m_pointer));
    drawLabels();
    if (m_options.wall) {
        updateWall();
        drawWallPanel(
            m_wall, {m_font ? m_font->wallTextFace() : nullptr, m_font ? m_font->wallFigureFace() : nullptr});
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
        for (const auto& feed : m_feeds.feeds)
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

    glViewport(0, 0, width, height);
    glClearColor(0.96f, 0.97f, 0.98f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    m_renderer.draw(m_camera);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

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
