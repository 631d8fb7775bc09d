#include "core/feeds/feed_mapping.hpp"
#include "core/feeds/field_guess.hpp"
#include "core/formats/json.hpp"
#include "core/geo/gcj02.hpp"

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

TEST_CASE("Common Chinese and English column names and labels are recognised without a mapping") {
    // As gdal3.js converts a spreadsheet of checkpoints with Chinese headers (经度/纬度 become the point).
    const char* sheet = R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"编号":"K-1","名称":"丰产路小区东门","类型":"小区卡口","地址":"丰产路 1 号"},
       "geometry":{"type":"Point","coordinates":[113.675,34.776]}},
      {"type":"Feature","properties":{"编号":"K-2","名称":"中州大道入市检查站","类型":"入市检查站","地址":""},
       "geometry":{"type":"Point","coordinates":[113.8,34.75]}}]})";
    FeedMapping m;
    m.feed = FeedKind::Posts;
    const MappedFeed mapped = mapGeoJsonToFeed(sheet, m, "卡点.csv");
    INFO(mapped.error);
    REQUIRE(mapped.geojson);
    const FeedReadResult r = readFeed(*mapped.geojson, FeedKind::Posts);
    REQUIRE(r.feed);
    REQUIRE(r.feed->size() == 2);
    CHECK_FALSE(hasErrors(r.diagnostics));
    CHECK(r.feed->layer.features[0].id == "K-1");
    CHECK(r.feed->layer.features[1].name == "中州大道入市检查站");
    CHECK(r.feed->posts[0].kind == PostKind::CompoundGate);
    CHECK(r.feed->posts[1].kind == PostKind::CityEntry);
    const JsonParseResult props = parseJson(r.feed->layer.propertiesJson(0));
    CHECK(props.value->find("address")->string == "丰产路 1 号");

    // A mapping that names the field itself wins; unknown labels are left for the reader to report.
    FeedMapping own;
    std::string error;
    REQUIRE(applyMappingFile(R"({"feed":"posts","map":{"name":"地址","kind":":testing_site"}})", own, error));
    const MappedFeed kept = mapGeoJsonToFeed(sheet, own, "卡点.csv");
    REQUIRE(kept.geojson);
    const FeedReadResult k = readFeed(*kept.geojson, FeedKind::Posts);
    REQUIRE(k.feed);
    CHECK(k.feed->layer.features[0].name == "丰产路 1 号");
    CHECK(k.feed->posts[0].kind == PostKind::TestingSite);
}

TEST_CASE("Recognised fields: the better name first, a field taken once, ASCII without case") {
    FeedMapping zones;
    zones.feed = FeedKind::Zones;
    const std::vector<std::string> added =
        recogniseFields(zones, {"等级", "风险等级", "NAME_ZH", "划定时间", "ID"});
    CHECK(added == std::vector<std::string>{"name", "risk", "since", "id"});
    REQUIRE(zones.map.size() == 3);
    CHECK(zones.map[0].source == "NAME_ZH");
    CHECK(zones.map[1].source == "风险等级"); // not 等级
    CHECK(zones.idField == "ID");

    FeedMapping already;
    already.feed = FeedKind::Zones;
    CHECK(recogniseFields(already, {"risk", "风险等级", "id"}).empty()); // the contract's own names

    CHECK(recogniseValue(FeedKind::Zones, "risk", "高风险") == "high");
    CHECK(recogniseValue(FeedKind::Teams, "kind", "三人小组") == "door_team");
    CHECK(recogniseValue(FeedKind::Areas, "level", "街道") == "subdistrict");
    CHECK(recogniseValue(FeedKind::Facilities, "kind", "方舱医院") == "isolation_site");
    CHECK_FALSE(recogniseValue(FeedKind::Posts, "kind", "高风险"));
    CHECK_FALSE(recogniseValue(FeedKind::Posts, "name", "小区卡口"));
}

TEST_CASE("A mapping written as a mapping file reads back to the same mapping") {
    FeedMapping m;
    m.feed = FeedKind::Posts;
    m.idField = "编号";
    std::string error;
    REQUIRE(parseFieldMappings("name=名称,kind=类型,level=:district", m.map, error));
    m.map.push_back({"capacity", "", "12"});
    m.fromGcj02 = true;
    m.openOptions = {"X_POSSIBLE_NAMES=经度", "Y_POSSIBLE_NAMES=纬度"};
    const std::string json = mappingFileJson(m);
    CHECK(json.find(R"("level":":district")") != std::string::npos);
    CHECK(json.find(R"("capacity":12)") != std::string::npos);
    FeedMapping back;
    REQUIRE(applyMappingFile(json, back, error));
    CHECK(back.feed == m.feed);
    CHECK(back.idField == m.idField);
    CHECK(back.fromGcj02);
    CHECK_FALSE(back.onlyMapped);
    CHECK(back.openOptions == m.openOptions);
    REQUIRE(back.map.size() == m.map.size());
    for (std::size_t i = 0; i < m.map.size(); ++i) {
        CHECK(back.map[i].target == m.map[i].target);
        CHECK(back.map[i].source == m.map[i].source);
        CHECK(back.map[i].literalJson == m.map[i].literalJson);
    }
    // An empty mapping is an empty object, still a mapping file.
    CHECK(mappingFileJson(FeedMapping{}) == "{}\n");
}
