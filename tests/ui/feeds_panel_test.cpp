#include "ui/feeds_panel.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace cordon;

TEST_CASE("Change summaries read as a duty officer says them, in both languages") {
    FeedChange zones;
    zones.kind = FeedKind::Zones;
    zones.added = 3;
    zones.removed = 1;
    zones.changed = 2;
    zones.highRiskAdded = 3;
    zones.highRiskLifted = 2;
    CHECK(changeSummary(zones, Lang::En) ==
          "Risk zones: +3 high-risk zones, 2 lifted (3 added, 1 removed, 2 changed)");
    CHECK(changeSummary(zones, Lang::Zh) == "风险区：+3 高风险区，2 解除（新增 3，移除 1，修改 2）");

    FeedChange posts;
    posts.kind = FeedKind::Posts;
    posts.changed = 4;
    CHECK(changeSummary(posts, Lang::En) == "Checkpoints: 4 changed");
    posts.changed = 0;
    CHECK(changeSummary(posts, Lang::Zh) == "卡点：无变化");
}

TEST_CASE("Ages are short: seconds, then minutes, then hours") {
    CHECK(durationText(42.4, Lang::En) == "42 s");
    CHECK(durationText(600, Lang::En) == "10 min");
    CHECK(durationText(3 * 3600, Lang::Zh) == "3 小时");
    CHECK(durationText(-5, Lang::En) == "0 s");
}
