#pragma once
/// The details panel: every attribute of the feature the user clicked, as a two-column table.

#include "core/map/feature_details.hpp"
#include "ui/strings.hpp"

#include <string>
#include <vector>

namespace cordon {

struct DetailsPanelModel {
    Lang lang = Lang::Zh;
    bool open = false;
    std::string feed; ///< feed name of the selected feature ("posts")
    std::string title;
    std::vector<PropertyRow> rows;
};

/// Draws the panel while `model.open`; returns true when the user closed it.
bool drawDetailsPanel(DetailsPanelModel& model);

} // namespace cordon
