// libFuzzer target for the road graph, travel times and isochrones on small fuzzed networks. The
// bytes are not JSON: they describe up to 24 roads on a 16 x 16 grid of 100 m cells (class,
// oneway, closed, speed, 2-5 points each), written as a roads feed, so the fuzzer explores
// topologies (shared nodes, loops, one-ways, closures, islands) rather than syntax.
// Checks: times are finite and non-negative where reached, isochrone rings are closed with at
// least four points, and a band's polygons exist only if something was reached.

#include "core/feeds/feed.hpp"
#include "core/routing/contraction_hierarchy.hpp"
#include "core/routing/isochrone.hpp"
#include "core/routing/road_graph.hpp"
#include "core/routing/travel_times.hpp"
#include "core/routing/tree_sweep.hpp"
#include "fuzz_support.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

using cordon::fuzz::Bytes;
using cordon::fuzz::check;

std::string roadsFeed(Bytes& in) {
    static const char* const kClasses[] = {"primary", "secondary", "residential", "service",
                                           "footway", "motorway",  "trunk",       "tertiary"};
    std::string out = R"({"type":"FeatureCollection","features":[)";
    for (int road = 0; road < 24 && !in.empty(); ++road) {
        const unsigned flags = in.next();
        const int points = 2 + static_cast<int>(in.next() % 4);
        std::string coordinates;
        for (int p = 0; p < points; ++p) {
            const unsigned cell = in.next();
            char text[64];
            std::snprintf(text, sizeof text, "%s[%.6f,%.6f]", p ? "," : "", 113.60 + (cell & 15) * 0.0011,
                          34.70 + (cell >> 4) * 0.0009);
            coordinates += text;
        }
        const char* oneway = (flags & 24) == 8 ? "yes" : (flags & 24) == 16 ? "-1" : "no";
        out +=
            (road ? "," : "") + std::string(R"({"type":"Feature","id":"r)") + std::to_string(road) +
            R"(","properties":{"highway":")" + kClasses[flags & 7] + R"(","oneway":")" + oneway +
            R"(","closed":)" + ((flags & 32) ? "true" : "false") +
            ((flags & 64) ? R"(,"maxspeed":")" + std::to_string(5 + in.next() % 120) + "\"" : std::string()) +
            R"(},"geometry":{"type":"LineString","coordinates":[)" + coordinates + "]}}";
    }
    return out + "]}";
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Bytes in(data, size);
    const unsigned source = in.next();
    const cordon::FeedReadResult read = cordon::readFeed(roadsFeed(in), cordon::FeedKind::Roads, "fuzz");
    if (!read.feed) return 0;
    const cordon::RoadGraph graph = cordon::RoadGraph::build(*read.feed);
    cordon::TravelTimes times(graph);
    const cordon::LonLat from{113.60 + (source & 15) * 0.0011, 34.70 + (source >> 4) * 0.0009};
    for (const cordon::TravelMode mode : {cordon::TravelMode::Walk, cordon::TravelMode::Drive}) {
        const std::optional<cordon::EdgePoint> start = graph.snap(from, mode);
        if (!start) continue;
        times.run(mode, std::span(&*start, 1), 10 * 60);
        for (std::uint32_t n = 0; n < graph.nodeCount(); ++n) {
            const double t = times.seconds(n);
            check(!std::isnan(t) && t >= 0, "travel times are numbers, not negative");
        }
        // The sweep over a contraction hierarchy agrees with Dijkstra: to the last bits of a double
        // from a point part-way along an edge, bit for bit from the node at its start.
        const cordon::ContractionHierarchy hierarchy = cordon::ContractionHierarchy::build(graph, mode);
        cordon::TreeSweep sweep(hierarchy);
        sweep.run(std::span(&*start, 1), 10 * 60);
        for (std::uint32_t n = 0; n < graph.nodeCount(); ++n) {
            const double t = times.seconds(n), s = sweep.seconds(n);
            // (A time a bit from the cutoff may fall on either side of it.)
            if (std::min(t, s) >= 10 * 60 * (1 - 1e-9)) continue;
            check(t == s || std::abs(t - s) <= 1e-9 * std::max(1.0, t),
                  "the tree sweep has Dijkstra's times");
            check(sweep.label(n) == times.label(n), "the tree sweep has Dijkstra's labels");
        }
        cordon::EdgePoint atNode = *start;
        atNode.fraction = 0;
        times.run(mode, std::span(&atNode, 1));
        sweep.run(std::span(&atNode, 1));
        for (std::uint32_t n = 0; n < graph.nodeCount(); ++n)
            check(sweep.seconds(n) == times.seconds(n),
                  "from a node, the tree sweep has Dijkstra's times exactly");
        times.run(mode, std::span(&*start, 1), 10 * 60);
        for (const cordon::IsochroneBand& band : cordon::buildIsochrones(times, {2, 5, 10}))
            for (const cordon::Polygon& polygon : band.polygons)
                for (const cordon::Ring& ring : polygon) {
                    check(ring.size() >= 4, "rings have at least four points");
                    check(ring.front() == ring.back(), "rings are closed");
                }
    }
    return 0;
}
