#pragma once
/// Isochrones: how far a team gets in 5/10/15 minutes. Built the way routing engines do it:
/// travel times from a bounded Dijkstra are rasterised along every reached edge onto a grid
/// (plus a short walk off the road into the block), then contoured with marching squares at each
/// threshold. Rings are closed, outer rings counter-clockwise and holes clockwise (RFC 7946), and
/// no ring crosses another: simplification only drops collinear points, which cannot make a ring
/// cross itself.

#include "core/geo/contour.hpp"
#include "core/geo/geo.hpp"
#include "core/routing/travel_times.hpp"

#include <string>
#include <vector>

namespace cordon {

struct IsochroneBand {
    double minutes = 0;
    std::vector<Polygon> polygons; ///< a MultiPolygon
};

struct IsochroneOptions {
    double cellMetres = 0;    ///< grid cell; 0 picks 25 m walking, 60 m driving
    double offRoadMetres = 0; ///< how far into a block from the road counts; 0 = one cell
    double minRingCells = 4;  ///< rings smaller than this many cells are dropped
};

/// Contours of the times in `times` (already run with a cutoff at least the largest threshold)
/// at each of `minutes`, ascending. Empty bands where nothing is reached.
std::vector<IsochroneBand> buildIsochrones(const TravelTimes& times, const std::vector<double>& minutes,
                                           IsochroneOptions options = {});

/// The bands as a GeoJSON FeatureCollection (one MultiPolygon feature per band).
std::string isochronesToGeoJson(const std::vector<IsochroneBand>& bands, TravelMode mode);

/// Signed area of a closed ring in square degrees (positive counter-clockwise).
double ringArea(const Ring& ring);

} // namespace cordon
