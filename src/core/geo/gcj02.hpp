#pragma once
/// GCJ-02 ("Mars coordinates"), the obfuscated datum Chinese map services publish lon/lat in
/// (AutoNavi/Amap, DataV boundaries, Tencent). It shifts WGS84 positions by a few hundred metres;
/// data in GCJ-02 must be converted before it is overlaid on WGS84 data (OSM roads, GPS).
/// This is the commonly published approximation of the offset, accurate to about a metre.

#include "core/geo/geo.hpp"

namespace cordon::gcj02 {

/// The rough box GCJ-02 applies to; positions outside it are not shifted by either function.
bool inChina(LonLat p);

/// WGS84 -> GCJ-02 (the forward, closed-form offset). Unchanged outside China.
LonLat fromWgs84(LonLat wgs);

/// GCJ-02 -> WGS84, inverting the offset by fixed-point iteration: fromWgs84(result) lands within
/// 1e-12 degrees of `gcj` after a handful of steps. Unchanged outside China.
LonLat toWgs84(LonLat gcj);

} // namespace cordon::gcj02

namespace cordon {

/// GCJ-02 -> WGS84 (see gcj02::toWgs84).
inline LonLat gcj02ToWgs84(LonLat gcj) {
    return gcj02::toWgs84(gcj);
}

/// WGS84 -> GCJ-02 (see gcj02::fromWgs84).
inline LonLat wgs84ToGcj02(LonLat wgs) {
    return gcj02::fromWgs84(wgs);
}

} // namespace cordon
