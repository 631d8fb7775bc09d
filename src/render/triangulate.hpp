#pragma once
/// Polygon triangulation for filled areas (ear clipping), done once per feed change.

#include <cstdint>
#include <span>
#include <vector>

namespace cordon {

struct Vec2 {
    double x = 0.0;
    double y = 0.0;
};

/// Triangulates a simple polygon given as an open ring (first point not repeated), either winding.
/// Appends indices into `ring` (plus `indexBase`) to `out`, three per triangle, counter-clockwise.
/// Degenerate input (fewer than three points, zero area) yields no triangles.
void triangulateRing(std::span<const Vec2> ring, std::uint32_t indexBase, std::vector<std::uint32_t>& out);

/// Triangulates a polygon with holes: `points` holds its open rings one after another, outer ring
/// first, `ringSizes` their lengths. Each hole is bridged into the outer ring from its rightmost
/// vertex (as earcut does) and the result ear-clipped, so holes stay empty. Indices are into
/// `points` (plus `indexBase`). Degenerate rings are skipped; a degenerate outer ring yields nothing.
void triangulatePolygon(std::span<const Vec2> points, std::span<const std::uint32_t> ringSizes,
                        std::uint32_t indexBase, std::vector<std::uint32_t>& out);

/// Signed area of an open ring: positive when counter-clockwise (y up).
double signedArea(std::span<const Vec2> ring);

} // namespace cordon
