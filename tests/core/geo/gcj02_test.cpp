#include "core/geo/gcj02.hpp"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#include <cmath>
#include <numbers>
#include <random>

using namespace cordon;
using Catch::Matchers::WithinAbs;

namespace {

/// East and north ground metres from a to b (local flat approximation, fine for < 1 km).
LonLat metresEastNorth(LonLat a, LonLat b) {
    constexpr double kMetresPerDegree = 6371008.8 * std::numbers::pi / 180.0;
    return {(b.lon - a.lon) * kMetresPerDegree * std::cos(a.lat * std::numbers::pi / 180.0),
            (b.lat - a.lat) * kMetresPerDegree};
}

} // namespace

TEST_CASE("GCJ-02 round trip within 1e-6 degrees over China (fixed seed)", "[gcj02]") {
    std::mt19937 rng(20221126);
    std::uniform_real_distribution<double> lonDist(73.5, 135.0), latDist(18.0, 53.5);
    double worst = 0;
    for (int i = 0; i < 20000; ++i) {
        const LonLat wgs{lonDist(rng), latDist(rng)};
        const LonLat gcj = wgs84ToGcj02(wgs);
        REQUIRE(gcj02::inChina(gcj));
        const LonLat back = gcj02ToWgs84(gcj);
        worst = std::max({worst, std::abs(back.lon - wgs.lon), std::abs(back.lat - wgs.lat)});
        // And the other way: GCJ-02 input, to WGS84 and forward again.
        const LonLat again = wgs84ToGcj02(gcj02ToWgs84(wgs));
        worst = std::max({worst, std::abs(again.lon - wgs.lon), std::abs(again.lat - wgs.lat)});
    }
    INFO("worst round-trip error " << worst << " degrees");
    CHECK(worst < 1e-7);
}

TEST_CASE("GCJ-02 leaves positions outside China unchanged", "[gcj02]") {
    for (const LonLat p :
         {LonLat{-8.61, 41.15}, LonLat{2.35, 48.86}, LonLat{139.7, 35.7}, LonLat{151.2, -33.9},
          LonLat{70.0, 30.0}, LonLat{100.0, 0.5}, LonLat{100.0, 56.0}, LonLat{0, 0}}) {
        CHECK(wgs84ToGcj02(p) == p);
        CHECK(gcj02ToWgs84(p) == p);
    }
    CHECK(gcj02::inChina({113.65, 34.75}));
    CHECK_FALSE(gcj02::inChina({-8.61, 41.15}));
}

TEST_CASE("GCJ-02 shifts Zhengzhou by about 0.57 km (556 m east, 127 m south)", "[gcj02]") {
    const LonLat wgs{113.65, 34.75};
    const LonLat gcj = wgs84ToGcj02(wgs);
    const LonLat d = metresEastNorth(wgs, gcj);
    INFO("east " << d.lon << " m, north " << d.lat << " m");
    CHECK_THAT(d.lon, WithinAbs(556, 25));
    CHECK_THAT(d.lat, WithinAbs(-127, 25));
    const double distance = std::hypot(d.lon, d.lat);
    CHECK(distance > 500);
    CHECK(distance < 600);
    // The inverse moves a GCJ-02 position back by about the same amount (the offset varies slowly).
    const LonLat back = metresEastNorth(wgs, gcj02ToWgs84(wgs));
    CHECK_THAT(back.lon, WithinAbs(-d.lon, 3));
    CHECK_THAT(back.lat, WithinAbs(-d.lat, 3));
}
