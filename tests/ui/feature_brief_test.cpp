// The 详情 rows in the officers' terms: fields named in the language, kinds translated, ids
// resolved to names, a post's demand as shifts and its staffing at a slot, unknown properties kept.
#include "ui/feature_brief.hpp"

#include "test_feeds.hpp"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>

using namespace cordon;
using cordon::test::readOne;

namespace {

const char* kAreas = R"({"type":"FeatureCollection","features":[
  {"type":"Feature","id":"D-02","properties":{"name":"金水区","level":"district"},"geometry":{"type":"Polygon","coordinates":[[[113.6,34.7],[113.8,34.7],[113.8,34.9],[113.6,34.7]]]}},
  {"type":"Feature","id":"K-1","properties":{"name":"文化路社区","level":"community","parent":"D-02"},"geometry":{"type":"Polygon","coordinates":[[[113.6,34.7],[113.7,34.7],[113.7,34.8],[113.6,34.7]]]}}]})";
const char* kZones = R"({"type":"FeatureCollection","features":[
  {"type":"Feature","id":"Z-1","properties":{"name":"康苑小区高风险区","risk":"high","area":"K-1"},"geometry":{"type":"Polygon","coordinates":[[[113.6,34.7],[113.65,34.7],[113.65,34.75],[113.6,34.7]]]}}]})";
const char* kPosts = R"({"type":"FeatureCollection","features":[
  {"type":"Feature","id":"P-1","properties":{"name":"康苑东门","kind":"compound_gate","area":"K-1","zone":"Z-1",
   "demand":[{"from":"07:00","to":"19:00","staff":2}],"phone":"0371-1234"},"geometry":{"type":"Point","coordinates":[113.7,34.8]}}]})";
const char* kTeams = R"({"type":"FeatureCollection","features":[
  {"type":"Feature","id":"T-1","properties":{"name":"金水一专班","kind":"task_force","members":6,"mode":"drive",
   "zones":["Z-1"]},"geometry":{"type":"Point","coordinates":[113.7,34.8]}}]})";

const std::string* value(const std::vector<PropertyRow>& rows, std::string_view key) {
    const auto it = std::ranges::find_if(rows, [&](const PropertyRow& r) { return r.key == key; });
    return it == rows.end() ? nullptr : &it->value;
}

FeedSet feeds() {
    FeedSet set;
    set.replace(readOne(FeedKind::Areas, kAreas));
    set.replace(readOne(FeedKind::Zones, kZones));
    set.replace(readOne(FeedKind::Posts, kPosts));
    set.replace(readOne(FeedKind::Teams, kTeams));
    return set;
}

} // namespace

TEST_CASE("A post's details name its kind, area and zone, its shifts; other properties follow") {
    const FeedSet set = feeds();
    const auto rows = featureBrief(set, FeedKind::Posts, 0, nullptr, -1, Lang::Zh);
    REQUIRE(value(rows, "类型"));
    CHECK(*value(rows, "类型") == "小区卡口");
    CHECK(*value(rows, "所属区域") == "文化路社区");
    CHECK(*value(rows, "所属风险区") == "康苑小区高风险区");
    CHECK(*value(rows, "值守需求") == "07:00-19:00 2 人");
    CHECK(*value(rows, "phone") == "0371-1234"); // what the feed adds, under its own key
    CHECK(*value(rows, "编号") == "P-1");
    CHECK_FALSE(value(rows, "kind")); // no raw field names for what is said in words
    CHECK_FALSE(value(rows, "area"));
    const auto en = featureBrief(set, FeedKind::Posts, 0, nullptr, -1, Lang::En);
    CHECK(*value(en, "Kind") == "Compound gate");
}

TEST_CASE("A zone's details give its risk, area and the task force holding it; a team its zones") {
    const FeedSet set = feeds();
    const auto zone = featureBrief(set, FeedKind::Zones, 0, nullptr, -1, Lang::Zh);
    CHECK(*value(zone, "风险等级") == "高风险");
    CHECK(*value(zone, "专班") == "金水一专班");
    const auto team = featureBrief(set, FeedKind::Teams, 0, nullptr, -1, Lang::Zh);
    CHECK(*value(team, "类型") == "专班");
    CHECK(*value(team, "出行方式") == "驾车");
    CHECK(*value(team, "负责风险区") == "康苑小区高风险区");
    const auto area = featureBrief(set, FeedKind::Areas, 1, nullptr, -1, Lang::Zh);
    CHECK(*value(area, "级别") == "社区");
    CHECK(*value(area, "上级区域") == "金水区");
}
