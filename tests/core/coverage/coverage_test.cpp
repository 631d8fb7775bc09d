#include "core/ascii_map.hpp"
#include "core/coverage/coverage.hpp"
#include "core/routing/travel_times.hpp"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace cordon;
using namespace cordon::testing;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

std::string position(LonLat p) {
    char text[80];
    std::snprintf(text, sizeof text, "[%.9f,%.9f]", p.lon, p.lat);
    return text;
}

std::string pointFeature(const std::string& id, const std::string& props, LonLat p) {
    return R"({"type":"Feature","id":")" + id + R"(","properties":{)" + props +
           R"(},"geometry":{"type":"Point","coordinates":)" + position(p) + "}}";
}

/// A rectangle over ASCII-map cells (col0,row0)-(col1,row1), counter-clockwise.
std::string boxFeature(const std::string& id, const std::string& props, int col0, int row0, int col1,
                       int row1) {
    const LonLat ring[] = {cellPosition(col0, row1), cellPosition(col1, row1), cellPosition(col1, row0),
                           cellPosition(col0, row0), cellPosition(col0, row1)};
    std::string coords;
    for (const LonLat& p : ring)
        coords += (coords.empty() ? "" : ",") + position(p);
    return R"({"type":"Feature","id":")" + id + R"(","properties":{)" + props +
           R"(},"geometry":{"type":"Polygon","coordinates":[[)" + coords + "]]}}";
}

std::string team(const std::string& id, const char* kind, const char* mode, LonLat at,
                 const std::string& zones = "", const std::string& posts = "") {
    std::string props =
        R"("kind":")" + std::string(kind) + R"(","name":")" + id + R"(","members":3,"mode":")" + mode + "\"";
    if (!zones.empty()) props += R"(,"zones":[)" + zones + "]";
    if (!posts.empty()) props += R"(,"posts":[)" + posts + "]";
    return pointFeature(id, props, at);
}

std::string post(const std::string& id, LonLat at) {
    return pointFeature(id, R"("kind":"compound_gate","name":")" + id + "\"", at);
}

Feed feed(FeedKind kind, const std::vector<std::string>& features) {
    std::string text = R"({"type":"FeatureCollection","features":[)";
    for (std::size_t i = 0; i < features.size(); ++i)
        text += (i ? "," : "") + features[i];
    FeedReadResult r = readFeed(text + "]}", kind);
    INFO((r.diagnostics.empty() ? std::string() : r.diagnostics[0].toString()));
    REQUIRE(r.feed);
    REQUIRE_FALSE(hasErrors(r.diagnostics));
    return std::move(*r.feed);
}

struct Scene {
    FeedSet feeds;
    RoadGraph graph;
};

Scene scene(const AsciiMap& map, std::vector<Feed> feeds) {
    Scene s{{}, RoadGraph::build(map.feed)};
    for (Feed& f : feeds)
        s.feeds.replace(std::move(f));
    return s;
}

double driveSeconds(double cells) {
    return cells * kCell / metresPerSecond(TravelMode::Drive, "residential", 0);
}

constexpr int kTaskForce = static_cast<int>(TeamKind::TaskForce);
constexpr int kDoorTeam = static_cast<int>(TeamKind::DoorTeam);

} // namespace

