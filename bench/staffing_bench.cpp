// Staffing speed on a city's feeds: the whole model built from loaded feeds, a full recompute from
// the roster (also with the roster made 4x longer, each entry split into four), and one roster
// change applied incrementally; the suggestion plan (road graph built once, then candidates and
// the min-cost-flow plan timed together, and the greedy plan for comparison). Runs natively and as wasm under
// Node (same source); prints one JSON line for bench/staffing_run.sh.
//
// usage: staffing_bench FOLDER [REPEATS]   (FOLDER holds areas, zones, posts, teams, roster, roads .geojson)
#include "core/staffing/reassignment.hpp"
#include "core/staffing/staffing.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: staffing_bench FOLDER [REPEATS]\n");
        return 2;
    }
    const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 21;
    cordon::FeedSet feeds;
    for (cordon::FeedKind kind :
         {cordon::FeedKind::Areas, cordon::FeedKind::Zones, cordon::FeedKind::Posts, cordon::FeedKind::Teams,
          cordon::FeedKind::Roster, cordon::FeedKind::Roads}) {
        const std::string path =
            std::string(argv[1]) + "/" + std::string(cordon::feedKindName(kind)) + ".geojson";
        std::ifstream in(path, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        cordon::FeedReadResult r = cordon::readFeed(bytes.str(), kind, path);
        if (!r.feed) {
            std::fprintf(stderr, "cannot read %s\n", path.c_str());
            return 2;
        }
        feeds.replace(std::move(*r.feed));
    }
    const std::vector<cordon::RosterFields>& roster = feeds.get(cordon::FeedKind::Roster)->roster;
    const std::optional<cordon::StaffingDay> day = cordon::rosterDay(*feeds.get(cordon::FeedKind::Roster));
    if (!day) return 2;

    // Each entry split into four (same people in all, so the figures stay comparable).
    std::vector<cordon::RosterFields> longRoster;
    for (const cordon::RosterFields& r : roster)
        for (int k = 0; k < 4; ++k) {
            cordon::RosterFields part = r;
            part.staff = r.staff / 4 + (k < r.staff % 4 ? 1 : 0);
            longRoster.push_back(part);
        }

    std::vector<double> build, full, fullLong, change;
    cordon::StaffingModel model = cordon::StaffingModel::build(feeds, *day); // warm-up
    for (int i = 0; i < repeats; ++i) {
        auto start = Clock::now();
        cordon::StaffingModel m = cordon::StaffingModel::build(feeds, *day);
        build.push_back(msSince(start));
        start = Clock::now();
        m.recompute(roster);
        full.push_back(msSince(start));
        start = Clock::now();
        m.recompute(longRoster);
        fullLong.push_back(msSince(start));
    }
    // One roster change at a time: an entry moved by an hour and back, entries picked at random.
    std::mt19937 rng(7);
    std::uniform_int_distribution<std::size_t> pick(0, roster.size() - 1);
    constexpr int kChanges = 2000;
    for (int i = 0; i < kChanges; ++i) {
        const cordon::RosterFields& before = roster[pick(rng)];
        cordon::RosterFields after = before;
        after.from.utcMinutes += 60;
        after.to.utcMinutes += 60;
        const auto start = Clock::now();
        model.applyRosterChange(&before, &after);
        change.push_back(msSince(start));
        model.applyRosterChange(&after, &before);
    }
    std::sort(change.begin(), change.end());

    const cordon::RoadGraph graph = cordon::RoadGraph::build(*feeds.get(cordon::FeedKind::Roads));
    std::vector<double> plan, candidatesMs, greedyMs;
    cordon::ReassignmentProblem problem;
    cordon::ReassignmentPlan best, greedy;
    for (int i = 0; i < std::max(3, repeats / 3); ++i) {
        auto start = Clock::now();
        problem = cordon::buildReassignmentProblem(model, feeds, graph);
        candidatesMs.push_back(msSince(start));
        best = cordon::solveReassignment(problem, cordon::PlanMethod::MinCostFlow);
        plan.push_back(msSince(start));
        start = Clock::now();
        greedy = cordon::solveReassignment(problem, cordon::PlanMethod::GreedyNearest);
        greedyMs.push_back(msSince(start));
    }
    std::vector<int> greedyPeople;
    for (const cordon::PlanBlock& b : greedy.blocks)
        greedyPeople.push_back(b.people);
    const cordon::AreaStaffing& city = model.city();
    std::printf("{\"posts\":%zu,\"areas\":%zu,\"rosterEntries\":%zu,\"longRosterEntries\":%zu,\"slots\":%d,"
                "\"buildMs\":%.3f,\"recomputeMs\":%.3f,\"recomputeLongMs\":%.3f,\"changeMedianMs\":%.4f,"
                "\"changeP99Ms\":%.4f,\"shortPersonHours\":%.1f,\"planMs\":%.3f,\"planCandidatesMs\":%.3f,"
                "\"greedyMs\":%.3f,"
                "\"planSuppliers\":%zu,\"planGaps\":%zu,\"planCandidates\":%zu,\"planBlocks\":%zu,"
                "\"optimalClosedHours\":%.2f,\"optimalTravelMinutes\":%.1f,\"greedyClosedHours\":%.2f,"
                "\"greedyTravelMinutes\":%.1f,\"optimalAtGreedyFlowMinutes\":%.1f}\n",
                model.postCount(), model.areaCount(), roster.size(), longRoster.size(), model.slotCount(),
                median(build), median(full), median(fullLong), change[change.size() / 2],
                change[change.size() * 99 / 100], double(city.shortPersonMinutes) / 60.0, median(plan),
                median(candidatesMs), median(greedyMs), problem.suppliers.size(), problem.gapPosts.size(),
                problem.candidates.size(), problem.blocks.size(), double(best.gapPersonMinutesClosed) / 60.0,
                double(best.totalSeconds) / 60.0, double(greedy.gapPersonMinutesClosed) / 60.0,
                double(greedy.totalSeconds) / 60.0,
                double(cordon::cheapestSecondsFor(best, greedyPeople)) / 60.0);
    return 0;
}
