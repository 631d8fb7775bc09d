#include "app/feed_loader.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

using namespace cordon;

namespace {

const char* kZones = R"({"type":"FeatureCollection","cordon":{"feed":"zones","version":1},"features":[
  {"type":"Feature","id":"Z-1","properties":{"risk":"high","since":"2022-11-20"},
   "geometry":{"type":"Polygon","coordinates":[[[113.6,34.7],[113.7,34.7],[113.7,34.8],[113.6,34.7]]]}}]})";

} // namespace

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
