// Routing speed: graph build, full shortest-path trees and a drive isochrone on one roads feed.
// Runs natively and as wasm under Node (same source); prints one JSON line so that
// bench/route_run.sh can put native, wasm and the JavaScript peers (bench/route_peers.mjs) side by
// side.
//
// usage: route_bench ROADS.geojson [REPEATS] [--export FILE] [--feeds DIR]
//
// Every timing is the median of REPEATS runs after one untimed warm-up run.
// - build: RoadGraph::build from the already parsed feed (readFeed is timed once, for context).
// - spt: TravelTimes::run with no cutoff from the source node of each mode: the whole
//   single-source shortest-path tree.
// - isochrone: what the app does on a click: snap the centre in drive mode, TravelTimes::run with a
//   15-minute cutoff, buildIsochrones at 5/10/15 minutes (polygons, holes and all).
//
// - coverage (with --feeds DIR): computeCoverage (default options, 15-minute threshold) from the
//   teams, zones, posts and areas feeds in DIR (`<kind>.geojson`, e.g. the demo city next to its
//   roads) over the graph already built: snapping of bases and targets, the multi-source runs per
//   (kind, mode) and the single-team runs for assigned teams, everything the app redoes when a feed
//   changes. The counts of both kinds of runs are printed with it.
//
// The centre is the middle of the bounding box of the graph's nodes. The source node of a mode is
// the nearer end of the edge the centre snaps to in that mode, started as an EdgePoint at fraction
// 0 or 1, which is exactly a search from that node: the JavaScript peers start from the same node.
//
// --export FILE writes the routing graph for the peers (JSON): nodes as integer 1e-7 degrees, per
// mode the directed arcs (parallel arcs reduced to the fastest, self-loops dropped: neither can be
// on a shortest path) with cordon's own float weights written exactly, the source node and a few
// check targets with cordon's tree time to them.
#include "core/coverage/coverage.hpp"
#include "core/feeds/feed.hpp"
#include "core/feeds/feed_set.hpp"
#include "core/routing/contraction_hierarchy.hpp"
#include "core/routing/isochrone.hpp"
#include "core/routing/road_graph.hpp"
#include "core/routing/travel_times.hpp"
#include "core/routing/tree_sweep.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {

using Clock = std::chrono::steady_clock;

