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
    std::string district; ///< the district the feature lies in ("" for none): offered as a filter
};

struct DetailsActions {
    bool close = false;  ///< drop the selection
    bool filter = false; ///< narrow the tables to the feature's district
};

/// Draws the tab's contents (a hint while nothing is selected).
DetailsActions drawDetailsTab(DetailsPanelModel& model);

} // namespace cordon
