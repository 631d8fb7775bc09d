// Suggestions: moves of surplus staff to short posts on ASCII-map streets. The crossing case has
// its optimum worked out by hand; random days check the rules every plan must keep.
#include "core/staffing/reassignment.hpp"

#include "core/ascii_map.hpp"

#include <catch2/catch_test_macros.hpp>

#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <tuple>

using namespace cordon;
using namespace cordon::testing;

namespace {

std::string collection(const std::string& features) {
    return R"({"type":"FeatureCollection","features":[)" + features + "]}";
}

std::string point(LonLat p) {
    char b[96];
    std::snprintf(b, sizeof b, R"({"type":"Point","coordinates":[%.9f,%.9f]})", p.lon, p.lat);
    return b;
}

std::string hour(int h) {
    char b[40];
    std::snprintf(b, sizeof b, "2022-11-%02dT%02d:00:00+08:00", 26 + h / 24, h % 24);
    return b;
}

/// Feeds built up post by post: demand and roster in whole hours of 26 Nov 2022.
struct City {
    AsciiMap map;
    std::string posts, roster, teams;
    int rosterCount = 0;

    void post(const std::string& id, char node, int from, int to, int required) {
        posts += (posts.empty() ? "" : ",") + std::string(R"({"type":"Feature","id":")") + id +
                 R"(","properties":{"kind":"compound_gate","demand":[{"from":")" + clockText(from * 60) +
                 R"(","to":")" + clockText(to * 60 % 1440) + R"(","staff":)" + std::to_string(required) +
                 "}]},\"geometry\":" + point(map.nodes.at(node)) + "}";
    }
    void duty(const std::string& who, int from, int to, int staff) {
        roster += (roster.empty() ? "" : ",") + std::string(R"({"type":"Feature","id":"R)") +
                  std::to_string(++rosterCount) + R"(","properties":{)" + who + R"(,"from":")" + hour(from) +
                  R"(","to":")" + hour(to) + R"(","staff":)" + std::to_string(staff) +
                  R"(},"geometry":null})";
    }
    void team(const std::string& id, char node, const std::string& props) {
        teams += (teams.empty() ? "" : ",") + std::string(R"({"type":"Feature","id":")") + id +
                 R"(","properties":)" + props + ",\"geometry\":" + point(map.nodes.at(node)) + "}";
    }
    FeedSet feeds() const {
        FeedSet set;
        set.replace(Feed(map.feed));
        const std::pair<FeedKind, const std::string*> parts[] = {
            {FeedKind::Posts, &posts}, {FeedKind::Roster, &roster}, {FeedKind::Teams, &teams}};
        for (const auto& [kind, text] : parts) {
            FeedReadResult r = readFeed(collection(*text), kind);
            REQUIRE(r.feed);
            set.replace(std::move(*r.feed));
        }
        return set;
    }
};

StaffingDay nov26() {
    return *StaffingDay::wholeDay(parseInstant("2022-11-26")->localDay(), 8 * 60, 15);
}

/// Applies the plan to copies of the on-duty rows and checks every rule a plan must keep.
void checkPlan(const StaffingModel& m, const ReassignmentPlan& plan) {
    const std::size_t slots = std::size_t(m.slotCount());
    std::vector<std::int32_t> after(m.postCount() * slots);
    for (std::size_t p = 0; p < m.postCount(); ++p)
        std::copy(m.onDuty(p).begin(), m.onDuty(p).end(), after.begin() + std::ptrdiff_t(p * slots));
    std::int64_t closed = 0, seconds = 0;
    for (const ReassignmentMove& mv : plan.moves) {
        REQUIRE(mv.people > 0);
        REQUIRE((mv.fromPost == kNoPlanIndex) != (mv.fromTeam == kNoPlanIndex));
        CHECK(mv.fromPost != mv.toPost);
        seconds += std::int64_t(mv.people) * mv.seconds;
        for (int s = mv.firstSlot; s < mv.endSlot; ++s) {
            if (mv.fromPost != kNoPlanIndex) after[mv.fromPost * slots + std::size_t(s)] -= mv.people;
            after[mv.toPost * slots + std::size_t(s)] += mv.people;
        }
    }
    for (std::size_t p = 0; p < m.postCount(); ++p)
        for (std::size_t s = 0; s < slots; ++s) {
            const int need = m.required(p)[s], before = m.onDuty(p)[s], now = after[p * slots + s];
            INFO("post " << p << " slot " << s);
            // Nobody is taken twice: a post gives at most its surplus, so it is never made short.
            CHECK((now >= need || now >= before));
            // No gap grows, and nobody is sent where they are not needed.
            CHECK(std::max(0, need - now) <= std::max(0, need - before));
            CHECK((now <= need || now <= before));
            closed += std::max(0, need - before) - std::max(0, need - now);
        }
    CHECK(closed * m.day().slotMinutes == plan.gapPersonMinutesClosed);
    CHECK(seconds == plan.totalSeconds);
}

} // namespace

TEST_CASE("Suggestions: the crossing case, where nearest-first is worse than the optimum") {
    // b ---- g - a --------- h: a is next to g, but sending a to h and b to g saves travel.
    City c;
    c.map =
        asciiMap({"b" + std::string(49, '-') + "g" + std::string(4, '-') + "a" + std::string(94, '-') + "h"});
    c.post("A", 'a', 8, 16, 1);
    c.post("B", 'b', 8, 16, 1);
    c.post("G", 'g', 8, 16, 1);
    c.post("H", 'h', 8, 16, 1);
    c.duty(R"("post":"A")", 8, 16, 2);
    c.duty(R"("post":"B")", 8, 16, 2);
    const FeedSet feeds = c.feeds();
    const RoadGraph graph = RoadGraph::build(*feeds.get(FeedKind::Roads));
    const StaffingModel m = StaffingModel::build(feeds, nov26());
    const ReassignmentProblem pr = buildReassignmentProblem(m, feeds, graph);
    REQUIRE(pr.suppliers.size() == 2);
    REQUIRE(pr.gapPosts.size() == 2);
    REQUIRE(pr.blocks.size() == 3); // 00-08, 08-16, 16-24
    const ReassignmentPlan best = solveReassignment(pr, PlanMethod::MinCostFlow);
    const ReassignmentPlan greedy = solveReassignment(pr, PlanMethod::GreedyNearest);
    checkPlan(m, best);
    checkPlan(m, greedy);
    REQUIRE(best.moves.size() == 2);
    REQUIRE(greedy.moves.size() == 2);
    std::map<std::uint32_t, std::uint32_t> bestTo, greedyTo; // to post -> from post
    for (const ReassignmentMove& mv : best.moves) {
        CHECK(mv.firstSlot == 32);
        CHECK(mv.endSlot == 64);
        bestTo[mv.toPost] = mv.fromPost;
    }
    for (const ReassignmentMove& mv : greedy.moves)
        greedyTo[mv.toPost] = mv.fromPost;
    CHECK(bestTo == std::map<std::uint32_t, std::uint32_t>{{2, 1}, {3, 0}});   // B -> G, A -> H
    CHECK(greedyTo == std::map<std::uint32_t, std::uint32_t>{{2, 0}, {3, 1}}); // A -> G, B -> H
    // 145 cells against 155 of the same street.
    CHECK(best.totalSeconds < greedy.totalSeconds);
    const double perCell = double(greedy.totalSeconds) / 155;
    CHECK(std::abs(double(best.totalSeconds) - 145 * perCell) <= 2);
    CHECK(best.gapPersonMinutesClosed == 2 * 8 * 60);
    CHECK(greedy.gapPersonMinutesClosed == 2 * 8 * 60);
    CHECK(best.remainingPersonMinutes() == 0);
}

TEST_CASE("Suggestions: a standby team fills a night gap; teams with work are not standby") {
    City c;
    c.map = asciiMap({"a----------b----------c"});
    c.post("P", 'b', 23, 7, 3);
    // The supply team (9 members, three shifts: 3 at a time) has nothing on the roster: standby.
    c.team("T1", 'a', R"({"kind":"supply_team","members":9,"mode":"drive","zones":["Z-1"]})");
    // A volunteer team staffing posts, a door team and a rostered team are not standby.
    c.team("T2", 'c', R"({"kind":"volunteer_team","members":9,"mode":"drive","posts":["P"]})");
    c.team("T3", 'c', R"({"kind":"door_team","members":3,"mode":"walk"})");
    c.team("T4", 'c', R"({"kind":"testing_team","members":9,"mode":"drive"})");
    c.duty(R"("team":"T4")", 12, 14, 2);
    c.duty(R"("post":"P")", 23, 31, 1);
    const FeedSet feeds = c.feeds();
    const RoadGraph graph = RoadGraph::build(*feeds.get(FeedKind::Roads));
    const StaffingModel m = StaffingModel::build(feeds, nov26());
    const ReassignmentProblem pr = buildReassignmentProblem(m, feeds, graph);
    REQUIRE(pr.suppliers.size() == 1);
    CHECK(pr.suppliers[0].team == 0);
    for (PlanMethod method : {PlanMethod::MinCostFlow, PlanMethod::GreedyNearest}) {
        const ReassignmentPlan plan = solveReassignment(pr, method);
        checkPlan(m, plan);
        // 00-07: 3 short (the roster starts at 23:00), filled with 3; 23-24: 2 short, filled.
        CHECK(plan.gapPersonMinutesClosed == (3 * 7 + 2 * 1) * 60);
        CHECK(plan.remainingPersonMinutes() == 0);
        REQUIRE(plan.moves.size() == 2);
        CHECK(plan.moves[0].people == 3);
        CHECK(plan.moves[1].people == 2);
    }
}

TEST_CASE("Suggestions: random days keep every rule, and the optimum never travels more") {
    City c;
    c.map = asciiMap({"a----b----c----d", "|    |    |    |", "|    |    |    |", "e----f----g----h",
                      "|    |    |    |", "|    |    |    |", "i----j----k----l", "|    |    |    |",
                      "|    |    |    |", "m----n----o----p"});
    const std::string nodes = "abcdefghijklmnop";
    std::mt19937 rng(11);
    const FeedSet roadsOnly = c.feeds();
    const RoadGraph graph = RoadGraph::build(*roadsOnly.get(FeedKind::Roads));
    int strictlyBetter = 0;
    for (int round = 0; round < 40; ++round) {
        City day;
        day.map = c.map;
        for (int p = 0; p < 12; ++p) {
            const std::string id = "P" + std::to_string(p);
            const int from = int(rng() % 24), length = 1 + int(rng() % 12), need = 1 + int(rng() % 3);
            day.post(id, nodes[rng() % nodes.size()], from, (from + length) % 24, need);
            const int dutyFrom = from + int(rng() % 3), dutyLength = int(rng() % 14);
            if (dutyLength > 0)
                day.duty(R"("post":")" + id + "\"", dutyFrom, dutyFrom + dutyLength, int(rng() % 5));
        }
        const FeedSet feeds = day.feeds();
        const StaffingModel m = StaffingModel::build(feeds, nov26());
        ReassignmentOptions options;
        options.candidatesPerGap = 1 + int(rng() % 4);
        const ReassignmentProblem pr = buildReassignmentProblem(m, feeds, graph, options);
        const ReassignmentPlan best = solveReassignment(pr, PlanMethod::MinCostFlow);
        const ReassignmentPlan greedy = solveReassignment(pr, PlanMethod::GreedyNearest);
        INFO("round " << round);
        checkPlan(m, best);
        checkPlan(m, greedy);
        CHECK(best.gapPersonMinutesClosed >= greedy.gapPersonMinutesClosed);
        std::vector<int> greedyPeople;
        for (const PlanBlock& b : greedy.blocks)
            greedyPeople.push_back(b.people);
        const std::int64_t sameFlow = cheapestSecondsFor(best, greedyPeople);
        CHECK(sameFlow <= greedy.totalSeconds);
        if (best.gapPersonMinutesClosed == greedy.gapPersonMinutesClosed) {
            CHECK(best.totalSeconds == sameFlow);
            strictlyBetter += best.totalSeconds < greedy.totalSeconds;
        }
    }
    CHECK(strictlyBetter > 0);
}

