#pragma once
/// What a click on the map points at: the feature drawn on top under the pointer. Points (teams,
/// posts, facilities) within the pick radius come first, then the zone containing the click, then
/// a road within the radius, then the smallest administrative area containing it.

#include "core/feeds/feed_set.hpp"
#include "core/map/feature_index.hpp"

#include <array>
#include <optional>

namespace cordon {

struct PickedFeature {
    FeedKind kind = FeedKind::Zones;
    std::uint32_t feature = 0;
    friend bool operator==(const PickedFeature&, const PickedFeature&) = default;
};

/// Which feeds may be picked (the visible layers), by FeedKind.
using FeedMask = std::array<bool, kFeedKindCount>;

class FeaturePicker {
  public:
    /// Rebuilds the index of every feed whose FeedSet version changed since the last call.
    void update(const FeedSet& feeds);

    /// The feature under `p`; `radiusMetres` is the pointer's reach on the ground (a few pixels).
    std::optional<PickedFeature> pick(const FeedSet& feeds, LonLat p, double radiusMetres,
                                      const FeedMask& pickable) const;

  private:
    std::array<FeatureIndex, kFeedKindCount> m_indexes;
    std::array<unsigned, kFeedKindCount> m_versions{};
};

} // namespace cordon
