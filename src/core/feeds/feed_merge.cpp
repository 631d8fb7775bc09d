#include "core/feeds/feed_merge.hpp"

#include "core/formats/feature_export.hpp"
#include "core/formats/json.hpp"

namespace cordon {

MergedFeed mergeFeeds(const Feed& base, const Feed& addition) {
    MergedFeed m;
    m.geojson = R"({"type":"FeatureCollection","cordon":{"feed":)" + jsonQuote(feedKindName(base.kind)) +
                R"(,"version":1},"features":[)";
    // Which feature of the file, if any, replaces each of the feed's.
    std::vector<bool> placed(addition.size(), false);
    bool first = true;
    const auto append = [&](const FeatureLayer& layer, std::size_t i) {
        m.geojson += first ? "\n" : ",\n";
        first = false;
        appendFeatureGeoJson(m.geojson, layer, i);
    };
    for (std::size_t i = 0; i < base.size(); ++i) {
        const std::string& id = base.layer.features[i].id;
        const std::optional<std::uint32_t> newer = id.empty() ? std::nullopt : addition.find(id);
        if (newer && !placed[*newer]) {
            placed[*newer] = true;
            append(addition.layer, *newer);
            ++m.replaced;
        } else {
            append(base.layer, i);
            ++m.kept;
        }
    }
    for (std::size_t i = 0; i < addition.size(); ++i) {
        if (placed[i]) continue;
        append(addition.layer, i);
        ++m.added;
    }
    m.geojson += "\n]}\n";
    return m;
}

} // namespace cordon
