// Suggestions on the generated demo city: the min-cost-flow plan against greedy nearest-first on the
// same candidates, and the rules every plan keeps, checked by applying the plans to the model.
#include "core/staffing/reassignment.hpp"

#include <catch2/catch_test_macros.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace cordon;

namespace {

FeedSet demoCityWithRoads() {
    FeedSet s;
    for (FeedKind kind : {FeedKind::Areas, FeedKind::Zones, FeedKind::Posts, FeedKind::Teams,
                          FeedKind::Roster, FeedKind::Roads}) {
        const auto path =
            std::filesystem::path(CORDON_DEMO_DIR) / (std::string(feedKindName(kind)) + ".geojson");
        std::ifstream in(path, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        FeedReadResult r = readFeed(bytes.str(), kind, path.string());
        REQUIRE(r.feed);
        s.replace(std::move(*r.feed));
    }
    return s;
}

/// Person-minutes closed by applying the plan; fails on any post or slot the plan makes worse.
std::int64_t applyAndCheck(const StaffingModel& m, std::span<const ReassignmentMove> moves) {
    const std::size_t slots = std::size_t(m.slotCount());
    std::vector<std::int32_t> after(m.postCount() * slots);
    for (std::size_t p = 0; p < m.postCount(); ++p)
        std::copy(m.onDuty(p).begin(), m.onDuty(p).end(), after.begin() + std::ptrdiff_t(p * slots));
    for (const ReassignmentMove& mv : moves)
        for (int s = mv.firstSlot; s < mv.endSlot; ++s) {
            if (mv.fromPost != kNoPlanIndex) after[mv.fromPost * slots + std::size_t(s)] -= mv.people;
            after[mv.toPost * slots + std::size_t(s)] += mv.people;
        }
    std::int64_t closed = 0;
    int worse = 0, overfilled = 0;
    for (std::size_t p = 0; p < m.postCount(); ++p)
        for (std::size_t s = 0; s < slots; ++s) {
            const int need = m.required(p)[s], before = m.onDuty(p)[s], now = after[p * slots + s];
            worse += std::max(0, need - now) > std::max(0, need - before);
            overfilled += now > need && now > before;
            closed += std::max(0, need - before) - std::max(0, need - now);
        }
    CHECK(worse == 0);
    CHECK(overfilled == 0);
    return closed * m.day().slotMinutes;
}

} // namespace

TEST_CASE("Suggestions on the demo city: the optimum travels no more than greedy nearest-first") {
    const FeedSet feeds = demoCityWithRoads();
    const RoadGraph graph = RoadGraph::build(*feeds.get(FeedKind::Roads));
    const StaffingModel m = StaffingModel::build(
        feeds, *StaffingDay::wholeDay(parseInstant("2022-11-26")->localDay(), 8 * 60, 15));
    const ReassignmentProblem pr = buildReassignmentProblem(m, feeds, graph);
    REQUIRE(pr.suppliers.size() > 100);
    REQUIRE(pr.gapPosts.size() > 500);
    const ReassignmentPlan best = solveReassignment(pr, PlanMethod::MinCostFlow);
    const ReassignmentPlan greedy = solveReassignment(pr, PlanMethod::GreedyNearest);
    CHECK(applyAndCheck(m, best.moves) == best.gapPersonMinutesClosed);
    CHECK(applyAndCheck(m, greedy.moves) == greedy.gapPersonMinutesClosed);
    // Joined into one move per unbroken stay: the same people in the same places, fewer trips.
    CHECK(applyAndCheck(m, best.assignments) == best.gapPersonMinutesClosed);
    CHECK(best.assignments.size() < best.moves.size());
    CHECK(best.assignmentSeconds < best.totalSeconds);
    CHECK(best.gapPersonMinutesBefore == m.city().shortPersonMinutes);
    REQUIRE(best.gapPersonMinutesClosed > 0);
    CHECK(best.gapPersonMinutesClosed >= greedy.gapPersonMinutesClosed);
    std::vector<int> greedyPeople;
    for (const PlanBlock& b : greedy.blocks)
        greedyPeople.push_back(b.people);
    const std::int64_t bestAtGreedyFlow = cheapestSecondsFor(best, greedyPeople);
    CHECK(bestAtGreedyFlow <= greedy.totalSeconds);
    std::printf(
        "demo city plan: optimal closes %.1f person-hours with %.1f person-minutes of travel (%zu moves "
        "by block, %zu once joined: %.1f person-minutes); greedy closes %.1f with %.1f; the optimum "
        "closing greedy's %.1f travels %.1f\n",
        double(best.gapPersonMinutesClosed) / 60, double(best.totalSeconds) / 60, best.moves.size(),
        best.assignments.size(), double(best.assignmentSeconds) / 60,
        double(greedy.gapPersonMinutesClosed) / 60, double(greedy.totalSeconds) / 60,
        double(greedy.gapPersonMinutesClosed) / 60, double(bestAtGreedyFlow) / 60);
}