TEST_CASE("Consecutive blocks of the same move are joined; the last to arrive leave first") {
    // A -> X: 2 people 00:00-01:00, 3 until 02:00, 1 until 03:00, then after a break 1 from 03:30.
    // B -> X runs alongside and is kept apart.
    auto move = [](std::uint32_t from, int first, int end, int people) {
        ReassignmentMove m;
        m.fromPost = from;
        m.toPost = 9;
        m.firstSlot = first;
        m.endSlot = end;
        m.people = people;
        m.seconds = 300 + from;
        return m;
    };
    const std::vector<ReassignmentMove> moves = {move(1, 0, 4, 2),  move(2, 0, 4, 1), move(1, 4, 8, 3),
                                                 move(1, 8, 12, 1), move(2, 4, 8, 1), move(1, 14, 16, 1)};
    const std::vector<ReassignmentMove> joined = mergeConsecutiveMoves(moves);
    std::vector<std::tuple<std::uint32_t, int, int, int>> got;
    for (const ReassignmentMove& m : joined) {
        got.emplace_back(m.fromPost, m.firstSlot, m.endSlot, m.people);
        CHECK(m.seconds == 300 + m.fromPost);
        CHECK(m.toPost == 9);
    }
    const std::vector<std::tuple<std::uint32_t, int, int, int>> want = {
        {1, 0, 8, 1}, {1, 0, 12, 1}, {2, 0, 8, 1}, {1, 4, 8, 1}, {1, 14, 16, 1}};
    CHECK(got == want);
    // Person-slots are unchanged.
    auto personSlots = [](std::span<const ReassignmentMove> ms) {
        int sum = 0;
        for (const ReassignmentMove& m : ms)
            sum += m.people * (m.endSlot - m.firstSlot);
        return sum;
    };
    CHECK(personSlots(joined) == personSlots(moves));
    CHECK(mergeConsecutiveMoves({}).empty());
}
