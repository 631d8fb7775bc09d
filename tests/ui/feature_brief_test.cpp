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
    const auto rows = featureBrief(set, FeedKind::Posts, 0, {}, Lang::Zh);
    REQUIRE(value(rows, "类型"));
    CHECK(*value(rows, "类型") == "小区卡口");
    CHECK(*value(rows, "所属区域") == "文化路社区");
    CHECK(*value(rows, "所属风险区") == "康苑小区高风险区");
    CHECK(*value(rows, "值守需求") == "07:00-19:00 2 人");
    CHECK(*value(rows, "phone") == "0371-1234"); // what the feed adds, under its own key
    CHECK(*value(rows, "编号") == "P-1");
    CHECK_FALSE(value(rows, "kind")); // no raw field names for what is said in words
    CHECK_FALSE(value(rows, "area"));
    const auto en = featureBrief(set, FeedKind::Posts, 0, {}, Lang::En);
    CHECK(*value(en, "Kind") == "Compound gate");
}

TEST_CASE("A zone's details give its risk, area and the task force holding it; a team its zones") {
    const FeedSet set = feeds();
    const auto zone = featureBrief(set, FeedKind::Zones, 0, {}, Lang::Zh);
    CHECK(*value(zone, "风险等级") == "高风险");
    CHECK(*value(zone, "专班") == "金水一专班");
    const auto team = featureBrief(set, FeedKind::Teams, 0, {}, Lang::Zh);
    CHECK(*value(team, "类型") == "专班");
    CHECK(*value(team, "出行方式") == "驾车");
    CHECK(*value(team, "负责风险区") == "康苑小区高风险区");
    const auto area = featureBrief(set, FeedKind::Areas, 1, {}, Lang::Zh);
    CHECK(*value(area, "级别") == "社区");
    CHECK(*value(area, "上级区域") == "金水区");
}

TEST_CASE("A post's details list its roster, assigned teams and their reach, and the moves suggested") {
    FeedSet set = feeds();
    set.replace(readOne(FeedKind::Roster, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":"R-2","properties":{"post":"P-1","team":"T-1","from":"2022-11-26T15:00:00+08:00","to":"2022-11-26T19:00:00+08:00","staff":1},"geometry":null},
      {"type":"Feature","id":"R-1","properties":{"post":"P-1","team":"T-1","from":"2022-11-26T07:00:00+08:00","to":"2022-11-26T15:00:00+08:00","staff":2},"geometry":null}]})"));
    const StaffingModel staffing =
        StaffingModel::build(set, *StaffingDay::wholeDay(parseInstant("2022-11-26")->localDay(), 8 * 60, 15));
    CoverageReport coverage;
    coverage.posts.push_back(TargetCoverage{});
    coverage.posts[0].assignedTeams = 1;
    coverage.posts[0].assigned = TeamReach{720, 0};
    ReassignmentPlan plan;
    plan.moves.push_back(ReassignmentMove{kNoPlanIndex, 0, 0, 28, 32, 2, 300}); // 07:00-08:00 from T-1
    const auto rows =
        featureBrief(set, FeedKind::Posts, 0, BriefContext{&staffing, 28, &coverage, &plan, {}}, Lang::Zh);
    REQUIRE(value(rows, "排班"));
    CHECK(*value(rows, "排班") ==
          "07:00-15:00 金水一专班 2 人；15:00-19:00 金水一专班 1 人"); // earliest first
    CHECK(*value(rows, "队伍到达") == "12 分钟（金水一专班）");
    CHECK(*value(rows, "建议调入") == "2 人 来自 金水一专班（07:00-08:00）");
    CHECK_FALSE(value(rows, "建议调出"));
    CHECK(*value(rows, "此刻值守") == "足额在岗（需 2 人，在岗 2 人）");
    // Without the context, none of it.
    const auto bare = featureBrief(set, FeedKind::Posts, 0, {}, Lang::Zh);
    CHECK_FALSE(value(bare, "队伍到达"));
    CHECK_FALSE(value(bare, "建议调入"));
}

