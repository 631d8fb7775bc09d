#pragma once
/// The 排班缺口 tab of the workspace: the city's figures for the day, a 24-hour strip of people short with a
/// scrubber (the map marks the posts short at that time), and a sortable table of posts short.

#include "core/formats/clock_time.hpp"
#include "ui/strings.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cordon {

struct GapRow {
    std::uint32_t post = 0; ///< feature index in the posts feed
    std::string name;
    std::string district;
    double hoursShort = 0; ///< person-hours
    double nightHoursShort = 0;
    int worstGapStartMinute = -1; ///< local time of day, -1 when never short
    double worstGapHours = 0;
};

/// One suggested move, as the plan table lists it.
struct PlanRow {
    std::string from, to;
    std::uint32_t toPost = 0;
    int fromMinute = 0, toMinute = 0; ///< local times of day
    int people = 0;
    double travelMinutes = 0;
};

struct GapsPanelModel {
    Lang lang = Lang::Zh;
    bool available = false;
    int postsShort = 0, postsUnstaffed = 0;
    int zoneGaps = 0, zonesWithoutTaskForce = 0; ///< figures ZonesBreakingRule, ZonesWithoutTaskForce
    std::string asOf; ///< "" when the figures are current, else when their data was last good
    double personHoursShort = 0, nightPersonHoursShort = 0;
    long long householdsUnvisited = 0;
    int slotMinutes = 15;
    std::vector<float> shortBySlot; ///< people short city-wide per slot
    int scrubSlot = -1;             ///< the time the map shows, -1 for none
    int shortAtScrub = 0;           ///< posts short in that slot
    std::vector<GapRow> rows;
    bool hasPlan = false;
    double planFilledHours = 0, planTravelMinutes = 0;     ///< min-cost flow
    double greedyFilledHours = 0, greedyTravelMinutes = 0; ///< nearest-first, for comparison
    std::vector<PlanRow> plan;
};

struct GapsPanelActions {
    bool scrubChanged = false;
    std::optional<std::uint32_t> goToPost;
    bool planRequested = false;
};

GapsPanelActions drawGapsTab(GapsPanelModel& model);

} // namespace cordon
