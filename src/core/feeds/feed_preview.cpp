#include "core/feeds/feed_preview.hpp"

#include "core/feeds/field_guess.hpp"
#include "core/formats/geojson_reader.hpp"

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

/// A feature's properties as one feed would read them: a field under its own name, else under a
/// name field_guess recognises (类型 for a post's kind), its value a contract value or a
/// recognised label (小区卡口).
class Fields {
  public:
    Fields(FeedKind kind, const JsonValue& props, const FeedMapping& recognised)
        : m_kind(kind), m_props(props), m_recognised(recognised) {}

    const JsonValue* find(std::string_view target) const {
        if (const JsonValue* v = m_props.find(target)) return v;
        for (const FieldMapping& m : m_recognised.map)
            if (m.target == target && !m.isLiteral()) return m_props.find(m.source);
        return nullptr;
    }
    bool has(std::string_view target) const {
        const JsonValue* v = find(target);
        return v && !v->isNull();
    }
    bool textIn(std::string_view target, auto fromName) const {
        const JsonValue* v = find(target);
        return v && v->isString() &&
               (fromName(v->string).has_value() || recogniseValue(m_kind, target, v->string).has_value());
    }

  private:
    FeedKind m_kind;
    const JsonValue& m_props;
    const FeedMapping& m_recognised;
};

/// Whether one feature looks like a feature of `kind`: its geometry and the field that tells the
/// kind apart (a zone's risk, a road's highway class, ...).
bool fits(FeedKind kind, PreviewGeometry g, const Fields& p) {
    switch (kind) {
    case FeedKind::Areas:
        return g == PreviewGeometry::Polygon && p.textIn("level", areaLevelFromName);
    case FeedKind::Zones:
        return g == PreviewGeometry::Polygon && p.textIn("risk", riskFromName);
    case FeedKind::Posts:
        return g == PreviewGeometry::Point && p.textIn("kind", postKindFromName);
    case FeedKind::Teams:
        return g == PreviewGeometry::Point && p.textIn("kind", teamKindFromName);
    case FeedKind::Roster:
        return g == PreviewGeometry::None && p.has("from") && p.has("to") && (p.has("post") || p.has("team"));
    case FeedKind::Roads:
        return g == PreviewGeometry::Line && p.has("highway");
    case FeedKind::Facilities:
        return g == PreviewGeometry::Point && p.textIn("kind", facilityKindFromName);
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
    std::vector<JsonValue> sampled;
    std::vector<PreviewGeometry> geometries;
    for (std::size_t i = 0; i < n && sampled.size() < sample; i += step) {
        const FeatureRecord& f = layer.features[i];
        JsonParseResult props = parseJson(layer.propertiesJson(i));
        if (!props.value) continue;
        if (preview.names.size() < 5) {
            const JsonValue* cn = props.value->find("名称");
            if (!f.name.empty())
                preview.names.push_back(f.name);
            else if (cn && cn->isString() && !cn->string.empty())
                preview.names.push_back(cn->string);
        }
        for (const auto& [key, value] : props.value->members)
            ++keyCounts[key];
        sampled.push_back(std::move(*props.value));
        geometries.push_back(geometryOf(layer, f));
    }
    preview.sampled = sampled.size();
    std::vector<std::string> fieldNames;
    for (const auto& [key, count] : keyCounts)
        fieldNames.push_back(key);
    std::array<std::size_t, kFeedKindCount> fitCounts{};
    for (int k = 0; k < kFeedKindCount; ++k) {
        FeedMapping recognised;
        recognised.feed = static_cast<FeedKind>(k);
        recogniseFields(recognised, fieldNames);
        for (std::size_t i = 0; i < sampled.size(); ++i)
            fitCounts[k] += fits(static_cast<FeedKind>(k), geometries[i],
                                 Fields(static_cast<FeedKind>(k), sampled[i], recognised));
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
