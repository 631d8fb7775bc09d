#pragma once
/// The question asked on the laptop before a file the user loaded removes most of a feed at once
/// (core/feeds/feed_update.hpp): how many features go, how many come, the first names that go, and
/// two answers. Enter applies, Esc keeps the map as it is.

#include "ui/strings.hpp"

#include <string>
#include <vector>

namespace cordon {

struct UpdatePromptModel {
    Lang lang = Lang::Zh;
    float mapLeft = 0; ///< where the map starts (UI pixels): the dialog is centred on the map
    bool visible = false;
    std::string feed;   ///< display name ("风险区")
    std::string source; ///< file name
    std::size_t before = 0;
    int added = 0, removed = 0;
    std::vector<std::string> removedNames;
};

struct UpdatePromptActions {
    bool apply = false;
    bool keep = false;
};

UpdatePromptActions drawUpdatePrompt(const UpdatePromptModel& model);

} // namespace cordon
