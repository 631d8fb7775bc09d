// Data problems are worded in the user's language from their codes and values.

#include "core/feed.hpp"
#include "core/feed_set.hpp"
#include "ui/diagnostic_text.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>

using namespace cordon;

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
