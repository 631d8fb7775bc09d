#include "core/routing/isochrone.hpp"
#include "test_feeds.hpp"

#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <filesystem>
#include <random>

using namespace cordon;
using test::slurp;

namespace {

bool ringContains(const Ring& ring, LonLat p) {
    bool in = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        if ((ring[i].lat > p.lat) != (ring[j].lat > p.lat) &&
            p.lon < (ring[j].lon - ring[i].lon) * (p.lat - ring[i].lat) / (ring[j].lat - ring[i].lat) +
                        ring[i].lon)
            in = !in;
    return in;
}

bool bandContains(const IsochroneBand& band, LonLat p) {
    for (const Polygon& poly : band.polygons) {
        if (!ringContains(poly[0], p)) continue;
        bool inHole = false;
        for (std::size_t h = 1; h < poly.size(); ++h)
            inHole |= ringContains(poly[h], p);
        if (!inHole) return true;
    }
    return false;
}

/// True when segments ab and cd properly cross (touching at end points does not count).
bool crosses(LonLat a, LonLat b, LonLat c, LonLat d) {
    auto orient = [](LonLat p, LonLat q, LonLat r) {
        const double v = (q.lon - p.lon) * (r.lat - p.lat) - (q.lat - p.lat) * (r.lon - p.lon);
        return (v > 0) - (v < 0);
    };
    return orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
}

struct Porto {
    Feed roads;
    RoadGraph graph;
};

const Porto& porto() {
    static const Porto p = [] {
        FeedReadResult r = readFeed(
            slurp(std::filesystem::path(CORDON_SHARED_DATA) / "roads" / "porto.geojson"), FeedKind::Roads);
        Porto out{std::move(*r.feed), {}};
        out.graph = RoadGraph::build(out.roads);
        return out;
    }();
    return p;
}

} // namespace

TEST_CASE("Isochrones on Porto: valid rings, and road points inside exactly when reached in time") {
    const RoadGraph& g = porto().graph;
    const LonLat centre{-8.6110, 41.1496}; // Porto city centre (Aliados)
    for (TravelMode mode : {TravelMode::Walk, TravelMode::Drive}) {
        const std::optional<EdgePoint> src = g.snap(centre, mode);
        REQUIRE(src);
        TravelTimes tt(g);
        const std::vector<double> minutes{5, 10, 15};
        tt.run(mode, std::span(&*src, 1), 15 * 60);
        const std::vector<IsochroneBand> bands = buildIsochrones(tt, minutes);
        REQUIRE(bands.size() == 3);
        for (const IsochroneBand& band : bands) {
            INFO("mode " << int(mode) << " minutes " << band.minutes);
            REQUIRE_FALSE(band.polygons.empty());
            for (const Polygon& poly : band.polygons) {
                for (std::size_t r = 0; r < poly.size(); ++r) {
                    const Ring& ring = poly[r];
                    REQUIRE(ring.size() >= 4);
                    CHECK(ring.front() == ring.back());
                    CHECK((r == 0 ? ringArea(ring) > 0 : ringArea(ring) < 0)); // outer CCW, holes CW
                }
            }
            // No ring crosses itself or another ring of the band (checked on the outer rings).
            std::vector<std::pair<LonLat, LonLat>> segments;
            for (const Polygon& poly : band.polygons)
                for (const Ring& ring : poly)
                    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
                        segments.push_back({ring[i], ring[i + 1]});
            if (segments.size() < 3000) {
                for (std::size_t i = 0; i < segments.size(); ++i)
                    for (std::size_t j = i + 1; j < segments.size(); ++j)
                        REQUIRE_FALSE(crosses(segments[i].first, segments[i].second, segments[j].first,
                                              segments[j].second));
            }
        }
        // Sample road points: reached clearly within a band's time -> inside it. Reached clearly
        // after it -> outside, for all but a few points that lie within the off-road margin of a
        // faster road (a street beside an avenue): at least 97% must be outside.
        std::mt19937 rng(77);
        const double slack = mode == TravelMode::Walk ? 60 : 30;
        int inside = 0, outsideExpected = 0, outsideFound = 0;
        for (int i = 0; i < 12000; ++i) {
            const std::uint32_t e = rng() % g.edgeCount();
            const auto shape = g.edgeShape(e);
            const LonLat at = shape[rng() % shape.size()];
            const std::optional<EdgePoint> p = g.snap(at, mode, 1);
            if (!p) continue;
            const double t = tt.secondsTo(*p);
            if (t == kUnreached) continue;
            for (const IsochroneBand& band : bands) {
                const double limit = band.minutes * 60;
                if (t < limit - slack) {
                    CHECK(bandContains(band, at));
                    ++inside;
                } else if (t > limit * 1.3 + slack) {
                    ++outsideExpected;
                    outsideFound += !bandContains(band, at);
                }
            }
        }
        CHECK(inside > 100);
        CHECK(outsideExpected > 50);
        CHECK(outsideFound >= outsideExpected * 97 / 100);
    }
}

TEST_CASE("Isochrones: nothing reached gives empty bands; GeoJSON export is a FeatureCollection") {
    const RoadGraph& g = porto().graph;
    TravelTimes tt(g);
    tt.run(TravelMode::Walk, {}, 600);
    const auto bands = buildIsochrones(tt, {5});
    REQUIRE(bands.size() == 1);
    CHECK(bands[0].polygons.empty());
    const std::string json = isochronesToGeoJson(bands, TravelMode::Walk);
    CHECK(json.find(R"("type":"FeatureCollection")") != std::string::npos);
    CHECK(readGeoJson(json, "isochrones").layer);
}
