#pragma once
/// All loaded feeds together, the version stamp that every result derived from them is keyed
/// by, and the checks that span feeds (references by id).

#include "core/feeds/feed.hpp"

#include <array>
#include <initializer_list>
#include <memory>
#include <vector>

namespace cordon {

/// The feeds on the map, one per kind. A feed, once in, is never changed: a refresh replaces it
/// whole. So a copy of the set shares the feeds themselves, and a fork (a what-if scenario, a
/// district subset) costs a few pointers until it replaces a feed of its own.
struct FeedSet {
    std::array<std::shared_ptr<const Feed>, kFeedKindCount> feeds;

    const Feed* get(FeedKind kind) const { return feeds[static_cast<int>(kind)].get(); }
    /// Replaces the feed of the same kind (a refresh swaps in a whole, validated feed).
    void replace(Feed feed) {
        const int k = static_cast<int>(feed.kind);
        ++versions[k];
        feeds[k] = std::make_shared<const Feed>(std::move(feed));
    }
    /// Bumped on every replace, so views built from a feed (graph, meshes) know when to rebuild.
    std::array<unsigned, kFeedKindCount> versions{};
};

/// The versions of the feeds one derived result was made from: the cache key of every view of
/// the feeds (graph, coverage, staffing, picking, labels, glyphs). Stale until first stamped, and
/// again once any of its input feeds is replaced; feeds it does not read never make it stale.
class FeedStamp {
  public:
    /// A result that reads every feed.
    FeedStamp();
    /// A result that reads only `inputs`.
    FeedStamp(std::initializer_list<FeedKind> inputs);

    /// Made, and none of its inputs replaced since.
    bool current(const FeedSet& feeds) const;
    /// Notes the versions of `feeds` the result is now made from.
    void stamp(const FeedSet& feeds);
    /// Makes it stale whatever the feeds (a setting the result depends on changed).
    void clear() { m_made = false; }

  private:
    std::array<bool, kFeedKindCount> m_reads{};
    std::array<unsigned, kFeedKindCount> m_versions{};
    bool m_made = false;
};

/// References between feeds that point nowhere: areas.parent, zones.area, posts.area/zone,
/// teams.zones/posts, roster.post/team. Warnings: the feature stays, the link is ignored.
/// A feed that is not loaded is not checked against.
std::vector<Diagnostic> checkReferences(const FeedSet& set);

} // namespace cordon
