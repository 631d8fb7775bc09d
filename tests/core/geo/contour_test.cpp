#include "core/geo/contour.hpp"
#include "core/geo/mercator.hpp"

#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <numbers>

using namespace cordon;

namespace {

using MercatorRing = std::vector<MercatorPoint>;

/// A ring of `points` points around (cx, cy) with radius r, wobbling so that no three points are
/// collinear; counter-clockwise (an outer ring) unless `hole`.
MercatorRing circle(double cx, double cy, double r, int points, bool hole) {
    MercatorRing ring;
    for (int i = 0; i < points; ++i) {
        const double a = 2 * std::numbers::pi * (hole ? -i : i) / points;
        const double rr = r * (1 + 0.05 * std::sin(7.0 * i));
        ring.push_back({cx + rr * std::cos(a), cy + rr * std::sin(a)});
    }
    return ring;
}

/// The Mercator centre of a polygon's ring (the mean of its points).
MercatorPoint centreOf(const Ring& ring) {
    double x = 0, y = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) { // the last point repeats the first
        const MercatorPoint p = mercator::project(ring[i]);
        x += p.x;
        y += p.y;
    }
    const double n = static_cast<double>(ring.size() - 1);
    return {x / n, y / n};
}

} // namespace

TEST_CASE("polygonsFromRings gives each hole to the smallest outer ring around it, however they nest") {
    // A band with a lake, an island in the lake and a pond on the island; beside it a second band
    // with two lakes; and a ring too small to keep. Rings of thousands of points, listed out of order.
    const double c = 1.2e7; // Mercator metres, about where Zhengzhou is
    std::vector<MercatorRing> rings = {
        circle(c + 300, c + 300, 100, 40, true),    // pond on the island
        circle(c, c, 2000, 4000, false),            // band
        circle(c + 200, c + 200, 900, 2500, true),  // lake
        circle(c + 6000, c, 1500, 3000, false),     // second band
        circle(c + 300, c + 300, 400, 1200, false), // island in the lake
        circle(c + 5600, c, 300, 600, true),        // first lake of the second band
        circle(c + 6600, c + 200, 200, 500, true),  // second lake of the second band
        circle(c - 1500, c - 1200, 0.5, 12, true),  // under the minimum area: dropped
    };
    const std::vector<Polygon> polygons = polygonsFromRings(rings, 10.0);
    REQUIRE(polygons.size() == 3);
    // Outers come in the order given: band, second band, island.
    const auto near = [](MercatorPoint p, double x, double y) { return std::hypot(p.x - x, p.y - y) < 60; };
    CHECK(near(centreOf(polygons[0][0]), c, c));
    CHECK(near(centreOf(polygons[1][0]), c + 6000, c));
    CHECK(near(centreOf(polygons[2][0]), c + 300, c + 300));
    REQUIRE(polygons[0].size() == 2); // the band holds the lake only
    CHECK(near(centreOf(polygons[0][1]), c + 200, c + 200));
    REQUIRE(polygons[1].size() == 3); // the second band, its two lakes in order
    CHECK(near(centreOf(polygons[1][1]), c + 5600, c));
    CHECK(near(centreOf(polygons[1][2]), c + 6600, c + 200));
    REQUIRE(polygons[2].size() == 2); // the island holds the pond, not the band
    CHECK(near(centreOf(polygons[2][1]), c + 300, c + 300));
    for (const Polygon& polygon : polygons)
        for (const Ring& ring : polygon)
            CHECK(ring.front() == ring.back()); // closed
}

TEST_CASE("polygonsFromRings: no rings, no polygons; a hole with no ring around it is dropped") {
    CHECK(polygonsFromRings({}, 0).empty());
    const std::vector<Polygon> polygons =
        polygonsFromRings({circle(0, 0, 100, 50, false), circle(5000, 0, 50, 30, true)}, 1.0);
    REQUIRE(polygons.size() == 1);
    CHECK(polygons[0].size() == 1);
}
