#include "core/feed_mapping.hpp"
#include "core/gcj02.hpp"
#include "core/json.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace cordon;

namespace {

const char* kGates = R"({"type":"FeatureCollection","features":[
  {"type":"Feature","id":0,"properties":{"gid":"G-7","NAME_CN":"</script>丰产路小区东门","STAFF":3},
   "geometry":{"type":"Point","coordinates":[113.675,34.776]}},
  {"type":"Feature","id":1,"properties":{"gid":"G-8","NAME_CN":"丰产路小区西门","STAFF":null},
   "geometry":{"type":"Point","coordinates":[113.671,34.776]}}]})";

FeedMapping gateMapping() {
    FeedMapping m;
    std::string error;
    REQUIRE(applyMappingFile(
        R"({"feed":"posts","id":"gid","map":{"name":"NAME_CN","kind":":compound_gate"}})", m, error));
    return m;
}

} // namespace

TEST_CASE("A converted layer maps to a valid feed the way cordon import maps it") {
    const MappedFeed mapped = mapGeoJsonToFeed(kGates, gateMapping(), "gates.zip");
    INFO(mapped.error);
    REQUIRE(mapped.geojson);
    const FeedReadResult r = readFeedDetectKind(*mapped.geojson, "converted");
    REQUIRE(r.feed);
    CHECK(r.feed->kind == FeedKind::Posts);
    REQUIRE(r.feed->size() == 2);
    CHECK(r.feed->layer.features[0].id == "G-7");
    CHECK(r.feed->layer.features[0].name == "</script>丰产路小区东门");
    CHECK(r.feed->posts[1].kind == PostKind::CompoundGate);
    // Unmapped fields stay (STAFF, and gid which gave the id); the renamed source field does not.
    const JsonParseResult props = parseJson(r.feed->layer.propertiesJson(0));
    REQUIRE(props.ok());
    CHECK(props.value->find("STAFF"));
    CHECK(props.value->find("gid"));
    CHECK_FALSE(props.value->find("NAME_CN"));
    CHECK(r.feed->layer.positions[0] == LonLat{113.675, 34.776});
}

TEST_CASE("Mapping options: only mapped fields, GCJ-02 coordinates, errors naming the field") {
    FeedMapping m = gateMapping();
    m.onlyMapped = true;
    m.fromGcj02 = true;
    const MappedFeed mapped = mapGeoJsonToFeed(kGates, m, "gates.zip");
    REQUIRE(mapped.geojson);
    const FeedReadResult r = readFeedDetectKind(*mapped.geojson, "converted");
    REQUIRE(r.feed);
    const JsonParseResult props = parseJson(r.feed->layer.propertiesJson(0));
    CHECK(props.value->members.size() == 2); // name, kind
    const LonLat expected = gcj02ToWgs84({113.675, 34.776});
    CHECK(std::abs(r.feed->layer.positions[0].lon - expected.lon) < 1e-9);
    CHECK(std::abs(r.feed->layer.positions[0].lat - expected.lat) < 1e-9);

    FeedMapping typo = gateMapping();
    std::string error;
    REQUIRE(parseFieldMappings("name=NAME_EN", typo.map, error));
    const MappedFeed bad = mapGeoJsonToFeed(kGates, typo, "gates.zip");
    CHECK_FALSE(bad.geojson);
    CHECK(bad.error == "gates.zip: map name=NAME_EN: no field 'NAME_EN'; fields: gid, NAME_CN, STAFF");

    CHECK_FALSE(mapGeoJsonToFeed(kGates, FeedMapping{}, "x.kml").geojson);
    CHECK(mapGeoJsonToFeed("[1,2", gateMapping(), "x.kml").error.find("x.kml: not JSON") == 0);
    FeedMapping unknown;
    CHECK_FALSE(applyMappingFile(R"({"feed":"posts","colour":"red"})", unknown, error));
    CHECK(error.find("unknown key \"colour\"") != std::string::npos);
}
