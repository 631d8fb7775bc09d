#include "core/ascii_map.hpp"
#include "core/graph_points.hpp"
#include "core/routing/road_graph.hpp"
#include "core/routing/travel_times.hpp"
#include "test_feeds.hpp"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#include <cmath>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>

using namespace cordon;
using test::slurp;
using namespace cordon::testing;
using Catch::Matchers::WithinRel;

TEST_CASE("Road graph: nodes at junctions and ends, one edge per street between them") {
    const AsciiMap m = asciiMap({
        "a-----b-----c",
        "      |      ",
        "      d      ",
    });
    const RoadGraph g = RoadGraph::build(m.feed);
    CHECK(g.nodeCount() == 4);
    CHECK(g.edgeCount() == 3);
    CHECK(g.componentCount(TravelMode::Walk) == 1);
    TravelTimes tt(g);
    const EdgePoint src = at(g, m, 'a', TravelMode::Walk);
    tt.run(TravelMode::Walk, std::span(&src, 1));
    CHECK_THAT(tt.seconds(nodeAt(g, m.nodes.at('c'))), WithinRel(walkSeconds(12), 1e-3));
    CHECK_THAT(tt.seconds(nodeAt(g, m.nodes.at('d'))), WithinRel(walkSeconds(8), 1e-3));
}

TEST_CASE("One-way streets bind cars, not walkers; closures bind everyone") {
    const AsciiMap m = asciiMap({
        "a-->--b",
        "|     |",
        "|     |",
        "c-----d",
        "|      ",
        "x      ",
        "|      ",
        "e      ",
    });
    const RoadGraph g = RoadGraph::build(m.feed);
    TravelTimes tt(g);
    const std::uint32_t a = nodeAt(g, m.nodes.at('a')), b = nodeAt(g, m.nodes.at('b'));
    const EdgePoint fromB = at(g, m, 'b', TravelMode::Drive);
    tt.run(TravelMode::Drive, std::span(&fromB, 1));
    // b -> a by car must go round b-d-c-a (3 + 6 + 3 cells) instead of the 6-cell one-way street.
    const double around = tt.seconds(a);
    tt.run(TravelMode::Walk, std::span(&fromB, 1));
    CHECK_THAT(tt.seconds(a), WithinRel(walkSeconds(6), 1e-3));
    const EdgePoint fromA = at(g, m, 'a', TravelMode::Drive);
    tt.run(TravelMode::Drive, std::span(&fromA, 1));
    CHECK(tt.seconds(b) < around); // with the arrow it is direct
    CHECK(around > 0);
    CHECK(around != kUnreached);
    // e is cut off by the sealed street in both modes.
    CHECK(tt.seconds(nodeAt(g, m.nodes.at('e'))) == kUnreached);
    tt.run(TravelMode::Walk, std::span(&fromA, 1));
    CHECK(tt.seconds(nodeAt(g, m.nodes.at('e'))) == kUnreached);
    CHECK(g.componentCount(TravelMode::Walk) == 2);
}

TEST_CASE("Motorways are not for walking and footways are not for cars") {
    const AsciiMap m = asciiMap({
        "a====b....c",
    });
    const RoadGraph g = RoadGraph::build(m.feed);
    TravelTimes tt(g);
    CHECK_FALSE(g.snap(m.nodes.at('a'), TravelMode::Walk, 5).has_value()); // a touches only the motorway
    const EdgePoint fromA = at(g, m, 'a', TravelMode::Drive);
    tt.run(TravelMode::Drive, std::span(&fromA, 1));
    CHECK(tt.seconds(nodeAt(g, m.nodes.at('b'))) < kUnreached);
    CHECK(tt.seconds(nodeAt(g, m.nodes.at('c'))) == kUnreached);
}

TEST_CASE("Sources and targets part-way along an edge use the exact projection") {
    const AsciiMap m = asciiMap({
        "a---------b",
    });
    const RoadGraph g = RoadGraph::build(m.feed);
    // A point 3 cells from a, 2 m off the street.
    const LonLat p3 = cellPosition(3, 0);
    const std::optional<EdgePoint> src = g.snap({p3.lon, p3.lat + 2 / 111194.93}, TravelMode::Walk);
    REQUIRE(src);
    CHECK_THAT(src->fraction, WithinRel(0.3, 1e-3));
    CHECK_THAT(src->distanceMetres, WithinRel(2.0, 1e-2));
    TravelTimes tt(g);
    tt.run(TravelMode::Walk, std::span(&*src, 1));
    CHECK_THAT(tt.seconds(nodeAt(g, m.nodes.at('a'))), WithinRel(walkSeconds(3), 1e-3));
    CHECK_THAT(tt.seconds(nodeAt(g, m.nodes.at('b'))), WithinRel(walkSeconds(7), 1e-3));
    // A target on the same edge is reached directly, not through a node.
    EdgePoint target = *src;
    target.fraction = 0.5;
    CHECK_THAT(tt.secondsTo(target), WithinRel(walkSeconds(2), 1e-3));
}