TEST_CASE("Coverage: an assigned team far away, a nearer unassigned team of the same kind") {
    const AsciiMap m = asciiMap({"a-----b-----c-----d"});
    Scene s =
        scene(m, {feed(FeedKind::Teams, {team("T-far", "door_team", "walk", m.nodes.at('a'), "", "\"P-1\""),
                                         team("T-near", "door_team", "walk", m.nodes.at('d'))}),
                  feed(FeedKind::Posts, {post("P-1", m.nodes.at('c')), post("P-2", m.nodes.at('b'))})});
    CoverageOptions options;
    options.thresholdMinutes = walkSeconds(10) / 60;
    const CoverageReport r = computeCoverage(s.feeds, s.graph, options);
    REQUIRE(r.posts.size() == 2);
    const TargetCoverage& p1 = r.posts[0];
    CHECK(p1.assignedTeams == 1);
    CHECK(p1.assigned.team == 0);
    CHECK_THAT(p1.assigned.seconds, WithinRel(walkSeconds(12), 1e-3));
    CHECK(p1.nearestByKind[kDoorTeam].team == 1);
    CHECK_THAT(p1.nearestByKind[kDoorTeam].seconds, WithinRel(walkSeconds(6), 1e-3));
    CHECK(p1.nearestByKind[kTaskForce].team == kNoTeam);
    CHECK(p1.nearestByKind[kTaskForce].seconds == kUnreached);
    CHECK(p1.beyondThreshold);
    CHECK(r.postsBeyondThreshold == std::vector<std::uint32_t>{0});
    CHECK(r.postsUnassigned == std::vector<std::uint32_t>{1});
    CHECK_FALSE(r.posts[1].beyondThreshold);
    CHECK(r.posts[1].nearestByKind[kDoorTeam].team == 0); // b: 6 cells from a, 12 from d
    CHECK(r.assignedRuns == 1);                           // T-far is not the nearest to P-1

    options.thresholdMinutes = walkSeconds(13) / 60;
    CHECK(computeCoverage(s.feeds, s.graph, options).postsBeyondThreshold.empty());
}

TEST_CASE("Coverage: a team drives one-way streets the legal way round") {
    const AsciiMap m = asciiMap({
        "a-->--b",
        "|     |",
        "|     |",
        "c-----d",
    });
    Scene s = scene(
        m, {feed(FeedKind::Teams, {team("T-b", "supply_team", "drive", m.nodes.at('b'), "", "\"P-a\""),
                                   team("T-a", "supply_team", "drive", m.nodes.at('a'), "", "\"P-b\"")}),
            feed(FeedKind::Posts, {post("P-a", m.nodes.at('a')), post("P-b", m.nodes.at('b'))})});
    const CoverageReport r = computeCoverage(s.feeds, s.graph);
    // b -> a goes round by d and c (3 + 6 + 3 cells); a -> b takes the 6-cell one-way street.
    CHECK_THAT(r.posts[0].assigned.seconds, WithinRel(driveSeconds(12), 1e-3));
    CHECK_THAT(r.posts[1].assigned.seconds, WithinRel(driveSeconds(6), 1e-3));
    // The team based at the post is nearest (0 s); the assigned one comes from its own run.
    CHECK(r.posts[0].nearestByKind[static_cast<int>(TeamKind::SupplyTeam)].team == 1);
    CHECK(r.posts[0].nearestByKind[static_cast<int>(TeamKind::SupplyTeam)].seconds == 0);
}

TEST_CASE("Coverage: a zone is reached at its boundary; a sealed street cuts it off") {
    auto zoneScene = [](char street) {
        const std::string s(1, street);
        const AsciiMap m = asciiMap({
            "a-----b",
            "|      ",
            s + "      ",
            "|      ",
            "|      ",
            "c-----d",
            "       ",
        });
        return std::pair(
            m,
            scene(m,
                  {feed(FeedKind::Teams, {team("TF-1", "task_force", "walk", m.nodes.at('a'), "\"Z-1\"")}),
                   feed(FeedKind::Zones, {boxFeature("Z-1", R"("risk":"high","name":"z")", 0, 4, 6, 6)})}));
    };
    {
        const auto [m, s] = zoneScene('|');
        const CoverageReport r = computeCoverage(s.feeds, s.graph);
        REQUIRE(r.zones.size() == 1);
        // The zone's corner at row 4 lies on the street a-c: 4 cells down from a.
        CHECK_THAT(r.zones[0].assigned.seconds, WithinRel(walkSeconds(4), 1e-3));
        CHECK(r.zones[0].assignedTaskForce.team == 0);
        CHECK(r.highRiskWithoutTaskForce.empty());
        CHECK(r.zonesBeyondThreshold.empty());
    }
    {
        const auto [m, s] = zoneScene('x');
        const CoverageReport r = computeCoverage(s.feeds, s.graph);
        REQUIRE(r.zones.size() == 1);
        CHECK(r.zones[0].onNetwork);
        CHECK(r.zones[0].assignedTeams == 1);
        CHECK(r.zones[0].assigned.seconds == kUnreached);
        CHECK(r.zones[0].assigned.team == kNoTeam);
        CHECK(r.zones[0].nearestByKind[kTaskForce].seconds == kUnreached);
        CHECK(r.zones[0].beyondThreshold);
        CHECK(r.highRiskWithoutTaskForce == std::vector<std::uint32_t>{0});
        CHECK(r.zonesBeyondThreshold == std::vector<std::uint32_t>{0});
    }
}

