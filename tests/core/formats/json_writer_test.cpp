// The writer's output reads back through the reader as what was written: commas, nesting,
// escaping and numbers, with no hand-written separators to get wrong.
#include "core/formats/json.hpp"
#include "core/formats/json_writer.hpp"

#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <cstdint>
#include <limits>

using namespace cordon;

TEST_CASE("JsonWriter nests objects and arrays with the commas in their places") {
    JsonWriter w;
    w.beginObject()
        .member("name", "金水区 \"东\"\n</script>")
        .member("count", std::size_t(1280))
        .member("delta", -3)
        .member("on", true)
        .key("empty")
        .beginArray()
        .endArray()
        .key("list")
        .beginArray()
        .value(1.5)
        .null()
        .beginObject()
        .member("x", std::int64_t(-9007199254740991))
        .endObject()
        .value("a")
        .endArray()
        .key("inner")
        .beginObject()
        .endObject()
        .key("part")
        .raw(R"({"already":"json"})")
        .endObject();
    const std::string text = w.take();
    CHECK(text.find("</script>") == std::string::npos); // safe inside an HTML page
    const JsonParseResult r = parseJson(text);
    REQUIRE(r.ok());
    const JsonValue& v = *r.value;
    CHECK(v.find("name")->string == "金水区 \"东\"\n</script>");
    CHECK(v.find("count")->number == 1280);
    CHECK(v.find("delta")->number == -3);
    CHECK(v.find("on")->boolean);
    CHECK(v.find("empty")->items.empty());
    const JsonValue& list = *v.find("list");
    REQUIRE(list.items.size() == 4);
    CHECK(list.items[0].number == 1.5);
    CHECK(list.items[1].isNull());
    CHECK(list.items[2].find("x")->number == -9007199254740991.0);
    CHECK(list.items[3].string == "a");
    CHECK(v.find("inner")->isObject());
    CHECK(v.find("part")->find("already")->string == "json");
}

TEST_CASE("JsonWriter numbers: shortest round trip, fixed decimals, null for what JSON cannot hold") {
    JsonWriter w;
    w.beginArray()
        .value(0.1)
        .value(113.5348363)
        .fixed(2.0 / 3.0, 2)
        .fixed(1e300, 3)
        .value(std::numeric_limits<double>::quiet_NaN())
        .fixed(std::numeric_limits<double>::infinity(), 1)
        .endArray();
    CHECK(w.text() == "[0.1,113.5348363,0.67," + numberJson(1e300) + ",null,null]");
    const JsonParseResult r = parseJson(w.text());
    REQUIRE(r.ok());
    CHECK(r.value->items[3].number == 1e300);
}
