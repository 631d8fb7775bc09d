#pragma once
/// "这是哪类数据？": asked when a file the user loaded names no feed, in its header or its name.
/// Shows what the file holds (features by geometry, field names, a few names) and offers the seven
/// feeds, cordon's guess first; Enter takes the guess, Esc drops the file.

#include "core/feed.hpp"
#include "ui/strings.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace cordon {

struct KindPromptModel {
    Lang lang = Lang::Zh;
    bool visible = false;
    std::string source; ///< file name
    std::size_t features = 0;
    std::array<std::size_t, 4> geometry{}; ///< points, lines, polygons, none
    std::vector<std::string> fields;
    std::vector<std::string> names;
    std::optional<FeedKind> guess;
};

struct KindPromptActions {
    std::optional<FeedKind> chosen;
    bool cancel = false;
};

KindPromptActions drawKindPrompt(const KindPromptModel& model);

} // namespace cordon
