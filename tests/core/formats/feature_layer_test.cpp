#include "core/formats/feature_layer.hpp"
#include "core/geo/mercator.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>

using namespace cordon;

namespace {

std::string collection(const std::string& features) {
    return R"({"type":"FeatureCollection","features":[)" + features + "]}";
}

} // namespace

TEST_CASE("GeoJSON reader keeps every geometry type as flat parts") {
    const std::string text = collection(R"(
      {"type":"Feature","id":"P-1","properties":{"name":"东门"},"geometry":{"type":"Point","coordinates":[113.6,34.7]}},
      {"type":"Feature","id":2,"properties":null,"geometry":{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2],[3,3],[4,4]]]}},
      {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[
          [[0,0],[10,0],[10,10],[0,10],[0,0]], [[2,2],[3,2],[3,3],[2,2]]]}},
      {"type":"Feature","properties":{},"geometry":null},
      {"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[
          {"type":"Point","coordinates":[1,2]},{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]}]}})");
    const GeoJsonReadResult r = readGeoJson(text, "test");
    REQUIRE(r.layer);
    CHECK(r.diagnostics.empty());
    const FeatureLayer& l = *r.layer;
    REQUIRE(l.features.size() == 5);
    CHECK(l.features[0].id == "P-1");
    CHECK(l.features[0].name == "东门");
    CHECK(l.features[1].id == "2");
    CHECK(l.features[1].partCount == 2);
    CHECK(l.parts[l.features[1].firstPart + 1].kind == PartKind::Line);
    CHECK(l.ringSize(l.parts[l.features[1].firstPart + 1].firstRing) == 3);

    const GeometryPart& poly = l.parts[l.features[2].firstPart];
    CHECK(poly.kind == PartKind::Polygon);
    CHECK(poly.ringCount == 2);
    CHECK(l.ringSize(poly.firstRing) == 4); // stored open: closing position dropped
    CHECK(l.ringSize(poly.firstRing + 1) == 3);

    CHECK(l.features[3].partCount == 0);
    CHECK(l.features[4].partCount == 2);
}

TEST_CASE("GeoJSON reader skips a bad feature, names it, and keeps the rest") {
    const std::string text = collection(R"(
      {"type":"Feature","id":"Z-1","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}},
      {"type":"Feature","id":"Z-2","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0.5]]]}},
      {"type":"Feature","id":"Z-3","properties":{},"geometry":{"type":"Point","coordinates":[200,2]}},
      {"type":"Feature","id":true,"properties":{},"geometry":null},
      {"type":"Feature","id":"Z-5","properties":{},"geometry":{"type":"LineString","coordinates":[[0,0],[1,"x"]]}},
      {"type":"Feature","id":"Z-6","properties":{},"geometry":{"type":"Point","coordinates":[3,4]}})");
    const GeoJsonReadResult r = readGeoJson(text, "zones");
    REQUIRE(r.layer);
    REQUIRE(r.layer->features.size() == 2);
    CHECK(r.layer->features[1].id == "Z-6");
    CHECK(r.layer->positions.size() == 2); // nothing left over from the skipped features
    REQUIRE(r.diagnostics.size() == 4);
    CHECK(r.diagnostics[0].toString() == "zones[1] id=Z-2: geometry.coordinates[0]: error: ring is not "
                                         "closed: its last position must equal its first");
    CHECK(r.diagnostics[1].featureIndex == 2);
    CHECK(r.diagnostics[1].path == "geometry.coordinates");
    CHECK(r.diagnostics[2].path == "id");
    CHECK(r.diagnostics[3].path == "geometry.coordinates[1]");
}

TEST_CASE("GeoJSON reader reports unusable files as a whole") {
    SECTION("truncated JSON gives line and column") {
        const GeoJsonReadResult r = readGeoJson("{\"type\":\"FeatureCollection\",\n\"features\":[", "posts");
        CHECK_FALSE(r.layer);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].message.find("line 2") != std::string::npos);
        CHECK(r.diagnostics[0].feed == "posts");
    }
    SECTION("wrong top-level type") {
        const GeoJsonReadResult r = readGeoJson("[1,2]", "posts");
        CHECK_FALSE(r.layer);
        CHECK(hasErrors(r.diagnostics));
    }
    SECTION("missing features array") {
        const GeoJsonReadResult r = readGeoJson(R"({"type":"FeatureCollection"})", "posts");
        CHECK_FALSE(r.layer);
        CHECK(r.diagnostics.at(0).path == "features");
    }
}

