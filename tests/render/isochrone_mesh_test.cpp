// The isochrone legend's swatches must be what the map shows inside each band.
#include "render/isochrone_mesh.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace cordon;

namespace {

int lightness(Rgba c) {
    return c.r + c.g + c.b;
}

} // namespace

TEST_CASE("Isochrone key colours: what the nested translucent bands give over the ground, shortest darkest") {
    const Rgba ground{245, 247, 250, 255};
    const std::vector<Rgba> seen = isochroneKeyColours(3, ground);
    REQUIRE(seen.size() == 3);
    CHECK(lightness(seen[0]) < lightness(seen[1]));
    CHECK(lightness(seen[1]) < lightness(seen[2]));
    CHECK(lightness(seen[2]) < lightness(ground));
    for (const Rgba& c : seen)
        CHECK(c.a == 255);
    // The widest band alone over the ground: its colour blended once.
    const Rgba widest = isochroneBandColour(0, 3);
    const double a = widest.a / 255.0;
    CHECK(seen[2].r == static_cast<int>(widest.r * a + ground.r * (1 - a) + 0.5));
    CHECK(seen[2].b == static_cast<int>(widest.b * a + ground.b * (1 - a) + 0.5));
    CHECK(isochroneKeyColours(0, ground).empty());
}
