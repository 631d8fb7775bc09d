#pragma once
/// GeoJSON written through the JsonWriter: positions, lines, multipolygons and a feature layer's
/// geometries and features. Every GeoJSON output (layer export, merged and mapped feeds,
/// isochrones, coverage and plan files) uses these, so positions have one precision and one
/// order (longitude first), rings are closed and features sit one per line.

#include "core/formats/feature_layer.hpp"
#include "core/formats/json_writer.hpp"
#include "core/geo/contour.hpp"

#include <span>
#include <string_view>

namespace cordon {

/// Decimals of degrees in positions: 7 is about a centimetre, below any survey's accuracy.
inline constexpr int kPositionDecimals = 7;

/// [lon, lat], each to at most `decimals` decimals (trailing zeros dropped).
void writePosition(JsonWriter& out, LonLat p, int decimals = kPositionDecimals);
/// An array of positions; a ring is closed by repeating its first position when `close`.
void writePositions(JsonWriter& out, std::span<const LonLat> points, bool close = false,
                    int decimals = kPositionDecimals);
/// A MultiPolygon geometry object.
void writeMultiPolygon(JsonWriter& out, const std::vector<Polygon>& polygons,
                       int decimals = kPositionDecimals);
/// A feature's geometry object: null without parts, a GeometryCollection when its parts differ
/// in kind, else Point, LineString or Polygon (Multi- for several parts).
void writeGeometry(JsonWriter& out, const FeatureLayer& layer, const FeatureRecord& feature);
/// A whole feature of a layer: its id, geometry and properties as read.
void writeFeature(JsonWriter& out, const FeatureLayer& layer, std::size_t feature);

/// Opens a FeatureCollection's object and its `features` array; `cordonFeed` (when given) adds
/// the `cordon` header naming the feed. Close with endFeatureCollection.
void beginFeatureCollection(JsonWriter& out, std::string_view cordonFeed = {});
void endFeatureCollection(JsonWriter& out);

} // namespace cordon