TEST_CASE("A zone's details give its task force's reach and its area's households by colour") {
    FeedSet set = feeds();
    set.replace(readOne(FeedKind::Areas, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":"K-1","properties":{"name":"文化路社区","level":"community","households_by_color":{"red":3,"orange":12,"green":400}},"geometry":{"type":"Polygon","coordinates":[[[113.6,34.7],[113.7,34.7],[113.7,34.8],[113.6,34.7]]]}}]})"));
    CoverageReport coverage;
    coverage.zones.push_back(TargetCoverage{});
    coverage.zones[0].assignedTaskForce = TeamReach{1380, 0};
    const auto zone =
        featureBrief(set, FeedKind::Zones, 0, BriefContext{nullptr, -1, &coverage, nullptr, {}}, Lang::Zh);
    CHECK(*value(zone, "队伍到达") == "23 分钟（金水一专班）");
    REQUIRE(value(zone, "红/橙/黄/绿/白户"));
    CHECK(*value(zone, "红/橙/黄/绿/白户") == "3 / 12 / - / 400 / -");
    coverage.zones[0].assignedTaskForce = TeamReach{};
    const auto far =
        featureBrief(set, FeedKind::Zones, 0, BriefContext{nullptr, -1, &coverage, nullptr, {}}, Lang::Zh);
    CHECK(*value(far, "队伍到达") == "无派驻队伍可达");
}

TEST_CASE("Each assigned team is listed with its own minutes, nearest first, or as not getting there") {
    FeedSet set = feeds();
    set.replace(readOne(FeedKind::Teams, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":"T-1","properties":{"name":"金水一专班","kind":"task_force","members":6,"mode":"drive","zones":["Z-1"],"posts":["P-1"]},"geometry":{"type":"Point","coordinates":[113.7,34.8]}},
      {"type":"Feature","id":"T-2","properties":{"name":"文化路三人组","kind":"door_team","members":3,"mode":"walk","posts":["P-1"]},"geometry":{"type":"Point","coordinates":[113.7,34.8]}}]})"));
    const std::vector<TeamReach> times = {{300, 1}, {720, 0}};
    const auto post =
        featureBrief(set, FeedKind::Posts, 0, BriefContext{nullptr, -1, nullptr, nullptr, times}, Lang::Zh);
    CHECK(*value(post, "派驻队伍") == "文化路三人组 5 分钟；金水一专班 12 分钟");
    const auto en =
        featureBrief(set, FeedKind::Posts, 0, BriefContext{nullptr, -1, nullptr, nullptr, times}, Lang::En);
    CHECK(*value(en, "Assigned teams") == "文化路三人组 5 min; 金水一专班 12 min");
    // Without the times, the names in feed order.
    CHECK(*value(featureBrief(set, FeedKind::Posts, 0, {}, Lang::Zh), "派驻队伍") ==
          "金水一专班；文化路三人组");
    // A zone lists only its task forces; one that cannot get there says so.
    const std::vector<TeamReach> zoneTimes = {{kUnreached, 0}};
    const auto zone = featureBrief(set, FeedKind::Zones, 0,
                                   BriefContext{nullptr, -1, nullptr, nullptr, zoneTimes}, Lang::Zh);
    CHECK(*value(zone, "专班") == "金水一专班 不可达");
    // With the roster at a slot, whether each task force is on duty then.
    set.replace(readOne(FeedKind::Roster, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":"R-1","properties":{"team":"T-1","from":"2022-11-26T07:00:00+08:00","to":"2022-11-26T15:00:00+08:00","staff":2},"geometry":null}]})"));
    const StaffingModel staffing =
        StaffingModel::build(set, *StaffingDay::wholeDay(parseInstant("2022-11-26")->localDay(), 8 * 60, 15));
    const std::vector<TeamReach> near = {{720, 0}};
    CHECK(*value(featureBrief(set, FeedKind::Zones, 0, BriefContext{&staffing, 28, nullptr, nullptr, near},
                              Lang::Zh),
                 "专班") == "金水一专班 12 分钟（在岗 2 人）");
    CHECK(*value(featureBrief(set, FeedKind::Zones, 0, BriefContext{&staffing, 80, nullptr, nullptr, near},
                              Lang::En),
                 "Task force") == "金水一专班 12 min (off duty now)");
}
