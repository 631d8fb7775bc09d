#include "core/map/feature_picker.hpp"

namespace cordon {

void FeaturePicker::update(const FeedSet& feeds) {
    for (int k = 0; k < kFeedKindCount; ++k) {
        if (m_versions[k] == feeds.versions[k]) continue;
        const Feed* feed = feeds.feeds[k] ? &*feeds.feeds[k] : nullptr;
        m_indexes[k] = feed ? FeatureIndex(feed->layer) : FeatureIndex();
        m_versions[k] = feeds.versions[k];
    }
}

std::optional<PickedFeature> FeaturePicker::pick(const FeedSet& feeds, LonLat p, double radiusMetres,
                                                 const FeedMask& pickable) const {
    auto usable = [&](FeedKind kind) {
        const int k = static_cast<int>(kind);
        return pickable[k] && feeds.get(kind) && m_indexes[k].featureCount() == feeds.get(kind)->size();
    };
    auto index = [&](FeedKind kind) -> const FeatureIndex& { return m_indexes[static_cast<int>(kind)]; };

    std::optional<PickedFeature> best;
    double bestDistance = radiusMetres;
    for (FeedKind kind : {FeedKind::Teams, FeedKind::Posts, FeedKind::Facilities}) {
        if (!usable(kind)) continue;
        for (const FeatureDistance& d : index(kind).nearest(p, 1, radiusMetres))
            if (!best || d.distanceMetres < bestDistance) {
                best = PickedFeature{kind, d.feature};
                bestDistance = d.distanceMetres;
            }
    }
    if (best) return best;

    if (usable(FeedKind::Zones)) {
        // Overlapping zones: the higher risk is the one drawn on top and the one that matters.
        const Feed& zones = *feeds.get(FeedKind::Zones);
        std::optional<std::uint32_t> top;
        for (std::uint32_t z : index(FeedKind::Zones).containing(p))
            if (!top || zones.zones[z].risk < zones.zones[*top].risk) top = z;
        if (top) return PickedFeature{FeedKind::Zones, *top};
    }
    if (usable(FeedKind::Roads))
        for (const FeatureDistance& d : index(FeedKind::Roads).nearest(p, 1, radiusMetres))
            return PickedFeature{FeedKind::Roads, d.feature};
    if (usable(FeedKind::Areas)) {
        const Feed& areas = *feeds.get(FeedKind::Areas);
        std::optional<std::uint32_t> deepest;
        for (std::uint32_t a : index(FeedKind::Areas).containing(p))
            if (!deepest || areas.areas[a].level > areas.areas[*deepest].level) deepest = a;
        if (deepest) return PickedFeature{FeedKind::Areas, *deepest};
    }
    return std::nullopt;
}

} // namespace cordon
