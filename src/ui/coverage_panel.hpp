#pragma once
/// The 覆盖分析 tab of the workspace: who is out of reach of their teams within a threshold, population
/// within reach, the areas-of-responsibility switch, and a list to fly to each gap.

#include "core/feeds/feed.hpp"
#include "ui/strings.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cordon {

/// One zone or post out of reach, as listed in the panel.
struct CoverageGapRow {
    FeedKind feed = FeedKind::Zones;
    std::uint32_t feature = 0;
    std::string label;
    double minutes = 0; ///< to the nearest assigned team (infinity when none reaches)
};

struct CoveragePanelModel {
    Lang lang = Lang::Zh;
    bool available = false; ///< roads and teams are loaded
    int thresholdMinutes = 15;
    bool showResponsibility = false;
    std::size_t highRiskWithoutTaskForce = 0, zonesBeyond = 0, postsBeyond = 0;
    std::string asOf;           ///< "" when the figures are current, else when their data was last good
    double populationShare = 0; ///< 0..1
    double computeMs = 0;
    std::vector<CoverageGapRow> gaps;
};

struct CoveragePanelActions {
    bool thresholdChanged = false;
    bool responsibilityToggled = false;
    std::optional<CoverageGapRow> goTo;
};

CoveragePanelActions drawCoverageTab(CoveragePanelModel& model);

} // namespace cordon
