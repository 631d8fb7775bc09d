#pragma once
/// "这是哪类数据？": asked when a file the user loaded names no feed, in its header or its name.
/// Shows what the file holds (features by geometry, field names, a few names) and offers the seven
/// feeds, cordon's guess first; Enter takes the guess, Esc drops the file. The user also says
/// whether the file is added to the feed on the map or replaces it, and whether its coordinates are
/// converted from GCJ-02 (ticked when cordon thinks so, with why), and may have these choices saved
/// as a mapping file for `cordon import` when the file is loaded.

#include "core/feeds/feed.hpp"
#include "core/feeds/gcj02_guess.hpp"
#include "ui/strings.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace cordon {

struct KindPromptModel {
    Lang lang = Lang::Zh;
    float mapLeft = 0; ///< where the map starts (UI pixels): the dialog is centred on the map
    bool visible = false;
    std::string source; ///< file name
    std::size_t features = 0;
    std::array<std::size_t, 4> geometry{}; ///< points, lines, polygons, none
    std::vector<std::string> fields;
    std::vector<std::string> names;
    std::optional<FeedKind> guess;
    Gcj02Guess gcj02;
    bool add = false;         ///< the choice as it stands
    bool fromGcj02 = false;   ///< the choice as it stands
    bool saveMapping = false; ///< the choice as it stands
};

struct KindPromptActions {
    std::optional<FeedKind> chosen;
    bool cancel = false;
    std::optional<bool> add;         ///< the box was clicked: its new value
    std::optional<bool> fromGcj02;   ///< the box was clicked: its new value
    std::optional<bool> saveMapping; ///< the box was clicked: its new value
};

KindPromptActions drawKindPrompt(const KindPromptModel& model);

} // namespace cordon
