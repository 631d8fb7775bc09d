#pragma once
/// Finding a place by name or id across the loaded feeds ("金水", "P-0012", "花园路"): what a
/// dispatcher types to get to a zone, post, team or street. Case-insensitive for Latin letters;
/// Chinese matches as typed (substring of the UTF-8 text).

#include "core/feeds/feed_set.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace cordon {

struct SearchHit {
    FeedKind kind = FeedKind::Areas;
    std::uint32_t feature = 0;
    int rank = 0; ///< 0 whole name or id, 1 starts with the query, 2 contains it
};

/// Up to `limit` features whose name or id matches `query` (trimmed; empty finds nothing), best
/// first: by rank, then areas, zones, posts, teams, facilities, roads, then shorter names, then
/// feed order. A street split into many features is listed once. Roster entries have no place
/// on the map and are not searched.
std::vector<SearchHit> searchFeatures(const FeedSet& feeds, std::string_view query, std::size_t limit = 50);

} // namespace cordon
