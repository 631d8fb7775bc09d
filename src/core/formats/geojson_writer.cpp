// The GeoJSON writer: the geometry half of the JsonWriter, shared by every GeoJSON output.

#include "core/formats/geojson_writer.hpp"

namespace cordon {

namespace {

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

std::span<const LonLat> ringOf(const FeatureLayer& layer, std::uint32_t ring) {
    return {layer.ring(ring), layer.ringSize(ring)};
}

/// The coordinates of one part, without the type.
void writePart(JsonWriter& out, const FeatureLayer& layer, const GeometryPart& part) {
    switch (part.kind) {
    case PartKind::Point:
        writePosition(out, layer.ring(part.firstRing)[0]);
        break;
    case PartKind::Line:
        writePositions(out, ringOf(layer, part.firstRing));
        break;
    case PartKind::Polygon:
        out.beginArray();
        for (std::uint32_t r = part.firstRing; r < part.firstRing + part.ringCount; ++r)
            writePositions(out, ringOf(layer, r), true);
        out.endArray();
        break;
    }
}

} // namespace

void writePosition(JsonWriter& out, LonLat p, int decimals) {
    out.beginArray().rounded(p.lon, decimals).rounded(p.lat, decimals).endArray();
}

void writePositions(JsonWriter& out, std::span<const LonLat> points, bool close, int decimals) {
    out.beginArray();
    for (const LonLat& p : points)
        writePosition(out, p, decimals);
    if (close && !points.empty()) writePosition(out, points.front(), decimals);
    out.endArray();
}

void writeMultiPolygon(JsonWriter& out, const std::vector<Polygon>& polygons, int decimals) {
    out.beginObject().member("type", "MultiPolygon").key("coordinates").beginArray();
    for (const Polygon& polygon : polygons) {
        out.beginArray();
        for (const Ring& ring : polygon)
            writePositions(out, ring, false, decimals);
        out.endArray();
    }
    out.endArray().endObject();
}

void writeGeometry(JsonWriter& out, const FeatureLayer& layer, const FeatureRecord& f) {
    if (f.partCount == 0) {
        out.null();
        return;
    }
    const GeometryPart& first = layer.parts[f.firstPart];
    bool same = true;
    for (std::uint32_t p = f.firstPart; p < f.firstPart + f.partCount; ++p)
        same = same && layer.parts[p].kind == first.kind;
    if (!same) {
        out.beginObject().member("type", "GeometryCollection").key("geometries").beginArray();
        for (std::uint32_t p = f.firstPart; p < f.firstPart + f.partCount; ++p) {
            out.beginObject().member("type", typeName(layer.parts[p].kind, false)).key("coordinates");
            writePart(out, layer, layer.parts[p]);
            out.endObject();
        }
        out.endArray().endObject();
        return;
    }
    const bool multi = f.partCount > 1;
    out.beginObject().member("type", typeName(first.kind, multi)).key("coordinates");
    if (multi) out.beginArray();
    for (std::uint32_t p = f.firstPart; p < f.firstPart + f.partCount; ++p)
        writePart(out, layer, layer.parts[p]);
    if (multi) out.endArray();
    out.endObject();
}

void writeFeature(JsonWriter& out, const FeatureLayer& layer, std::size_t feature) {
    const FeatureRecord& f = layer.features[feature];
    out.beginObject().member("type", "Feature").member("id", f.id).key("geometry");
    writeGeometry(out, layer, f);
    out.key("properties").raw(layer.propertiesJson(feature)).endObject();
}

void beginFeatureCollection(JsonWriter& out, std::string_view cordonFeed) {
    out.beginObject().member("type", "FeatureCollection");
    if (!cordonFeed.empty())
        out.key("cordon").beginObject().member("feed", cordonFeed).member("version", 1).endObject();
    out.key("features").beginArray();
}

void endFeatureCollection(JsonWriter& out) {
    out.lineBreak().endArray().endObject();
}

} // namespace cordon
