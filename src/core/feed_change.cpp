#include "core/feed_change.hpp"

#include <cstring>
#include <string_view>
#include <unordered_map>

namespace cordon {
namespace {

/// FNV-1a over the feature's properties text and its positions.
std::uint64_t featureHash(const Feed& feed, std::size_t feature) {
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&](const void* data, std::size_t size) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i)
            h = (h ^ p[i]) * 1099511628211ull;
    };
    const std::string_view props = feed.layer.propertiesJson(feature);
    mix(props.data(), props.size());
    const FeatureRecord& f = feed.layer.features[feature];
    for (std::uint32_t p = f.firstPart; p < f.firstPart + f.partCount; ++p) {
        const GeometryPart& part = feed.layer.parts[p];
        for (std::uint32_t r = part.firstRing; r < part.firstRing + part.ringCount; ++r) {
            const std::size_t n = feed.layer.ringSize(r);
            mix(feed.layer.ring(r), n * sizeof(LonLat));
            mix(&n, sizeof n);
        }
    }
    return h;
}

std::string keyOf(const Feed& feed, std::size_t feature) {
    const std::string& id = feed.layer.features[feature].id;
    return id.empty() ? "#" + std::to_string(feature) : "=" + id;
}

bool isHighRisk(const Feed& feed, std::size_t feature) {
    return feed.kind == FeedKind::Zones && feature < feed.zones.size() &&
           feed.zones[feature].risk == Risk::High;
}

} // namespace

FeedChange diffFeeds(const Feed& before, const Feed& after) {
    FeedChange change;
    change.kind = after.kind;
    std::unordered_map<std::string, std::size_t> old;
    old.reserve(before.size());
    for (std::size_t i = 0; i < before.size(); ++i)
        old.emplace(keyOf(before, i), i);
    std::vector<bool> seen(before.size(), false);
    for (std::size_t i = 0; i < after.size(); ++i) {
        const auto it = old.find(keyOf(after, i));
        const bool highNow = isHighRisk(after, i);
        if (it == old.end()) {
            ++change.added;
            change.highRiskAdded += highNow;
            continue;
        }
        seen[it->second] = true;
        const bool highBefore = isHighRisk(before, it->second);
        change.highRiskAdded += highNow && !highBefore;
        change.highRiskLifted += highBefore && !highNow;
        if (featureHash(before, it->second) != featureHash(after, i)) ++change.changed;
    }
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (seen[i]) continue;
        ++change.removed;
        change.highRiskLifted += isHighRisk(before, i);
        if (change.removedNames.size() < FeedChange::kRemovedNamesKept) {
            const FeatureRecord& f = before.layer.features[i];
            change.removedNames.push_back(f.name.empty() ? f.id : f.name);
        }
    }
    return change;
}

} // namespace cordon
