// The derived state of the demo city: each result is the one its own function computes, is remade
// only when a feed it reads changes, and a fork shares what it did not change and leaves the
// original alone when it changes something.
#include "core/map/situation.hpp"

#include "test_feeds.hpp"

#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace cordon;
using cordon::test::demoFeed;

namespace {

Situation demoCity() {
    Situation s;
    for (FeedKind kind : {FeedKind::Areas, FeedKind::Zones, FeedKind::Posts, FeedKind::Teams,
                          FeedKind::Roster, FeedKind::Roads})
        s.feeds().replace(demoFeed(kind));
    return s;
}

/// The same feed as a new version (as a refresh that changed nothing delivers it).
void refreshSame(Situation& s, FeedKind kind) {
    s.feeds().replace(Feed(*s.feeds().get(kind)));
}

} // namespace

TEST_CASE("A situation derives graph, coverage, staffing and figures as their own functions do") {
    Situation s = demoCity();
    const Situation::Remade first = s.refresh();
    CHECK(first.graph);
    CHECK(first.coverage);
    CHECK(first.staffing);
    REQUIRE(s.graph());
    REQUIRE(s.travelTimes());
    REQUIRE(s.coverage());
    REQUIRE(s.staffing());

    const FeedSet& feeds = s.feeds();
    const RoadGraph graph = RoadGraph::build(*feeds.get(FeedKind::Roads));
    CHECK(s.graph()->nodeCount() == graph.nodeCount());
    const CoverageReport coverage = computeCoverage(feeds, graph, s.settings().coverage);
    CHECK(s.coverage()->highRiskWithoutTaskForce == coverage.highRiskWithoutTaskForce);
    CHECK(s.coverage()->zonesBeyondThreshold == coverage.zonesBeyondThreshold);
    const StaffingModel staffing = StaffingModel::build(feeds, *rosterDay(*feeds.get(FeedKind::Roster)));
    CHECK(s.staffing()->city().postsShort == staffing.city().postsShort);
    CHECK(s.staffing()->city().shortBySlot == staffing.city().shortBySlot);
    const Figures want = computeFigures(feeds, &staffing, &coverage, 23 * 60 + 30);
    const Figures got = s.figures(23 * 60 + 30);
    for (int i = 0; i < kFigureCount; ++i)
        CHECK(got[static_cast<FigureId>(i)] == want[static_cast<FigureId>(i)]);
    CHECK(got.known(FigureId::ZonesOutOfReach));
    CHECK(got.known(FigureId::PostsShortNow));
}

TEST_CASE("A situation remakes only what reads a replaced feed") {
    Situation s = demoCity();
    s.refresh();
    const RoadGraph* graph = s.graph();
    const CoverageReport* coverage = s.coverage();
    const StaffingModel* staffing = s.staffing();

    const std::uint64_t results = s.resultsVersion();
    CHECK_FALSE(s.refresh().any());
    CHECK(s.coverage() == coverage);
    CHECK(s.resultsVersion() == results); // views derived from the results may keep theirs

    refreshSame(s, FeedKind::Roster); // staffing reads the roster, coverage does not
    Situation::Remade r = s.refresh();
    CHECK_FALSE(r.graph);
    CHECK_FALSE(r.coverage);
    CHECK(r.staffing);
    CHECK(s.coverage() == coverage);
    CHECK(s.staffing() != staffing);

    REQUIRE(s.makePlan());
    REQUIRE(s.plan());
    CHECK(s.plan()->best.gapPersonMinutesClosed >= s.plan()->greedy.gapPersonMinutesClosed);
    refreshSame(s, FeedKind::Teams); // both read the teams; the plan was for the old data
    r = s.refresh();
    CHECK_FALSE(r.graph);
    CHECK(r.coverage);
    CHECK(r.staffing);
    CHECK(s.graph() == graph);
    CHECK(s.plan() == nullptr);

    const std::uint64_t beforeThreshold = s.resultsVersion();
    s.setCoverageThreshold(5); // no feed changed, yet the coverage is new
    r = s.refresh();
    CHECK(r.coverage);
    CHECK(s.resultsVersion() > beforeThreshold);
    CHECK_FALSE(r.staffing);
    CHECK(s.coverage()->thresholdSeconds == 5 * 60);

    refreshSame(s, FeedKind::Roads);
    r = s.refresh();
    CHECK(r.graph);
    CHECK(r.coverage);
    CHECK_FALSE(r.staffing);
    CHECK(s.graph() != graph);
}