TEST_CASE("Coverage: every assigned team's own time, nearest first, for a post's or zone's details") {
    const AsciiMap m = asciiMap({
        "a-----b-----c-----d",
        "|                  ",
        "|                  ",
        "e                  ",
    });
    Scene s = scene(
        m,
        {feed(FeedKind::Teams, {team("T-far", "door_team", "walk", m.nodes.at('a'), "", "\"P-1\""),
                                team("T-free", "door_team", "walk", m.nodes.at('c')),
                                team("T-near", "task_force", "walk", m.nodes.at('d'), "\"Z-1\"", "\"P-1\""),
                                team("T-car", "supply_team", "drive", m.nodes.at('b'), "", "\"P-1\"")}),
         feed(FeedKind::Posts, {post("P-1", m.nodes.at('c'))}),
         feed(FeedKind::Zones, {boxFeature("Z-1", R"("risk":"high","name":"z")", 0, 3, 2, 4)})});
    TravelTimes times(s.graph);
    const std::vector<TeamReach> post = assignedTeamTimes(s.feeds, s.graph, FeedKind::Posts, 0, times);
    REQUIRE(post.size() == 3); // T-free is not assigned
    CHECK(post[0].team == 3);
    CHECK_THAT(post[0].seconds, WithinRel(driveSeconds(6), 1e-3));
    CHECK(post[1].team == 2);
    CHECK_THAT(post[1].seconds, WithinRel(walkSeconds(6), 1e-3));
    CHECK(post[2].team == 0);
    CHECK_THAT(post[2].seconds, WithinRel(walkSeconds(12), 1e-3));
    // The nearest is the one coverage reports.
    const CoverageReport r = computeCoverage(s.feeds, s.graph);
    CHECK(r.posts[0].assigned.team == post[0].team);
    CHECK_THAT(r.posts[0].assigned.seconds, WithinRel(post[0].seconds, 1e-9));

    // A zone is reached at its boundary: the corner at e, 3 cells down from a, 18 + 3 from d.
    const std::vector<TeamReach> zone = assignedTeamTimes(s.feeds, s.graph, FeedKind::Zones, 0, times);
    REQUIRE(zone.size() == 1);
    CHECK(zone[0].team == 2);
    CHECK_THAT(zone[0].seconds, WithinRel(walkSeconds(21), 1e-3));

    // Beyond the search limit a team is listed, last, as not getting there.
    CoverageOptions options;
    options.searchLimitMinutes = walkSeconds(8) / 60;
    const std::vector<TeamReach> limited =
        assignedTeamTimes(s.feeds, s.graph, FeedKind::Posts, 0, times, options);
    REQUIRE(limited.size() == 3);
    CHECK(limited[1].team == 2);
    CHECK(limited[2].team == 0);
    CHECK(limited[2].seconds == kUnreached);
    CHECK(assignedTeamTimes(s.feeds, s.graph, FeedKind::Areas, 0, times).empty());
    CHECK(assignedTeamTimes(s.feeds, s.graph, FeedKind::Posts, 7, times).empty());
}

TEST_CASE("Coverage: ties go to the lower team index, whatever the order of discovery") {
    const AsciiMap m = asciiMap({"a-----b-----c"});
    for (bool swap : {false, true}) {
        std::vector<std::string> teams = {team("T-1", "task_force", "walk", m.nodes.at('a'), "", "\"P-b\""),
                                          team("T-2", "task_force", "walk", m.nodes.at('a'), "", "\"P-b\"")};
        if (swap) std::swap(teams[0], teams[1]);
        Scene s =
            scene(m, {feed(FeedKind::Teams, teams), feed(FeedKind::Posts, {post("P-b", m.nodes.at('b'))})});
        const CoverageReport r = computeCoverage(s.feeds, s.graph);
        CHECK(r.posts[0].assigned.team == 0);
        CHECK(r.posts[0].nearestByKind[kTaskForce].team == 0);
        CHECK_THAT(r.posts[0].assigned.seconds, WithinRel(walkSeconds(6), 1e-3));
        CHECK(r.posts[0].assignedTeams == 2);
    }
}

