#include "app/coverage_view.hpp"

#include "core/map/attention.hpp"
#include "core/map/figures.hpp"
#include "render/overlay_mesh.hpp"

#include <chrono>

namespace cordon {

bool CoverageView::update(Situation& situation) {
    if (situation.settings().coverage.thresholdMinutes != m_panel.thresholdMinutes)
        situation.setCoverageThreshold(m_panel.thresholdMinutes);
    const auto start = std::chrono::steady_clock::now();
    if (!situation.refreshCoverage()) return false;
    m_panel.available = situation.coverage() != nullptr;
    m_areas.reset();
    if (!m_panel.available) return true;
    m_panel.computeMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    const CoverageReport& r = *situation.coverage();
    m_panel.zonesBeyond = r.zonesBeyondThreshold.size();
    m_panel.postsBeyond = r.postsBeyondThreshold.size();
    m_panel.populationShare = r.populationTotal > 0 ? static_cast<double>(r.populationCovered) /
                                                          static_cast<double>(r.populationTotal)
                                                    : 0;
    fillGaps(situation);
    return true;
}

void CoverageView::fillGaps(const Situation& situation) {
    if (!situation.coverage()) return;
    const CoverageReport& r = *situation.coverage();
    m_panel.gaps.clear();
    const Feed* areas = situation.feeds().get(FeedKind::Areas);
    auto add = [&](FeedKind kind, const TargetCoverage& t, double seconds, const char* tag) {
        const Feed* feed = situation.feeds().get(kind);
        if (!feed || t.feature >= feed->size()) return;
        if (m_district) {
            const std::string_view area = kind == FeedKind::Zones && t.feature < feed->zones.size()
                                              ? std::string_view(feed->zones[t.feature].area)
                                          : kind == FeedKind::Posts && t.feature < feed->posts.size()
                                              ? std::string_view(feed->posts[t.feature].area)
                                              : std::string_view();
            if (!areas || !areaWithin(*areas, area, *m_district)) return;
        }
        m_panel.gaps.push_back(
            {kind, t.feature, std::string(tag) + feed->layer.features[t.feature].shownName(), seconds / 60});
    };
    for (std::uint32_t z : zonesOutOfReach(r, situation.staffing()))
        add(FeedKind::Zones, r.zones[z], r.zones[z].assignedTaskForce.seconds, "! ");
    for (std::uint32_t z : r.zonesBeyondThreshold)
        add(FeedKind::Zones, r.zones[z], r.zones[z].assigned.seconds, "");
    for (std::uint32_t p : r.postsBeyondThreshold)
        add(FeedKind::Posts, r.posts[p], r.posts[p].assigned.seconds, "");
}

void CoverageView::setDistrict(const Situation& situation, std::optional<std::uint32_t> district) {
    m_district = district;
    fillGaps(situation);
}

void CoverageView::addToMap(SceneMesh& overlay, const Situation& situation) {
    const CoverageReport* coverage = situation.coverage();
    const RoadGraph* graph = situation.graph();
    if (!m_panel.showResponsibility || !coverage || !graph) return;
    const Responsibility& taskForces = coverage->responsibility[static_cast<int>(TeamKind::TaskForce)];
    const auto shares = edgeResponsibility(taskForces, *graph, coverage->thresholdSeconds);
    if (!m_areas) m_areas = buildResponsibilityAreas(taskForces, *graph, coverage->thresholdSeconds);
    appendMesh(overlay, buildResponsibilityAreaMesh(*m_areas, overlay.origin));
    appendMesh(overlay, buildResponsibilityMesh(*graph, shares, overlay.origin));
}

void CoverageView::writeState(JsonWriter& out, const Situation& situation) const {
    if (!situation.coverage()) {
        out.null();
        return;
    }
    out.beginObject()
        .member("thresholdMinutes", m_panel.thresholdMinutes)
        .member("rows", m_panel.gaps.size())
        .member("highRiskWithoutTaskForce", m_panel.highRiskWithoutTaskForce)
        .member("zonesBeyond", m_panel.zonesBeyond)
        .member("postsBeyond", m_panel.postsBeyond)
        .key("populationShare")
        .fixed(m_panel.populationShare, 4)
        .key("ms")
        .fixed(m_panel.computeMs, 1)
        .member("responsibility", m_panel.showResponsibility)
        .member("responsibilityAreas", m_areas ? m_areas->size() : std::size_t(0))
        .member("sweptModes", situation.coverageSweptModes())
        .endObject();
}

} // namespace cordon
