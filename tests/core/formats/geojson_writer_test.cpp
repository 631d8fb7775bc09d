// GeoJSON outputs through the writer: positions in longitude-latitude order at the stated
// precision, closed rings, one feature per line, and text the reader takes back.
#include "core/formats/geojson_writer.hpp"

#include "core/formats/json.hpp"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <string>

using namespace cordon;

TEST_CASE("GeoJSON writer: positions lon-lat to the stated decimals, rings closed on request") {
    JsonWriter out;
    const LonLat ring[] = {{113.6, 34.7}, {113.61, 34.7}, {113.61, 34.71}};
    out.beginArray();
    writePosition(out, {113.123456789, -34.5});
    writePosition(out, {-0.00000001, 0});
    writePositions(out, ring, true, 2);
    writePositions(out, std::span<const LonLat>(), true);
    out.endArray();
    CHECK(out.text() ==
          "[[113.1234568,-34.5],[0,0],[[113.6,34.7],[113.61,34.7],[113.61,34.71],[113.6,34.7]],[]]");
}

TEST_CASE("GeoJSON writer: a feature collection has one feature per line and reads back") {
    const Polygon square = {{{113.0, 34.0}, {113.1, 34.0}, {113.1, 34.1}, {113.0, 34.1}, {113.0, 34.0}}};
    JsonWriter out;
    beginFeatureCollection(out, "zones");
    for (int i = 0; i < 3; ++i) {
        out.lineBreak().beginObject().member("type", "Feature").key("properties").beginObject();
        out.member("n", i).endObject().key("geometry");
        writeMultiPolygon(out, {square, square}, 6);
        out.endObject();
    }
    endFeatureCollection(out);
    const std::string text = out.take();
    CHECK(std::count(text.begin(), text.end(), '\n') == 4); // the header line, three features, the end
    CHECK(text.rfind(R"({"type":"FeatureCollection","cordon":{"feed":"zones","version":1},"features":[)"
                     "\n{\"type\":\"Feature\"",
                     0) == 0);
    CHECK(text.ends_with("}\n]}"));
    const JsonParseResult parsed = parseJson(text);
    REQUIRE(parsed.value);
    const JsonValue* features = parsed.value->find("features");
    REQUIRE(features);
    REQUIRE(features->items.size() == 3);
    const JsonValue* coordinates = features->items[2].find("geometry")->find("coordinates");
    REQUIRE(coordinates->items.size() == 2);
    CHECK(coordinates->items[1].items[0].items[2].items[0].number == 113.1);
}

TEST_CASE("GeoJSON writer: an empty collection is still a collection") {
    JsonWriter out;
    beginFeatureCollection(out);
    endFeatureCollection(out);
    CHECK(out.text() == "{\"type\":\"FeatureCollection\",\"features\":[\n]}");
}