TEST_CASE("GeoJSON reader: empty input gives empty output") {
    const GeoJsonReadResult r = readGeoJson(collection(""), "areas");
    REQUIRE(r.layer);
    CHECK(r.layer->features.empty());
    CHECK(r.layer->bounds().empty());
}

TEST_CASE("GeoJSON reader: a member defining another kind of object is an error (RFC 7946 7.1)") {
    SECTION("in a feature or its geometry: that feature is skipped") {
        const std::string text = collection(R"(
          {"type":"Feature","id":"A","properties":{},"geometry":null,"features":[]},
          {"type":"Feature","id":"B","properties":{},"geometry":{"type":"Point","coordinates":[1,2],"properties":{}}},
          {"type":"Feature","id":"C","properties":{},"geometry":null,"coordinates":[1,2]},
          {"type":"Feature","id":"D","properties":{},"geometry":{"type":"GeometryCollection","geometries":[
              {"type":"Point","coordinates":[1,2]},{"type":"Point","coordinates":[3,4],"geometry":null}]}},
          {"type":"Feature","id":"E","properties":{},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]],"features":[]}},
          {"type":"Feature","id":"F","properties":{"features":[],"geometry":null},"geometry":{"type":"Point","coordinates":[5,6]},
           "meta":{"properties":{},"coordinates":[]}})");
        const GeoJsonReadResult r = readGeoJson(text, "posts");
        REQUIRE(r.layer);
        REQUIRE(r.layer->features.size() == 1);
        CHECK(r.layer->features[0].id == "F"); // members of properties or foreign members are free
        CHECK(r.layer->positions.size() == 1);
        REQUIRE(r.diagnostics.size() == 5);
        for (const Diagnostic& d : r.diagnostics)
            CHECK(d.severity == Severity::Error);
        CHECK(r.diagnostics[0].toString() == "posts[0] id=A: features: error: a Feature must not have a "
                                             "'features' member: it belongs to FeatureCollections (RFC 7946 "
                                             "§7.1)");
        CHECK(r.diagnostics[1].path == "geometry.properties");
        CHECK(r.diagnostics[1].message.find("a Point must not have a 'properties' member") == 0);
        CHECK(r.diagnostics[2].path == "coordinates");
        CHECK(r.diagnostics[3].path == "geometry.geometries[1].geometry");
        CHECK(r.diagnostics[4].path == "geometry.features");
        CHECK(r.diagnostics[4].featureId == "E");
    }
    SECTION("on the top-level object: the file is refused") {
        for (
            const char* text : {
                R"({"type":"FeatureCollection","features":[],"properties":{"name":"x"}})",
                R"({"type":"FeatureCollection","geometry":null,"features":[]})",
                R"({"type":"FeatureCollection","features":[],"geometries":[]})",
                R"({"type":"Feature","properties":{},"geometry":null,"features":[]})",
                R"({"features":[{"type":"Feature","properties":{},"geometry":null}],"type":"Feature","properties":{},"geometry":null})",
                R"({"type":"Point","coordinates":[1,2],"properties":{}})",
                R"({"type":"GeometryCollection","geometries":[],"features":[]})",
            }) {
            const GeoJsonReadResult r = readGeoJson(text, "areas");
            INFO(text);
            CHECK_FALSE(r.layer);
            REQUIRE(r.diagnostics.size() == 1);
            CHECK(r.diagnostics[0].featureIndex == -1);
            CHECK(r.diagnostics[0].message.find("RFC 7946 §7.1") != std::string::npos);
        }
        const GeoJsonReadResult ok =
            readGeoJson(R"({"type":"FeatureCollection","features":[],"meta":{"properties":{}}})", "areas");
        CHECK(ok.layer);
        CHECK(ok.diagnostics.empty());
    }
}

