#include "render/triangulate.hpp"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

using namespace cordon;
using Catch::Matchers::WithinRel;

namespace {

double trianglesArea(std::span<const Vec2> ring, const std::vector<std::uint32_t>& idx) {
    double sum = 0;
    for (std::size_t i = 0; i + 2 < idx.size(); i += 3) {
        const Vec2 a = ring[idx[i]], b = ring[idx[i + 1]], c = ring[idx[i + 2]];
        const double area = ((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2;
        CHECK(area >= 0); // every triangle counter-clockwise
        sum += area;
    }
    return sum;
}

/// A random star-shaped (so simple) polygon, often strongly concave.
std::vector<Vec2> randomStar(std::mt19937& rng, int n) {
    std::uniform_real_distribution<double> radius(0.2, 1.0);
    std::vector<Vec2> ring;
    for (int i = 0; i < n; ++i) {
        const double angle = 2 * std::numbers::pi * i / n;
        const double r = radius(rng);
        ring.push_back({r * std::cos(angle) * 1000, r * std::sin(angle) * 1000});
    }
    return ring;
}

} // namespace

TEST_CASE("Triangulation of an empty or degenerate ring yields nothing") {
    std::vector<std::uint32_t> out;
    triangulateRing({}, 0, out);
    CHECK(out.empty());
    const std::vector<Vec2> two{{0, 0}, {1, 1}};
    triangulateRing(two, 0, out);
    CHECK(out.empty());
    const std::vector<Vec2> flat{{0, 0}, {1, 1}, {2, 2}};
    triangulateRing(flat, 0, out);
    CHECK(out.empty());
}

TEST_CASE("Triangulation of a square gives two triangles") {
    const std::vector<Vec2> square{{0, 0}, {0, 1}, {1, 1}, {1, 0}}; // clockwise
    std::vector<std::uint32_t> out;
    triangulateRing(square, 10, out);
    REQUIRE(out.size() == 6);
    for (std::uint32_t i : out)
        CHECK((i >= 10 && i < 14));
}

TEST_CASE("Triangle areas sum to the polygon's area (random concave polygons, fixed seed)") {
    std::mt19937 rng(20261123);
    for (int trial = 0; trial < 300; ++trial) {
        const int n = 3 + trial % 60;
        std::vector<Vec2> ring = randomStar(rng, n);
        if (trial % 2) std::reverse(ring.begin(), ring.end());
        std::vector<std::uint32_t> idx;
        triangulateRing(ring, 0, idx);
        INFO("trial " << trial << ", " << n << " vertices");
        CHECK(idx.size() == 3u * (n - 2));
        CHECK_THAT(trianglesArea(ring, idx), WithinRel(std::abs(signedArea(ring)), 1e-9));
    }
}

TEST_CASE("signedArea is positive counter-clockwise") {
    const std::vector<Vec2> ccw{{0, 0}, {2, 0}, {2, 3}, {0, 3}};
    CHECK(signedArea(ccw) == 6.0);
    const std::vector<Vec2> cw{{0, 0}, {0, 3}, {2, 3}, {2, 0}};
    CHECK(signedArea(cw) == -6.0);
}

namespace {

bool anyTriangleContains(std::span<const Vec2> pts, const std::vector<std::uint32_t>& idx, Vec2 p) {
    for (std::size_t i = 0; i + 2 < idx.size(); i += 3) {
        const Vec2 a = pts[idx[i]], b = pts[idx[i + 1]], c = pts[idx[i + 2]];
        auto side = [&](Vec2 u, Vec2 v) { return (v.x - u.x) * (p.y - u.y) - (v.y - u.y) * (p.x - u.x); };
        if (side(a, b) > 0 && side(b, c) > 0 && side(c, a) > 0) return true;
    }
    return false;
}

} // namespace

TEST_CASE("Polygons with holes: a square with a square hole covers the ring between them only") {
    // Outer counter-clockwise, hole also counter-clockwise: the winding of the input must not matter.
    const std::vector<Vec2> pts = {{0, 0}, {10, 0}, {10, 10}, {0, 10}, {4, 4}, {6, 4}, {6, 6}, {4, 6}};
    const std::vector<std::uint32_t> sizes = {4, 4};
    std::vector<std::uint32_t> idx;
    triangulatePolygon(pts, sizes, 0, idx);
    CHECK(idx.size() == 8 * 3); // n + 2h - 2 triangles for n = 8 vertices, h = 1 hole
    CHECK_THAT(trianglesArea(pts, idx), WithinRel(100.0 - 4.0, 1e-12));
    CHECK_FALSE(anyTriangleContains(pts, idx, {5, 5}));
    CHECK(anyTriangleContains(pts, idx, {1, 2}));
    // The same polygon without rings after the outer one is just the square.
    idx.clear();
    triangulatePolygon(std::span(pts).first(4), std::span(sizes).first(1), 0, idx);
    CHECK_THAT(trianglesArea(std::span(pts).first(4), idx), WithinRel(100.0, 1e-12));
    idx.clear();
    triangulatePolygon({}, {}, 0, idx);
    CHECK(idx.empty());
}

TEST_CASE("Polygons with holes: triangle areas sum to outer minus holes, holes stay empty (fixed seed)") {
    std::mt19937 rng(20261123);
    std::uniform_int_distribution<int> holeCount(1, 5);
    for (int trial = 0; trial < 200; ++trial) {
        // A star with radii of at least 0.5 contains the disc of radius 0.48; the holes are small
        // stars around points 250 apart on a circle of radius 250, so they are disjoint and inside.
        std::uniform_real_distribution<double> outerRadius(0.5, 1.0);
        std::vector<Vec2> pts;
        const int n = 24 + trial % 40;
        for (int i = 0; i < n; ++i) {
            const double angle = 2 * std::numbers::pi * i / n, r = outerRadius(rng) * 1000;
            pts.push_back({r * std::cos(angle), r * std::sin(angle)});
        }
        std::vector<std::uint32_t> sizes = {std::uint32_t(n)};
        const int holes = holeCount(rng);
        double holeArea = 0;
        std::vector<Vec2> centres;
        for (int h = 0; h < holes; ++h) {
            const double a = 2 * std::numbers::pi * h / 5;
            const Vec2 c{250 * std::cos(a), 250 * std::sin(a)};
            centres.push_back(c);
            std::mt19937 holeRng(rng());
            std::vector<Vec2> hole = randomStar(holeRng, 5 + h * 3);
            for (Vec2& v : hole)
                v = {c.x + v.x * 0.08, c.y + v.y * 0.08};
            if (h % 2) std::reverse(hole.begin(), hole.end()); // either winding
            holeArea += std::abs(signedArea(hole));
            pts.insert(pts.end(), hole.begin(), hole.end());
            sizes.push_back(std::uint32_t(hole.size()));
        }
        std::vector<std::uint32_t> idx;
        triangulatePolygon(pts, sizes, 0, idx);
        const double want = std::abs(signedArea(std::span(pts).first(std::size_t(n)))) - holeArea;
        REQUIRE_THAT(trianglesArea(pts, idx), WithinRel(want, 1e-9));
        for (const Vec2& c : centres) // star holes contain their centre
            REQUIRE_FALSE(anyTriangleContains(pts, idx, c));
    }
}
