#pragma once
/// The figures that appear in more than one place (wall tiles, legend, panels, briefing, CLI),
/// each computed here once, with one definition (docs/figures.md) and one label in the UI's string
/// table, so that the same data at the same time gives the same number everywhere. Each figure
/// names the feeds it is computed from, so that one whose inputs failed or went stale is shown as
/// doubtful rather than as a confident number.

#include "core/coverage/coverage.hpp"
#include "core/feeds/feed_set.hpp"
#include "core/staffing/staffing.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace cordon {

enum class FigureId : std::uint8_t {
    HighRiskZones, ///< high-risk zones in force today
    ZonesBreakingRule, ///< high-risk zones breaking 一高风险区一专班 today (none, understaffed or off duty)
    ZonesWithoutTaskForce, ///< high-risk zones with no task force assigned at all
    ZonesOutOfReach,       ///< high-risk zones no assigned task force reaches within the coverage threshold
    PostsShortNow,         ///< posts with fewer people on duty than required in the slot of now
    PersonHoursShort,      ///< person-hours short today, summed over the posts
    HouseholdsAwaiting,    ///< red and orange households the door teams cannot visit today
};
inline constexpr int kFigureCount = 7;

/// The figure's key in page state and CLI JSON ("zonesBreakingRule").
std::string_view figureKey(FigureId figure);

/// The feeds a figure is computed from.
std::span<const FeedKind> figureInputs(FigureId figure);

struct Figures {
    std::array<double, kFigureCount> values{-1, -1, -1, -1, -1, -1, -1}; ///< -1: not known (inputs missing)
    double thresholdMinutes = 0;                                         ///< of ZonesOutOfReach
    int slot = -1; ///< the staffing slot of `minuteOfDay` (-1 without a roster)

    double operator[](FigureId f) const { return values[static_cast<std::size_t>(f)]; }
    bool known(FigureId f) const { return (*this)[f] >= 0; }
};

/// The staffing slot a time of day (minutes after local midnight) falls in.
int slotAt(const StaffingDay& day, int minuteOfDay);

/// The high-risk zones counted by ZonesOutOfReach (indexes into `coverage.zones`): those with no
/// assigned task force within the threshold and, when `staffing` is known, in force today (as
/// HighRiskZones counts them), so the one can never exceed the other.
std::vector<std::uint32_t> zonesOutOfReach(const CoverageReport& coverage, const StaffingModel* staffing);

/// Every figure from the derived state: `staffing` and `coverage` may be null (their figures are
/// then unknown); `minuteOfDay` is "now" for PostsShortNow.
Figures computeFigures(const FeedSet& feeds, const StaffingModel* staffing, const CoverageReport* coverage,
                       int minuteOfDay);

} // namespace cordon
