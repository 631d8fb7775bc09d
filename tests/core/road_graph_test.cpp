#include "ascii_map.hpp"
#include "core/road_graph.hpp"
#include "core/travel_times.hpp"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>

using namespace cordon;
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
    CHECK(g.componentCount(Mode::Walk) == 1);
    TravelTimes tt(g);
    const EdgePoint src = at(g, m, 'a', Mode::Walk);
    tt.run(Mode::Walk, std::span(&src, 1));
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
    const EdgePoint fromB = at(g, m, 'b', Mode::Drive);
    tt.run(Mode::Drive, std::span(&fromB, 1));
    // b -> a by car must go round b-d-c-a (3 + 6 + 3 cells) instead of the 6-cell one-way street.
    const double around = tt.seconds(a);
    tt.run(Mode::Walk, std::span(&fromB, 1));
    CHECK_THAT(tt.seconds(a), WithinRel(walkSeconds(6), 1e-3));
    const EdgePoint fromA = at(g, m, 'a', Mode::Drive);
    tt.run(Mode::Drive, std::span(&fromA, 1));
    CHECK(tt.seconds(b) < around); // with the arrow it is direct
    CHECK(around > 0);
    CHECK(around != kUnreached);
    // e is cut off by the sealed street in both modes.
    CHECK(tt.seconds(nodeAt(g, m.nodes.at('e'))) == kUnreached);
    tt.run(Mode::Walk, std::span(&fromA, 1));
    CHECK(tt.seconds(nodeAt(g, m.nodes.at('e'))) == kUnreached);
    CHECK(g.componentCount(Mode::Walk) == 2);
}

TEST_CASE("Motorways are not for walking and footways are not for cars") {
    const AsciiMap m = asciiMap({
        "a====b....c",
    });
    const RoadGraph g = RoadGraph::build(m.feed);
    TravelTimes tt(g);
    CHECK_FALSE(g.snap(m.nodes.at('a'), Mode::Walk, 5).has_value()); // a touches only the motorway
    const EdgePoint fromA = at(g, m, 'a', Mode::Drive);
    tt.run(Mode::Drive, std::span(&fromA, 1));
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
    const std::optional<EdgePoint> src = g.snap({p3.lon, p3.lat + 2 / 111194.93}, Mode::Walk);
    REQUIRE(src);
    CHECK_THAT(src->fraction, WithinRel(0.3, 1e-3));
    CHECK_THAT(src->distanceMetres, WithinRel(2.0, 1e-2));
    TravelTimes tt(g);
    tt.run(Mode::Walk, std::span(&*src, 1));
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
    const EdgePoint sources[] = {at(g, m, 'd', Mode::Walk), at(g, m, 'a', Mode::Walk)};
    tt.run(Mode::Walk, sources);
    CHECK(tt.label(nodeAt(g, m.nodes.at('b'))) == 1);
    CHECK(tt.label(nodeAt(g, m.nodes.at('c'))) == 0);
    // Two teams based at the same place tie everywhere: the lower index wins, every time.
    const EdgePoint same[] = {at(g, m, 'b', Mode::Walk), at(g, m, 'b', Mode::Walk)};
    tt.run(Mode::Walk, same);
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
    const EdgePoint src = at(g, m, 'a', Mode::Walk);
    tt.run(Mode::Walk, std::span(&src, 1), walkSeconds(8));
    CHECK(tt.seconds(nodeAt(g, m.nodes.at('b'))) < kUnreached);
    CHECK(tt.seconds(nodeAt(g, m.nodes.at('c'))) == kUnreached);
    CHECK(tt.settled().size() == 2);
}

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The simplest correct shortest paths: Dijkstra over an ordered set, on adjacency rebuilt from
/// the edge list (not the graph's CSR arrays).
std::vector<double> referenceTimes(const RoadGraph& g, Mode mode, std::uint32_t source) {
    const int m = static_cast<int>(mode);
    std::vector<std::vector<std::pair<std::uint32_t, double>>> adj(g.nodeCount());
    for (std::uint32_t e = 0; e < g.edgeCount(); ++e) {
        const RoadEdge& edge = g.edge(e);
        if (edge.seconds[m][0] >= 0) adj[edge.from].push_back({edge.to, edge.seconds[m][0]});
        if (edge.seconds[m][1] >= 0) adj[edge.to].push_back({edge.from, edge.seconds[m][1]});
    }
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

} // namespace

TEST_CASE("Dijkstra agrees with a reference implementation on the Porto network") {
    const auto file = std::filesystem::path(CORDON_SHARED_DATA) / "roads" / "porto.geojson";
    FeedReadResult r = readFeed(slurp(file), FeedKind::Roads);
    REQUIRE(r.feed);
    const RoadGraph g = RoadGraph::build(*r.feed);
    CHECK(g.nodeCount() > 50000);
    CHECK(g.largestComponent(Mode::Walk) > g.nodeCount() * 9 / 10);
    TravelTimes tt(g);
    std::mt19937 rng(1234);
    for (Mode mode : {Mode::Walk, Mode::Drive})
        for (int trial = 0; trial < 3; ++trial) {
            std::uint32_t source = rng() % g.nodeCount();
            while (g.arcs(mode, source).empty())
                source = rng() % g.nodeCount();
            // A source exactly on a node: an edge point at fraction 0 or 1 of one of its edges.
            const Arc arc = g.arcs(mode, source)[0];
            const RoadEdge& e = g.edge(arc.edge);
            EdgePoint p;
            p.edge = arc.edge;
            p.fraction = e.from == source ? 0.0 : 1.0;
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
