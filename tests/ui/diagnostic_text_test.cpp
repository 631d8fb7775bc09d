// Data problems are worded in the user's language from their codes and values.

#include "core/feeds/feed.hpp"
#include "core/feeds/feed_set.hpp"
#include "core/feeds/manifest.hpp"
#include "ui/diagnostic_text.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>

using namespace cordon;

namespace {

/// Every problem worded in Chinese, a line each; each must carry a code.
std::string chineseOf(const std::vector<Diagnostic>& diagnostics) {
    std::string zh;
    for (const Diagnostic& d : diagnostics) {
        INFO(d.toString());
        CHECK(d.code != DiagnosticCode::Other);
        zh += diagnosticText(d, Lang::Zh) + "\n";
    }
    return zh;
}

} // namespace

TEST_CASE("Every diagnostic code has a wording in both languages") {
    CHECK_FALSE(diagnosticTextId(DiagnosticCode::Other));
    for (int c = 1; c < kDiagnosticCodeCount; ++c) {
        const std::optional<TextId> id = diagnosticTextId(static_cast<DiagnosticCode>(c));
        INFO("code " << c);
        REQUIRE(id);
        CHECK_FALSE(tr(*id, Lang::Zh).empty());
        CHECK_FALSE(tr(*id, Lang::En).empty());
    }
}

TEST_CASE("Problems found in a feed read in Chinese, naming feed, feature, id and field") {
    const FeedReadResult r = readFeed(
        R"({"type":"FeatureCollection","features":[)"
        R"({"type":"Feature","id":"P-1","properties":{"name":"东门"},"geometry":{"type":"Point","coordinates":[113.6,34.7]}},)"
        R"({"type":"Feature","id":"P-2","properties":{"kind":"gate"},"geometry":{"type":"Point","coordinates":[113.6,34.7]}},)"
        R"({"type":"Feature","id":"P-3","properties":{"kind":"city_entry"},"geometry":{"type":"LineString","coordinates":[[113.6,34.7],[113.7,34.7]]}},)"
        R"({"type":"Feature","properties":{"kind":"city_entry","demand":[{"from":"25:00","to":"07:00","staff":1}]},"geometry":{"type":"Point","coordinates":[113.6,34.7]}},)"
        R"({"type":"Feature","properties":{"kind":"city_entry"},"geometry":{"type":"Point","coordinates":[113.6,34.7]}}]})",
        FeedKind::Posts, "posts.geojson");
    REQUIRE(r.diagnostics.size() >= 4);
    std::string zh, en;
    for (const Diagnostic& d : r.diagnostics) {
        CHECK(d.code != DiagnosticCode::Other);
        zh += diagnosticText(d, Lang::Zh) + "\n";
        en += diagnosticText(d, Lang::En) + "\n";
        CHECK(diagnosticText(d, Lang::En) == d.toString());
    }
    INFO(zh);
    CHECK(zh.find("posts[0] id=P-1：properties.kind：错误：缺少必填字段 'kind'") != std::string::npos);
    CHECK(zh.find("posts[1] id=P-2：properties.kind：错误：'gate' 不是可用的值") != std::string::npos);
    CHECK(zh.find("posts[2] id=P-3：geometry：错误：几何类型错误：应为 Point") != std::string::npos);
    CHECK(zh.find("警告：没有 id") != std::string::npos);
    CHECK(zh.find("'25:00' 不是时刻（HH:MM）") != std::string::npos);
    CHECK(zh.find("properties.demand：警告：没有值守需求") != std::string::npos);
    CHECK(en.find("posts[0] id=P-1: properties.kind: error: missing 'kind'") != std::string::npos);

    FeedSet set;
    set.replace(
        *readFeed(
             R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"Z-1","properties":{"risk":"high","since":"2022-11-20","area":"C-404"},"geometry":{"type":"Polygon","coordinates":[[[113.6,34.7],[113.7,34.7],[113.7,34.8],[113.6,34.7]]]}}]})",
             FeedKind::Zones)
             .feed);
    set.replace(*readFeed(R"({"type":"FeatureCollection","features":[]})", FeedKind::Areas).feed);
    const std::vector<Diagnostic> refs = checkReferences(set);
    REQUIRE(refs.size() == 1);
    CHECK(diagnosticText(refs[0], Lang::Zh) ==
          "zones[0] id=Z-1：properties.area：警告：引用了不存在的行政区划 id 'C-404'");

    const FeedReadResult broken =
        readFeed("{\"type\": \"FeatureCollection\", \"features\": [", FeedKind::Zones);
    REQUIRE_FALSE(broken.diagnostics.empty());
    CHECK(diagnosticText(broken.diagnostics[0], Lang::Zh).find("不是有效的 JSON：第 1 行") !=
          std::string::npos);
}

