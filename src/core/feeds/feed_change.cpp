#include "core/feeds/feed_change.hpp"

#include <cstring>
#include <optional>
#include <vector>

namespace cordon {
namespace {

/// Whether feature `a` of `before` and feature `b` of `after` have the same properties and the
/// same geometry, compared directly (memcmp stops at the first difference; no hashing pass).
bool sameFeature(const Feed& before, std::size_t a, const Feed& after, std::size_t b) {
    if (before.layer.propertiesJson(a) != after.layer.propertiesJson(b)) return false;
    const FeatureRecord& fa = before.layer.features[a];
    const FeatureRecord& fb = after.layer.features[b];
    if (fa.partCount != fb.partCount) return false;
    for (std::uint32_t p = 0; p < fa.partCount; ++p) {
        const GeometryPart& pa = before.layer.parts[fa.firstPart + p];
        const GeometryPart& pb = after.layer.parts[fb.firstPart + p];
        if (pa.kind != pb.kind || pa.ringCount != pb.ringCount) return false;
        for (std::uint32_t r = 0; r < pa.ringCount; ++r) {
            const std::size_t n = before.layer.ringSize(pa.firstRing + r);
            if (n != after.layer.ringSize(pb.firstRing + r) ||
                std::memcmp(before.layer.ring(pa.firstRing + r), after.layer.ring(pb.firstRing + r),
                            n * sizeof(LonLat)) != 0)
                return false;
        }
    }
    return true;
}

bool isHighRisk(const Feed& feed, std::size_t feature) {
    return feed.kind == FeedKind::Zones && feature < feed.zones.size() &&
           feed.zones[feature].risk == Risk::High;
}

/// The feature of `before` that feature `i` of `after` is a version of: the same id (looked up in
/// the id index the reader built), or, without an id, the feature at the same place in the file.
/// A refresh mostly keeps the order, so the same place is tried first: ids are unique in a feed,
/// and a hit there spares a random probe into the index.
std::optional<std::size_t> counterpart(const Feed& before, const Feed& after, std::size_t i) {
    const std::string& id = after.layer.features[i].id;
    if (!id.empty()) {
        if (i < before.size() && before.layer.features[i].id == id) return i;
        return before.find(id);
    }
    if (i < before.size() && before.layer.features[i].id.empty()) return i;
    return std::nullopt;
}

} // namespace

FeedChange diffFeeds(const Feed& before, const Feed& after, bool compareContent) {
    FeedChange change;
    change.kind = after.kind;
    std::vector<bool> seen(before.size(), false);
    for (std::size_t i = 0; i < after.size(); ++i) {
        const std::optional<std::size_t> old = counterpart(before, after, i);
        const bool highNow = isHighRisk(after, i);
        if (!old || *old >= before.size() || seen[*old]) {
            ++change.added;
            change.highRiskAdded += highNow;
            continue;
        }
        seen[*old] = true;
        const bool highBefore = isHighRisk(before, *old);
        change.highRiskAdded += highNow && !highBefore;
        change.highRiskLifted += highBefore && !highNow;
        if (compareContent && !sameFeature(before, *old, after, i)) ++change.changed;
    }
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (seen[i]) continue;
        ++change.removed;
        change.highRiskLifted += isHighRisk(before, i);
        if (change.removedNames.size() < FeedChange::kRemovedNamesKept) {
            const FeatureRecord& f = before.layer.features[i];
            change.removedNames.push_back(f.shownName());
        }
    }
    return change;
}

} // namespace cordon