TEST_CASE("Coverage: the nearest team of a kind is taken over both modes") {
    const AsciiMap m = asciiMap({"a-----------b-----------c"});
    Scene s = scene(m, {feed(FeedKind::Teams, {team("T-walk", "testing_team", "walk", m.nodes.at('b')),
                                               team("T-drive", "testing_team", "drive", m.nodes.at('a'))}),
                        feed(FeedKind::Posts, {post("P-c", m.nodes.at('c'))})});
    const CoverageReport r = computeCoverage(s.feeds, s.graph);
    const double walk = walkSeconds(12), drive = driveSeconds(24);
    REQUIRE(drive < walk); // a car from twice as far still arrives first
    CHECK(r.posts[0].nearestByKind[static_cast<int>(TeamKind::TestingTeam)].team == 1);
    CHECK_THAT(r.posts[0].nearestByKind[static_cast<int>(TeamKind::TestingTeam)].seconds,
               WithinRel(drive, 1e-3));
}

TEST_CASE("Coverage: population counts where a compound's centroid is within the threshold") {
    const AsciiMap m = asciiMap({
        "           ",
        "a---------------------b",
        "           ",
    });
    auto compound = [](const char* id, int col, int population) {
        return boxFeature(id,
                          R"("level":"compound","name":")" + std::string(id) + R"(","population":)" +
                              std::to_string(population) + R"(,"households":)" +
                              std::to_string(population / 2),
                          col - 1, 0, col + 1, 2);
    };
    Scene s = scene(m, {feed(FeedKind::Teams, {team("T-1", "door_team", "walk", m.nodes.at('a'))}),
                        feed(FeedKind::Areas, {compound("K-near", 2, 500), compound("K-far", 20, 1000)})});
    CoverageOptions options;
    options.thresholdMinutes = walkSeconds(10) / 60;
    CoverageReport r = computeCoverage(s.feeds, s.graph, options);
    CHECK(r.compounds == 2);
    CHECK(r.compoundsCovered == 1);
    CHECK(r.populationTotal == 1500);
    CHECK(r.populationCovered == 500);
    CHECK(r.householdsTotal == 750);
    CHECK(r.householdsCovered == 250);
    options.thresholdMinutes = walkSeconds(19.9) / 60;
    CHECK(computeCoverage(s.feeds, s.graph, options).populationCovered == 500);
    options.thresholdMinutes = walkSeconds(20.1) / 60;
    r = computeCoverage(s.feeds, s.graph, options);
    CHECK(r.populationCovered == 1500);
    CHECK(r.compoundsCovered == 2);
}

TEST_CASE("Coverage: areas of responsibility split edges where the teams' times meet") {
    const AsciiMap m = asciiMap({"a---b-----c-----d"});
    Scene s = scene(m, {feed(FeedKind::Teams, {team("T-a", "door_team", "walk", m.nodes.at('a')),
                                               team("T-d", "door_team", "walk", m.nodes.at('d'))})});
    const CoverageReport r = computeCoverage(s.feeds, s.graph);
    const Responsibility& door = r.responsibility[kDoorTeam];
    const std::uint32_t b = nodeAt(s.graph, m.nodes.at('b')), c = nodeAt(s.graph, m.nodes.at('c'));
    CHECK(door.nodeTeam[b] == 0);
    CHECK(door.nodeTeam[c] == 1);
    CHECK(r.responsibility[kTaskForce].nodeTeam[b] == kNoTeam);
    std::uint32_t bc = UINT32_MAX;
    for (std::uint32_t e = 0; e < s.graph.edgeCount(); ++e)
        if (s.graph.edge(e).from == b && s.graph.edge(e).to == c) bc = e;
    REQUIRE(bc != UINT32_MAX);
    // From a: 4 cells to b, then 6f; from d: 6 cells to c, then 6(1 - f): equal at f = 2/3.
    const std::vector<EdgeShare> shares = edgeResponsibility(door, s.graph);
    CHECK(shares[bc].fromTeam == 0);
    CHECK(shares[bc].toTeam == 1);
    CHECK_THAT(shares[bc].split, WithinAbs(2.0 / 3, 1e-3));
    // Within 5 cells' time only b is held: T-a reaches one of the 6 cells past it.
    const std::vector<EdgeShare> bounded = edgeResponsibility(door, s.graph, walkSeconds(5));
    CHECK(bounded[bc].fromTeam == 0);
    CHECK(bounded[bc].toTeam == kNoTeam);
    CHECK_THAT(bounded[bc].split, WithinAbs(1.0 / 6, 1e-3));
}

