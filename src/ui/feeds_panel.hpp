#pragma once
/// The 数据源 tab of the workspace: every source with its age, its state (current, stale, update failed, with
/// the error and when) and the short history of what each refresh changed.

#include "core/feeds/feed_change.hpp"
#include "ui/strings.hpp"

#include <string>
#include <vector>

namespace cordon {

struct FeedRow {
    std::string source;
    std::string kind; ///< display name of the feed on screen ("" for a manifest or nothing yet)
    std::size_t features = 0;
    bool hasData = false;
    std::string supersededBy; ///< the source whose version of the feed is on the map instead
    double ageSeconds = 0;    ///< since the source last confirmed its data
    bool stale = false;
    std::string error;   ///< latest attempt's failure, as the loader reported it (English)
    std::string message; ///< the same in the user's language (what the panel shows)
    std::string refusal; ///< the update rule's reason, when it refused the version ("" otherwise)
    double errorAgoSeconds = 0;
    double refreshSeconds = 0;
    int versions = 0, unchanged = 0, failures = 0;
};

struct ChangeRow {
    double agoSeconds = 0;
    std::string source;
    std::string text; ///< changeSummary of the replacement
};

struct FeedsModel {
    Lang lang = Lang::Zh;
    std::vector<FeedRow> rows;
    std::vector<ChangeRow> changes;  ///< newest first
    std::vector<ChangeRow> failures; ///< the latest failures, newest first (text: the error)
    std::size_t failureCount = 0;    ///< all failures since the start
};

/// "风险区：+3 高风险区，2 解除（新增 5，移除 1，修改 2）" / "Risk zones: +3 high-risk zones, 2 lifted
/// (5 added, 1 removed, 2 changed)"; other feeds list only added/removed/changed.
std::string changeSummary(const FeedChange& change, Lang lang);

/// A short age: "45 秒" / "45 s", "3 分" / "3 min", "2 小时" / "2 h".
std::string durationText(double seconds, Lang lang);

void drawFeedsTab(FeedsModel& model);

} // namespace cordon