TEST_CASE("GeoJSON reader: a ring's last position equals its first in every value and in number") {
    const std::string text = collection(R"(
      {"type":"Feature","id":"flat-3d","properties":{},"geometry":{"type":"Polygon","coordinates":[
          [[0,0],[1,0],[1,1],[0,0,5]]]}},
      {"type":"Feature","id":"3d-flat","properties":{},"geometry":{"type":"Polygon","coordinates":[
          [[0,0,5],[1,0],[1,1],[0,0]]]}},
      {"type":"Feature","id":"altitudes","properties":{},"geometry":{"type":"Polygon","coordinates":[
          [[0,0,5],[1,0,5],[1,1,5],[0,0,6]]]}},
      {"type":"Feature","id":"fourth","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[
          [[[0,0,5,1],[1,0],[1,1,7,8,9],[0,0,5,1]]], [[[2,2,1,1],[3,2],[3,3],[2,2,1,2]]]]}},
      {"type":"Feature","id":"kept","properties":{},"geometry":{"type":"Polygon","coordinates":[
          [[0,0,5],[4,0],[4,4,9,9],[0,4],[0,0,5]], [[1,1],[2,1,3],[2,2],[1,1]], [[3,3,0,1],[3.5,3],[3.5,3.5],[3,3,0,1]]]}})");
    const GeoJsonReadResult r = readGeoJson(text, "areas");
    REQUIRE(r.layer);
    REQUIRE(r.layer->features.size() == 1);
    CHECK(r.layer->features[0].id == "kept");
    CHECK(r.layer->parts[0].ringCount == 3);
    CHECK(r.layer->positions.size() == 4 + 3 + 3);
    REQUIRE(r.diagnostics.size() == 4);
    CHECK(r.diagnostics[0].toString() == "areas[0] id=flat-3d: geometry.coordinates[0]: error: ring is not "
                                         "closed: its first position has 2 values, its last 3 (they must be "
                                         "equal)");
    CHECK(r.diagnostics[1].message.find("its first position has 3 values, its last 2") != std::string::npos);
    CHECK(r.diagnostics[2].message.find("differ in value 3") != std::string::npos);
    CHECK(r.diagnostics[3].path == "geometry.coordinates[1][0]");
    CHECK(r.diagnostics[3].message.find("differ in value 4") != std::string::npos);
}

