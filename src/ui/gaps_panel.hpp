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
    std::string id;
    std::string name;
    std::string district;
    double hoursShort = 0; ///< person-hours
    double nightHoursShort = 0;
    int worstGapStartMinute = -1; ///< local time of day, -1 when never short
    double worstGapHours = 0;
    int districtArea = -1; ///< the district's feature index in the areas feed, -1 for none
};

/// One suggested move, as the plan table lists it.
struct PlanRow {
    std::string from, to;
    std::uint32_t toPost = 0;
    int fromMinute = 0, toMinute = 0; ///< local times of day
    int people = 0;
    double travelMinutes = 0;
    int districtArea = -1; ///< the receiving post's district (areas feature index), -1 for none
};

struct GapsPanelModel {
    Lang lang = Lang::Zh;
    bool available = false;
    int postsShort = 0, postsUnstaffed = 0;
    int zoneGaps = 0, zonesWithoutTaskForce = 0; ///< figures ZonesBreakingRule, ZonesWithoutTaskForce
    std::string asOf;  ///< "" when the figures are current, else when their data was last good
    std::string scope; ///< what the figures and the strip are for: the filter's district or 全市
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
    /// Under a filter, the same two for the moves shown (person-hours moved, person-minutes
    /// travelled); `planNarrowed` false without one.
    bool planNarrowed = false;
    double shownMovedHours = 0, shownTravelMinutes = 0;
    std::vector<PlanRow> plan;
};

struct GapsPanelActions {
    bool scrubChanged = false;
    std::optional<std::uint32_t> goToPost;
    bool planRequested = false;
    bool exportGaps = false; ///< download the posts-short table as CSV
    bool exportPlan = false; ///< download the plan's moves as CSV
};

GapsPanelActions drawGapsTab(GapsPanelModel& model);

/// The posts-short table as CSV (BOM, headers in the model's language, one row per post as
/// sorted on screen): post id, post, district, person-hours short, of them at night, the worst
/// gap's start and length in hours.
std::string gapsTableCsv(const GapsPanelModel& model);
/// The plan's moves as CSV (BOM, headers in the model's language): from, to, from and to time,
/// people, travel minutes.
std::string planTableCsv(const GapsPanelModel& model);

} // namespace cordon
