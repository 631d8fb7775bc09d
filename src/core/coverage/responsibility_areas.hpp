#pragma once
/// Areas of responsibility as polygons: the network Voronoi partition of one team kind drawn as
/// the ground each team gets to first. The split road network (`edgeResponsibility`) is
/// rasterised onto a grid, each cell taking the team that reaches its road first, spread a short
/// walk into the blocks, and each team's cells are contoured like an isochrone.

#include "core/coverage/coverage.hpp"
#include "core/geo/contour.hpp"
#include "core/routing/road_graph.hpp"

#include <cstdint>
#include <vector>

namespace cordon {

struct ResponsibilityArea {
    std::uint32_t team = 0;        ///< feature index in the teams feed
    std::vector<Polygon> polygons; ///< a MultiPolygon: the team's ground may come in pieces
};

struct ResponsibilityAreaOptions {
    double cellMetres = 50;   ///< grid cell on the ground
    double offRoadMetres = 0; ///< how far into a block from the road counts; 0 = two cells
    double minRingCells = 4;  ///< rings smaller than this many cells are dropped
};

/// One area per team that holds any road within `maxSeconds`, in team order.
std::vector<ResponsibilityArea> buildResponsibilityAreas(const Responsibility& responsibility,
                                                         const RoadGraph& graph, double maxSeconds,
                                                         const ResponsibilityAreaOptions& options = {});

} // namespace cordon
