#include "core/formats/feature_export.hpp"

#include "core/formats/csv.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>

using namespace cordon;

namespace {

const char* kMixed = R"({"type":"FeatureCollection","features":[
  {"type":"Feature","id":"a","properties":{"name":"甲, \"east\"","staff":3,"note":{"x":[1,2]}},
   "geometry":{"type":"Point","coordinates":[113.1234567,34.7654321]}},
  {"type":"Feature","id":7,"properties":{"name":"line"},
   "geometry":{"type":"LineString","coordinates":[[113.0,34.0],[113.01,34.02]]}},
  {"type":"Feature","id":"holed","properties":{},
   "geometry":{"type":"Polygon","coordinates":[[[113.0,34.0],[113.1,34.0],[113.1,34.1],[113.0,34.1],[113.0,34.0]],
     [[113.04,34.04],[113.04,34.06],[113.06,34.06],[113.04,34.04]]]}},
  {"type":"Feature","id":"multi","properties":{"name":"m"},
   "geometry":{"type":"MultiPoint","coordinates":[[113.0,34.0],[113.5,34.5]]}},
  {"type":"Feature","id":"none","properties":{"name":"no geometry"},"geometry":null},
  {"type":"Feature","id":"mixed","properties":null,
   "geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[113.0,34.0]},
     {"type":"LineString","coordinates":[[113.0,34.0],[113.1,34.0]]}]}}]})";

} // namespace

TEST_CASE("Layer export to GeoJSON reads back the same features, geometry and properties") {
    const GeoJsonReadResult first = readGeoJson(kMixed, "test");
    REQUIRE(first.layer);
    const std::string written = layerToGeoJson(*first.layer);
    const GeoJsonReadResult again = readGeoJson(written, "export");
    REQUIRE(again.layer);
    CHECK_FALSE(hasErrors(again.diagnostics));
    const FeatureLayer& a = *first.layer;
    const FeatureLayer& b = *again.layer;
    REQUIRE(b.features.size() == a.features.size());
    REQUIRE(b.positions.size() == a.positions.size());
    for (std::size_t i = 0; i < a.positions.size(); ++i) {
        CHECK(std::abs(b.positions[i].lon - a.positions[i].lon) < 1e-7);
        CHECK(std::abs(b.positions[i].lat - a.positions[i].lat) < 1e-7);
    }
    for (std::size_t f = 0; f < a.features.size(); ++f) {
        CHECK(b.features[f].id == a.features[f].id);
        CHECK(b.features[f].name == a.features[f].name);
        CHECK(b.features[f].partCount == a.features[f].partCount);
        CHECK(b.propertiesJson(f) == a.propertiesJson(f));
    }
    CHECK(b.ringCount() == a.ringCount());
}

TEST_CASE("Layer export to CSV: a BOM, a row per feature, a column per property, quoted where needed") {
    const GeoJsonReadResult read = readGeoJson(kMixed, "test");
    REQUIRE(read.layer);
    const std::string csv = layerToCsv(*read.layer);
    // Excel on Chinese Windows needs the byte-order mark to read UTF-8.
    REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.rfind("\xEF\xBB\xBFid,name,lon,lat,staff,note\n", 0) == 0);
    std::size_t rows = 0;
    for (char c : csv)
        rows += c == '\n';
    CHECK(rows == 7); // header + 6
    // Each property in its column (nested values as JSON); a feature without one leaves it empty.
    CHECK(csv.find(R"(a,"甲, ""east""",113.1234567,34.7654321,3,"{""x"":[1,2]}")"
                   "\n") != std::string::npos);
    CHECK(csv.find("none,no geometry,,,,\n") != std::string::npos);
    CHECK(csv.find("holed,,113.0500000,") != std::string::npos); // the box centre
    CHECK(layerToCsv(FeatureLayer{}) == "\xEF\xBB\xBFid,name,lon,lat\n");
}

TEST_CASE("CSV fields are quoted only when they must be, inner quotes doubled") {
    CHECK(csvField("金水区") == "金水区");
    CHECK(csvField("") == "");
    CHECK(csvField("a,b") == "\"a,b\"");
    CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csvField("two\nlines") == "\"two\nlines\"");
}
