// The generated demo city (the app's embedded default), read by the same C++ code as the app:
// every feed validates cleanly, references resolve, and the streets form one walkable network
// apart from the sealed streets around high-risk zones.
#include "core/feeds/feed_set.hpp"
#include "core/geo/mercator.hpp"
#include "core/routing/road_graph.hpp"

#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

using namespace cordon;

namespace {

FeedSet readDemoCity() {
    FeedSet set;
    for (FeedKind kind : {FeedKind::Areas, FeedKind::Zones, FeedKind::Posts, FeedKind::Teams,
                          FeedKind::Roster, FeedKind::Roads, FeedKind::Facilities}) {
        const auto path =
            std::filesystem::path(CORDON_DEMO_DIR) / (std::string(feedKindName(kind)) + ".geojson");
        std::ifstream in(path, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        FeedReadResult r = readFeed(bytes.str(), kind, path.string());
        INFO(path.string());
        REQUIRE(r.feed);
        for (const Diagnostic& d : r.diagnostics)
            UNSCOPED_INFO(d.toString());
        CHECK(r.diagnostics.empty());
        set.replace(std::move(*r.feed));
    }
    return set;
}

/// Components among nodes that walking can use at all.
std::unordered_map<std::uint32_t, std::size_t> walkComponentSizes(const RoadGraph& g) {
    std::unordered_map<std::uint32_t, std::size_t> sizes;
    for (std::uint32_t n = 0; n < g.nodeCount(); ++n)
        if (!g.arcs(TravelMode::Walk, n).empty()) ++sizes[g.components(TravelMode::Walk)[n]];
    return sizes;
}

} // namespace

TEST_CASE("The demo city validates with no problems and all references resolve") {
    const FeedSet set = readDemoCity();
    const auto problems = checkReferences(set);
    for (const Diagnostic& d : problems)
        UNSCOPED_INFO(d.toString());
    CHECK(problems.empty());
    CHECK(set.get(FeedKind::Roads)->size() > 10000);
}

TEST_CASE("The demo city's streets are one walkable network apart from the sealed streets") {
    const FeedSet set = readDemoCity();
    Feed roads = *set.get(FeedKind::Roads);
    std::vector<LonLat> closedPoints;
    for (std::uint32_t i = 0; i < roads.size(); ++i)
        if (roads.roads[i].closed) {
            const FeatureRecord& f = roads.layer.features[i];
            for (std::uint32_t part = f.firstPart; part < f.firstPart + f.partCount; ++part) {
                const GeometryPart& g = roads.layer.parts[part];
                for (std::uint32_t r = g.firstRing; r < g.firstRing + g.ringCount; ++r)
                    closedPoints.insert(closedPoints.end(), roads.layer.ring(r),
                                        roads.layer.ring(r) + roads.layer.ringSize(r));
            }
        }
    REQUIRE_FALSE(closedPoints.empty()); // the generator seals streets around high-risk zones

    const RoadGraph sealed = RoadGraph::build(roads);
    const auto sealedSizes = walkComponentSizes(sealed);
    std::uint32_t main = 0;
    std::size_t mainSize = 0;
    for (const auto& [c, n] : sealedSizes)
        if (n > mainSize || (n == mainSize && c < main)) main = c, mainSize = n;
    // Whatever the closures cut off lies right next to a sealed street.
    std::size_t cutOff = 0;
    for (std::uint32_t n = 0; n < sealed.nodeCount(); ++n) {
        if (sealed.arcs(TravelMode::Walk, n).empty() || sealed.components(TravelMode::Walk)[n] == main)
            continue;
        ++cutOff;
        double nearest = 1e30;
        for (LonLat p : closedPoints)
            nearest = std::min(nearest, haversineMetres(p, sealed.node(n)));
        CHECK(nearest < 400);
    }
    CHECK(cutOff < sealed.nodeCount() / 100);

    for (RoadFields& r : roads.roads)
        r.closed = false;
    const RoadGraph open = RoadGraph::build(roads);
    CHECK(walkComponentSizes(open).size() == 1);
}
