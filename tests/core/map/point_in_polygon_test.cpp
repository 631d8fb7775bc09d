#include "core/map/point_in_polygon.hpp"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace cordon;

namespace {

FeatureLayer layerOf(const std::string& features) {
    const GeoJsonReadResult r =
        readGeoJson(R"({"type":"FeatureCollection","features":[)" + features + "]}", "test");
    REQUIRE(r.layer);
    REQUIRE(r.diagnostics.empty());
    return *r.layer;
}

std::string feature(const std::string& geometry) {
    return R"({"type":"Feature","properties":{},"geometry":)" + geometry + "}";
}

double up(double v) {
    return std::nextafter(v, std::numeric_limits<double>::infinity());
}
double down(double v) {
    return std::nextafter(v, -std::numeric_limits<double>::infinity());
}

// A 10 x 10 square with a 2 x 2 hole at (2..4, 2..4).
const char* const kSquareWithHole = R"({"type":"Polygon","coordinates":[
    [[0,0],[10,0],[10,10],[0,10],[0,0]],
    [[2,2],[2,4],[4,4],[4,2],[2,2]]]})";

} // namespace

TEST_CASE("Point in polygon: vertices and edges are Boundary, the hole is Outside", "[point_in_polygon]") {
    const FeatureLayer layer = layerOf(feature(kSquareWithHole));
    const auto at = [&](double lon, double lat) { return locateInPolygon(layer, 0, {lon, lat}); };

    SECTION("outer ring") {
        for (const LonLat v : {LonLat{0, 0}, LonLat{10, 0}, LonLat{10, 10}, LonLat{0, 10}})
            CHECK(at(v.lon, v.lat) == Containment::Boundary);
        for (const LonLat m : {LonLat{5, 0}, LonLat{10, 5}, LonLat{5, 10}, LonLat{0, 5}})
            CHECK(at(m.lon, m.lat) == Containment::Boundary);
        CHECK(at(up(10), 5) == Containment::Outside);
        CHECK(at(down(10), 5) == Containment::Inside);
        CHECK(at(5, down(0)) == Containment::Outside);
        CHECK(at(5, up(0)) == Containment::Inside);
        CHECK(at(down(0), 10) == Containment::Outside); // on the line of the top edge, just left
        CHECK(at(-5, 0) == Containment::Outside);       // the ray runs along the bottom edge
    }
    SECTION("hole ring") {
        for (const LonLat v : {LonLat{2, 2}, LonLat{4, 2}, LonLat{4, 4}, LonLat{2, 4}})
            CHECK(at(v.lon, v.lat) == Containment::Boundary);
        for (const LonLat m : {LonLat{3, 2}, LonLat{4, 3}, LonLat{3, 4}, LonLat{2, 3}})
            CHECK(at(m.lon, m.lat) == Containment::Boundary);
        CHECK(at(3, 3) == Containment::Outside);
        CHECK(at(up(2), 3) == Containment::Outside);
        CHECK(at(down(2), 3) == Containment::Inside);
        CHECK(at(3, up(4)) == Containment::Inside);
    }
    SECTION("interior, including rays through hole vertices and along hole edges") {
        CHECK(at(1, 1) == Containment::Inside);
        CHECK(at(5, 5) == Containment::Inside);
        CHECK(at(9.999, 9.999) == Containment::Inside);
        CHECK(at(1, 2) == Containment::Inside); // ray along the hole's bottom edge
        CHECK(at(1, 4) == Containment::Inside); // ray along its top edge
        CHECK(at(5, 2) == Containment::Inside); // right of the hole, level with its corners
    }
    SECTION("far away") {
        CHECK(at(-1, -1) == Containment::Outside);
        CHECK(at(100, 5) == Containment::Outside);
        CHECK(at(5, -100) == Containment::Outside);
    }
}

