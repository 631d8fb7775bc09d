#pragma once
/// Search results: the features whose name or id matches what was typed, best first; a click
/// flies there. In the browser the text comes from the page's own search box (input methods
/// work there); natively the panel has its own input.

#include "ui/strings.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cordon {

struct SearchRow {
    std::string label;  ///< name, or id when unnamed
    std::string detail; ///< layer name and id
};

struct SearchPanelModel {
    Lang lang = Lang::Zh;
    bool ownInput = false; ///< draw an input field (no page search box)
    float mapLeft = 0;     ///< where the map starts (the side panel's edge): the results centre on the rest
    std::string query;
    std::vector<SearchRow> rows;
};

struct SearchPanelActions {
    bool queryChanged = false;
    std::optional<std::size_t> goTo; ///< a row was clicked (or Enter in the own input)
};

SearchPanelActions drawSearchPanel(SearchPanelModel& model);

} // namespace cordon
