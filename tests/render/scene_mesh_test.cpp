#include "render/scene_mesh.hpp"

#include "core/mercator.hpp"

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

TEST_CASE("Scene mesh: one quad per line segment, outlines for rings, one instance per point") {
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
    CHECK(m.lineVertices.size() == 4 * segments);
    CHECK(m.lineIndices.size() == 6 * segments);
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
    CHECK(minor.first == 3 * 6);
    CHECK(minor.count == 3 * 6);
    CHECK(mesh.lineIndices.size() == (3 + 3 + 2) * 6);
    // The segments inside the range are the residential street and the footway (y = 34.0, 34.03).
    const MercatorPoint origin = mesh.origin;
    for (std::uint32_t i = minor.first; i < minor.first + minor.count; ++i) {
        const LineVertex& v = mesh.lineVertices[mesh.lineIndices[i]];
        const double y = mercator::unproject({origin.x + v.ax, origin.y + v.ay}).lat;
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
    CHECK((mesh.details[0].line.first == 2 * 3 * 6 && mesh.details[0].line.count == 3 * 6));
    CHECK(mesh.details[1].minZoom == areaMinZoom(AreaLevel::Compound));
    CHECK((mesh.details[1].fill.first == 3 * 3 && mesh.details[1].fill.count == 3));
    CHECK(areaMinZoom(AreaLevel::District) == 0);
    CHECK(areaMinZoom(AreaLevel::Compound) > areaMinZoom(AreaLevel::Community));
}