TEST_CASE("Point in polygon: sloped edges are decided exactly", "[point_in_polygon]") {
    // Triangle (0,0) (3,1) (0,2): (1.5, 0.5) lies exactly on the edge (0,0)-(3,1).
    const FeatureLayer layer =
        layerOf(feature(R"({"type":"Polygon","coordinates":[[[0,0],[3,1],[0,2],[0,0]]]})"));
    CHECK(locateInPolygon(layer, 0, {1.5, 0.5}) == Containment::Boundary);
    CHECK(locateInPolygon(layer, 0, {1.5, up(0.5)}) == Containment::Inside);
    CHECK(locateInPolygon(layer, 0, {1.5, down(0.5)}) == Containment::Outside);
    CHECK(locateInPolygon(layer, 0, {0.75, 0.25}) == Containment::Boundary);
    CHECK(locateInPolygon(layer, 0, {up(0.75), 0.25}) == Containment::Outside);
    CHECK(locateInPolygon(layer, 0, {down(0.75), 0.25}) == Containment::Inside);
    CHECK(locateInPolygon(layer, 0, {1.5, 1.5}) == Containment::Boundary); // on (3,1)-(0,2)
    CHECK(locateInPolygon(layer, 0, {1.5, up(1.5)}) == Containment::Outside);
    CHECK(locateInPolygon(layer, 0, {3, 1}) == Containment::Boundary);
    CHECK(locateInPolygon(layer, 0, {up(3), 1}) == Containment::Outside); // ray through the apex
    CHECK(locateInPolygon(layer, 0, {-1, 1}) == Containment::Outside);    // ray through the apex
    CHECK(locateInPolygon(layer, 0, {-1, 0}) == Containment::Outside);    // ray through (0,0)
}

TEST_CASE("Point in polygon: a concave ring and its notch", "[point_in_polygon]") {
    // A "U": the notch (4..6, 4..10) is outside.
    const LonLat ring[] = {{0, 0}, {10, 0}, {10, 10}, {6, 10}, {6, 4}, {4, 4}, {4, 10}, {0, 10}};
    CHECK(locateInRing(ring, 8, {5, 8}) == Containment::Outside);
    CHECK(locateInRing(ring, 8, {5, 4}) == Containment::Boundary);
    CHECK(locateInRing(ring, 8, {5, 2}) == Containment::Inside);
    CHECK(locateInRing(ring, 8, {2, 10}) == Containment::Boundary);
    CHECK(locateInRing(ring, 8, {5, 10}) == Containment::Outside); // level with both top edges
    CHECK(locateInRing(ring, 8, {-1, 10}) == Containment::Outside);
    CHECK(locateInRing(ring, 8, {1, 4}) == Containment::Inside); // ray along the notch bottom
    CHECK(locateInRing(ring, 8, {8, 7}) == Containment::Inside);
    CHECK(locateInRing(ring, 0, {1, 1}) == Containment::Outside);
    CHECK(locateInRing(nullptr, 0, {1, 1}) == Containment::Outside);
}

TEST_CASE("Point in polygon: MultiPolygon parts are a union; shared borders belong to both",
          "[point_in_polygon]") {
    const FeatureLayer layer = layerOf(
        // 0: two squares sharing the edge x = 1
        feature(R"({"type":"MultiPolygon","coordinates":[
            [[[0,0],[1,0],[1,1],[0,1],[0,0]]], [[[1,0],[2,0],[2,1],[1,1],[1,0]]]]})") +
        "," +
        // 1: a lake (2..8) in a square with an island (4..6) in the lake
        feature(R"({"type":"MultiPolygon","coordinates":[
            [[[0,0],[10,0],[10,10],[0,10],[0,0]], [[2,2],[8,2],[8,8],[2,8],[2,2]]],
            [[[4,4],[6,4],[6,6],[4,6],[4,4]]]]})") +
        "," +
        // 2: the left square alone, 3: the right square alone (neighbouring zones)
        feature(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]})") + "," +
        feature(R"({"type":"Polygon","coordinates":[[[1,0],[2,0],[2,1],[1,1],[1,0]]]})") + "," +
        // 4: a point and a line never contain anything
        feature(R"({"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[0.5,0.5]},
            {"type":"LineString","coordinates":[[0,0],[2,1]]}]})"));

    CHECK(locateInFeature(layer, 0, {0.5, 0.5}) == Containment::Inside);
    CHECK(locateInFeature(layer, 0, {1.5, 0.5}) == Containment::Inside);
    CHECK(locateInFeature(layer, 0, {1, 0.5}) == Containment::Boundary); // on both parts' edge
    CHECK(locateInFeature(layer, 0, {3, 0.5}) == Containment::Outside);

    CHECK(locateInFeature(layer, 1, {1, 1}) == Containment::Inside);
    CHECK(locateInFeature(layer, 1, {3, 3}) == Containment::Outside);  // in the lake
    CHECK(locateInFeature(layer, 1, {5, 5}) == Containment::Inside);   // on the island
    CHECK(locateInFeature(layer, 1, {4, 5}) == Containment::Boundary); // the island's shore
    CHECK(locateInFeature(layer, 1, {8, 5}) == Containment::Boundary); // the lake's shore
    CHECK(locateInPolygon(layer, layer.features[1].firstPart, {5, 5}) == Containment::Outside);

    // The shared border x = 1 belongs to both neighbours.
    CHECK(featureContains(layer, 2, {1, 0.5}));
    CHECK(featureContains(layer, 3, {1, 0.5}));
    CHECK(featureContains(layer, 2, {0.5, 0.5}));
    CHECK_FALSE(featureContains(layer, 3, {0.5, 0.5}));

    CHECK(locateInFeature(layer, 4, {0.5, 0.5}) == Containment::Outside);
    CHECK(locateInFeature(layer, 4, {0, 0}) == Containment::Outside);
    CHECK(locateInPolygon(layer, layer.features[4].firstPart, {0.5, 0.5}) == Containment::Outside);
}

