#pragma once
/// What a new version of a feed changed against the one it replaces, by feature id: the line a
/// duty officer reads after a refresh ("+3 high-risk zones, 2 lifted").

#include "core/feeds/feed.hpp"

#include <string>
#include <vector>

namespace cordon {

struct FeedChange {
    FeedKind kind = FeedKind::Areas;
    int added = 0;   ///< ids new in this version
    int removed = 0; ///< ids gone from this version
    int changed = 0; ///< same id, other properties or geometry
    /// Zones feed only: zones now high-risk that were not (new or raised), and zones that were
    /// high-risk and are no longer (removed or lowered: the risk is lifted).
    int highRiskAdded = 0;
    int highRiskLifted = 0;
    /// Names (else ids) of the first kRemovedNamesKept features gone: what a person checks before
    /// letting a large shrink through.
    std::vector<std::string> removedNames;
    static constexpr std::size_t kRemovedNamesKept = 5;

    bool empty() const { return added == 0 && removed == 0 && changed == 0; }
};

/// Compares two versions of the same feed. Features without an id are compared by position in
/// the file. Without `compareContent` only ids are matched (added, removed, high-risk counts and
/// the names gone: what the update rule needs) and `changed` stays 0; with it, the properties and
/// geometry of every feature kept are compared too (the change log's "modified").
FeedChange diffFeeds(const Feed& before, const Feed& after, bool compareContent = true);

} // namespace cordon
