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

/// The translucent colour of the band at `rank` of `count`, widest (longest time) first: blue
/// (Okabe-Ito), darker for the shorter times drawn on top.
Rgba isochroneBandColour(std::size_t rank, std::size_t count);
/// What the eye sees inside each of `count` nested bands drawn over `ground`, shortest time first
/// (every wider band's colour lies under it): the legend's swatches.
std::vector<Rgba> isochroneKeyColours(std::size_t count, Rgba ground);

/// Bands in any order; colours go from dark (shortest time) to light (longest), translucent.
IsochroneMesh buildIsochroneMesh(const std::vector<IsochroneBand>& bands, MercatorPoint origin);

} // namespace cordon
