#include "core/ascii_map.hpp"
#include "core/graph_points.hpp"
#include "core/routing/contraction_hierarchy.hpp"
#include "core/routing/road_graph.hpp"
#include "core/routing/travel_times.hpp"
#include "core/routing/tree_sweep.hpp"
#include "test_feeds.hpp"

#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <filesystem>
#include <random>

using namespace cordon;
using namespace cordon::testing;

namespace {

/// Every node's time and label from the sweep equal Dijkstra's, bit for bit.
void requireSameTree(const TravelTimes& dijkstra, const TreeSweep& sweep, std::size_t nodeCount) {
    for (std::uint32_t n = 0; n < nodeCount; ++n) {
        INFO("node " << n);
        REQUIRE(sweep.seconds(n) == dijkstra.seconds(n));
        REQUIRE(sweep.label(n) == dijkstra.label(n));
    }
}

/// Arcs only descend in the sweep (from earlier positions) and only climb in the upward search.
void requireLayered(const ContractionHierarchy& ch) {
    for (std::uint32_t p = 0; p < ch.nodeCount(); ++p) {
        for (const ContractionHierarchy::Link& a : ch.down(p))
            REQUIRE(a.node < p);
        for (const ContractionHierarchy::Link& a : ch.up(p))
            REQUIRE(a.node < p);
    }
}

} // namespace

TEST_CASE("Tree sweep: one-way streets, closures and a grid, from every node, equal Dijkstra exactly") {
    const AsciiMap m = asciiMap({
        "a-->--b-----c--<--d",
        "|     |     |     |",
        "|     v     |     x",
        "e-----f--=--g-----h",
        "|     .     ^     |",
        "|     .     |     |",
        "i-----j-----k-->--l",
        "      |            ",
        "      n            ",
    });
    const RoadGraph g = RoadGraph::build(m.feed);
    TravelTimes dijkstra(g);
    for (TravelMode mode : {TravelMode::Walk, TravelMode::Drive}) {
        const ContractionHierarchy ch = ContractionHierarchy::build(g, mode);
        REQUIRE(ch.nodeCount() == g.nodeCount());
        requireLayered(ch);
        TreeSweep sweep(ch);
        std::size_t sources = 0;
        for (std::uint32_t n = 0; n < g.nodeCount(); ++n) {
            if (g.arcs(mode, n).empty()) continue;
            const EdgePoint p = onNode(g, mode, n);
            dijkstra.run(mode, std::span(&p, 1));
            sweep.run(std::span(&p, 1));
            requireSameTree(dijkstra, sweep, g.nodeCount());
            ++sources;
        }
        CHECK(sources >= 12);
    }
}

TEST_CASE("Tree sweep: several sources label nodes as Dijkstra does, ties to the lower index; a cutoff "
          "hides what is beyond it") {
    const AsciiMap m = asciiMap({
        "a-----b-----c-----d",
        "|           |      ",
        "e-----------f      ",
    });
    const RoadGraph g = RoadGraph::build(m.feed);
    const ContractionHierarchy ch = ContractionHierarchy::build(g, TravelMode::Walk);
    TreeSweep sweep(ch);
    TravelTimes dijkstra(g);
    const std::uint32_t a = nodeAt(g, m.nodes.at('a')), d = nodeAt(g, m.nodes.at('d'));
    const EdgePoint sources[] = {onNode(g, TravelMode::Walk, d), onNode(g, TravelMode::Walk, a),
                                 onNode(g, TravelMode::Walk, d)};
    sweep.run(sources);
    dijkstra.run(TravelMode::Walk, sources);
    requireSameTree(dijkstra, sweep, g.nodeCount());
    CHECK(sweep.label(nodeAt(g, m.nodes.at('b'))) == 1);
    CHECK(sweep.label(nodeAt(g, m.nodes.at('c'))) == 0); // a tie between sources 0 and 2
    const double toB = sweep.seconds(nodeAt(g, m.nodes.at('b')));
    sweep.run(std::span(&sources[1], 1), toB);
    CHECK(sweep.seconds(nodeAt(g, m.nodes.at('b'))) == toB);
    CHECK(sweep.label(nodeAt(g, m.nodes.at('b'))) == 0);
    CHECK(sweep.seconds(nodeAt(g, m.nodes.at('c'))) == kUnreached);
    CHECK(sweep.label(nodeAt(g, m.nodes.at('c'))) == kNoSource);
    // No sources: nothing is reached.
    sweep.run({});
    for (std::uint32_t n = 0; n < g.nodeCount(); ++n)
        CHECK(sweep.seconds(n) == kUnreached);
}

