#include "mesh_lines.hpp"
#include "render/scene_mesh.hpp"

#include "core/geo/mercator.hpp"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <string>

using namespace cordon;

namespace {

Feed read(FeedKind kind, const std::string& features) {
    FeedReadResult r = readFeed(R"({"type":"FeatureCollection","features":[)" + features + "]}", kind);
    REQUIRE(r.feed);
    return std::move(*r.feed);
}

} // namespace

TEST_CASE("Scene mesh: one quad per line segment, outlines for rings, one symbol per point") {
    std::vector<Feed> feeds;
    feeds.push_back(read(FeedKind::Posts, R"({"type":"Feature","id":"P1","properties":{"kind":"city_entry"},
        "geometry":{"type":"MultiPoint","coordinates":[[113.6,34.7],[113.7,34.8]]}})"));
    feeds.push_back(read(FeedKind::Roads, R"({"type":"Feature","properties":{"highway":"primary"},
        "geometry":{"type":"LineString","coordinates":[[113.6,34.7],[113.65,34.72],[113.7,34.8]]}})"));
    feeds.push_back(read(FeedKind::Zones, R"({"type":"Feature","id":"Z1","properties":{"risk":"high"},
        "geometry":{"type":"Polygon","coordinates":[[[113.6,34.7],[113.7,34.7],[113.7,34.8],[113.6,34.8],[113.6,34.7]]]}})"));
    const std::vector<const Feed*> pointers{&feeds[0], &feeds[1], &feeds[2]};
    const SceneMesh m = buildSceneMesh(pointers);

    CHECK(m.points.size() == 2);
    CHECK(m.fillVertices.size() == 4);
    CHECK(m.fillIndices.size() == 6);
    const std::size_t segments = 2 /*road*/ + 4 /*zone outline*/;
    const std::vector<test::MeshLine> lines = test::linesOf(m);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].points.size() - 1 + lines[1].points.size() - 1 == segments);
    CHECK(lines[0].points.size() == 5); // the zone's closed ring first
    // Zones draw before roads (stacking order), whatever the input order.
    CHECK(m.lineVertices.front().colour.r == styleFor(feeds[2], 0).stroke.r);

    // Vertices are relative to the origin at the data's centre: small numbers, exact in float.
    for (const FillVertex& v : m.fillVertices)
        CHECK((std::abs(v.x) < 10000 && std::abs(v.y) < 10000));
    CHECK_FALSE(m.bounds.empty());
}

TEST_CASE("Scene mesh of no layers is empty") {
    const SceneMesh m = buildSceneMesh({});
    CHECK(m.fillVertices.empty());
    CHECK(m.lineVertices.empty());
    CHECK(m.points.empty());
    CHECK(m.bounds.empty());
}

