#pragma once
/// GPU-ready vertex arrays for all loaded features, built once per feed change (never per frame).
/// Positions are float metres relative to `origin`, so single precision stays exact to centimetres
/// across a city even though Web Mercator coordinates are in the millions.

#include "core/feed.hpp"
#include "render/style.hpp"
#include "render/triangulate.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace cordon {

struct FillVertex {
    float x, y;
    Rgba colour;
};

/// One corner of a line segment's quad; the vertex shader pushes it out by half the width in
/// screen pixels, so lines keep their pixel width at every zoom.
struct LineVertex {
    float ax, ay; ///< segment start
    float bx, by; ///< segment end
    float along;  ///< 0 at the start, 1 at the end
    float side;   ///< -1 or +1: which side of the centre line
    float widthPx;
    Rgba colour;
};

struct PointInstance {
    float x, y;
    float sizePx;
    Rgba colour;
    float symbol = 0; ///< symbolCode(shape, fill); 0 = solid circle
};

struct SceneMesh {
    MercatorPoint origin;
    MercatorBox bounds;
    std::vector<FillVertex> fillVertices;
    std::vector<std::uint32_t> fillIndices;
    std::vector<LineVertex> lineVertices;
    std::vector<std::uint32_t> lineIndices;
    std::vector<PointInstance> points;
    struct IndexRange {
        std::uint32_t first = 0, count = 0;
    };
    /// Level of detail: parts of `fillIndices` / `lineIndices` drawn only from `minZoom` on
    /// (communities, compounds, minor streets), each group contiguous so a zoomed-out frame skips it
    /// in one piece. The whole city then draws a fraction of the geometry.
    struct Detail {
        IndexRange fill, line;
        double minZoom = 0;
    };
    std::vector<Detail> details;
};

/// Appends one segment (a to b, metres relative to the mesh origin) as a quad of the line shader.
void appendLineSegment(SceneMesh& mesh, Vec2 a, Vec2 b, Rgba colour, float widthPx);

/// Appends `from` to `into` (same origin), offsetting its indices.
void appendMesh(SceneMesh& into, const SceneMesh& from);

/// Builds fills (polygon interiors), lines (roads and polygon outlines) and point symbols for the
/// given feeds, stacked by `layerDrawOrder`.
SceneMesh buildSceneMesh(std::span<const Feed* const> feeds);

} // namespace cordon
