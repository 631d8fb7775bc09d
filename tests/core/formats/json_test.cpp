#include "core/formats/json.hpp"

#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <cstdlib>
#include <string>

using namespace cordon;

TEST_CASE("JSON parses nested values") {
    const JsonParseResult r = parseJson(R"({"a": [1, -2.5e1, true, null], "名称": "金水\u533a", "o": {}})");
    REQUIRE(r.ok());
    const JsonValue& v = *r.value;
    REQUIRE(v.find("a"));
    CHECK(v.find("a")->items.size() == 4);
    CHECK(v.find("a")->items[1].number == -25.0);
    CHECK(v.find("a")->items[2].boolean);
    CHECK(v.find("a")->items[3].isNull());
    CHECK(v.find("名称")->string == "金水区");
    CHECK(v.find("o")->isObject());
    CHECK(v.find("missing") == nullptr);
}

TEST_CASE("JSON decodes surrogate pairs to UTF-8") {
    const JsonParseResult r = parseJson(R"("\ud83d\ude00")");
    REQUIRE(r.ok());
    CHECK(r.value->string == "\xF0\x9F\x98\x80");
    CHECK_FALSE(parseJson(R"("\ud83d")").ok());
}

TEST_CASE("JSON errors give byte offset, line and column") {
    const JsonParseResult r = parseJson("{\n  \"a\": 1,\n  \"b\": tru\n}");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error.line == 3);
    CHECK(r.error.column == 8);
    CHECK(r.error.offset == 19);
    CHECK(r.error.message == "invalid literal");
}

TEST_CASE("JSON reports truncated input") {
    for (const char* text : {"{\"a\": [1, 2", "{\"a\": \"abc", "[1,", "{\"a\""}) {
        const JsonParseResult r = parseJson(text);
        INFO(text);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error.message.find("truncated") != std::string::npos);
    }
}

TEST_CASE("JSON rejects what the grammar forbids") {
    for (const char* text : {"", "01", "1.", "-", "[1,]", "{\"a\":1,}", "NaN", "Infinity", "1e999",
                             "\"a\tb\"", "[1] 2", "'x'"}) {
        INFO(text);
        CHECK_FALSE(parseJson(text).ok());
    }
}

TEST_CASE("A string's end, escape or control character is found at every place in an 8-byte step") {
    // The scanner looks at eight bytes at a time; each stopping byte is tried at every offset,
    // after plain ASCII and after UTF-8 (bytes >= 0x80 never stop it).
    for (const std::string filler : {"a", "\xE9\x87\x91"}) // "a", 金
        for (std::size_t count = 0; count < 20; ++count) {
            std::string plain;
            for (std::size_t i = 0; i < count; ++i)
                plain += filler;
            INFO(count);
            const JsonParseResult ended = parseJson("\"" + plain + "\"");
            REQUIRE(ended.ok());
            CHECK(ended.value->string == plain);
            const JsonParseResult escaped = parseJson("\"" + plain + "\\n" + plain + "\"");
            REQUIRE(escaped.ok());
            CHECK(escaped.value->string == plain + "\n" + plain);
            for (const char control : {'\x01', '\x1F', '\n'}) {
                const JsonParseResult bad = parseJson("\"" + plain + control + "\"");
                REQUIRE_FALSE(bad.ok());
                CHECK(bad.error.message.find("control character") != std::string::npos);
                CHECK(bad.error.offset == 1 + plain.size());
            }
            const JsonParseResult high = parseJson("\" " + plain + "\x7F\x20\"");
            REQUIRE(high.ok());
            CHECK(high.value->string == " " + plain + "\x7F ");
        }
}

TEST_CASE("JSON nesting is capped instead of overflowing the stack") {
    const std::string deep(100000, '[');
    const JsonParseResult r = parseJson(deep);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error.message.find("nesting") != std::string::npos);
    const std::string ok = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
    CHECK(parseJson(ok).ok());
}

TEST_CASE("Strings are capped at kMaxJsonStringBytes, with or without escapes") {
    const std::string atCap(kMaxJsonStringBytes, 'a');
    CHECK(parseJson('"' + atCap + '"').ok());
    const JsonParseResult plain = parseJson('"' + atCap + "a\"");
    REQUIRE_FALSE(plain.ok());
    CHECK(plain.error.message.find("longer than 1 MiB") != std::string::npos);
    const JsonParseResult escaped = parseJson("[\"\\n" + atCap + "a\"]");
    REQUIRE_FALSE(escaped.ok());
    CHECK(escaped.error.message.find("longer than 1 MiB") != std::string::npos);
    CHECK(escaped.error.offset == 1);
    const std::string key = "{\"" + atCap + "b\":1}";
    CHECK_FALSE(parseJson(key).ok());
}

TEST_CASE("jsonQuote escapes quotes, control characters and HTML") {
    CHECK(jsonQuote("a\"b\\c\n") == R"("a\"b\\c\n")");
    CHECK(jsonQuote("</script>") == R"("\u003c/script\u003e")");
    CHECK(jsonQuote(std::string("\x01", 1)) == R"("\u0001")");
    const JsonParseResult back = parseJson(jsonQuote("金水 </script> & \"x\""));
    REQUIRE(back.ok());
    CHECK(back.value->string == "金水 </script> & \"x\"");
}

TEST_CASE("Numbers are written with the fewest digits that read back exactly") {
    CHECK(numberJson(12) == "12");
    CHECK(numberJson(0.1) == "0.1");
    CHECK(numberJson(113.675) == "113.675");
    CHECK(numberJson(-3.5) == "-3.5");
    CHECK(numberJson(std::nan("")) == "null");
    for (const double v : {1.0 / 3, 2.0 / 3, 1e21, 5e-324, 34.7723456789012345})
        CHECK(std::strtod(numberJson(v).c_str(), nullptr) == v);
}
