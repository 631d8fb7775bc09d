#include "core/feed_preview.hpp"

#include "core/geojson_reader.hpp"

#include <algorithm>
#include <map>

namespace cordon {
namespace {

PreviewGeometry geometryOf(const FeatureLayer& layer, const FeatureRecord& f) {
    if (f.partCount == 0) return PreviewGeometry::None;
    switch (layer.parts[f.firstPart].kind) {
    case PartKind::Point:
        return PreviewGeometry::Point;
    case PartKind::Line:
        return PreviewGeometry::Line;
    case PartKind::Polygon:
        return PreviewGeometry::Polygon;
    }
    return PreviewGeometry::None;
}

bool textIn(const JsonValue& props, std::string_view key, auto fromName) {
    const JsonValue* v = props.find(key);
    return v && v->isString() && fromName(v->string).has_value();
}

bool has(const JsonValue& props, std::string_view key) {
    const JsonValue* v = props.find(key);
    return v && !v->isNull();
}

/// Whether one feature looks like a feature of `kind`: its geometry and the field that tells the
/// kind apart (a zone's risk, a road's highway class, ...).
bool fits(FeedKind kind, PreviewGeometry g, const JsonValue& p) {
    switch (kind) {
    case FeedKind::Areas:
        return g == PreviewGeometry::Polygon && textIn(p, "level", areaLevelFromName);
    case FeedKind::Zones:
        return g == PreviewGeometry::Polygon && textIn(p, "risk", riskFromName);
    case FeedKind::Posts:
        return g == PreviewGeometry::Point && textIn(p, "kind", postKindFromName);
    case FeedKind::Teams:
        return g == PreviewGeometry::Point && textIn(p, "kind", teamKindFromName);
    case FeedKind::Roster:
        return g == PreviewGeometry::None && has(p, "from") && has(p, "to") &&
               (has(p, "post") || has(p, "team"));
    case FeedKind::Roads:
        return g == PreviewGeometry::Line && has(p, "highway");
    case FeedKind::Facilities:
        return g == PreviewGeometry::Point && textIn(p, "kind", facilityKindFromName);
    }
    return false;
}

} // namespace

FeedPreview previewFeed(std::string_view bytes, std::size_t sample) {
    FeedPreview preview;
    GeoJsonReadResult read = readGeoJson(bytes, "preview");
    if (!read.layer) return preview;
    const FeatureLayer& layer = *read.layer;
    preview.readable = true;
    preview.features = layer.features.size();
    for (const FeatureRecord& f : layer.features)
        ++preview.geometry[static_cast<int>(geometryOf(layer, f))];

    // Spread the sample over the file: exports are often sorted by kind or district.
    const std::size_t n = layer.features.size();
    const std::size_t step = n > sample && sample > 0 ? n / sample : 1;
    std::map<std::string, std::size_t> keyCounts;
    std::array<std::size_t, kFeedKindCount> fitCounts{};
    for (std::size_t i = 0; i < n && preview.sampled < sample; i += step) {
        const FeatureRecord& f = layer.features[i];
        if (!f.name.empty() && preview.names.size() < 5) preview.names.push_back(f.name);
        const JsonParseResult props = parseJson(layer.propertiesJson(i));
        if (!props.value) continue;
        ++preview.sampled;
        for (const auto& [key, value] : props.value->members)
            ++keyCounts[key];
        const PreviewGeometry g = geometryOf(layer, f);
        for (int k = 0; k < kFeedKindCount; ++k)
            fitCounts[k] += fits(static_cast<FeedKind>(k), g, *props.value);
    }
    std::vector<std::pair<std::string, std::size_t>> keys(keyCounts.begin(), keyCounts.end());
    std::stable_sort(keys.begin(), keys.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (std::size_t i = 0; i < keys.size() && i < 16; ++i)
        preview.propertyNames.push_back(keys[i].first);

    double best = 0;
    for (int k = 0; k < kFeedKindCount; ++k) {
        preview.fit[k] = preview.sampled ? double(fitCounts[k]) / double(preview.sampled) : 0.0;
        if (preview.fit[k] > best) {
            best = preview.fit[k];
            preview.guess = static_cast<FeedKind>(k);
        }
    }
    if (best < 0.5) preview.guess.reset();
    return preview;
}

} // namespace cordon
