#include "render/scene_mesh.hpp"

#include <catch2/catch_test_macros.hpp>

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