TEST_CASE("Several sources: each node is labelled with the source that reaches it first; ties go to the "
          "lower index") {
    const AsciiMap m = asciiMap({
        "a-----b-----c-----d",
    });
    const RoadGraph g = RoadGraph::build(m.feed);
    TravelTimes tt(g);
    const EdgePoint sources[] = {at(g, m, 'd', TravelMode::Walk), at(g, m, 'a', TravelMode::Walk)};
    tt.run(TravelMode::Walk, sources);
    CHECK(tt.label(nodeAt(g, m.nodes.at('b'))) == 1);
    CHECK(tt.label(nodeAt(g, m.nodes.at('c'))) == 0);
    // Two teams based at the same place tie everywhere: the lower index wins, every time.
    const EdgePoint same[] = {at(g, m, 'b', TravelMode::Walk), at(g, m, 'b', TravelMode::Walk)};
    tt.run(TravelMode::Walk, same);
    for (std::uint32_t n = 0; n < g.nodeCount(); ++n)
        CHECK(tt.label(n) == 0);
    EdgePoint onEdge = same[0];
    onEdge.fraction = 0.25;
    std::uint32_t winner = kNoSource;
    tt.secondsTo(onEdge, &winner);
    CHECK(winner == 0);
}

TEST_CASE("A cutoff bounds the search") {
    const AsciiMap m = asciiMap({
        "a-----b-----c",
    });
    const RoadGraph g = RoadGraph::build(m.feed);
    TravelTimes tt(g);
    const EdgePoint src = at(g, m, 'a', TravelMode::Walk);
    tt.run(TravelMode::Walk, std::span(&src, 1), walkSeconds(8));
    CHECK(tt.seconds(nodeAt(g, m.nodes.at('b'))) < kUnreached);
    CHECK(tt.seconds(nodeAt(g, m.nodes.at('c'))) == kUnreached);
    CHECK(tt.reached().size() == 2);
    // The same buffers again: a run to the end reaches c; a later, tighter run forgets b and c again
    // (times and labels of the earlier runs never show through).
    tt.run(TravelMode::Walk, std::span(&src, 1));
    CHECK(tt.seconds(nodeAt(g, m.nodes.at('c'))) < kUnreached);
    CHECK(tt.label(nodeAt(g, m.nodes.at('c'))) == 0);
    tt.run(TravelMode::Walk, std::span(&src, 1), walkSeconds(2));
    CHECK(tt.reached().size() == 1);
    CHECK(tt.seconds(nodeAt(g, m.nodes.at('b'))) == kUnreached);
    CHECK(tt.label(nodeAt(g, m.nodes.at('b'))) == kNoSource);
    CHECK(tt.seconds(nodeAt(g, m.nodes.at('c'))) == kUnreached);
    CHECK(tt.label(nodeAt(g, m.nodes.at('c'))) == kNoSource);
}

TEST_CASE("Dead ends and chain links are found per mode; a search walks through them with exact times") {
    const AsciiMap m = asciiMap({
        "a-----b-->--c-----d",
        "            |      ",
        "            e      ",
    });
    const RoadGraph g = RoadGraph::build(m.feed);
    auto node = [&](char c) { return nodeAt(g, m.nodes.at(c)); };
    CHECK(g.deadEnd(TravelMode::Walk, node('a')));
    CHECK(g.chainLink(TravelMode::Walk, node('b')));
    CHECK_FALSE(g.chainLink(TravelMode::Walk, node('c')));
    CHECK_FALSE(g.deadEnd(TravelMode::Walk, node('c')));
    CHECK(g.deadEnd(TravelMode::Walk, node('d')));
    CHECK(g.deadEnd(TravelMode::Walk, node('e')));
    // By car, b is entered from a only and leaves for c (or back): still a link; c is entered
    // from b, d and e, so it is neither.
    CHECK(g.chainLink(TravelMode::Drive, node('b')));
    CHECK(g.deadEnd(TravelMode::Drive, node('a')));
    CHECK_FALSE(g.chainLink(TravelMode::Drive, node('c')));
    TravelTimes tt(g);
    const EdgePoint src = at(g, m, 'd', TravelMode::Walk);
    tt.run(TravelMode::Walk, std::span(&src, 1));
    CHECK_THAT(tt.seconds(node('a')), WithinRel(walkSeconds(18), 1e-3));
    CHECK_THAT(tt.seconds(node('b')), WithinRel(walkSeconds(12), 1e-3));
    CHECK_THAT(tt.seconds(node('e')), WithinRel(walkSeconds(8), 1e-3));
    CHECK(tt.reached().size() == 5);
    // Watching a link: the search queues it, and stops when it is settled with its true time.
    const std::uint32_t watched[] = {node('b')};
    tt.run(TravelMode::Walk, std::span(&src, 1), kUnreached, watched);
    CHECK_THAT(tt.seconds(node('b')), WithinRel(walkSeconds(12), 1e-3));
    // By car from a, one way: b then c, d and e; nothing back against the arrow.
    const EdgePoint fromA = at(g, m, 'a', TravelMode::Drive);
    tt.run(TravelMode::Drive, std::span(&fromA, 1));
    CHECK(tt.seconds(node('d')) < kUnreached);
    CHECK(tt.reached().size() == 5);
    const EdgePoint fromD = at(g, m, 'd', TravelMode::Drive);
    tt.run(TravelMode::Drive, std::span(&fromD, 1));
    CHECK(tt.seconds(node('b')) == kUnreached);
    CHECK(tt.seconds(node('a')) == kUnreached);
}

