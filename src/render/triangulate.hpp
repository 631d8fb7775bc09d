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

/// Signed area of an open ring: positive when counter-clockwise (y up).
double signedArea(std::span<const Vec2> ring);

} // namespace cordon
