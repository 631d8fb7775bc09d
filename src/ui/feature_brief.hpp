#pragma once
/// A feature's details in the officers' terms, for the 详情 tab: fields named in the user's
/// language, kinds and levels translated, ids resolved to names (area, zone, assigned zones and
/// posts, task forces holding a zone), a post's demand as shifts and its staffing now; then
/// whatever else the feed carries, under its own key.

#include "core/coverage/coverage.hpp"
#include "core/feeds/feed_set.hpp"
#include "core/map/feature_details.hpp"
#include "core/staffing/reassignment.hpp"
#include "core/staffing/staffing.hpp"
#include "ui/strings.hpp"

#include <span>
#include <vector>

namespace cordon {

/// What the details say beyond the feeds; each part may be missing.
struct BriefContext {
    const StaffingModel* staffing = nullptr;  ///< a post's status in `slot`
    int slot = -1;                            ///< -1: none
    const CoverageReport* coverage = nullptr; ///< how soon the assigned teams get there
    const ReassignmentPlan* plan = nullptr;   ///< moves suggested into and out of a post
    /// Each assigned team's own time to the feature (assignedTeamTimes); empty: names only.
    std::span<const TeamReach> teamTimes;
};

/// Rows for feature `index` of feed `kind`.
std::vector<PropertyRow> featureBrief(const FeedSet& feeds, FeedKind kind, std::uint32_t index,
                                      const BriefContext& context, Lang lang);

} // namespace cordon
