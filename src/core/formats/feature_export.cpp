// Layer export: GeoJSON through the GeoJSON writer, CSV by hand (one row per feature, one column
// per property).

#include "core/formats/feature_export.hpp"

#include "core/formats/csv.hpp"
#include "core/formats/geojson_writer.hpp"
#include "core/formats/json.hpp"
#include "core/geo/mercator.hpp"

#include <cstdio>
#include <vector>

namespace cordon {

std::string layerToGeoJson(const FeatureLayer& layer) {
    JsonWriter out;
    beginFeatureCollection(out);
    for (std::size_t i = 0; i < layer.features.size(); ++i)
        writeFeature(out.lineBreak(), layer, i);
    endFeatureCollection(out);
    return out.take() + '\n';
}

namespace {

/// A property's value as a spreadsheet cell: text as it is, numbers as JSON writes them, true or
/// false, nothing for null, and nested values as compact JSON.
std::string cellText(const JsonValue& v) {
    switch (v.type) {
    case JsonType::Null:
        return {};
    case JsonType::String:
        return v.string;
    case JsonType::Bool:
        return v.boolean ? "true" : "false";
    case JsonType::Number:
        return numberJson(v.number);
    default:
        return writeJson(v);
    }
}

} // namespace

std::string layerToCsv(const FeatureLayer& layer) {
    // The properties' names in the order they first appear; each feature's values by column.
    std::vector<std::string> columns;
    std::vector<std::vector<std::pair<std::size_t, std::string>>> cells(layer.features.size());
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        const JsonParseResult parsed = parseJson(layer.propertiesJson(i));
        if (!parsed.ok() || !parsed.value->isObject()) continue;
        for (const auto& [key, value] : parsed.value->members) {
            if (key == "name") continue; // its own column
            std::size_t c = 0;
            while (c < columns.size() && columns[c] != key)
                ++c;
            if (c == columns.size()) columns.push_back(key);
            cells[i].emplace_back(c, cellText(value));
        }
    }
    std::string out = kUtf8Bom;
    out += "id,name,lon,lat";
    for (const std::string& c : columns)
        out += ',' + csvField(c);
    out += '\n';
    std::vector<std::string> row;
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        const FeatureRecord& f = layer.features[i];
        std::string lon, lat;
        if (f.partCount > 0) {
            LonLat at;
            if (f.partCount == 1 && layer.parts[f.firstPart].kind == PartKind::Point)
                at = layer.ring(layer.parts[f.firstPart].firstRing)[0];
            else
                at = mercator::unproject(layer.featureBounds(i).centre());
            char b[32];
            std::snprintf(b, sizeof b, "%.7f", at.lon);
            lon = b;
            std::snprintf(b, sizeof b, "%.7f", at.lat);
            lat = b;
        }
        row.assign(columns.size(), std::string());
        for (auto& [c, text] : cells[i])
            row[c] = std::move(text);
        out += csvField(f.id) + ',' + csvField(f.name) + ',' + lon + ',' + lat;
        for (const std::string& cell : row)
            out += ',' + csvField(cell);
        out += '\n';
    }
    return out;
}

} // namespace cordon
