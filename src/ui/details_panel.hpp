#pragma once
/// The 详情 tab of the workspace: every attribute of the selected feature, as a two-column table.

#include "core/map/feature_details.hpp"
#include "ui/strings.hpp"

#include <string>
#include <vector>

namespace cordon {

struct DetailsPanelModel {
    Lang lang = Lang::Zh;
    bool open = false;
    FeedKind kind = FeedKind::Areas; ///< the selected feature's feed
    std::string title;
    std::vector<PropertyRow> rows;
};

/// Draws the panel while `model.open`; returns true when the user closed it.
bool drawDetailsTab(DetailsPanelModel& model);

} // namespace cordon
