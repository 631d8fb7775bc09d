#include "core/map/feature_search.hpp"
#include "test_feeds.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>

using namespace cordon;
using test::add;

namespace {

std::string pointFeature(const char* id, const char* name, const char* extra) {
    return std::string(R"({"type":"Feature","id":")") + id + R"(","properties":{"name":")" + name + "\"" +
           extra + R"(},"geometry":{"type":"Point","coordinates":[113.0,34.0]}})";
}

} // namespace

TEST_CASE("Search: by Chinese or Latin name or id, whole matches first, a street once") {
    FeedSet set;
    add(set, FeedKind::Areas, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":"D1","properties":{"level":"district","name":"金水区"},
       "geometry":{"type":"Polygon","coordinates":[[[113.0,34.0],[113.02,34.0],[113.02,34.02],[113.0,34.0]]]}}]})");
    add(set, FeedKind::Posts,
        R"({"type":"FeatureCollection","features":[)" +
            pointFeature("P-0012", "金水路卡口", R"(,"kind":"compound_gate","demand":[])") + "," +
            pointFeature("P-0120", "Garden Gate", R"(,"kind":"compound_gate","demand":[])") + "]}");
    add(set, FeedKind::Roads, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":"r1","properties":{"highway":"primary","name":"金水路"},
       "geometry":{"type":"LineString","coordinates":[[113.0,34.0],[113.01,34.0]]}},
      {"type":"Feature","id":"r2","properties":{"highway":"primary","name":"金水路"},
       "geometry":{"type":"LineString","coordinates":[[113.01,34.0],[113.02,34.0]]}}]})");

    const std::vector<SearchHit> jin = searchFeatures(set, " 金水 ");
    REQUIRE(jin.size() == 3); // the district, the post, the street once
    CHECK((jin[0].kind == FeedKind::Areas && jin[0].rank == 1));
    CHECK((jin[1].kind == FeedKind::Posts && jin[1].feature == 0));
    CHECK((jin[2].kind == FeedKind::Roads && jin[2].feature == 0));

    const std::vector<SearchHit> road = searchFeatures(set, "金水路");
    REQUIRE(road.size() == 2);
    CHECK((road[0].kind == FeedKind::Roads && road[0].rank == 0)); // the whole name beats a prefix
    CHECK(road[1].kind == FeedKind::Posts);

    const std::vector<SearchHit> garden = searchFeatures(set, "garden");
    REQUIRE(garden.size() == 1);
    CHECK(garden[0].feature == 1);
    const std::vector<SearchHit> byId = searchFeatures(set, "p-001");
    REQUIRE(byId.size() == 1);
    CHECK((byId[0].feature == 0 && byId[0].rank == 1));
    CHECK(searchFeatures(set, "P-0120")[0].rank == 0);

    CHECK(searchFeatures(set, "   ").empty());
    CHECK(searchFeatures(set, "二七").empty());
    CHECK(searchFeatures(set, "P-0", 1).size() == 1);
    CHECK(searchFeatures(FeedSet{}, "金水").empty());
}