TEST_CASE("A fork shares the results until it changes a feed, and never changes the original") {
    Situation base = demoCity();
    base.refresh();
    const Figures before = base.figures(12 * 60);

    Situation fork = base.fork();
    CHECK(fork.graph() == base.graph());
    CHECK(fork.coverage() == base.coverage());
    CHECK(fork.staffing() == base.staffing());
    CHECK(fork.travelTimes() != base.travelTimes()); // each searches with its own state
    CHECK_FALSE(fork.refresh().any());

    // What-if: every team gone from the fork.
    Feed noTeams;
    noTeams.kind = FeedKind::Teams;
    fork.feeds().replace(std::move(noTeams));
    const Situation::Remade r = fork.refresh();
    CHECK(r.coverage);
    CHECK(fork.graph() == base.graph());
    const Figures after = fork.figures(12 * 60);
    CHECK(after[FigureId::ZonesOutOfReach] == after[FigureId::HighRiskZones]);
    CHECK(after[FigureId::ZonesOutOfReach] > before[FigureId::ZonesOutOfReach]);

    const Figures baseAgain = base.figures(12 * 60);
    for (int i = 0; i < kFigureCount; ++i)
        CHECK(baseAgain[static_cast<FigureId>(i)] == before[static_cast<FigureId>(i)]);
    CHECK(base.feeds().get(FeedKind::Teams)->size() > 0);
}

TEST_CASE("Without coverage the figures still name the threshold they will be measured against") {
    SituationSettings settings;
    settings.coverage.thresholdMinutes = 10;
    Situation s(settings);
    s.feeds().replace(demoFeed(FeedKind::Zones)); // no roads, no teams: no coverage
    s.refresh();
    REQUIRE(s.coverage() == nullptr);
    const Figures f = s.figures(12 * 60);
    CHECK_FALSE(f.known(FigureId::ZonesOutOfReach));
    CHECK(f.thresholdMinutes == 10);
}

TEST_CASE("Hierarchies are built in slices; coverage over them is the report without them") {
    Situation s = demoCity();
    s.refresh();
    CHECK(s.coverageSweptModes() == 0);
    CHECK(s.hierarchy(TravelMode::Walk) == nullptr);
    int slices = 0;
    CHECK_FALSE(s.advanceHierarchies([&] { return ++slices < 3; }));
    CHECK(s.hierarchy(TravelMode::Drive) == nullptr);
    s.buildHierarchies();
    REQUIRE(s.hierarchy(TravelMode::Walk));
    REQUIRE(s.hierarchy(TravelMode::Drive));
    const CoverageReport withoutHierarchies = *s.coverage();
    s.setCoverageThreshold(s.settings().coverage.thresholdMinutes); // same settings, made again
    s.refresh();
    CHECK(s.coverageSweptModes() == kTravelModeCount);
    CHECK(s.coverage()->highRiskWithoutTaskForce == withoutHierarchies.highRiskWithoutTaskForce);
    CHECK(s.coverage()->zonesBeyondThreshold == withoutHierarchies.zonesBeyondThreshold);
    CHECK(s.coverage()->postsBeyondThreshold == withoutHierarchies.postsBeyondThreshold);

    Situation fork = s.fork(); // finished hierarchies are shared
    CHECK(fork.hierarchy(TravelMode::Walk) == s.hierarchy(TravelMode::Walk));
}