TEST_CASE("Point in polygon: bad indices and non-finite points are Outside", "[point_in_polygon]") {
    const FeatureLayer layer = layerOf(feature(kSquareWithHole));
    CHECK(locateInFeature(layer, 1, {5, 5}) == Containment::Outside);
    CHECK(locateInPolygon(layer, 7, {5, 5}) == Containment::Outside);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    CHECK(locateInFeature(layer, 0, {nan, 5}) == Containment::Outside);
    CHECK(locateInFeature(layer, 0, {5, nan}) == Containment::Outside);
    CHECK(locateInFeature(layer, 0, {inf, 5}) == Containment::Outside);
    const FeatureLayer empty;
    CHECK(locateInFeature(empty, 0, {0, 0}) == Containment::Outside);
}

TEST_CASE("Point in polygon: the answer does not depend on ring direction, start or offset (fixed seed)",
          "[point_in_polygon]") {
    // Random star-shaped rings on an integer grid, probed at every grid and half-grid point, so
    // many probes sit exactly on vertices, edges and rays through vertices. Reversing the ring,
    // starting it elsewhere, or shifting everything by an integer must not change any answer.
    std::mt19937 rng(4242);
    std::uniform_int_distribution<int> coord(0, 16);
    int boundary = 0, inside = 0, outside = 0;
    for (int round = 0; round < 40; ++round) {
        std::vector<LonLat> ring;
        for (int i = 0; i < 12; ++i)
            ring.push_back({static_cast<double>(coord(rng)), static_cast<double>(coord(rng))});
        std::sort(ring.begin(), ring.end(), [](LonLat a, LonLat b) {
            return std::atan2(a.lat - 8.5, a.lon - 8.5) < std::atan2(b.lat - 8.5, b.lon - 8.5);
        });
        std::vector<LonLat> reversed(ring.rbegin(), ring.rend());
        std::vector<LonLat> rotated(ring);
        std::rotate(rotated.begin(), rotated.begin() + 5, rotated.end());
        std::vector<LonLat> shifted(ring);
        for (LonLat& p : shifted)
            p = {p.lon + 100, p.lat - 50};
        for (int x = -2; x <= 36; ++x)
            for (int y = -2; y <= 36; ++y) {
                const LonLat p{x / 2.0, y / 2.0};
                const Containment c = locateInRing(ring.data(), ring.size(), p);
                REQUIRE(locateInRing(reversed.data(), reversed.size(), p) == c);
                REQUIRE(locateInRing(rotated.data(), rotated.size(), p) == c);
                REQUIRE(locateInRing(shifted.data(), shifted.size(), {p.lon + 100, p.lat - 50}) == c);
                (c == Containment::Boundary ? boundary : c == Containment::Inside ? inside : outside)++;
            }
    }
    CHECK(boundary > 1000);
    CHECK(inside > 1000);
    CHECK(outside > 1000);
}
