// Adding a file to a feed: the feed's features stay in their order, the file's copy of an id it
// already has takes that feature's place, the rest of the file follows; the result reads back as
// the same kind of feed.

#include "core/feeds/feed_merge.hpp"
#include "test_feeds.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>

using namespace cordon;
using cordon::test::readOne;

namespace {

/// Posts with the given ids, each named "<prefix> <id>", at points along a row.
std::string posts(std::initializer_list<const char*> ids, const std::string& prefix) {
    std::string text = R"({"type":"FeatureCollection","features":[)";
    int i = 0;
    for (const char* id : ids) {
        text += std::string(i ? "," : "") + R"({"type":"Feature","id":")" + id +
                R"(","properties":{"name":")" + prefix + " " + id +
                R"(","kind":"compound_gate"},"geometry":{"type":"Point","coordinates":[113.6)" +
                std::to_string(i) + ",34.7]}}";
        ++i;
    }
    return text + "]}";
}

} // namespace

TEST_CASE("Adding a file keeps the feed's features, replaces those it gives again and adds the rest") {
    const Feed base = readOne(FeedKind::Posts, posts({"P-1", "P-2", "P-3"}, "old"));
    const Feed file = readOne(FeedKind::Posts, posts({"P-9", "P-2"}, "new"));
    const MergedFeed m = mergeFeeds(base, file);
    CHECK(m.kept == 2);
    CHECK(m.replaced == 1);
    CHECK(m.added == 1);
    const Feed merged = readOne(FeedKind::Posts, m.geojson);
    REQUIRE(merged.size() == 4);
    CHECK(merged.layer.features[0].name == "old P-1");
    CHECK(merged.layer.features[1].name == "new P-2");
    CHECK(merged.layer.features[2].name == "old P-3");
    CHECK(merged.layer.features[3].name == "new P-9");
    CHECK(merged.posts[3].kind == PostKind::CompoundGate);
    // The header names the feed, so the merged file reads as posts without any other hint.
    CHECK(declaredFeedKind(m.geojson) == FeedKind::Posts);
}

TEST_CASE("Adding to an empty feed gives the file itself") {
    const Feed base = readOne(FeedKind::Posts, posts({}, ""));
    const Feed file = readOne(FeedKind::Posts, posts({"P-1", "P-2"}, "new"));
    const MergedFeed m = mergeFeeds(base, file);
    CHECK(m.kept == 0);
    CHECK(m.added == 2);
    CHECK(readOne(FeedKind::Posts, m.geojson).size() == 2);
}