TEST_CASE("A chain link joined by two roads to the same neighbour passes on the faster one") {
    // a -> b by a slow straight street and by a fast bend; b -> c. Driving, the bend is faster.
    const char* roads = R"({"type":"FeatureCollection","features":[
        {"type":"Feature","id":1,"properties":{"highway":"residential","maxspeed":"10"},
         "geometry":{"type":"LineString","coordinates":[[113.650,34.750],[113.652,34.750]]}},
        {"type":"Feature","id":2,"properties":{"highway":"primary","maxspeed":"100"},
         "geometry":{"type":"LineString","coordinates":[[113.650,34.750],[113.651,34.751],[113.652,34.750]]}},
        {"type":"Feature","id":3,"properties":{"highway":"residential","maxspeed":"30"},
         "geometry":{"type":"LineString","coordinates":[[113.652,34.750],[113.654,34.750]]}}]})";
    FeedReadResult r = readFeed(roads, FeedKind::Roads);
    REQUIRE(r.feed);
    const RoadGraph g = RoadGraph::build(*r.feed);
    REQUIRE(g.nodeCount() == 3);
    const std::uint32_t a = nodeAt(g, {113.650, 34.750}), b = nodeAt(g, {113.652, 34.750}),
                        c = nodeAt(g, {113.654, 34.750});
    CHECK(g.chainLink(TravelMode::Drive, b));
    CHECK(g.deadEnd(TravelMode::Drive, c));
    double fastest = kUnreached, onward = kUnreached;
    for (const Arc& arc : g.arcs(TravelMode::Drive, a))
        fastest = std::min<double>(fastest, arc.seconds);
    for (const Arc& arc : g.arcs(TravelMode::Drive, b))
        if (arc.to == c) onward = arc.seconds;
    EdgePoint src;
    for (std::uint32_t e = 0; e < g.edgeCount(); ++e)
        if (g.edge(e).from == a || g.edge(e).to == a) {
            src.edge = e;
            src.fraction = g.edge(e).from == a ? 0.0 : 1.0;
        }
    TravelTimes tt(g);
    tt.run(TravelMode::Drive, std::span(&src, 1));
    CHECK(tt.seconds(b) == fastest);
    CHECK(tt.seconds(c) == fastest + onward);
}

