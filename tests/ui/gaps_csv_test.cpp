// The staffing tables as CSV: the byte-order mark Excel needs, headers in the user's language,
// a row per post or move with its own columns.
#include "ui/gaps_panel.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace cordon;

namespace {

std::size_t lines(const std::string& text) {
    std::size_t n = 0;
    for (char c : text)
        n += c == '\n';
    return n;
}

} // namespace

TEST_CASE("The posts-short table as CSV: BOM, headers in the language, one row per post") {
    GapsPanelModel model;
    model.rows.push_back({3, "P-0003", "松泉便民核酸采样点", "金水区", 84, 0, 8 * 60, 12.5});
    model.rows.push_back({7, "E-01", "京港澳高速, 出城", "", 88, 24, -1, 0});
    std::string csv = gapsTableCsv(model);
    REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.rfind("\xEF\xBB\xBFid,卡点,区,缺员人时,夜班,最长缺口,最长缺口时长（小时）\n", 0) == 0);
    CHECK(lines(csv) == 3);
    CHECK(csv.find("P-0003,松泉便民核酸采样点,金水区,84.00,0.00,08:00,12.50\n") != std::string::npos);
    CHECK(csv.find("E-01,\"京港澳高速, 出城\",,88.00,24.00,,0.00\n") !=
          std::string::npos); // quoted; never short: no time
    model.lang = Lang::En;
    csv = gapsTableCsv(model);
    CHECK(csv.find("id,Post,District,") != std::string::npos);
}

TEST_CASE("The plan as CSV: a row per move with its times, people and travel") {
    GapsPanelModel model;
    model.plan.push_back({"专班 T-12", "松泉便民核酸采样点", 3, 23 * 60, 24 * 60 + 7 * 60, 2, 7.25});
    const std::string csv = planTableCsv(model);
    CHECK(csv.rfind("\xEF\xBB\xBF调出,调入,开始时间,结束时间,", 0) == 0);
    CHECK(lines(csv) == 2);
    CHECK(csv.find("专班 T-12,松泉便民核酸采样点,23:00,07:00,2,7.2") != std::string::npos);
}