TEST_CASE("Rarer problems in demand, teams, roster and roads read in Chinese too") {
    const auto zhOf = [](const std::string& features, FeedKind kind) {
        const FeedReadResult r =
            readFeed(R"({"type":"FeatureCollection","features":[)" + features + "]}", kind, "f.geojson");
        return chineseOf(r.diagnostics);
    };
    const std::string point = R"("geometry":{"type":"Point","coordinates":[113.6,34.7]})";
    std::string zh = zhOf(
        R"({"type":"Feature","id":"P-1","properties":{"kind":"city_entry","demand":[{"from":"08:00","to":"18:00","staff":900},{"from":"08:00","to":"18:00","staff":1}]},)" +
            point + "}," +
            R"({"type":"Feature","id":"P-2","properties":{"kind":"city_entry","demand":{"from":"08:00"}},)" +
            point + "}",
        FeedKind::Posts);
    INFO(zh);
    CHECK(zh.find("900 人不合常理") != std::string::npos);
    CHECK(zh.find("与 demand[0] 时段相同") != std::string::npos);
    CHECK(zh.find("properties.demand：错误：应为 {\"from\"") != std::string::npos);
    zh = zhOf(R"({"type":"Feature","id":"T-1","properties":{"kind":"task_force","name":7},)" + point + "}",
              FeedKind::Teams);
    CHECK(zh.find("缺少人数") != std::string::npos);
    CHECK(zh.find("缺少出行方式") != std::string::npos);
    zh = zhOf(
        R"({"type":"Feature","id":"R-1","properties":{"post":"P-1","from":"tomorrow","staff":0},"geometry":null})",
        FeedKind::Roster);
    CHECK(zh.find("properties.from：错误：不是带时区的 ISO 8601 时间") != std::string::npos);
    CHECK(zh.find("properties.to：错误：缺失") != std::string::npos);
    zh = zhOf(
        R"({"type":"Feature","id":"W-1","properties":{"oneway":"maybe","maxspeed":"fast","closed":"no"},"geometry":{"type":"LineString","coordinates":[[113.6,34.7],[113.7,34.7]]}})",
        FeedKind::Roads);
    CHECK(zh.find("缺少道路等级") != std::string::npos);
    CHECK(zh.find("'maybe' 不是 \"yes\"") != std::string::npos);
    CHECK(zh.find("'fast' 不是以 km/h 计的速度") != std::string::npos);
    CHECK(zh.find("应为 true 或 false，而不是 'no'") != std::string::npos);
}