TEST_CASE("Scene mesh: open minor streets come in one index range, main and sealed roads outside it") {
    std::vector<Feed> feeds;
    feeds.push_back(read(FeedKind::Roads, R"(
      {"type":"Feature","id":"a","properties":{"highway":"residential"},
       "geometry":{"type":"LineString","coordinates":[[113.0,34.0],[113.01,34.0],[113.02,34.0]]}},
      {"type":"Feature","id":"b","properties":{"highway":"primary"},
       "geometry":{"type":"LineString","coordinates":[[113.0,34.01],[113.01,34.01]]}},
      {"type":"Feature","id":"c","properties":{"highway":"service","closed":true},
       "geometry":{"type":"LineString","coordinates":[[113.0,34.02],[113.01,34.02]]}},
      {"type":"Feature","id":"d","properties":{"highway":"footway"},
       "geometry":{"type":"LineString","coordinates":[[113.0,34.03],[113.01,34.03]]}})"));
    feeds.push_back(read(FeedKind::Zones, R"({"type":"Feature","id":"Z","properties":{"risk":"high"},
        "geometry":{"type":"Polygon","coordinates":[[[113.0,34.0],[113.1,34.0],[113.1,34.1],[113.0,34.0]]]}})"));
    std::vector<const Feed*> ptrs;
    for (const Feed& f : feeds)
        ptrs.push_back(&f);
    const SceneMesh mesh = buildSceneMesh(ptrs);
    // Zone outline (3 segments) first, then a's 2 and d's 1 segments (minor), then b and c.
    REQUIRE(mesh.details.size() == 1);
    const SceneMesh::IndexRange minor = mesh.details[0].line;
    CHECK(mesh.details[0].minZoom == kMinorRoadsMinZoom);
    CHECK(mesh.details[0].fill.count == 0);
    // The wall keeps them for its street zoom: a district's stop shows the main roads only.
    const SceneMesh wall = buildSceneMesh(ptrs, {}, MapTheme::Wall);
    REQUIRE(wall.details.size() == 1);
    CHECK(wall.details[0].minZoom == kWallStreetZoom);
    CHECK(wall.details[0].line.count == minor.count);
    const std::vector<test::MeshLine> lines = test::linesOf(mesh);
    REQUIRE(lines.size() == 5);
    CHECK(minor.first == lines[1].first);
    CHECK(minor.count == lines[1].count + lines[2].count);
    // The lines inside the range are the residential street and the footway (y = 34.0, 34.03).
    const MercatorPoint origin = mesh.origin;
    for (std::uint32_t i = minor.first; i < minor.first + minor.count; ++i) {
        const LineVertex& v = mesh.lineVertices[i];
        const double y = mercator::unproject({origin.x + v.x, origin.y + v.y}).lat;
        CHECK((std::abs(y - 34.0) < 1e-6 || std::abs(y - 34.03) < 1e-6));
    }
    CHECK(isMinorRoad(feeds[0].roads[0]));
    CHECK_FALSE(isMinorRoad(feeds[0].roads[1]));
    CHECK_FALSE(isMinorRoad(feeds[0].roads[2])); // sealed: always on the map
}

TEST_CASE("Scene mesh: communities and compounds are detail groups above districts and sub-districts") {
    auto square = [](const char* id, const char* level, double x0, double size) {
        const std::string a = std::to_string(x0), b = std::to_string(x0 + size);
        return std::string(R"({"type":"Feature","id":")") + id + R"(","properties":{"level":")" + level +
               R"("},"geometry":{"type":"Polygon","coordinates":[[[)" + a + ",34.0],[" + b + ",34.0],[" + b +
               "," + std::to_string(34.0 + size) + "],[" + a + ",34.0]]]}}";
    };
    std::vector<Feed> feeds;
    feeds.push_back(read(FeedKind::Areas, square("K", "compound", 113.0, 0.001) + "," +
                                              square("D", "district", 113.0, 0.1) + "," +
                                              square("C", "community", 113.0, 0.01) + "," +
                                              square("S", "subdistrict", 113.0, 0.05)));
    const std::vector<const Feed*> ptrs = {&feeds[0]};
    const SceneMesh mesh = buildSceneMesh(ptrs);
    REQUIRE(mesh.details.size() == 2);
    // Each area is one triangle and three outline segments; district and sub-district come first.
    CHECK(mesh.details[0].minZoom == areaMinZoom(AreaLevel::Community));
    CHECK((mesh.details[0].fill.first == 2 * 3 && mesh.details[0].fill.count == 3));
    const std::vector<test::MeshLine> lines = test::linesOf(mesh);
    REQUIRE(lines.size() == 4);
    CHECK((mesh.details[0].line.first == lines[2].first && mesh.details[0].line.count == lines[2].count));
    CHECK(mesh.details[1].minZoom == areaMinZoom(AreaLevel::Compound));
    CHECK((mesh.details[1].fill.first == 3 * 3 && mesh.details[1].fill.count == 3));
    CHECK(areaMinZoom(AreaLevel::District) == 0);
    CHECK(areaMinZoom(AreaLevel::Compound) > areaMinZoom(AreaLevel::Community));
}

TEST_CASE("Scene mesh: small polygons' outlines come from the zoom where they are a few pixels wide") {
    std::vector<Feed> feeds;
    // A zone 0.05 deg (about 5.6 km) across and two compounds of about 300 m and 30 m.
    feeds.push_back(read(FeedKind::Zones, R"(
      {"type":"Feature","id":"big","properties":{"risk":"high"},
       "geometry":{"type":"Polygon","coordinates":[[[113.0,34.0],[113.05,34.0],[113.05,34.05],[113.0,34.0]]]}},
      {"type":"Feature","id":"small","properties":{"risk":"high"},
       "geometry":{"type":"Polygon","coordinates":[[[113.1,34.0],[113.103,34.0],[113.103,34.003],[113.1,34.0]]]}},
      {"type":"Feature","id":"tiny","properties":{"risk":"low"},
       "geometry":{"type":"Polygon","coordinates":[[[113.2,34.0],[113.2003,34.0],[113.2003,34.0003],[113.2,34.0]]]}})"));
    const std::vector<const Feed*> ptrs = {&feeds[0]};
    const SceneMesh mesh = buildSceneMesh(ptrs);
    CHECK(mesh.fillIndices.size() == 3 * 3); // every fill, whatever its size
    const std::vector<test::MeshLine> lines = test::linesOf(mesh);
    REQUIRE(lines.size() == 3);
    REQUIRE(mesh.details.size() == 2);
    for (std::size_t k = 0; k < 2; ++k) {
        CHECK(mesh.details[k].fill.count == 0);
        CHECK(mesh.details[k].line.first == lines[k + 1].first);
        CHECK(mesh.details[k].line.count == lines[k + 1].count);
    }
    // The 300 m compound is 4 px wide at zoom 11 (76 m per pixel), the 30 m one at zoom 14-15.
    CHECK(mesh.details[0].minZoom == 11);
    CHECK(mesh.details[1].minZoom == 14);
    CHECK(lines[0].first == 0); // the large zone's outline is always drawn, first
    CHECK(outlineMinZoom(20000) == 0);
    CHECK(outlineMinZoom(0) == 18);
}

namespace {
/// Where a vertex lands on screen, in pixels from its point, for a line of `widthPx` (the shader's sum).
Vec2 offsetPx(const LineVertex& v, float widthPx) {
    const double half = widthPx / 2 + 1; // with the shader's 1 px feather
    return {v.extrude[0] / kExtrudeScale * half, v.extrude[1] / kExtrudeScale * half};
}
} // namespace

TEST_CASE("Polylines: square caps at the ends, a miter at a bend, the width kept along both segments") {
    SceneMesh mesh;
    // East 100 m, then north 100 m: a right-angle bend to the left at (100, 0).
    const Vec2 points[] = {{0, 0}, {100, 0}, {100, 100}};
    appendPolyline(mesh, points, false, {1, 2, 3, 255}, 6);
    const std::vector<test::MeshLine> lines = test::linesOf(mesh);
    REQUIRE(lines.size() == 1);
    REQUIRE(mesh.lineVertices.size() == 2 * 3 + 2);
    const auto& v = mesh.lineVertices;
    CHECK(v[0].widthQuarterPx == 24);
    // Start cap: left vertex up and back, right vertex down and back (half a width each way).
    CHECK(offsetPx(v[1], 6).x == Catch::Approx(-4).margin(0.2));
    CHECK(offsetPx(v[1], 6).y == Catch::Approx(4).margin(0.2));
    CHECK(offsetPx(v[2], 6).x == Catch::Approx(-4).margin(0.2));
    CHECK(offsetPx(v[2], 6).y == Catch::Approx(-4).margin(0.2));
    CHECK((v[1].side == 1 && v[2].side == -1));
    // The bend: the inner (left) corner at (-4, 4) px from the point, the outer at (4, -4): both
    // segments keep their half width of 4 px there.
    CHECK(v[3].x == 100.0f);
    CHECK(offsetPx(v[3], 6).x == Catch::Approx(-4).margin(0.2));
    CHECK(offsetPx(v[3], 6).y == Catch::Approx(4).margin(0.2));
    CHECK(offsetPx(v[4], 6).x == Catch::Approx(4).margin(0.2));
    CHECK(offsetPx(v[4], 6).y == Catch::Approx(-4).margin(0.2));
    // End cap, forward (north).
    CHECK(offsetPx(v[5], 6).y == Catch::Approx(4).margin(0.2));
    CHECK(offsetPx(v[6], 6).y == Catch::Approx(4).margin(0.2));
    CHECK(test::sameVertex(v[6], v[7]));
}

TEST_CASE("Polylines: a hairpin breaks into two capped runs; rings close; degenerate input draws nothing") {
    SceneMesh mesh;
    const Vec2 hairpin[] = {{0, 0}, {100, 0}, {0, 5}};
    appendPolyline(mesh, hairpin, false, {}, 4);
    CHECK(mesh.lineVertices.size() == 2 * 4 + 2); // the bend point has two pairs
    for (const LineVertex& v : mesh.lineVertices) // no spike: every offset within a few half widths
        CHECK(std::hypot(double(v.extrude[0]), double(v.extrude[1])) <= kMaxMiter * kExtrudeScale + 1);

    SceneMesh ring;
    const Vec2 square[] = {{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}; // repeated first point
    appendPolyline(ring, square, true, {}, 2);
    const std::vector<test::MeshLine> lines = test::linesOf(ring);
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].points.size() == 5);
    CHECK((lines[0].points.front().x == lines[0].points.back().x && lines[0].points.front().y == 0));
    CHECK(ring.lineVertices.size() == 2 * 5 + 2);

    SceneMesh none;
    const Vec2 same[] = {{1, 1}, {1, 1}};
    appendPolyline(none, same, false, {}, 2);
    appendPolyline(none, std::span<const Vec2>(), true, {}, 2);
    CHECK(none.lineVertices.empty());
}

TEST_CASE("Scene mesh: a layer's opacity scales the alpha of its fills, lines and symbols only") {
    std::vector<Feed> feeds;
    feeds.push_back(read(FeedKind::Zones, R"({"type":"Feature","id":"Z1","properties":{"risk":"high"},
        "geometry":{"type":"Polygon","coordinates":[[[113.6,34.7],[113.7,34.7],[113.7,34.8],[113.6,34.7]]]}})"));
    feeds.push_back(read(FeedKind::Teams, R"({"type":"Feature","id":"T1","properties":{"kind":"task_force"},
        "geometry":{"type":"Point","coordinates":[113.6,34.7]}})"));
    const std::vector<const Feed*> ptrs = {&feeds[0], &feeds[1]};
    const SceneMesh opaque = buildSceneMesh(ptrs);
    const float half[] = {0.5f, 1.0f};
    const SceneMesh faded = buildSceneMesh(ptrs, half);
    REQUIRE(faded.fillVertices.size() == opaque.fillVertices.size());
    REQUIRE(faded.lineVertices.size() == opaque.lineVertices.size());
    CHECK(faded.fillVertices[0].colour.a == (opaque.fillVertices[0].colour.a + 1) / 2);
    CHECK(faded.fillVertices[0].colour.r == opaque.fillVertices[0].colour.r);
    CHECK(faded.lineVertices[0].colour.a == (opaque.lineVertices[0].colour.a + 1) / 2);
    REQUIRE(faded.points.size() == 1);
    CHECK(faded.points[0].colour.a == opaque.points[0].colour.a); // the team layer stays opaque
    const float none[] = {0.0f, 0.0f};
    CHECK(buildSceneMesh(ptrs, none).points.empty()); // invisible symbols are not built
}

TEST_CASE("Point symbols become two triangles each, covering the square around the point") {
    const PointSymbol points[] = {{10, 20, 12, Rgba{1, 2, 3, 4}, 5}, {-3, 7, 8, Rgba{9, 9, 9, 255}, 0}};
    const std::vector<PointVertex> quads = pointQuads(points);
    REQUIRE(quads.size() == 2 * kPointQuadVertices);
    for (std::size_t p = 0; p < 2; ++p) {
        double area = 0;
        for (std::size_t t = 0; t < 2; ++t) {
            const PointVertex* v = &quads[p * kPointQuadVertices + t * 3];
            // Corner space: each triangle is half of the 2x2 square, the same way round.
            area += 0.5 * ((v[1].cornerX - v[0].cornerX) * (v[2].cornerY - v[0].cornerY) -
                           (v[2].cornerX - v[0].cornerX) * (v[1].cornerY - v[0].cornerY));
        }
        CHECK(area == 4.0);
        for (std::size_t k = 0; k < kPointQuadVertices; ++k) {
            const PointVertex& v = quads[p * kPointQuadVertices + k];
            CHECK(v.x == points[p].x);
            CHECK(v.y == points[p].y);
            CHECK(v.sizePx == points[p].sizePx);
            CHECK(v.symbol == points[p].symbol);
            CHECK(v.colour.r == points[p].colour.r);
            CHECK(std::abs(v.cornerX) == 1);
            CHECK(std::abs(v.cornerY) == 1);
        }
    }
    CHECK(pointQuads({}).empty());
}

TEST_CASE("The wall's theme: a dark ground and areas, quiet roads, high-risk zones the reddest marks") {
    const Feed zones = read(FeedKind::Zones, R"({"type":"Feature","id":"H","properties":{"risk":"high"},
        "geometry":{"type":"Polygon","coordinates":[[[113.6,34.7],[113.61,34.7],[113.61,34.71],[113.6,34.7]]]}},
      {"type":"Feature","id":"M","properties":{"risk":"medium"},
        "geometry":{"type":"Polygon","coordinates":[[[113.6,34.7],[113.61,34.7],[113.61,34.71],[113.6,34.7]]]}})");
    const Feed roads = read(FeedKind::Roads, R"({"type":"Feature","properties":{"highway":"trunk"},
        "geometry":{"type":"LineString","coordinates":[[113.6,34.7],[113.7,34.8]]}})");
    const Feed areas = read(FeedKind::Areas, R"({"type":"Feature","id":"D","properties":{"level":"district"},
        "geometry":{"type":"Polygon","coordinates":[[[113.6,34.7],[113.61,34.7],[113.61,34.71],[113.6,34.7]]]}})");
    const auto luminance = [](Rgba c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b; };
    const Rgba ground = groundColour(MapTheme::Wall);
    CHECK(luminance(ground) < 30);
    CHECK(luminance(groundColour(MapTheme::Light)) > 200);
    CHECK(luminance(styleFor(areas, 0, MapTheme::Wall).fill) < 50);
    // One navy fill under the city: finer levels add outlines only, and an invisible fill is not
    // built (each layer of fills costs its pixels again).
    const Feed levels = read(FeedKind::Areas, R"({"type":"Feature","id":"D","properties":{"level":"district"},
        "geometry":{"type":"Polygon","coordinates":[[[113.6,34.7],[113.61,34.7],[113.61,34.71],[113.6,34.7]]]}},
      {"type":"Feature","id":"C","properties":{"level":"community"},
        "geometry":{"type":"Polygon","coordinates":[[[113.6,34.7],[113.605,34.7],[113.605,34.705],[113.6,34.7]]]}})");
    CHECK(styleFor(levels, 1, MapTheme::Wall).fill.a == 0);
    const std::vector<const Feed*> both = {&levels};
    CHECK(buildSceneMesh(both, {}, MapTheme::Wall).fillIndices.size() == 3);
    CHECK(buildSceneMesh(both, {}, MapTheme::Light).fillIndices.size() == 6);
    const Rgba high = styleFor(zones, 0, MapTheme::Wall).fill;
    CHECK(high.r > 200);
    CHECK(high.r > 3 * high.g);
    const Rgba medium = styleFor(zones, 1, MapTheme::Wall).fill;
    CHECK(medium.g > high.g); // orange, not red
    const Rgba road = styleFor(roads, 0, MapTheme::Wall).stroke;
    CHECK(luminance(road) < 100); // context, not a signal
    CHECK(road.r < high.r / 2);
    // The light map is unchanged by the theme's existence.
    CHECK(styleFor(roads, 0).stroke.r == styleFor(roads, 0, MapTheme::Light).stroke.r);
}
