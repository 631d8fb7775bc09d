#pragma once
/// Isochrone bands as GPU-ready triangles for stencil filling: every ring becomes a triangle fan,
/// and a pixel covered an odd number of times is inside the band (holes and touching rings come
/// out right without triangulating). Each band also gets a quad over its extent, which is drawn
/// through the stencil in the band's colour.

#include "core/routing/isochrone.hpp"
#include "render/scene_mesh.hpp"

#include <vector>

namespace cordon {

struct IsochroneBandRange {
    std::uint32_t fanFirst = 0, fanCount = 0; ///< vertices of the stencil fans
    std::uint32_t quadFirst = 0;              ///< 6 vertices of the colour quad
};

struct IsochroneMesh {
    std::vector<FillVertex> vertices;
    std::vector<IsochroneBandRange> bands; ///< drawn in this order: widest band first
};

/// Bands in any order; colours go from dark (shortest time) to light (longest), translucent.
IsochroneMesh buildIsochroneMesh(const std::vector<IsochroneBand>& bands, MercatorPoint origin);

} // namespace cordon
