#pragma once
/// Spherical Web Mercator (EPSG:3857), the projection of every web map, so that cordon's
/// views line up with any tile service or GIS export a command center already uses.

#include "core/geo/geo.hpp"

namespace cordon::mercator {

/// Sphere radius used by EPSG:3857, metres.
inline constexpr double kEarthRadius = 6378137.0;
/// Latitude where the projected world becomes square; inputs beyond it are clamped.
inline constexpr double kMaxLatitude = 85.051128779806604;
/// Half the width of the projected world, metres.
inline constexpr double kHalfWorld = 20037508.342789244;

MercatorPoint project(LonLat p);
LonLat unproject(MercatorPoint p);

/// Ground metres per projected metre at a latitude (Mercator stretches by 1/cos(lat)).
double scaleFactor(double latitudeDegrees);

} // namespace cordon::mercator
