#pragma once
/// Exact point-in-polygon on a FeatureLayer's polygons, in lon/lat degrees.
///
/// The rule: polygons are closed sets. A point exactly on an edge or a vertex, of the outer ring or
/// of a hole, is `Boundary`; a point inside a hole is `Outside`. For "which zone contains this
/// point", a `Boundary` point counts as inside: a point on the shared border of two areas belongs
/// to both (this matches GEOS/JTS `intersects`).
///
/// Everything is decided with exact comparisons and the exact orientation predicate on the stored
/// doubles (no projection, so no rounding): the answer is the mathematically right one for the
/// polygon as stored, never a near miss.

#include "core/formats/feature_layer.hpp"
#include "core/geo/geo.hpp"

#include <cstddef>
#include <cstdint>

namespace cordon {

enum class Containment : std::uint8_t { Outside, Inside, Boundary };

/// Locates p against one closed ring (stored open: the edge from the last position back to the
/// first is implied), by the even-odd rule. A ring with no positions contains nothing.
Containment locateInRing(const LonLat* ring, std::size_t count, LonLat p);

/// Locates p against polygon part `part` of the layer: inside the outer ring and not inside any
/// hole. Boundary if p lies on the outer ring or on any hole's ring. Outside for a part that is
/// not a polygon or an index out of range.
Containment locateInPolygon(const FeatureLayer& layer, std::size_t part, LonLat p);

/// Locates p against all polygon parts of a feature (a MultiPolygon is the union of its parts):
/// Inside if in the interior of some part, else Boundary if on the boundary of some part, else
/// Outside. Point and line parts are ignored; an index out of range is Outside.
Containment locateInFeature(const FeatureLayer& layer, std::size_t feature, LonLat p);

/// True when the feature's polygons contain p, boundary included (the "which zone" rule).
inline bool featureContains(const FeatureLayer& layer, std::size_t feature, LonLat p) {
    return locateInFeature(layer, feature, p) != Containment::Outside;
}

namespace detail {

enum class EdgeHit : std::uint8_t { None, Crossing, Boundary };

/// One step of the exact crossing test for the edge a -> b of a ring: Boundary if p is a or lies
/// on a horizontal edge through p, or exactly on a non-horizontal edge that spans p's latitude;
/// Crossing if the edge crosses the ray from p towards +lon (half-open in latitude, so a vertex
/// on the ray is counted once). Only edges whose latitude range contains p.lat can return
/// anything but None, which lets an index skip all other edges. The end point b is tested as the
/// start of the next edge.
EdgeHit classifyEdge(LonLat a, LonLat b, LonLat p);

} // namespace detail

} // namespace cordon