namespace {

/// (to, seconds) per node, rebuilt from the edge list (not the graph's CSR arrays).
std::vector<std::vector<std::pair<std::uint32_t, double>>> adjacencyOf(const RoadGraph& g, TravelMode mode) {
    const int m = static_cast<int>(mode);
    std::vector<std::vector<std::pair<std::uint32_t, double>>> adj(g.nodeCount());
    for (std::uint32_t e = 0; e < g.edgeCount(); ++e) {
        const RoadEdge& edge = g.edge(e);
        if (edge.seconds[m][0] >= 0) adj[edge.from].push_back({edge.to, edge.seconds[m][0]});
        if (edge.seconds[m][1] >= 0) adj[edge.to].push_back({edge.from, edge.seconds[m][1]});
    }
    return adj;
}

/// The simplest correct shortest paths: Dijkstra over an ordered set, on adjacencyOf.
std::vector<double> referenceTimes(const RoadGraph& g, TravelMode mode, std::uint32_t source) {
    const auto adj = adjacencyOf(g, mode);
    std::vector<double> dist(g.nodeCount(), kUnreached);
    std::set<std::pair<double, std::uint32_t>> open{{0.0, source}};
    dist[source] = 0;
    while (!open.empty()) {
        const auto [d, n] = *open.begin();
        open.erase(open.begin());
        for (const auto& [to, w] : adj[n])
            if (d + w < dist[to]) {
                open.erase({dist[to], to});
                dist[to] = d + w;
                open.insert({dist[to], to});
            }
    }
    return dist;
}

/// The same over (time, source) pairs from points part-way along edges: each node gets the least
/// pair, which is the label rule of TravelTimes (the lower source wins a tie).
std::vector<std::pair<double, std::uint32_t>> referenceLabels(const RoadGraph& g, TravelMode mode,
                                                              std::span<const EdgePoint> sources) {
    const int m = static_cast<int>(mode);
    const auto adj = adjacencyOf(g, mode);
    using Label = std::pair<double, std::uint32_t>;
    std::vector<Label> best(g.nodeCount(), {kUnreached, kNoSource});
    std::set<std::pair<Label, std::uint32_t>> open;
    auto offer = [&](std::uint32_t n, Label l) {
        if (l < best[n]) {
            open.erase({best[n], n});
            best[n] = l;
            open.insert({l, n});
        }
    };
    for (std::uint32_t s = 0; s < sources.size(); ++s) {
        const RoadEdge& e = g.edge(sources[s].edge);
        const double f = sources[s].fraction;
        if (e.seconds[m][0] >= 0) offer(e.to, {(1 - f) * e.seconds[m][0], s});
        if (e.seconds[m][1] >= 0) offer(e.from, {f * e.seconds[m][1], s});
    }
    while (!open.empty()) {
        const auto [l, n] = *open.begin();
        open.erase(open.begin());
        for (const auto& [to, w] : adj[n])
            offer(to, {l.first + w, l.second});
    }
    return best;
}

} // namespace

TEST_CASE("Dijkstra agrees with a reference implementation on the Porto network") {
    const auto file = std::filesystem::path(CORDON_SHARED_DATA) / "roads" / "porto.geojson";
    FeedReadResult r = readFeed(slurp(file), FeedKind::Roads);
    REQUIRE(r.feed);
    const RoadGraph g = RoadGraph::build(*r.feed);
    CHECK(g.nodeCount() > 50000);
    CHECK(g.largestComponent(TravelMode::Walk) > g.nodeCount() * 9 / 10);
    TravelTimes tt(g);
    std::mt19937 rng(1234);
    for (TravelMode mode : {TravelMode::Walk, TravelMode::Drive})
        for (int trial = 0; trial < 3; ++trial) {
            std::uint32_t source = rng() % g.nodeCount();
            while (g.arcs(mode, source).empty())
                source = rng() % g.nodeCount();
            const EdgePoint p = onNode(g, mode, source);
            tt.run(mode, std::span(&p, 1));
            const std::vector<double> ref = referenceTimes(g, mode, source);
            std::size_t reached = 0;
            for (std::uint32_t n = 0; n < g.nodeCount(); ++n) {
                if (ref[n] == kUnreached) {
                    REQUIRE(tt.seconds(n) == kUnreached);
                } else {
                    ++reached;
                    REQUIRE(std::abs(tt.seconds(n) - ref[n]) <= 1e-6 * std::max(1.0, ref[n]));
                }
            }
            CHECK(reached > 100);
        }
}

TEST_CASE("Several sources part-way along Porto's streets: times and labels agree with a reference, "
          "and an early stop settles the watched nodes exactly") {
    const auto file = std::filesystem::path(CORDON_SHARED_DATA) / "roads" / "porto.geojson";
    FeedReadResult r = readFeed(slurp(file), FeedKind::Roads);
    REQUIRE(r.feed);
    const RoadGraph g = RoadGraph::build(*r.feed);
    TravelTimes tt(g);
    std::mt19937 rng(4321);
    for (TravelMode mode : {TravelMode::Walk, TravelMode::Drive}) {
        const std::vector<EdgePoint> sources = randomEdgePoints(g, mode, 12, rng);
        const auto ref = referenceLabels(g, mode, sources);
        tt.run(mode, sources);
        std::size_t reached = 0;
        for (std::uint32_t n = 0; n < g.nodeCount(); ++n) {
            REQUIRE(tt.seconds(n) == ref[n].first);
            REQUIRE(tt.label(n) == ref[n].second);
            reached += ref[n].first != kUnreached;
        }
        CHECK(tt.reached().size() == reached);
        std::vector<std::uint32_t> watched;
        while (watched.size() < 20) {
            const std::uint32_t n = rng() % g.nodeCount();
            if (ref[n].first != kUnreached) watched.push_back(n);
        }
        tt.run(mode, sources, kUnreached, watched);
        for (std::uint32_t n : watched) {
            REQUIRE(tt.seconds(n) == ref[n].first);
            REQUIRE(tt.label(n) == ref[n].second);
        }
    }
}
