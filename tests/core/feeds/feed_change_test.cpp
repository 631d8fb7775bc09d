#include "core/feeds/feed_change.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>

using namespace cordon;

namespace {

std::string zone(const std::string& id, const char* risk, double lon = 113.6) {
    const std::string x = std::to_string(lon), x2 = std::to_string(lon + 0.01);
    return R"({"type":"Feature","id":")" + id + R"(","properties":{"risk":")" + risk +
           R"(","since":"2022-11-20"},"geometry":{"type":"Polygon","coordinates":[[[)" + x + ",34.7],[" + x2 +
           ",34.7],[" + x2 + ",34.8],[" + x + ",34.7]]]}}";
}

Feed zones(const std::vector<std::string>& features) {
    std::string text = R"({"type":"FeatureCollection","features":[)";
    for (std::size_t i = 0; i < features.size(); ++i)
        text += (i ? "," : "") + features[i];
    FeedReadResult r = readFeed(text + "]}", FeedKind::Zones, "zones.geojson");
    REQUIRE(r.feed);
    return std::move(*r.feed);
}

} // namespace

TEST_CASE("A zones update counts new high-risk zones and lifted ones by id") {
    const Feed before = zones({zone("A", "high"), zone("B", "high"), zone("C", "medium"), zone("D", "low")});
    // A stays high, B is lowered (lifted), C is raised (new high), D is removed, E and F are new (E high).
    const Feed after =
        zones({zone("A", "high"), zone("B", "low"), zone("C", "high"), zone("E", "high"), zone("F", "low")});
    const FeedChange c = diffFeeds(before, after);
    CHECK(c.kind == FeedKind::Zones);
    CHECK(c.added == 2);
    CHECK(c.removed == 1);
    CHECK(c.changed == 2);        // B and C
    CHECK(c.highRiskAdded == 2);  // C raised, E new
    CHECK(c.highRiskLifted == 1); // B lowered
    CHECK_FALSE(c.empty());

    const FeedChange gone = diffFeeds(before, zones({zone("C", "medium")}));
    CHECK(gone.removed == 3);
    CHECK(gone.highRiskLifted == 2); // A and B removed
}

TEST_CASE("Moving a feature's geometry is a change; the same feed again is no change") {
    const Feed before = zones({zone("A", "high"), zone("B", "low")});
    CHECK(diffFeeds(before, before).empty());
    const FeedChange moved = diffFeeds(before, zones({zone("A", "high", 113.7), zone("B", "low")}));
    CHECK(moved.changed == 1);
    CHECK(moved.added == 0);
    CHECK(moved.removed == 0);
    CHECK(moved.highRiskAdded == 0);
}

TEST_CASE("Matching ids only: the same added, removed and names, no content compared") {
    const Feed before = zones({zone("Z-1", "high"), zone("Z-2", "high"), zone("Z-3", "low")});
    const Feed after = zones({zone("Z-1", "low"), zone("Z-4", "high")});
    const FeedChange full = diffFeeds(before, after);
    const FeedChange ids = diffFeeds(before, after, false);
    CHECK(ids.added == full.added);
    CHECK(ids.removed == full.removed);
    CHECK(ids.removedNames == full.removedNames);
    CHECK(ids.highRiskAdded == full.highRiskAdded);
    CHECK(ids.highRiskLifted == full.highRiskLifted);
    CHECK(full.changed == 1);
    CHECK(ids.changed == 0);
}
