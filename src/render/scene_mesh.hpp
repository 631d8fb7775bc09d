#pragma once
/// GPU-ready vertex arrays for all loaded features, built once per feed change (never per frame).
/// Positions are float metres relative to `origin`, so single precision stays exact to centimetres
/// across a city even though Web Mercator coordinates are in the millions.

#include "core/feeds/feed.hpp"
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

/// One side of one point of a line, in a triangle strip that runs along the line with a left and
/// a right vertex per point (MapLibre's layout). The vertex shader pushes the position out by
/// `extrude` times half the width in screen pixels, so lines keep their pixel width at every zoom;
/// at a bend the two segments meet in a miter, at the ends the line is capped square. 16 bytes a
/// vertex and two vertices a point: a city's compound outlines are millions of segments.
struct LineVertex {
    float x, y;             ///< the point, metres relative to the mesh origin
    std::int8_t extrude[2]; ///< offset in half widths, times kExtrudeScale
    std::int8_t side;       ///< -1 right, +1 left: across the line, for anti-aliasing
    std::uint8_t widthQuarterPx;
    Rgba colour;
};
static_assert(sizeof(LineVertex) == 16);
inline constexpr float kExtrudeScale = 32;
/// A bend sharper than this miter length (in half widths; about 60 degrees between the
/// segments) breaks the strip: each side is capped instead of a long spike.
inline constexpr double kMaxMiter = 2;

/// A point symbol: where, how large, colour and shape (drawn as a quad, see PointVertex).
struct PointSymbol {
    float x, y;
    float sizePx;
    Rgba colour;
    float symbol = 0; ///< symbolCode(shape, fill); 0 = solid circle
};

/// One corner of a point symbol's quad: the symbol's data repeated on its six vertices (two
/// triangles), so symbols draw without instancing, which software WebGL draws many times slower.
struct PointVertex {
    float x, y;
    float sizePx;
    Rgba colour;
    float symbol;
    std::int8_t cornerX, cornerY; ///< -1 or 1
    std::uint8_t padding[2] = {0, 0};
};
inline constexpr int kPointQuadVertices = 6;

/// The quads of `points`, kPointQuadVertices per point, in order.
std::vector<PointVertex> pointQuads(std::span<const PointSymbol> points);

struct SceneMesh {
    MercatorPoint origin;
    MercatorBox bounds;
    std::vector<FillVertex> fillVertices;
    std::vector<std::uint32_t> fillIndices;
    /// One triangle strip: each line starts and ends with its first and last vertex doubled, so the
    /// triangles between two lines have no area and any run of whole lines can be drawn alone.
    std::vector<LineVertex> lineVertices;
    std::vector<PointSymbol> points;
    struct IndexRange {
        std::uint32_t first = 0, count = 0;
    };
    /// Level of detail: parts of `fillIndices` / `lineVertices` drawn only from `minZoom` on
    /// (communities, compounds, minor streets), each group contiguous so a zoomed-out frame skips it
    /// in one piece. The whole city then draws a fraction of the geometry.
    struct Detail {
        IndexRange fill, line;
        double minZoom = 0;
    };
    std::vector<Detail> details;
};

/// Appends a line through `points` (metres relative to the mesh origin), back to the first point
/// when `closed`; repeated points are skipped, a line with fewer than two distinct points is not drawn.
void appendPolyline(SceneMesh& mesh, std::span<const Vec2> points, bool closed, Rgba colour, float widthPx);

/// Appends one segment (a to b) as a line of its own.
void appendLineSegment(SceneMesh& mesh, Vec2 a, Vec2 b, Rgba colour, float widthPx);

/// Appends `from` to `into` (same origin), offsetting its indices.
void appendMesh(SceneMesh& into, const SceneMesh& from);

/// Builds fills (polygon interiors), lines (roads and polygon outlines) and point symbols for the
/// given feeds, stacked by `layerDrawOrder`; `opacity` (0..1, one per feed, or empty for all
/// opaque) scales each feed's colours' alpha; `theme` chooses the light or the wall's dark look.
SceneMesh buildSceneMesh(std::span<const Feed* const> feeds, std::span<const float> opacity = {},
                         MapTheme theme = MapTheme::Light);

} // namespace cordon
