// The laptop's side panel: the open tab's contents drawn and their actions carried out between
// frames, and the filter (district, time) the tables, the plan and the map's highlight follow.

#include "app/app.hpp"

#include "platform/page.hpp"
#include "render/overlay_mesh.hpp"

#include <imgui.h>

namespace cordon {

namespace {

/// The district the tables are filtered to, outlined on the map.
constexpr Rgba kFilterOutline{106, 61, 154, 255};
constexpr float kFilterOutlinePx = 3.5f;

} // namespace

void App::drawPanels() {
    m_workspace.lang = m_panel.lang;
    m_workspace.feedsTab = !m_options.snapshot; // a briefing's data is as of its header, not live
    m_workspace.feedTrouble = m_feedStatus.trouble();
    m_coverageView.panel().lang = m_panel.lang;
    m_staffingView.gaps().lang = m_panel.lang;
    // One tab's contents a frame: the others' actions stay empty.
    MapPanelActions actions;
    CoveragePanelActions coverage;
    GapsPanelActions gaps;
    bool filterChanged = false;
    if (const std::optional<WorkspaceTab> tab = beginWorkspace(m_workspace, filterChanged)) {
        switch (*tab) {
        case WorkspaceTab::Layers:
            actions = drawLayersTab(m_panel);
            break;
        case WorkspaceTab::Coverage:
            coverage = drawCoverageTab(m_coverageView.panel());
            break;
        case WorkspaceTab::Gaps:
            gaps = drawGapsTab(m_staffingView.gaps());
            break;
        case WorkspaceTab::Details: {
            const DetailsActions details = m_selection.drawDetails(m_panel.lang);
            if (details.filter && m_selection.selectedDistrict()) {
                ViewFilter filter = m_workspace.filter;
                filter.district = m_selection.selectedDistrict();
                m_workspace.filter = filter;
                filterChanged = true;
            }
            if (details.close) select(std::nullopt);
            if (details.teamReach && m_selection.selected()) showTeamReach(m_selection.selected()->feature);
            break;
        }
        case WorkspaceTab::Feeds:
            m_feedStatus.drawTab();
            break;
        }
    }
    endWorkspace();
    if (filterChanged) setFilter(m_workspace.filter);
    m_selection.setMapLeft(workspaceMapLeft(m_workspace, ImGui::GetFontSize()));
    if (actions.fitToData) m_needsFit = true;
    if (actions.exportView)
        m_pictureRequest = PictureRequest{PictureUse::Png, pictureSize().first, pictureSize().second};
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
    if (coverage.thresholdChanged) updateCoverage();
    if (coverage.responsibilityToggled) rebuildOverlay();
    if (coverage.goTo) flyTo(coverage.goTo->feed, coverage.goTo->feature);
    if (gaps.scrubChanged) updateScrub();
    if (gaps.goToPost) flyTo(FeedKind::Posts, *gaps.goToPost);
    if (gaps.planRequested) makePlan();
    if (gaps.exportGaps) exportTable("gaps", gapsTableCsv(m_staffingView.gaps()));
    if (gaps.exportPlan) exportTable("plan", planTableCsv(m_staffingView.gaps()));
    m_staffingView.legend().lang = m_panel.lang;
    if (drawLegendPanel(m_staffingView.legend()).colourToggled) rebuildOverlay();
    if (m_feedStatus.drawQuestions(m_loader, m_panel.lang, workspaceMapLeft(m_workspace, kUiFontSize)))
        redrawSoon();
    m_snapshotPanel.lang = m_panel.lang;
    m_snapshotPanel.mapLeft = workspaceMapLeft(m_workspace, ImGui::GetFontSize());
    if (drawSnapshotPanel(m_snapshotPanel).save) requestSnapshot();
    const std::optional<ScreenPoint> hoverAt =
        m_input.pressed() || ImGui::GetIO().WantCaptureMouse ? std::nullopt : m_input.pointer();
    if (const std::optional<PickedFeature> hit = m_selection.drawSearch(
            m_situation.feeds(), m_panel.lang, hoverAt, [this](ScreenPoint at) { return pickAt(at); }))
        flyTo(hit->kind, hit->feature);
    if (actions.clearIsochrones) {
        m_isochroneView.clear();
        m_staffingView.legend().isochrones.clear();
        m_panel.isochroneInfo.clear();
        m_renderer.uploadIsochrones({});
    }
}

void App::updateFilterChoices() {
    m_workspace.districts.clear();
    const Feed* areas = m_situation.feeds().get(FeedKind::Areas);
    // Each district, then its sub-districts (indented), so a district staffer can narrow further.
    for (std::uint32_t i = 0; areas && i < areas->size(); ++i) {
        if (areas->areas[i].level != AreaLevel::District) continue;
        m_workspace.districts.emplace_back(i, areas->layer.features[i].shownName());
        for (std::uint32_t j = 0; j < areas->size(); ++j)
            if (areas->areas[j].level == AreaLevel::Subdistrict &&
                areas->areas[j].parent == areas->layer.features[i].id)
                m_workspace.districts.emplace_back(j, "  · " + areas->layer.features[j].shownName());
    }
    ViewFilter filter = m_workspace.filter;
    if (filter.district && !(areas && *filter.district < areas->size())) filter.district.reset();
    if (!m_options.district.empty() && areas) { // the URL's, once its district is loaded
        for (const auto& [index, name] : m_workspace.districts)
            if (areas->layer.features[index].id == m_options.district) {
                filter.district = index;
                m_options.district.clear();
            }
    }
    setFilter(filter);
}

void App::setFilter(const ViewFilter& filter) {
    m_workspace.filter = filter;
    m_staffingView.setFilter(m_situation, filter);
    m_coverageView.setDistrict(m_situation, filter.district);
    rebuildOverlay();
}

void App::addFilterOutline(SceneMesh& overlay) const {
    // The filtered district outlined, so the map shows what the tables are narrowed to.
    if (const Feed* areas = m_situation.feeds().get(FeedKind::Areas);
        areas && m_workspace.filter.district && *m_workspace.filter.district < areas->size())
        appendOutline(overlay, areas->layer, *m_workspace.filter.district, kFilterOutline, kFilterOutlinePx);
}

} // namespace cordon