TEST_CASE("Coverage: teams off the network and missing feeds are diagnostics, not failures") {
    const AsciiMap m = asciiMap({"a-----b"});
    Scene s = scene(m, {feed(FeedKind::Teams, {team("T-lost", "task_force", "walk", {0, 0}, "\"Z-9\"")})});
    const CoverageReport r = computeCoverage(s.feeds, s.graph);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].featureId == "T-lost");
    CHECK(r.diagnostics[0].severity == Severity::Warning);
    CHECK(r.zones.empty());
    CHECK(computeCoverage(FeedSet{}, s.graph).posts.empty());
}

namespace {

std::string readText(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

FeedSet demoCityFeeds() {
    const char* dir = std::getenv("CORDON_DEMO_DIR");
    REQUIRE(dir);
    FeedSet feeds;
    for (FeedKind kind :
         {FeedKind::Areas, FeedKind::Zones, FeedKind::Posts, FeedKind::Teams, FeedKind::Roads}) {
        const auto path = std::filesystem::path(dir) / (std::string(feedKindName(kind)) + ".geojson");
        FeedReadResult r = readFeed(readText(path), kind, path.string());
        REQUIRE(r.feed);
        feeds.replace(std::move(*r.feed));
    }
    return feeds;
}

void requireSameReach(const TeamReach& got, const TeamReach& want) {
    REQUIRE(got.team == want.team);
    if (want.seconds == kUnreached)
        REQUIRE(got.seconds == kUnreached);
    else
        REQUIRE_THAT(got.seconds, WithinRel(want.seconds, 1e-12));
}

void requireSameCoverage(const TargetCoverage& got, const TargetCoverage& want) {
    requireSameReach(got.assigned, want.assigned);
    requireSameReach(got.assignedTaskForce, want.assignedTaskForce);
    for (int k = 0; k < kTeamKindCount; ++k)
        requireSameReach(got.nearestByKind[k], want.nearestByKind[k]);
    REQUIRE(got.beyondThreshold == want.beyondThreshold);
}

} // namespace

TEST_CASE("Coverage of the demo city over contraction hierarchies is the report without them",
          "[.][demo-city]") {
    const FeedSet feeds = demoCityFeeds();
    const RoadGraph graph = RoadGraph::build(*feeds.get(FeedKind::Roads));
    const ContractionHierarchy walk = ContractionHierarchy::build(graph, TravelMode::Walk);
    const ContractionHierarchy drive = ContractionHierarchy::build(graph, TravelMode::Drive);
    for (double threshold : {15.0, 5.0}) {
        CoverageOptions options;
        options.thresholdMinutes = threshold;
        const CoverageReport want = computeCoverage(feeds, graph, options);
        // Either hierarchy alone and both: each mode's group runs sweep or search independently.
        for (const ModeHierarchies& hierarchies :
             {ModeHierarchies{&walk, &drive}, ModeHierarchies{&walk, nullptr},
              ModeHierarchies{nullptr, &drive}}) {
            const CoverageReport got = computeCoverage(feeds, graph, options, hierarchies);
            REQUIRE(got.zones.size() == want.zones.size());
            REQUIRE(got.posts.size() == want.posts.size());
            for (std::size_t z = 0; z < want.zones.size(); ++z)
                requireSameCoverage(got.zones[z], want.zones[z]);
            for (std::size_t p = 0; p < want.posts.size(); ++p)
                requireSameCoverage(got.posts[p], want.posts[p]);
            CHECK(got.zonesBeyondThreshold == want.zonesBeyondThreshold);
            CHECK(got.postsBeyondThreshold == want.postsBeyondThreshold);
            CHECK(got.highRiskWithoutTaskForce == want.highRiskWithoutTaskForce);
            CHECK(got.populationCovered == want.populationCovered);
            CHECK(got.householdsCovered == want.householdsCovered);
            CHECK(got.compoundsCovered == want.compoundsCovered);
            CHECK(got.groupRuns == want.groupRuns);
            for (int k = 0; k < kTeamKindCount; ++k) {
                const Responsibility &a = got.responsibility[k], &b = want.responsibility[k];
                REQUIRE(a.nodeTeam == b.nodeTeam);
                for (std::size_t n = 0; n < b.nodeSeconds.size(); ++n)
                    if (b.nodeSeconds[n] == kUnreached)
                        REQUIRE(a.nodeSeconds[n] == kUnreached);
                    else
                        REQUIRE_THAT(a.nodeSeconds[n], WithinRel(b.nodeSeconds[n], 1e-12));
            }
        }
    }
}

// Runs under CTest as `coverage_demo_city`, after the fixture that generates the city.
TEST_CASE("Coverage of the demo city agrees with one single-source run per team", "[.][demo-city]") {
    const FeedSet feeds = demoCityFeeds();
    const RoadGraph graph = RoadGraph::build(*feeds.get(FeedKind::Roads));
    const CoverageOptions options;
    const CoverageReport report = computeCoverage(feeds, graph, options);
    const Feed& teams = *feeds.get(FeedKind::Teams);
    const Feed& zones = *feeds.get(FeedKind::Zones);
    const Feed& posts = *feeds.get(FeedKind::Posts);
    REQUIRE(report.zones.size() == zones.size());
    REQUIRE(report.posts.size() == posts.size());
    CHECK(report.diagnostics.empty());

    // Sampled posts (fixed seed) and every zone, with their targets in both modes.
    std::mt19937 rng(20221126);
    std::vector<std::uint32_t> sample(posts.size());
    for (std::uint32_t i = 0; i < sample.size(); ++i)
        sample[i] = i;
    std::shuffle(sample.begin(), sample.end(), rng);
    sample.resize(std::min<std::size_t>(sample.size(), 80));
    std::vector<std::array<std::optional<EdgePoint>, kTravelModeCount>> postPoints(sample.size());
    for (std::size_t i = 0; i < sample.size(); ++i)
        for (TravelMode mode : {TravelMode::Walk, TravelMode::Drive})
            postPoints[i][static_cast<int>(mode)] = graph.snap(
                posts.layer.ring(posts.layer.parts[posts.layer.features[sample[i]].firstPart].firstRing)[0],
                mode, options.snapMetres);
    std::vector<std::array<std::vector<EdgePoint>, kTravelModeCount>> zonePoints(zones.size());
    for (std::uint32_t z = 0; z < zones.size(); ++z)
        for (TravelMode mode : {TravelMode::Walk, TravelMode::Drive})
            zonePoints[z][static_cast<int>(mode)] = zoneTargetPoints(graph, zones, z, mode, options);

    // Reference: each team alone, in its own mode, with no cutoff.
    std::vector<std::array<double, kTeamKindCount>> postNearest(sample.size()), zoneNearest(zones.size());
    for (auto& a : postNearest)
        a.fill(kUnreached);
    for (auto& a : zoneNearest)
        a.fill(kUnreached);
    std::size_t assignedZoneChecks = 0, assignedPostChecks = 0;
    std::vector<TeamReach> zoneAssigned(zones.size()), zoneAssignedTaskForce(zones.size()),
        postAssigned(posts.size());
    TravelTimes times(graph);
    for (std::uint32_t t = 0; t < teams.size(); ++t) {
        const TeamFields& tf = teams.teams[t];
        const TravelMode mode = tf.mode;
        const int k = static_cast<int>(tf.kind), m = static_cast<int>(mode);
        const LonLat at = teams.layer.ring(teams.layer.parts[teams.layer.features[t].firstPart].firstRing)[0];
        const std::optional<EdgePoint> base = graph.snap(at, mode, options.snapMetres);
        REQUIRE(base);
        times.run(mode, std::span(&*base, 1));
        auto zoneSeconds = [&](std::uint32_t z) {
            double best = kUnreached;
            for (const EdgePoint& p : zonePoints[z][m])
                best = std::min(best, times.secondsTo(p));
            return best;
        };
        for (std::uint32_t z = 0; z < zones.size(); ++z)
            zoneNearest[z][k] = std::min(zoneNearest[z][k], zoneSeconds(z));
        for (std::size_t i = 0; i < sample.size(); ++i)
            if (postPoints[i][m])
                postNearest[i][k] = std::min(postNearest[i][k], times.secondsTo(*postPoints[i][m]));
        // The nearest assigned team (and task force) per zone and post, by the same tie rule.
        auto offerTo = [&](TeamReach& r, double seconds) {
            if (seconds < r.seconds || (seconds == r.seconds && t < r.team)) r = {seconds, t};
        };
        for (const std::string& id : tf.zones) {
            const std::uint32_t z = *zones.find(id);
            const double own = zoneSeconds(z);
            if (own == kUnreached) continue;
            offerTo(zoneAssigned[z], own);
            if (tf.kind == TeamKind::TaskForce) offerTo(zoneAssignedTaskForce[z], own);
        }
        for (const std::string& id : tf.posts) {
            const std::uint32_t p = *posts.find(id);
            const std::optional<EdgePoint> target = graph.snap(
                posts.layer.ring(posts.layer.parts[posts.layer.features[p].firstPart].firstRing)[0], mode,
                options.snapMetres);
            REQUIRE(target);
            const double own = times.secondsTo(*target);
            if (own != kUnreached) offerTo(postAssigned[p], own);
        }
    }
    auto sameReach = [](const TeamReach& got, const TeamReach& want) {
        CHECK(got.team == want.team);
        if (want.seconds == kUnreached)
            CHECK(got.seconds == kUnreached);
        else
            CHECK_THAT(got.seconds, WithinRel(want.seconds, 1e-9));
    };
    for (std::uint32_t z = 0; z < zones.size(); ++z) {
        INFO("zone " << zones.layer.features[z].id);
        sameReach(report.zones[z].assigned, zoneAssigned[z]);
        sameReach(report.zones[z].assignedTaskForce, zoneAssignedTaskForce[z]);
        assignedZoneChecks += zoneAssigned[z].team != kNoTeam;
    }
    for (std::uint32_t p = 0; p < posts.size(); ++p) {
        INFO("post " << posts.layer.features[p].id);
        sameReach(report.posts[p].assigned, postAssigned[p]);
        assignedPostChecks += postAssigned[p].team != kNoTeam;
    }
    for (std::uint32_t z = 0; z < zones.size(); ++z) {
        const TargetCoverage& c = report.zones[z];
        for (int k = 0; k < kTeamKindCount; ++k) {
            INFO("zone " << zones.layer.features[z].id << " kind " << teamKindName(static_cast<TeamKind>(k)));
            if (zoneNearest[z][k] == kUnreached)
                CHECK(c.nearestByKind[k].seconds == kUnreached);
            else
                CHECK_THAT(c.nearestByKind[k].seconds, WithinRel(zoneNearest[z][k], 1e-9));
        }
        const bool high = zones.zones[z].risk == Risk::High;
        const bool gap =
            std::find(report.highRiskWithoutTaskForce.begin(), report.highRiskWithoutTaskForce.end(), z) !=
            report.highRiskWithoutTaskForce.end();
        CHECK(gap == (high && !(c.assignedTaskForce.seconds <= report.thresholdSeconds)));
    }
    for (std::size_t i = 0; i < sample.size(); ++i)
        for (int k = 0; k < kTeamKindCount; ++k) {
            const TargetCoverage& c = report.posts[sample[i]];
            if (postNearest[i][k] == kUnreached)
                CHECK(c.nearestByKind[k].seconds == kUnreached);
            else
                CHECK_THAT(c.nearestByKind[k].seconds, WithinRel(postNearest[i][k], 1e-9));
        }
    // The city has assigned task forces, far ones among them, and high-risk zones without any.
    CHECK(assignedZoneChecks > 0);
    CHECK(assignedPostChecks > 0);
    CHECK(report.assignedRuns > 0);
    CHECK_FALSE(report.highRiskWithoutTaskForce.empty());
    CHECK(report.populationTotal > 0);
    CHECK(report.populationCovered > 0);
    CHECK(report.populationCovered <= report.populationTotal);
}
