#include "core/geo/mercator.hpp"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#include <random>

using namespace cordon;
using Catch::Matchers::WithinAbs;

TEST_CASE("Mercator maps known points to EPSG:3857 metres") {
    CHECK_THAT(mercator::project({0, 0}).x, WithinAbs(0, 1e-9));
    CHECK_THAT(mercator::project({0, 0}).y, WithinAbs(0, 1e-9));
    CHECK_THAT(mercator::project({180, 0}).x, WithinAbs(mercator::kHalfWorld, 1e-6));
    CHECK_THAT(mercator::project({0, mercator::kMaxLatitude}).y, WithinAbs(mercator::kHalfWorld, 1e-3));
    CHECK_THAT(mercator::project({0, 45}).y, WithinAbs(5621521.486, 1e-3)); // published EPSG:3857 value
    // Zhengzhou centre, computed independently (Python, spherical formula).
    const MercatorPoint z = mercator::project({113.65, 34.75});
    CHECK_THAT(z.x, WithinAbs(12651460.1287, 1e-3));
    CHECK_THAT(z.y, WithinAbs(4129958.8290, 1e-3));
}

TEST_CASE("Mercator clamps latitudes beyond the square world") {
    CHECK(mercator::project({10, 89.9}).y == mercator::project({10, mercator::kMaxLatitude}).y);
    CHECK(mercator::project({10, -90}).y == mercator::project({10, -mercator::kMaxLatitude}).y);
}

TEST_CASE("Mercator round-trips lon/lat to within a nano-degree (fixed seed)") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> lonDist(-180.0, 180.0), latDist(-85.0, 85.0);
    for (int i = 0; i < 1000; ++i) {
        const double lon = lonDist(rng), lat = latDist(rng);
        const LonLat back = mercator::unproject(mercator::project({lon, lat}));
        CHECK_THAT(back.lon, WithinAbs(lon, 1e-9));
        CHECK_THAT(back.lat, WithinAbs(lat, 1e-9));
    }
}

TEST_CASE("Mercator scale factor shrinks with latitude") {
    CHECK_THAT(mercator::scaleFactor(0), WithinAbs(1.0, 1e-12));
    CHECK_THAT(mercator::scaleFactor(60), WithinAbs(0.5, 1e-12));
}
