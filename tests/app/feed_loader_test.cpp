#include "app/feed_loader.hpp"
#include "core/gzip.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

using namespace cordon;

namespace {

const char* kZones = R"({"type":"FeatureCollection","cordon":{"feed":"zones","version":1},"features":[
  {"type":"Feature","id":"Z-1","properties":{"risk":"high","since":"2022-11-20"},
   "geometry":{"type":"Polygon","coordinates":[[[113.6,34.7],[113.7,34.7],[113.7,34.8],[113.6,34.7]]]}}]})";

/// A gzip member holding `text` in one stored (uncompressed) DEFLATE block.
std::string storedGzip(std::string_view text) {
    auto le16 = [](std::size_t v) { return std::string{char(v & 0xff), char((v >> 8) & 0xff)}; };
    auto le32 = [&](std::uint32_t v) { return le16(v & 0xffff) + le16(v >> 16); };
    std::string gz = std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
    gz += '\x01';
    gz += le16(text.size()) + le16(~text.size() & 0xffff);
    gz += text;
    return gz + le32(crc32(text)) + le32(static_cast<std::uint32_t>(text.size()));
}

} // namespace

TEST_CASE("Gzip-compressed feeds are unpacked; a damaged one is an error naming its source") {
    FeedLoader loader([](const std::string&) {});
    FeedSet feeds;
    const std::string gz = storedGzip(kZones);
    loader.receive({"demo/zones.geojson.gz", gz, ""});
    CHECK(loader.processOne(feeds));
    REQUIRE(feeds.get(FeedKind::Zones));
    CHECK(feeds.get(FeedKind::Zones)->size() == 1);
    CHECK(loader.problems().empty());

    loader.receive({"demo/zones.geojson.gz", gz.substr(0, gz.size() - 30), ""});
    CHECK_FALSE(loader.processOne(feeds));
    REQUIRE_FALSE(loader.problems().empty());
    CHECK(loader.problems()[0].feed == "demo/zones.geojson.gz");
    CHECK(loader.problems()[0].message.find("gzip") != std::string::npos);
    CHECK(feeds.get(FeedKind::Zones)->size() == 1);
}

TEST_CASE("Manifests expand into requests resolved against the manifest's folder") {
    std::vector<std::string> requested;
    FeedLoader loader([&](const std::string& url) { requested.push_back(url); });
    FeedSet feeds;
    loader.requestManifest("data/feeds.json");
    REQUIRE(requested == std::vector<std::string>{"data/feeds.json"});
    loader.receive(
        {"data/feeds.json",
         R"({"feeds":["zones.geojson",{"url":"/live/posts","feed":"posts"},{"url":"https://x.example/r.json"}]})",
         ""});
    CHECK_FALSE(loader.processOne(feeds)); // no feed changed yet
    CHECK(requested == std::vector<std::string>{"data/feeds.json", "data/zones.geojson", "/live/posts",
                                                "https://x.example/r.json"});
    CHECK(loader.problems().empty());
}

TEST_CASE("A feed that fails keeps the last good version and says so under its source") {
    FeedLoader loader([](const std::string&) {});
    FeedSet feeds;
    loader.receive({"zones.geojson", kZones, ""});
    CHECK(loader.processOne(feeds));
    REQUIRE(feeds.get(FeedKind::Zones));

    loader.receive({"zones.geojson", std::string(kZones).substr(0, 40), ""}); // truncated update
    CHECK_FALSE(loader.processOne(feeds));
    REQUIRE(feeds.get(FeedKind::Zones));
    CHECK(feeds.get(FeedKind::Zones)->size() == 1);
    REQUIRE(loader.problems().size() == 2);
    CHECK(loader.problems()[0].feed == "zones.geojson: zones");
    CHECK(loader.problems()[1].message.find("last good version stays") != std::string::npos);

    loader.receive({"zones.geojson", "", "HTTP 404 Not Found"});
    CHECK_FALSE(loader.processOne(feeds));
    CHECK(loader.problems().at(0).message.find("HTTP 404") != std::string::npos);

    loader.receive({"zones.geojson", kZones, ""}); // recovered: its problems are gone
    CHECK(loader.processOne(feeds));
    CHECK(loader.problems().empty());
}

TEST_CASE("Kind hints from the URL parameter name win over the file name") {
    FeedLoader loader([](const std::string&) {});
    FeedSet feeds;
    loader.requestFeed("/api/v1/layer?id=7", FeedKind::Zones);
    loader.receive({"/api/v1/layer?id=7", R"({"type":"FeatureCollection","features":[]})", ""});
    CHECK(loader.processOne(feeds));
    CHECK(feeds.get(FeedKind::Zones));
}
