// The update rule: a version of a feed is taken only when it reads as the kind it was loaded as,
// enough of its features are valid, and it does not remove most of the map at once.

#include "core/feeds/feed_preview.hpp"
#include "core/feeds/feed_update.hpp"
#include "test_feeds.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>

using namespace cordon;
using cordon::test::slurp;

namespace {

const char* kSquare =
    R"({"type":"Polygon","coordinates":[[[113.6,34.7],[113.7,34.7],[113.7,34.8],[113.6,34.7]]]})";

/// `count` zones named 区N; the first `broken` have no risk (invalid).
std::string zones(int count, int broken = 0, int firstId = 0) {
    std::string text = R"({"type":"FeatureCollection","features":[)";
    for (int i = 0; i < count; ++i) {
        const std::string id = std::to_string(firstId + i);
        text += std::string(i ? "," : "") + R"({"type":"Feature","id":"Z-)" + id + R"(","properties":{)" +
                (i < broken ? "" : R"("risk":"high",)") + R"("name":"区)" + id +
                R"(","since":"2022-11-20"},"geometry":)" + kSquare + "}";
    }
    return text + "]}";
}

std::string posts(int count, bool header) {
    std::string text = R"({"type":"FeatureCollection",)";
    if (header) text += R"("cordon":{"feed":"posts","version":1},)";
    text += R"("features":[)";
    for (int i = 0; i < count; ++i)
        text +=
            std::string(i ? "," : "") + R"({"type":"Feature","id":"P-)" + std::to_string(i) +
            R"(","properties":{"kind":"compound_gate","name":"东门"},"geometry":{"type":"Point","coordinates":[113.6,34.7]}})";
    return text + "]}";
}

Feed zonesFeed(int count) {
    return cordon::test::readOne(FeedKind::Zones, zones(count));
}

} // namespace

TEST_CASE("A roads file loaded as zones is refused as roads, not taken as an empty zones feed") {
    const std::string roads = slurp(std::string(CORDON_SHARED_DATA) + "/roads/chengdu.geojson");
    REQUIRE_FALSE(roads.empty());
    const FeedReadResult read = readFeed(roads, FeedKind::Zones, "zones.geojson");
    REQUIRE(read.feed);
    CHECK(read.feed->size() == 0);
    CHECK(read.featuresInFile() == 2268);
    const Feed before = zonesFeed(230);
    const UpdateCheck check = checkUpdate(roads, read, FeedKind::Zones, &before);
    CHECK(check.problem == UpdateProblem::OtherKind);
    REQUIRE(check.readsAs);
    CHECK(*check.readsAs == FeedKind::Roads);
    CHECK(check.total == 2268);
    CHECK(check.valid == 0);
    CHECK(describeUpdate(check).find("roads data, not zones") != std::string::npos);
}

TEST_CASE("A posts file without a header, loaded as zones, reads as posts") {
    const std::string bytes = posts(30, false);
    const UpdateCheck check = checkUpdate(bytes, readFeed(bytes, FeedKind::Zones), FeedKind::Zones, nullptr);
    CHECK(check.problem == UpdateProblem::OtherKind);
    REQUIRE(check.readsAs);
    CHECK(*check.readsAs == FeedKind::Posts);
}

TEST_CASE("A version with too few valid features is refused; the share is settable") {
    const std::string bytes = zones(10, 2); // 8 of 10 valid: under 90%
    const FeedReadResult read = readFeed(bytes, FeedKind::Zones);
    CHECK(read.featuresInFile() == 10);
    const UpdateCheck check = checkUpdate(bytes, read, FeedKind::Zones, nullptr);
    CHECK(check.problem == UpdateProblem::FewValid);
    CHECK(check.valid == 8);
    CHECK(check.total == 10);

    UpdatePolicy lenient;
    lenient.minValidShare = 0.8;
    CHECK(checkUpdate(bytes, read, FeedKind::Zones, nullptr, lenient).accepted());

    const std::string nine = zones(10, 1); // 90% exactly is enough
    CHECK(checkUpdate(nine, readFeed(nine, FeedKind::Zones), FeedKind::Zones, nullptr).accepted());
}

