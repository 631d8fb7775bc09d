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
