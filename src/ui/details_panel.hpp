#pragma once
/// The 详情 tab of the workspace: every attribute of the selected feature, as a two-column table.

#include "core/formats/clock_time.hpp"
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
    /// A post's day: people needed and on duty per slot (empty without staffing), the slot marked.
    std::vector<int> required, onDuty;
    int slotMinutes = 15;
    int startMinute = 0; ///< the day's first slot, minutes after midnight
    int markSlot = -1;
};

struct DetailsActions {
    bool close = false;     ///< drop the selection
    bool filter = false;    ///< narrow the tables to the feature's district
    bool teamReach = false; ///< draw the selected team's isochrones
};

/// Draws the tab's contents (a hint while nothing is selected).
DetailsActions drawDetailsTab(DetailsPanelModel& model);

} // namespace cordon
