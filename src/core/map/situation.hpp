#pragma once
/// What the map shows, derived from one feed set: the road graph and its travel-time engine, the
/// contraction hierarchies (built in slices), coverage, the staffing day, the reassignment plan
/// and the shared figures. Each result is recomputed only when a feed it reads has a new version
/// (one FeedStamp per result), in dependency order: roads -> graph -> coverage and plan; posts,
/// roster, teams, zones, areas -> staffing -> plan.
///
/// A Situation can be forked: the copy shares the feeds, the graph, the hierarchies and the
/// results (all immutable once made) and owns only its own travel-time engine, so a what-if
/// scenario or a district subset can live beside the situation on the map and be compared with
/// it; replacing a feed in the fork recomputes only the fork's results that read it.
/// The app, the CLI commands and the snapshot all derive their figures through this one type.

#include "core/coverage/coverage.hpp"
#include "core/feeds/feed_set.hpp"
#include "core/map/figures.hpp"
#include "core/routing/contraction_hierarchy.hpp"
#include "core/routing/road_graph.hpp"
#include "core/routing/travel_times.hpp"
#include "core/staffing/reassignment.hpp"
#include "core/staffing/staffing.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

namespace cordon {

/// The settings a situation is derived with (the same for the app, the CLI and briefings unless
/// a command is told otherwise).
struct SituationSettings {
    CoverageOptions coverage;
    StaffingOptions staffing;
    ReassignmentOptions plan;
    int slotMinutes = 15;
    /// The day staffing is counted on; unset: the roster's own day (rosterDay).
    std::optional<StaffingDay> day;
};

/// The reassignment plan and, for comparison, what nearest-first pairing would do.
struct StaffingPlan {
    ReassignmentProblem problem;
    ReassignmentPlan best;   ///< min-cost flow: the most gap closed with the least travel
    ReassignmentPlan greedy; ///< nearest first
};

class Situation {
  public:
    /// What a refresh step remade (each a result readers must take again).
    struct Remade {
        bool graph = false, coverage = false, staffing = false;
        bool any() const { return graph || coverage || staffing; }
    };

    explicit Situation(SituationSettings settings = {});
    Situation(Situation&&) noexcept;
    Situation& operator=(Situation&&) noexcept;
    ~Situation();

    /// The feeds it derives from. Replace feeds through this, then call refresh().
    FeedSet& feeds() { return m_feeds; }
    const FeedSet& feeds() const { return m_feeds; }
    const SituationSettings& settings() const { return m_settings; }

    /// Remakes every stale result, in dependency order.
    Remade refresh();
    /// The steps of refresh(), for a caller that times them apart (the app's start-up figures).
    bool refreshGraph();
    bool refreshCoverage();
    bool refreshStaffing();

    /// Coverage is remade at the next refresh with this threshold.
    void setCoverageThreshold(double minutes);
    /// Staffing (and so the plan) is remade at the next refresh counted on this day.
    void setStaffingDay(std::optional<StaffingDay> day);

    /// Contracts hierarchy nodes while `keepGoing()` says so; true when every mode's hierarchy is
    /// built. Until then routing falls back to Dijkstra: results are the same, only slower.
    bool advanceHierarchies(const std::function<bool()>& keepGoing);
    /// Builds every hierarchy now (the CLI, a benchmark).
    void buildHierarchies();

    const RoadGraph* graph() const { return m_graph.get(); }
    /// The engine for one-off searches (isochrones); null without roads. Its state is this
    /// situation's own: a fork searching does not disturb the original.
    TravelTimes* travelTimes() { return m_times.get(); }
    const ContractionHierarchy* hierarchy(TravelMode mode) const {
        return m_hierarchies[static_cast<int>(mode)].get();
    }
    /// Null without roads and teams.
    const CoverageReport* coverage() const { return m_coverage.get(); }
    /// Modes whose hierarchy the last coverage swept (0 while they are still being built).
    int coverageSweptModes() const { return m_coverageSweptModes; }
    /// Null without posts and a day (a roster, or a day set).
    const StaffingModel* staffing() const { return m_staffing.get(); }
    /// Null until makePlan(); dropped whenever staffing or the graph is remade.
    const StaffingPlan* plan() const { return m_plan.get(); }
    /// Suggests moves of surplus staff to the gaps; false without staffing or roads.
    bool makePlan();

    /// The shared figures at `minuteOfDay`, from the results as they stand; the reach threshold is
    /// the setting's while there is no coverage (no roads or teams yet).
    Figures figures(int minuteOfDay) const;

    /// A copy sharing feeds, graph, hierarchies and results (see the file comment). Hierarchies
    /// still being built are not shared: the fork builds its own in advanceHierarchies.
    Situation fork() const;

    /// Counts the results remade (graph, coverage, staffing): a view that derives from them keeps
    /// what it made while this and the feeds' versions stay the same.
    std::uint64_t resultsVersion() const { return m_resultsVersion; }

  private:
    SituationSettings m_settings;
    FeedSet m_feeds;
    FeedStamp m_graphStamp{FeedKind::Roads};
    FeedStamp m_coverageStamp{FeedKind::Roads, FeedKind::Teams, FeedKind::Zones, FeedKind::Posts,
                              FeedKind::Areas};
    FeedStamp m_staffingStamp{FeedKind::Posts, FeedKind::Roster, FeedKind::Teams, FeedKind::Zones,
                              FeedKind::Areas};
    std::shared_ptr<const RoadGraph> m_graph;
    std::unique_ptr<TravelTimes> m_times;
    std::array<std::shared_ptr<const ContractionHierarchy>, kTravelModeCount> m_hierarchies;
    std::array<std::unique_ptr<HierarchyBuilder>, kTravelModeCount> m_builders;
    std::shared_ptr<const CoverageReport> m_coverage;
    int m_coverageSweptModes = 0;
    std::shared_ptr<const StaffingModel> m_staffing;
    std::shared_ptr<const StaffingPlan> m_plan;
    std::uint64_t m_resultsVersion = 0;

    void startBuilders();
    bool noteRemade(bool remade) {
        m_resultsVersion += remade;
        return remade;
    }
};

} // namespace cordon
