#include "render/camera.hpp"

#include "core/geo/mercator.hpp"

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#include <array>
#include <cmath>
#include <random>

using namespace cordon;
using Catch::Matchers::WithinAbs;

namespace {

Camera zhengzhouCamera() {
    Camera c;
    c.setViewport(1920, 1080);
    c.setCentre(mercator::project({113.65, 34.75}));
    c.setMetresPerPixel(20.0);
    return c;
}

} // namespace

TEST_CASE("Camera maps screen to world and back") {
    const Camera c = zhengzhouCamera();
    const ScreenPoint centre{960, 540};
    const MercatorPoint w = c.screenToWorld(centre);
    CHECK_THAT(w.x, WithinAbs(c.centre().x, 1e-9));
    CHECK_THAT(w.y, WithinAbs(c.centre().y, 1e-9));
    // Screen y grows downwards, world y upwards.
    CHECK(c.screenToWorld({960, 0}).y > w.y);
    const ScreenPoint back = c.worldToScreen(c.screenToWorld({100, 700}));
    CHECK_THAT(back.x, WithinAbs(100, 1e-6));
    CHECK_THAT(back.y, WithinAbs(700, 1e-6));
}

TEST_CASE("Zooming about a point keeps that point under the cursor") {
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> xs(0.0, 1920.0), ys(0.0, 1080.0);
    for (int i = 0; i < 100; ++i) {
        Camera c = zhengzhouCamera();
        const ScreenPoint cursor{xs(rng), ys(rng)};
        const double factor = std::array{0.5, 1.25, 3.0}[i % 3];
        const MercatorPoint before = c.screenToWorld(cursor);
        c.zoomAbout(cursor, factor);
        const MercatorPoint after = c.screenToWorld(cursor);
        CHECK_THAT(after.x, WithinAbs(before.x, 1e-6));
        CHECK_THAT(after.y, WithinAbs(before.y, 1e-6));
        CHECK_THAT(c.metresPerPixel(), WithinAbs(20.0 / factor, 1e-9));
    }
}

TEST_CASE("Zoom stops at its limits and still keeps the anchor fixed") {
    Camera c = zhengzhouCamera();
    const ScreenPoint cursor{300, 200};
    const MercatorPoint before = c.screenToWorld(cursor);
    c.zoomAbout(cursor, 1e9);
    CHECK(c.metresPerPixel() == Camera::kMinMetresPerPixel);
    CHECK_THAT(c.screenToWorld(cursor).x, WithinAbs(before.x, 1e-6));
    c.zoomAbout(cursor, 0.0); // ignored
    c.zoomAbout(cursor, -2.0);
    CHECK(c.metresPerPixel() == Camera::kMinMetresPerPixel);
}

TEST_CASE("Dragging moves the world point with the pointer") {
    Camera c = zhengzhouCamera();
    const ScreenPoint grab{500, 400};
    const MercatorPoint w = c.screenToWorld(grab);
    c.panByPixels(30, -45);
    const ScreenPoint now = c.worldToScreen(w);
    CHECK_THAT(now.x, WithinAbs(530, 1e-6));
    CHECK_THAT(now.y, WithinAbs(355, 1e-6));
}

TEST_CASE("Pinch zooms with the finger spread about the fingers' midpoint") {
    Camera c = zhengzhouCamera();
    const MercatorPoint under = c.screenToWorld({500, 500});
    // Fingers at 400 and 600 spread to 300 and 700 around the same midpoint: zoom x2.
    c.pinch({400, 500}, {600, 500}, {300, 500}, {700, 500});
    CHECK_THAT(c.metresPerPixel(), WithinAbs(10.0, 1e-9));
    CHECK_THAT(c.screenToWorld({500, 500}).x, WithinAbs(under.x, 1e-6));
    // Both fingers move right by 50: pure pan.
    const MercatorPoint w = c.screenToWorld({500, 500});
    c.pinch({300, 500}, {700, 500}, {350, 500}, {750, 500});
    CHECK_THAT(c.worldToScreen(w).x, WithinAbs(550, 1e-6));
}

TEST_CASE("Fit shows the whole box with padding, on any viewport") {
    Camera c;
    const int width = GENERATE(320, 1920, 3840);
    c.setViewport(width, 1080);
    MercatorBox box;
    box.add(mercator::project({113.5, 34.6}));
    box.add(mercator::project({113.8, 34.9}));
    c.fit(box, 40);
    const ScreenPoint sw = c.worldToScreen({box.minX, box.minY});
    const ScreenPoint ne = c.worldToScreen({box.maxX, box.maxY});
    CHECK(sw.x >= 40 - 1e-6);
    CHECK(ne.x <= width - 40 + 1e-6);
    CHECK(ne.y >= 40 - 1e-6);
    CHECK(sw.y <= 1080 - 40 + 1e-6);
    // Tight on at least one axis.
    const bool tightX = std::abs(sw.x - 40) < 1e-6 && std::abs(ne.x - (width - 40)) < 1e-6;
    const bool tightY = std::abs(ne.y - 40) < 1e-6 && std::abs(sw.y - 1040) < 1e-6;
    CHECK((tightX || tightY));
}

TEST_CASE("Fit of an empty box changes nothing") {
    Camera c = zhengzhouCamera();
    c.fit(MercatorBox{}, 10);
    CHECK(c.metresPerPixel() == 20.0);
}

TEST_CASE("Fitting inside margins puts the box in the free rectangle, touching it on one axis") {
    Camera c = zhengzhouCamera();
    MercatorBox box;
    box.add(mercator::project({113.5, 34.7}));
    box.add(mercator::project({113.8, 34.85}));
    c.fitInside(box, 400, 200, 500, 50);                          // free: x 400..1420, y 200..1030
    const ScreenPoint lo = c.worldToScreen({box.minX, box.maxY}); // top left on screen
    const ScreenPoint hi = c.worldToScreen({box.maxX, box.minY});
    CHECK(lo.x >= 400 - 1e-6);
    CHECK(lo.y >= 200 - 1e-6);
    CHECK(hi.x <= 1420 + 1e-6);
    CHECK(hi.y <= 1030 + 1e-6);
    const bool touchesX = std::abs(lo.x - 400) < 1e-6 && std::abs(hi.x - 1420) < 1e-6;
    const bool touchesY = std::abs(lo.y - 200) < 1e-6 && std::abs(hi.y - 1030) < 1e-6;
    CHECK((touchesX || touchesY));
    CHECK_THAT((lo.x + hi.x) / 2, WithinAbs(910, 1e-6));
    CHECK_THAT((lo.y + hi.y) / 2, WithinAbs(615, 1e-6));
}

TEST_CASE("Level of detail goes by layout pixels: a 4K wall at twice the unit shows what 1080p shows") {
    Camera hd = zhengzhouCamera();
    Camera uhd = hd;
    uhd.setViewport(3840, 2160);
    uhd.setMetresPerPixel(hd.metresPerPixel() / 2); // the same view, twice the pixels across
    CHECK_THAT(uhd.zoomLevel(), WithinAbs(hd.zoomLevel() + 1, 1e-9));
    CHECK_THAT(uhd.detailZoom(2), WithinAbs(hd.detailZoom(1), 1e-9));
    CHECK_THAT(hd.detailZoom(1), WithinAbs(hd.zoomLevel(), 1e-12));
    CHECK(std::isfinite(hd.detailZoom(0))); // a scale not yet known does not break the thresholds
}
