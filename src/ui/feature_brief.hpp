#pragma once
/// A feature's details in the officers' terms, for the 详情 tab: fields named in the user's
/// language, kinds and levels translated, ids resolved to names (area, zone, assigned zones and
/// posts, task forces holding a zone), a post's demand as shifts and its staffing now; then
/// whatever else the feed carries, under its own key.

#include "core/feeds/feed_set.hpp"
#include "core/map/feature_details.hpp"
#include "core/staffing/staffing.hpp"
#include "ui/strings.hpp"

#include <vector>

namespace cordon {

/// Rows for feature `index` of feed `kind`; `staffing` (may be null) gives a post's status in
/// `slot` (-1: none).
std::vector<PropertyRow> featureBrief(const FeedSet& feeds, FeedKind kind, std::uint32_t index,
                                      const StaffingModel* staffing, int slot, Lang lang);

} // namespace cordon
