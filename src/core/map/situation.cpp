#include "core/map/situation.hpp"

namespace cordon {

Situation::Situation(SituationSettings settings) : m_settings(std::move(settings)) {}
Situation::Situation(Situation&&) noexcept = default;
Situation& Situation::operator=(Situation&&) noexcept = default;
Situation::~Situation() = default;

Situation::Remade Situation::refresh() {
    Remade remade;
    remade.graph = refreshGraph();
    remade.coverage = refreshCoverage();
    remade.staffing = refreshStaffing();
    return remade;
}

bool Situation::refreshGraph() {
    if (m_graphStamp.current(m_feeds)) return false;
    m_graphStamp.stamp(m_feeds);
    m_times.reset();
    m_hierarchies = {};
    m_builders = {};
    m_plan.reset();
    m_coverageStamp.clear();
    const Feed* roads = m_feeds.get(FeedKind::Roads);
    if (!roads) {
        const bool had = m_graph != nullptr;
        m_graph.reset();
        return noteRemade(had);
    }
    m_graph = std::make_shared<const RoadGraph>(RoadGraph::build(*roads));
    m_times = std::make_unique<TravelTimes>(*m_graph);
    startBuilders();
    return noteRemade(true);
}

void Situation::startBuilders() {
    for (int m = 0; m < kTravelModeCount; ++m)
        if (!m_hierarchies[m] && !m_builders[m])
            m_builders[m] = std::make_unique<HierarchyBuilder>(*m_graph, static_cast<TravelMode>(m));
}

bool Situation::refreshCoverage() {
    if (m_coverageStamp.current(m_feeds)) return false;
    m_coverageStamp.stamp(m_feeds);
    m_coverageSweptModes = 0;
    if (!m_graph || !m_feeds.get(FeedKind::Teams)) {
        const bool had = m_coverage != nullptr;
        m_coverage.reset();
        return noteRemade(had);
    }
    ModeHierarchies hierarchies{};
    for (int m = 0; m < kTravelModeCount; ++m) {
        hierarchies[m] = m_hierarchies[m].get();
        m_coverageSweptModes += hierarchies[m] != nullptr;
    }
    m_coverage = std::make_shared<const CoverageReport>(
        computeCoverage(m_feeds, *m_graph, m_settings.coverage, hierarchies));
    return noteRemade(true);
}

bool Situation::refreshStaffing() {
    if (m_staffingStamp.current(m_feeds)) return false;
    m_staffingStamp.stamp(m_feeds);
    m_plan.reset(); // a plan is for the data it was made from
    const Feed* roster = m_feeds.get(FeedKind::Roster);
    const std::optional<StaffingDay> day = m_settings.day ? m_settings.day
                                           : roster       ? rosterDay(*roster, m_settings.slotMinutes)
                                                          : std::nullopt;
    if (!m_feeds.get(FeedKind::Posts) || !day) {
        const bool had = m_staffing != nullptr;
        m_staffing.reset();
        return noteRemade(had);
    }
    m_staffing =
        std::make_shared<const StaffingModel>(StaffingModel::build(m_feeds, *day, m_settings.staffing));
    return noteRemade(true);
}

void Situation::setCoverageThreshold(double minutes) {
    m_settings.coverage.thresholdMinutes = minutes;
    m_coverageStamp.clear();
}

void Situation::setStaffingDay(std::optional<StaffingDay> day) {
    m_settings.day = day;
    m_staffingStamp.clear();
}

bool Situation::advanceHierarchies(const std::function<bool()>& keepGoing) {
    if (m_graph) startBuilders(); // a fork builds what it did not share
    constexpr std::size_t kStepNodes = 8;
    for (int m = 0; m < kTravelModeCount; ++m) {
        std::unique_ptr<HierarchyBuilder>& builder = m_builders[m];
        if (!builder) continue;
        while (!builder->step(kStepNodes))
            if (!keepGoing()) return false;
        m_hierarchies[m] = std::make_shared<const ContractionHierarchy>(builder->finish());
        builder.reset();
    }
    return true;
}

void Situation::buildHierarchies() {
    advanceHierarchies([] { return true; });
}

bool Situation::makePlan() {
    if (!m_staffing || !m_graph) return false;
    auto plan = std::make_shared<StaffingPlan>();
    plan->problem = buildReassignmentProblem(*m_staffing, m_feeds, *m_graph, m_settings.plan);
    plan->best = solveReassignment(plan->problem, PlanMethod::MinCostFlow);
    plan->greedy = solveReassignment(plan->problem, PlanMethod::GreedyNearest);
    m_plan = std::move(plan);
    return true;
}

Figures Situation::figures(int minuteOfDay) const {
    Figures f = computeFigures(m_feeds, m_staffing.get(), m_coverage.get(), minuteOfDay);
    // The threshold is a setting: labels name it ("no task force within 15 min") even before
    // there is coverage to measure against it.
    if (!m_coverage) f.thresholdMinutes = m_settings.coverage.thresholdMinutes;
    return f;
}

Situation Situation::fork() const {
    Situation copy(m_settings);
    copy.m_feeds = m_feeds;
    copy.m_graphStamp = m_graphStamp;
    copy.m_coverageStamp = m_coverageStamp;
    copy.m_staffingStamp = m_staffingStamp;
    copy.m_graph = m_graph;
    if (m_graph) copy.m_times = std::make_unique<TravelTimes>(*m_graph);
    copy.m_hierarchies = m_hierarchies;
    copy.m_coverage = m_coverage;
    copy.m_coverageSweptModes = m_coverageSweptModes;
    copy.m_staffing = m_staffing;
    copy.m_plan = m_plan;
    copy.m_resultsVersion = m_resultsVersion;
    return copy;
}

} // namespace cordon