TEST_CASE("Problems in a file's GeoJSON structure read in Chinese") {
    const FeedReadResult r = readFeed(
        R"({"type":"FeatureCollection","features":[)"
        R"({"type":"Feature","id":"Z-1","properties":{"risk":"high","since":"2022-11-20","name":3},"geometry":{"type":"Polygon","coordinates":[[[113.6,34.7],[113.7,34.7],[113.7,34.8],[113.6,34.71]]]}},)"
        R"({"type":"Feature","id":"Z-2","properties":{"risk":"high","since":"2022-11-20"},"geometry":{"type":"Polygon","coordinates":[[[213.6,34.7],[113.7,34.7],[113.7,34.8],[213.6,34.7]]]}},)"
        R"({"type":"Feature","id":"Z-3","properties":{"risk":"high","since":"2022-11-20"},"geometry":{"type":"Circle","coordinates":[113.6,34.7]}},)"
        R"({"type":"Feature","id":"Z-4","features":[],"properties":{"risk":"high","since":"2022-11-20"},"geometry":{"type":"GeometryCollection","geometries":[{"type":"Polygon","coordinates":[[[113.6,34.7],[113.7,34.7],[113.6,34.7]]]}]}}]})",
        FeedKind::Zones, "zones.geojson");
    const std::string zh = chineseOf(r.diagnostics);
    INFO(zh);
    CHECK(zh.find("zones[0] id=Z-1：properties.name：警告：名称应为文本") != std::string::npos);
    CHECK(zh.find("环未闭合") != std::string::npos);
    CHECK(zh.find("坐标 213.6,34.7 超出经度") != std::string::npos);
    CHECK(zh.find("未知的几何类型 'Circle'") != std::string::npos);
    CHECK(zh.find("Feature 不得有 'features' 成员") != std::string::npos);
    CHECK(zh.find("只含一个几何的 GeometryCollection") != std::string::npos);
    CHECK(zh.find("面的环至少需要四个坐标") != std::string::npos);
}

TEST_CASE("File-level and manifest problems read in Chinese") {
    const FeedReadResult r =
        readFeed(R"({"type":"FeatureCollection","features":[)"
                 R"({"type":"Feature","id":true,"properties":[],"geometry":{"type":"Point"}},)"
                 R"({"type":"Feature","id":"Z-2","properties":{"risk":"high","since":"2022-11-20"}},)"
                 R"(7]})",
                 FeedKind::Zones, "zones.geojson");
    const std::string zh = chineseOf(r.diagnostics);
    INFO(zh);
    CHECK(zh.find("id 应为文本或数字，而不是 boolean") != std::string::npos);
    CHECK(zh.find("properties 应为对象（或 null）") != std::string::npos);
    CHECK(zh.find("Point 缺少 'coordinates' 成员") != std::string::npos);
    CHECK(zh.find("Feature 缺少 'geometry' 成员") != std::string::npos);
    CHECK(zh.find("Feature 应为对象（或 null）") != std::string::npos);

    const ManifestReadResult m = readManifest(
        R"({"refresh":-1,"feeds":[{"url":"zones.geojson","feed":"zonez","minValidShare":9},"",42]})",
        "feeds.json");
    const std::string manifest = chineseOf(m.diagnostics);
    INFO(manifest);
    CHECK(manifest.find("未知的数据类型 'zonez'") != std::string::npos);
    CHECK(manifest.find("0 到 1 之间的比例") != std::string::npos);
    CHECK(manifest.find("0 到 86400 之间的秒数") != std::string::npos);
    CHECK(manifest.find("已跳过") != std::string::npos);
    CHECK(diagnosticText(readManifest("{}", "feeds.json").diagnostics.at(0), Lang::Zh).find("数据清单需要") !=
          std::string::npos);
    const FeedReadResult other =
        readFeed(R"({"type":"FeatureCollection","cordon":{"feed":"posts"},"features":[]})", FeedKind::Zones);
    CHECK(diagnosticText(other.diagnostics.at(0), Lang::Zh)
              .find("文件声明为 'posts' 数据，却作为 'zones' 载入") != std::string::npos);
    const FeedReadResult unknown =
        readFeedDetectKind(R"({"type":"FeatureCollection","features":[]})", "导出.json");
    CHECK(diagnosticText(unknown.diagnostics.at(0), Lang::Zh).find("无法判断这是哪类数据") !=
          std::string::npos);
}
