#include "core/formats/feature_export.hpp"

#include "core/formats/csv.hpp"
#include "core/geo/mercator.hpp"

#include <cstdio>

namespace cordon {

namespace {

void appendPosition(std::string& out, LonLat p) {
    char b[64];
    std::snprintf(b, sizeof b, "[%.7f,%.7f]", p.lon, p.lat);
    out += b;
}

void appendRing(std::string& out, const FeatureLayer& layer, std::uint32_t ring, bool close) {
    const LonLat* pts = layer.ring(ring);
    const std::size_t n = layer.ringSize(ring);
    out += '[';
    for (std::size_t i = 0; i < n; ++i) {
        if (i) out += ',';
        appendPosition(out, pts[i]);
    }
    if (close && n > 0) {
        out += ',';
        appendPosition(out, pts[0]);
    }
    out += ']';
}

/// The coordinates of one part, without the type.
void appendPart(std::string& out, const FeatureLayer& layer, const GeometryPart& part) {
    switch (part.kind) {
    case PartKind::Point:
        appendPosition(out, layer.ring(part.firstRing)[0]);
        break;
    case PartKind::Line:
        appendRing(out, layer, part.firstRing, false);
        break;
    case PartKind::Polygon:
        out += '[';
        for (std::uint32_t r = part.firstRing; r < part.firstRing + part.ringCount; ++r) {
            if (r > part.firstRing) out += ',';
            appendRing(out, layer, r, true);
        }
        out += ']';
        break;
    }
}

const char* typeName(PartKind kind, bool multi) {
    switch (kind) {
    case PartKind::Point:
        return multi ? "MultiPoint" : "Point";
    case PartKind::Line:
        return multi ? "MultiLineString" : "LineString";
    case PartKind::Polygon:
        return multi ? "MultiPolygon" : "Polygon";
    }
    return "Point";
}

void appendGeometry(std::string& out, const FeatureLayer& layer, const FeatureRecord& f) {
    if (f.partCount == 0) {
        out += "null";
        return;
    }
    const GeometryPart& first = layer.parts[f.firstPart];
    bool same = true;
    for (std::uint32_t p = f.firstPart; p < f.firstPart + f.partCount; ++p)
        same = same && layer.parts[p].kind == first.kind;
    if (!same) { // mixed kinds: a collection of single geometries
        out += R"({"type":"GeometryCollection","geometries":[)";
        for (std::uint32_t p = f.firstPart; p < f.firstPart + f.partCount; ++p) {
            if (p > f.firstPart) out += ',';
            out += std::string(R"({"type":")") + typeName(layer.parts[p].kind, false) + R"(","coordinates":)";
            appendPart(out, layer, layer.parts[p]);
            out += '}';
        }
        out += "]}";
        return;
    }
    const bool multi = f.partCount > 1;
    out += std::string(R"({"type":")") + typeName(first.kind, multi) + R"(","coordinates":)";
    if (multi) out += '[';
    for (std::uint32_t p = f.firstPart; p < f.firstPart + f.partCount; ++p) {
        if (p > f.firstPart) out += ',';
        appendPart(out, layer, layer.parts[p]);
    }
    if (multi) out += ']';
    out += '}';
}

} // namespace

void appendFeatureGeoJson(std::string& out, const FeatureLayer& layer, std::size_t feature) {
    const FeatureRecord& f = layer.features[feature];
    out += R"({"type":"Feature","id":)" + jsonQuote(f.id) + R"(,"geometry":)";
    appendGeometry(out, layer, f);
    out += R"(,"properties":)";
    out += layer.propertiesJson(feature);
    out += '}';
}

std::string layerToGeoJson(const FeatureLayer& layer) {
    std::string out = R"({"type":"FeatureCollection","features":[)";
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        out += i ? ",\n" : "\n";
        appendFeatureGeoJson(out, layer, i);
    }
    out += "\n]}\n";
    return out;
}

std::string layerToCsv(const FeatureLayer& layer) {
    std::string out = "id,name,lon,lat,properties\n";
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
        out += csvField(f.id) + ',' + csvField(f.name) + ',' + lon + ',' + lat + ',' +
               csvField(layer.propertiesJson(i)) + '\n';
    }
    return out;
}

} // namespace cordon
