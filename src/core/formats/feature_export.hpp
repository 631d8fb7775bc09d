#pragma once
/// A loaded layer written back out ("export the selected layer"): GeoJSON with every feature's
/// id, geometry and properties as read (unknown ones included), or CSV with one row per feature
/// for spreadsheets (id, name, a representative lon/lat, then each property in its own column).

#include "core/formats/csv.hpp"
#include "core/formats/feature_layer.hpp"

#include <string>

namespace cordon {

/// A FeatureCollection; polygons' rings closed again, coordinates to 1e-7 degrees.
std::string layerToGeoJson(const FeatureLayer& layer);

/// The BOM, then `id,name,lon,lat` and one column per property name (in the order they first
/// appear; a feature without one leaves it empty; nested values as JSON), RFC 4180 quoting.
/// lon/lat is the point itself, or the centre of the feature's bounding box for lines and
/// polygons (empty for a feature without geometry).
std::string layerToCsv(const FeatureLayer& layer);

} // namespace cordon