TEST_CASE("GeoJSON reader: nested and single-geometry GeometryCollections are warnings") {
    const std::string text = collection(R"(
      {"type":"Feature","id":"nested","properties":{},"geometry":{"type":"GeometryCollection","geometries":[
          {"type":"Point","coordinates":[1,2]},
          {"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[3,4]},{"type":"Point","coordinates":[5,6]}]}]}},
      {"type":"Feature","id":"single","properties":{},"geometry":{"type":"GeometryCollection","geometries":[
          {"type":"LineString","coordinates":[[0,0],[1,1]]}]}},
      {"type":"Feature","id":"two","properties":{},"geometry":{"type":"GeometryCollection","geometries":[
          {"type":"Point","coordinates":[1,2]},{"type":"Point","coordinates":[3,4]}]}},
      {"type":"Feature","id":"empty","properties":{},"geometry":{"type":"GeometryCollection","geometries":[]}})");
    const GeoJsonReadResult r = readGeoJson(text, "zones");
    REQUIRE(r.layer);
    REQUIRE(r.layer->features.size() == 4);
    CHECK(r.layer->features[0].partCount == 3);
    CHECK(r.layer->features[1].partCount == 1);
    CHECK(r.layer->features[3].partCount == 0);
    REQUIRE(r.diagnostics.size() == 2);
    CHECK_FALSE(hasErrors(r.diagnostics));
    CHECK(r.diagnostics[0].featureId == "nested");
    CHECK(r.diagnostics[0].path == "geometry.geometries[1]");
    CHECK(r.diagnostics[0].message.find("§3.1.8") != std::string::npos);
    CHECK(r.diagnostics[1].featureId == "single");
    CHECK(r.diagnostics[1].path == "geometry.geometries");

    const GeoJsonReadResult bare = readGeoJson(
        R"({"type":"GeometryCollection","geometries":[{"type":"GeometryCollection","geometries":[]}]})", "x");
    REQUIRE(bare.layer);
    REQUIRE(bare.diagnostics.size() == 2); // nested, and the outer one holds one geometry
    CHECK_FALSE(hasErrors(bare.diagnostics));
}

TEST_CASE("GeoJSON reader: a position outside lon -180..180 / lat -90..90 is an error") {
    for (const char* position : {"[180.000001,0]", "[-181,0]", "[0,90.5]", "[0,-91]", "[1e300,0]"}) {
        const GeoJsonReadResult r =
            readGeoJson(std::string(R"({"type":"Point","coordinates":)") + position + "}", "x");
        INFO(position);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].severity == Severity::Error);
        CHECK(r.diagnostics[0].message.find("outside lon -180..180 / lat -90..90") != std::string::npos);
        REQUIRE(r.layer);
        CHECK(r.layer->features.empty());
    }
    const GeoJsonReadResult edges =
        readGeoJson(R"({"type":"MultiPoint","coordinates":[[180,90],[-180,-90],[-180,90],[180,-90]]})", "x");
    CHECK(edges.diagnostics.empty());
    REQUIRE(edges.layer);
    CHECK(edges.layer->positions.size() == 4);
}

TEST_CASE("Files over the limits are refused with an error saying which limit") {
    GeoJsonLimits limits;
    limits.maxPositionsPerLine = 10;
    limits.maxFeatures = 2;
    std::string ring = "[";
    for (int i = 0; i < 11; ++i)
        ring += (i ? "," : "") + std::string("[113.") + std::to_string(i) + ",34.7]";
    ring += "]";
    const std::string line =
        R"({"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":)" + ring + "}}";
    const GeoJsonReadResult longLine = readGeoJson(line, "roads", limits);
    REQUIRE(longLine.layer);
    CHECK(longLine.layer->features.empty());
    REQUIRE_FALSE(longLine.diagnostics.empty());
    CHECK(longLine.diagnostics[0].message == "11 positions: over the limit of 10 in one ring or line");
    CHECK(longLine.diagnostics[0].path == "geometry.coordinates");

    const std::string point =
        R"({"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[113.6,34.7]}})";
    const std::string three =
        R"({"type":"FeatureCollection","features":[)" + point + "," + point + "," + point + "]}";
    const GeoJsonReadResult many = readGeoJson(three, "posts", limits);
    CHECK_FALSE(many.layer);
    REQUIRE(many.diagnostics.size() == 1);
    CHECK(many.diagnostics[0].message == "more than 2 features: over the limit for one feed");

    limits.maxBytes = 100;
    const GeoJsonReadResult big = readGeoJson(three, "posts", limits);
    CHECK_FALSE(big.layer);
    REQUIRE(big.diagnostics.size() == 1);
    CHECK(big.diagnostics[0].message.find("over the limit of 0 MiB") != std::string::npos);

    // Numbers too large for a double and nesting beyond kMaxJsonDepth are errors, not crashes.
    CHECK_FALSE(readGeoJson(R"({"type":"Point","coordinates":[1e999,34]})", "x").diagnostics.empty());
    CHECK_FALSE(readGeoJson(std::string(100000, '[') + std::string(100000, ']'), "x").layer);

    // One property value longer than the string cap refuses the file with a clear message.
    const std::string huge = R"({"type":"Feature","properties":{"name":")" +
                             std::string(kMaxJsonStringBytes + 1, 'x') +
                             R"("},"geometry":{"type":"Point","coordinates":[113,34]}})";
    const GeoJsonReadResult longName = readGeoJson(huge, "posts");
    CHECK_FALSE(longName.layer);
    REQUIRE_FALSE(longName.diagnostics.empty());
    CHECK(longName.diagnostics[0].message.find("longer than 1 MiB") != std::string::npos);
}

TEST_CASE("A layer's and a feature's boxes hold exactly their projected positions") {
    // Points in every quadrant, a feature far south: the box must be that of the projected points.
    const GeoJsonReadResult r = readGeoJson(collection(R"(
      {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[113.7,34.9],[-8.6,41.1],[151.2,-33.9]]}},
      {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[0.5,-70.25]}},
      {"type":"Feature","properties":{},"geometry":null})"),
                                            "roads");
    REQUIRE(r.layer);
    REQUIRE(r.layer->features.size() == 3);
    MercatorBox all;
    for (std::size_t f = 0; f < 2; ++f) {
        MercatorBox expected;
        const FeatureRecord& record = r.layer->features[f];
        for (std::uint32_t p = record.firstPart; p < record.firstPart + record.partCount; ++p)
            for (std::uint32_t k = 0; k < r.layer->ringSize(r.layer->parts[p].firstRing); ++k)
                expected.add(mercator::project(r.layer->ring(r.layer->parts[p].firstRing)[k]));
        const MercatorBox got = r.layer->featureBounds(f);
        CHECK(got.minX == expected.minX);
        CHECK(got.maxX == expected.maxX);
        CHECK(got.minY == expected.minY);
        CHECK(got.maxY == expected.maxY);
        all.add(expected);
    }
    CHECK(r.layer->featureBounds(2).empty());
    const MercatorBox layer = r.layer->bounds();
    CHECK(layer.minX == all.minX);
    CHECK(layer.maxY == all.maxY);
    CHECK(layer.minY == all.minY);
}