std::string slurp(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// Median milliseconds of `repeats` calls of `fn` after one untimed warm-up call.
template <class Fn> double medianMs(int repeats, Fn&& fn) {
    fn();
    std::vector<double> ms;
    for (int i = 0; i < repeats; ++i) {
        const auto start = Clock::now();
        fn();
        ms.push_back(msSince(start));
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

cordon::LonLat boxCentre(const cordon::RoadGraph& g) {
    double minLon = 1e9, minLat = 1e9, maxLon = -1e9, maxLat = -1e9;
    for (std::uint32_t n = 0; n < g.nodeCount(); ++n) {
        const cordon::LonLat p = g.node(n);
        minLon = std::min(minLon, p.lon);
        maxLon = std::max(maxLon, p.lon);
        minLat = std::min(minLat, p.lat);
        maxLat = std::max(maxLat, p.lat);
    }
    return {(minLon + maxLon) / 2, (minLat + maxLat) / 2};
}

struct ModeResult {
    cordon::EdgePoint source;
    std::uint32_t sourceNode = 0;
    std::size_t reached = 0;
    double sptMs = 0;
    double hierarchyMs = 0; ///< ContractionHierarchy::build
    double sweepMs = 0;     ///< TreeSweep::run: the same tree over the hierarchy
    std::size_t shortcuts = 0, downArcs = 0;
    std::uint32_t farthest = 0;
    double farthestSeconds = 0;
    std::vector<std::uint32_t> checks; ///< nodes whose tree time the peers must match
};

ModeResult runTree(const cordon::RoadGraph& g, cordon::TravelTimes& times, cordon::TravelMode mode,
                   cordon::LonLat centre, int repeats) {
    ModeResult r;
    const std::optional<cordon::EdgePoint> snapped = g.snap(centre, mode, 1e6);
    if (!snapped) return r;
    const cordon::RoadEdge& e = g.edge(snapped->edge);
    r.source.edge = snapped->edge;
    r.source.fraction = snapped->fraction < 0.5 ? 0.0 : 1.0;
    r.source.position = g.node(r.source.fraction == 0 ? e.from : e.to);
    r.sourceNode = r.source.fraction == 0 ? e.from : e.to;
    r.sptMs = medianMs(repeats, [&] { times.run(mode, std::span(&r.source, 1)); });
    // The reached nodes by time (the order a search settles them in), farthest last.
    std::vector<std::uint32_t> settled(times.reached().begin(), times.reached().end());
    if (settled.empty()) return r;
    std::stable_sort(settled.begin(), settled.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return times.seconds(a) < times.seconds(b); });
    r.reached = settled.size();
    r.farthest = settled.back();
    r.farthestSeconds = times.seconds(r.farthest);
    for (int k = 1; k <= 4; ++k)
        r.checks.push_back(settled[settled.size() * k / 5]);
    r.checks.push_back(r.farthest);

    // The same tree over a contraction hierarchy; the bench fails if one time differs.
    r.hierarchyMs =
        medianMs(std::min(repeats, 3), [&] { (void)cordon::ContractionHierarchy::build(g, mode); });
    const cordon::ContractionHierarchy ch = cordon::ContractionHierarchy::build(g, mode);
    r.shortcuts = ch.shortcutCount();
    r.downArcs = ch.downArcCount();
    cordon::TreeSweep sweep(ch);
    r.sweepMs = medianMs(repeats, [&] { sweep.run(std::span(&r.source, 1)); });
    for (std::uint32_t n = 0; n < g.nodeCount(); ++n)
        if (sweep.seconds(n) != times.seconds(n)) {
            std::fprintf(stderr, "tree sweep and Dijkstra differ at node %u: %.17g vs %.17g\n", n,
                         sweep.seconds(n), times.seconds(n));
            std::exit(3);
        }
    return r;
}

void exportGraph(const char* path, const cordon::RoadGraph& g, cordon::TravelTimes& times,
                 const ModeResult (&modes)[cordon::kTravelModeCount]) {
    std::FILE* out = std::fopen(path, "w");
    if (!out) {
        std::fprintf(stderr, "cannot write %s\n", path);
        std::exit(2);
    }
    std::fprintf(out, "{\"nodes\":[");
    for (std::uint32_t n = 0; n < g.nodeCount(); ++n)
        std::fprintf(out, "%s%lld,%lld", n ? "," : "", std::llround(g.node(n).lon * 1e7),
                     std::llround(g.node(n).lat * 1e7));
    std::fprintf(out, "]");
    const char* names[] = {"walk", "drive"};
    for (int m = 0; m < cordon::kTravelModeCount; ++m) {
        const auto mode = static_cast<cordon::TravelMode>(m);
        std::fprintf(out, ",\"%s\":{\"source\":%u,\"arcs\":[", names[m], modes[m].sourceNode);
        bool first = true;
        std::vector<cordon::Arc> arcs;
        for (std::uint32_t n = 0; n < g.nodeCount(); ++n) {
            const auto a = g.arcs(mode, n);
            arcs.assign(a.begin(), a.end());
            std::sort(arcs.begin(), arcs.end(), [](const cordon::Arc& x, const cordon::Arc& y) {
                return x.to != y.to ? x.to < y.to : x.seconds < y.seconds;
            });
            for (std::size_t i = 0; i < arcs.size(); ++i) {
                if (arcs[i].to == n || (i > 0 && arcs[i].to == arcs[i - 1].to)) continue;
                // %.17g of the float widened to double: the JavaScript side reads the very same value.
                std::fprintf(out, "%s%u,%u,%.17g", first ? "" : ",", n, arcs[i].to,
                             static_cast<double>(arcs[i].seconds));
                first = false;
            }
        }
        times.run(mode, std::span(&modes[m].source, 1));
        std::fprintf(out, "],\"checks\":[");
        for (std::size_t i = 0; i < modes[m].checks.size(); ++i)
            std::fprintf(out, "%s[%u,%.17g]", i ? "," : "", modes[m].checks[i],
                         times.seconds(modes[m].checks[i]));
        std::fprintf(out, "]}");
    }
    std::fprintf(out, "}\n");
    std::fclose(out);
}

} // namespace

int main(int argc, char** argv) {
    const char* file = nullptr;
    const char* exportPath = nullptr;
    const char* feedsDir = nullptr;
    int repeats = 11;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--export") == 0 && i + 1 < argc)
            exportPath = argv[++i];
        else if (std::strcmp(argv[i], "--feeds") == 0 && i + 1 < argc)
            feedsDir = argv[++i];
        else if (!file)
            file = argv[i];
        else
            repeats = std::max(1, std::atoi(argv[i]));
    }
    if (!file) {
        std::fprintf(stderr, "usage: route_bench ROADS.geojson [REPEATS] [--export FILE] [--feeds DIR]\n");
        return 2;
    }
#ifdef __GLIBC__
    // Keep freed memory in the process between repeats, as a long-running app does (see ingest_bench).
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
    const std::string bytes = slurp(file);
    auto start = Clock::now();
    const cordon::FeedReadResult read = cordon::readFeed(bytes, cordon::FeedKind::Roads);
    const double readMs = msSince(start);
    if (!read.feed || read.feed->size() == 0) {
        std::fprintf(stderr, "cannot read %s as roads\n", file);
        return 2;
    }
    const cordon::Feed& feed = *read.feed;

    const double buildMs = medianMs(repeats, [&] { (void)cordon::RoadGraph::build(feed); });
    const cordon::RoadGraph graph = cordon::RoadGraph::build(feed);
    cordon::TravelTimes times(graph);
    const cordon::LonLat centre = boxCentre(graph);

    ModeResult modes[cordon::kTravelModeCount];
    for (int m = 0; m < cordon::kTravelModeCount; ++m)
        modes[m] = runTree(graph, times, static_cast<cordon::TravelMode>(m), centre, repeats);

    // The app's isochrone click: snap, bounded search, contours with polygons.
    const std::vector<double> minutes = {5, 10, 15};
    std::size_t polygons = 0, rings = 0, points = 0, isoReached = 0;
    const double isoMs = medianMs(repeats, [&] {
        const std::optional<cordon::EdgePoint> source = graph.snap(centre, cordon::TravelMode::Drive);
        if (!source) return;
        times.run(cordon::TravelMode::Drive, std::span(&*source, 1), minutes.back() * 60);
        const std::vector<cordon::IsochroneBand> bands = cordon::buildIsochrones(times, minutes);
        polygons = rings = points = 0;
        for (const cordon::IsochroneBand& b : bands)
            for (const cordon::Polygon& p : b.polygons) {
                ++polygons;
                rings += p.size();
                for (const cordon::Ring& r : p)
                    points += r.size();
            }
        isoReached = times.reached().size();
    });
    // The bounded search alone, to show where the isochrone's time goes.
    const double isoSearchMs = medianMs(repeats, [&] {
        const std::optional<cordon::EdgePoint> source = graph.snap(centre, cordon::TravelMode::Drive);
        if (source) times.run(cordon::TravelMode::Drive, std::span(&*source, 1), minutes.back() * 60);
    });

    // Coverage (issue 5 item 6: all teams and posts of the demo city, target < 100 ms wasm).
    std::string coverageJson;
    if (feedsDir) {
        cordon::FeedSet feeds;
        for (cordon::FeedKind kind : {cordon::FeedKind::Areas, cordon::FeedKind::Zones,
                                      cordon::FeedKind::Posts, cordon::FeedKind::Teams}) {
            const std::string path =
                std::string(feedsDir) + "/" + std::string(cordon::feedKindName(kind)) + ".geojson";
            cordon::FeedReadResult r = cordon::readFeed(slurp(path.c_str()), kind, path);
            if (!r.feed) {
                std::fprintf(stderr, "cannot read %s\n", path.c_str());
                return 2;
            }
            feeds.replace(std::move(*r.feed));
        }
        cordon::CoverageReport report;
        const double coverageMs = medianMs(repeats, [&] { report = cordon::computeCoverage(feeds, graph); });
        // As the app runs it once its hierarchies are built: the group runs are tree sweeps.
        const cordon::ContractionHierarchy walk =
            cordon::ContractionHierarchy::build(graph, cordon::TravelMode::Walk);
        const cordon::ContractionHierarchy drive =
            cordon::ContractionHierarchy::build(graph, cordon::TravelMode::Drive);
        const double sweptMs = medianMs(repeats, [&] {
            (void)cordon::computeCoverage(feeds, graph, {}, {&walk, &drive});
        });
        char buffer[512];
        std::snprintf(buffer, sizeof buffer,
                      ",\"coverage\":{\"ms\":%.3f,\"sweptMs\":%.3f,\"teams\":%zu,\"zones\":%zu,\"posts\":%zu,"
                      "\"compounds\":%zu,"
                      "\"groupRuns\":%zu,\"assignedRuns\":%zu,\"zonesBeyond\":%zu,\"postsBeyond\":%zu}",
                      coverageMs, sweptMs, feeds.get(cordon::FeedKind::Teams)->size(), report.zones.size(),
                      report.posts.size(), report.compounds, report.groupRuns, report.assignedRuns,
                      report.zonesBeyondThreshold.size(), report.postsBeyondThreshold.size());
        coverageJson = buffer;
    }

    if (exportPath) exportGraph(exportPath, graph, times, modes);

    std::printf(
        "{\"file\":\"%s\",\"features\":%zu,\"nodes\":%zu,\"edges\":%zu,\"repeats\":%d,\"readMs\":%.2f,"
        "\"buildMs\":%.3f,\"centre\":[%.7f,%.7f]",
        file, feed.size(), graph.nodeCount(), graph.edgeCount(), repeats, readMs, buildMs, centre.lon,
        centre.lat);
    const char* names[] = {"walk", "drive"};
    for (int m = 0; m < cordon::kTravelModeCount; ++m)
        std::printf(",\"%s\":{\"sourceNode\":%u,\"reached\":%zu,\"sptMs\":%.3f,\"farthest\":%u,"
                    "\"farthestSeconds\":%.3f,\"hierarchyMs\":%.3f,\"sweepMs\":%.3f,\"shortcuts\":%zu,"
                    "\"downArcs\":%zu}",
                    names[m], modes[m].sourceNode, modes[m].reached, modes[m].sptMs, modes[m].farthest,
                    modes[m].farthestSeconds, modes[m].hierarchyMs, modes[m].sweepMs, modes[m].shortcuts,
                    modes[m].downArcs);
    std::printf(",\"isochrone\":{\"minutes\":[5,10,15],\"ms\":%.3f,\"searchMs\":%.3f,\"reached\":%zu,"
                "\"polygons\":%zu,\"rings\":%zu,\"points\":%zu}%s}\n",
                isoMs, isoSearchMs, isoReached, polygons, rings, points, coverageJson.c_str());
    return 0;
}