TEST_CASE("Removing more than half of the features on the map at once is a large shrink") {
    const Feed before = zonesFeed(20);
    const std::string five = zones(5);
    const UpdateCheck check = checkUpdate(five, readFeed(five, FeedKind::Zones), FeedKind::Zones, &before);
    CHECK(check.problem == UpdateProblem::LargeShrink);
    CHECK(check.before == 20);
    CHECK(check.change.removed == 15);
    CHECK(check.change.added == 0);
    REQUIRE(check.change.removedNames.size() == FeedChange::kRemovedNamesKept);
    CHECK(check.change.removedNames[0] == "区5");

    const std::string ten = zones(10); // half: allowed
    CHECK(checkUpdate(ten, readFeed(ten, FeedKind::Zones), FeedKind::Zones, &before).accepted());

    const std::string empty = zones(0); // every zone lifted: a shrink like any other
    CHECK(checkUpdate(empty, readFeed(empty, FeedKind::Zones), FeedKind::Zones, &before).problem ==
          UpdateProblem::LargeShrink);

    const Feed small = zonesFeed(8); // a small feed may empty without a question
    CHECK(checkUpdate(empty, readFeed(empty, FeedKind::Zones), FeedKind::Zones, &small).accepted());

    const std::string replaced = zones(20, 0, 100); // all new ids: everything on the map goes
    CHECK(checkUpdate(replaced, readFeed(replaced, FeedKind::Zones), FeedKind::Zones, &before).problem ==
          UpdateProblem::LargeShrink);
}

TEST_CASE("The preview tells a file's kind, geometry and property names") {
    const FeedPreview p = previewFeed(posts(12, false));
    CHECK(p.readable);
    CHECK(p.features == 12);
    CHECK(p.geometry[static_cast<int>(PreviewGeometry::Point)] == 12);
    REQUIRE(p.guess);
    CHECK(*p.guess == FeedKind::Posts);
    CHECK(p.fit[static_cast<int>(FeedKind::Posts)] == 1.0);
    CHECK(p.fit[static_cast<int>(FeedKind::Zones)] == 0.0);
    REQUIRE(p.propertyNames.size() == 2);
    CHECK(p.names.front() == "东门");

    const FeedPreview z = previewFeed(zones(3));
    REQUIRE(z.guess);
    CHECK(*z.guess == FeedKind::Zones);

    const FeedPreview roster = previewFeed(
        R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":)"
        R"({"post":"P-1","from":"2022-11-26T23:00:00+08:00","to":"2022-11-27T07:00:00+08:00"}}]})");
    REQUIRE(roster.guess);
    CHECK(*roster.guess == FeedKind::Roster);

    const FeedPreview plain =
        previewFeed(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名称":"x"},)"
                    R"("geometry":{"type":"Point","coordinates":[1,2]}}]})");
    CHECK(plain.readable);
    CHECK_FALSE(plain.guess);

    CHECK_FALSE(previewFeed("名称,经度,纬度\n东门,113.6,34.7\n").readable);
}

TEST_CASE("A file that names another feed is refused as that feed") {
    const UpdateCheck check = otherKindCheck(FeedKind::Zones, FeedKind::Posts);
    CHECK(check.problem == UpdateProblem::OtherKind);
    CHECK(describeUpdate(check).find("posts data, not zones") != std::string::npos);
}

TEST_CASE("The preview reads Chinese headers and labels: a sheet of checkpoints reads as posts") {
    const FeedPreview p = previewFeed(
        R"({"type":"FeatureCollection","features":[)"
        R"({"type":"Feature","properties":{"名称":"东门","类型":"小区卡口"},"geometry":{"type":"Point","coordinates":[1,2]}},)"
        R"({"type":"Feature","properties":{"名称":"北站","类型":"入市检查站"},"geometry":{"type":"Point","coordinates":[1,2]}}]})");
    REQUIRE(p.guess);
    CHECK(*p.guess == FeedKind::Posts);
    CHECK(p.names == std::vector<std::string>{"东门", "北站"});
    CHECK(p.propertyNames.size() == 2);
}
