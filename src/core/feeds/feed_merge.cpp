// Merging a file into a loaded feed by id: newer features replace, the rest are kept or added.

#include "core/feeds/feed_merge.hpp"

#include "core/formats/geojson_writer.hpp"

namespace cordon {

MergedFeed mergeFeeds(const Feed& base, const Feed& addition) {
    MergedFeed m;
    JsonWriter out;
    beginFeatureCollection(out, feedKindName(base.kind));
    // Which feature of the file, if any, replaces each of the feed's.
    std::vector<bool> placed(addition.size(), false);
    const auto append = [&](const FeatureLayer& layer, std::size_t i) {
        writeFeature(out.lineBreak(), layer, i);
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
    endFeatureCollection(out);
    m.geojson = out.take() + '\n';
    return m;
}

} // namespace cordon
