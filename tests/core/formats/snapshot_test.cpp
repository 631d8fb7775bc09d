#include "core/formats/deflate.hpp"
#include "core/formats/gzip.hpp"
#include "core/formats/json.hpp"
#include "core/formats/snapshot.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>

using namespace cordon;

namespace {

/// The text between `<script ... id="ID">` and its `</script>`.
std::string blockText(const std::string& html, const std::string& id) {
    const std::size_t open = html.find("id=\"" + id + "\">");
    REQUIRE(open != std::string::npos);
    const std::size_t from = html.find('>', open) + 1;
    return html.substr(from, html.find("</script>", from) - from);
}

} // namespace

TEST_CASE("Base64 follows RFC 4648's test vectors") {
    CHECK(base64Encode("") == "");
    CHECK(base64Encode("f") == "Zg==");
    CHECK(base64Encode("fo") == "Zm8=");
    CHECK(base64Encode("foo") == "Zm9v");
    CHECK(base64Encode("foob") == "Zm9vYg==");
    CHECK(base64Encode("fooba") == "Zm9vYmE=");
    CHECK(base64Encode("foobar") == "Zm9vYmFy");
    CHECK(base64Encode(std::string("\xff\xfe\x00", 3)) == "//4A");
}

TEST_CASE("A snapshot embeds gzipped feeds and a header that hostile text cannot break out of") {
    const std::string app =
        "<!doctype html><html><head><title>cordon</title></head><body class=\"x\">APP</body></html>";
    const std::string hostile = "</script><script>alert(1)</script>\"'&<img src=x onerror=alert(2)>";
    const std::string zones = R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"Z-1",)"
                              R"("properties":{"name":")" +
                              std::string("</script><script>alert(3)</script>") + R"("},"geometry":null}]})";
    SnapshotContent content;
    content.title = hostile;
    content.note = "夜班缺员 " + hostile;
    content.asOf = "2026-11-23 14:05";
    content.params = "now=01:00&lang=en";
    content.feeds = {{"zones.geojson", zones}, {"posts.geojson.gz", gzipCompress("{}")}};
    const SnapshotResult r = buildSnapshot(app, content);
    REQUIRE(r.html);
    const std::string& html = *r.html;

    // Only the app's own script tags: the hostile strings never appear raw.
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("APP</body></html>") != std::string::npos);

    const JsonParseResult header = parseJson(blockText(html, "cordon-snapshot"));
    REQUIRE(header.ok());
    CHECK(header.value->find("title")->string == hostile);
    CHECK(header.value->find("note")->string == content.note);
    CHECK(header.value->find("params")->string == "now=01:00&lang=en");
    CHECK(std::stoull(header.value->find("bytes")->string) == html.size());
    const JsonValue* feeds = header.value->find("feeds");
    REQUIRE(feeds->items.size() == 2);
    CHECK(feeds->items[0].find("name")->string == "zones.geojson");

    // Plain feeds are gzipped, gzipped ones kept as they are.
    CHECK(blockText(html, feeds->items[0].find("block")->string) == base64Encode(gzipCompress(zones)));
    CHECK(blockText(html, feeds->items[1].find("block")->string) == base64Encode(gzipCompress("{}")));
    CHECK(*gunzip(gzipCompress(zones)).bytes == zones);
}

TEST_CASE("A page without a body cannot hold a snapshot") {
    const SnapshotResult r = buildSnapshot("<html>nothing</html>", {});
    CHECK_FALSE(r.html);
    CHECK(r.error.find("<body>") != std::string::npos);
}
