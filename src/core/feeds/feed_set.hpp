#pragma once
/// All loaded feeds together, and the checks that span feeds (references by id).

#include "core/feeds/feed.hpp"

#include <array>
#include <optional>
#include <vector>

namespace cordon {

struct FeedSet {
    std::array<std::optional<Feed>, kFeedKindCount> feeds;

    const Feed* get(FeedKind kind) const {
        const auto& f = feeds[static_cast<int>(kind)];
        return f ? &*f : nullptr;
    }
    /// Replaces the feed of the same kind (a refresh swaps in a whole, validated feed).
    void replace(Feed feed) {
        ++versions[static_cast<int>(feed.kind)];
        feeds[static_cast<int>(feed.kind)] = std::move(feed);
    }
    /// Bumped on every replace, so views built from a feed (graph, meshes) know when to rebuild.
    std::array<unsigned, kFeedKindCount> versions{};
};

/// References between feeds that point nowhere: areas.parent, zones.area, posts.area/zone,
/// teams.zones/posts, roster.post/team. Warnings: the feature stays, the link is ignored.
/// A feed that is not loaded is not checked against.
std::vector<Diagnostic> checkReferences(const FeedSet& set);

} // namespace cordon