TEST_CASE("Tree sweep over an empty graph reaches nothing and does not fail") {
    Feed empty;
    const RoadGraph g = RoadGraph::build(empty);
    const ContractionHierarchy ch = ContractionHierarchy::build(g, TravelMode::Drive);
    CHECK(ch.nodeCount() == 0);
    TreeSweep sweep(ch);
    sweep.run({});
    CHECK(ch.downArcCount() == 0);
}

TEST_CASE("Tree sweep on the Porto network: node sources give Dijkstra's tree bit for bit; sources "
          "part-way along streets give its labels and its times to the last bits of a double") {
    const auto file = std::filesystem::path(CORDON_SHARED_DATA) / "roads" / "porto.geojson";
    FeedReadResult r = readFeed(test::slurp(file), FeedKind::Roads);
    REQUIRE(r.feed);
    const RoadGraph g = RoadGraph::build(*r.feed);
    TravelTimes dijkstra(g);
    std::mt19937 rng(2468);
    for (TravelMode mode : {TravelMode::Walk, TravelMode::Drive}) {
        const ContractionHierarchy ch = ContractionHierarchy::build(g, mode);
        requireLayered(ch);
        TreeSweep sweep(ch);
        for (int trial = 0; trial < 3; ++trial) {
            std::uint32_t node = rng() % g.nodeCount();
            while (g.arcs(mode, node).empty())
                node = rng() % g.nodeCount();
            const EdgePoint p = onNode(g, mode, node);
            dijkstra.run(mode, std::span(&p, 1));
            sweep.run(std::span(&p, 1));
            requireSameTree(dijkstra, sweep, g.nodeCount());
            CHECK(dijkstra.reached().size() > 1000);
        }
        const std::vector<EdgePoint> sources = randomEdgePoints(g, mode, 12, rng);
        dijkstra.run(mode, sources);
        sweep.run(sources);
        for (std::uint32_t n = 0; n < g.nodeCount(); ++n) {
            const double t = dijkstra.seconds(n);
            INFO("node " << n);
            REQUIRE(sweep.label(n) == dijkstra.label(n));
            if (t == kUnreached)
                REQUIRE(sweep.seconds(n) == kUnreached);
            else
                REQUIRE(std::abs(sweep.seconds(n) - t) <= 1e-12 * std::max(1.0, t));
        }
    }
}

TEST_CASE("A hierarchy built a few nodes at a time is the one built at once") {
    const AsciiMap m = asciiMap({
        "a-----b-----c-----d",
        "|     |     |     |",
        "e--<--f-----g-->--h",
        "|     |     x     |",
        "i-----j-----k-----l",
    });
    const RoadGraph g = RoadGraph::build(m.feed);
    for (TravelMode mode : {TravelMode::Walk, TravelMode::Drive}) {
        const ContractionHierarchy whole = ContractionHierarchy::build(g, mode);
        HierarchyBuilder builder(g, mode);
        CHECK(builder.progress() == 0);
        double last = 0;
        int steps = 0;
        while (!builder.step(2)) {
            CHECK(builder.progress() > last);
            last = builder.progress();
            ++steps;
        }
        CHECK(steps >= static_cast<int>(g.nodeCount()) / 2 - 1);
        CHECK(builder.done());
        CHECK(builder.progress() == 1);
        const ContractionHierarchy sliced = builder.finish();
        REQUIRE(sliced.nodeCount() == whole.nodeCount());
        CHECK(sliced.shortcutCount() == whole.shortcutCount());
        for (std::uint32_t n = 0; n < g.nodeCount(); ++n)
            REQUIRE(sliced.position(n) == whole.position(n));
        for (std::uint32_t p = 0; p < whole.nodeCount(); ++p) {
            const auto a = sliced.down(p), b = whole.down(p);
            REQUIRE(a.size() == b.size());
            for (std::size_t i = 0; i < a.size(); ++i)
                REQUIRE((a[i].node == b[i].node && a[i].seconds == b[i].seconds));
            REQUIRE(sliced.up(p).size() == whole.up(p).size());
        }
    }
}
