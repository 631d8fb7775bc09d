#include "render/scene_mesh.hpp"

#include "core/geo/mercator.hpp"
#include "render/triangulate.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace cordon {

namespace {

class Builder {
  public:
    explicit Builder(SceneMesh& mesh) : m_mesh(mesh) {}

    Vec2 local(LonLat p) const {
        const MercatorPoint m = mercator::project(p);
        return {m.x - m_mesh.origin.x, m.y - m_mesh.origin.y};
    }

    /// The polygon part's interior, holes cut out.
    void fill(const FeatureLayer& layer, const GeometryPart& part, Rgba colour) {
        m_ring.clear();
        m_ringSizes.clear();
        for (std::uint32_t r = part.firstRing; r < part.firstRing + part.ringCount; ++r) {
            const LonLat* pts = layer.ring(r);
            for (std::size_t i = 0; i < layer.ringSize(r); ++i)
                m_ring.push_back(local(pts[i]));
            m_ringSizes.push_back(static_cast<std::uint32_t>(layer.ringSize(r)));
        }
        const auto base = static_cast<std::uint32_t>(m_mesh.fillVertices.size());
        for (const Vec2& v : m_ring)
            m_mesh.fillVertices.push_back({float(v.x), float(v.y), colour});
        triangulatePolygon(m_ring, m_ringSizes, base, m_mesh.fillIndices);
    }

    void line(const FeatureLayer& layer, std::uint32_t ring, bool closed, Rgba colour, float widthPx) {
        const LonLat* pts = layer.ring(ring);
        m_ring.clear();
        for (std::size_t i = 0; i < layer.ringSize(ring); ++i)
            m_ring.push_back(local(pts[i]));
        appendPolyline(m_mesh, m_ring, closed, colour, widthPx);
    }

    void point(const FeatureLayer& layer, std::uint32_t ring, Rgba colour, float sizePx, SymbolShape shape) {
        const Vec2 p = local(layer.ring(ring)[0]);
        m_mesh.points.push_back(
            {float(p.x), float(p.y), sizePx, colour, symbolCode(shape, SymbolFill::Solid)});
    }

  private:
    SceneMesh& m_mesh;
    std::vector<Vec2> m_ring;
    std::vector<std::uint32_t> m_ringSizes;
};

bool hasPolygons(const FeatureLayer& layer) {
    return std::any_of(layer.parts.begin(), layer.parts.end(),
                       [](const GeometryPart& p) { return p.kind == PartKind::Polygon; });
}

/// The larger side of a feature's box, in Web Mercator metres.
double extentOf(const FeatureLayer& layer, std::size_t feature) {
    const MercatorBox box = layer.featureBounds(feature);
    return box.empty() ? 0.0 : std::max(box.maxX - box.minX, box.maxY - box.minY);
}

} // namespace

void appendPolyline(SceneMesh& mesh, std::span<const Vec2> points, bool closed, Rgba colour, float widthPx) {
    thread_local std::vector<Vec2> p; // distinct consecutive points, a ring's repeated first one dropped
    p.clear();
    for (const Vec2& v : points)
        if (p.empty() || v.x != p.back().x || v.y != p.back().y) p.push_back(v);
    if (closed && p.size() > 1 && p.back().x == p.front().x && p.back().y == p.front().y) p.pop_back();
    if (p.size() < 2) return;
    closed = closed && p.size() > 2;
    const std::size_t n = p.size();
    const auto width = static_cast<std::uint8_t>(std::clamp(widthPx * 4.0f, 0.0f, 255.0f));
    const auto direction = [&](std::size_t i) { // of the segment from point i to the next
        const Vec2 &a = p[i], &b = p[(i + 1) % n];
        const double len = std::hypot(b.x - a.x, b.y - a.y);
        return Vec2{(b.x - a.x) / len, (b.y - a.y) / len};
    };
    const auto left = [](Vec2 d) { return Vec2{-d.y, d.x}; };
    // Left and right vertex at `at`: offsets +-normal plus `along` (both in half widths).
    const auto pair = [&](Vec2 at, Vec2 normal, Vec2 along) {
        for (int side : {1, -1}) {
            LineVertex v;
            v.x = static_cast<float>(at.x);
            v.y = static_cast<float>(at.y);
            v.extrude[0] = static_cast<std::int8_t>(std::lround((side * normal.x + along.x) * kExtrudeScale));
            v.extrude[1] = static_cast<std::int8_t>(std::lround((side * normal.y + along.y) * kExtrudeScale));
            v.side = static_cast<std::int8_t>(side);
            v.widthQuarterPx = width;
            v.colour = colour;
            mesh.lineVertices.push_back(v);
        }
    };
    const auto startCap = [&](Vec2 at, Vec2 d) { pair(at, left(d), {-d.x, -d.y}); };
    const auto endCap = [&](Vec2 at, Vec2 d) { pair(at, left(d), d); };
    // The miter at a bend from direction `in` to `out`, or nothing when it would be too long.
    const auto miter = [&](Vec2 in, Vec2 out) -> std::optional<Vec2> {
        const Vec2 sum{left(in).x + left(out).x, left(in).y + left(out).y};
        const double len2 = sum.x * sum.x + sum.y * sum.y;
        if (len2 < 4.0 / (kMaxMiter * kMaxMiter)) return std::nullopt; // |miter| = 2 / |sum|
        return Vec2{sum.x * 2 / len2, sum.y * 2 / len2};
    };
    // Point i between segments i - 1 and i: a miter, or two capped ends when it is too sharp.
    const auto bend = [&](std::size_t i) {
        const Vec2 in = direction(i - 1), out = direction(i);
        if (const std::optional<Vec2> m = miter(in, out)) {
            pair(p[i], *m, {});
        } else {
            endCap(p[i], in);
            startCap(p[i], out);
        }
    };
    const std::size_t start = mesh.lineVertices.size();
    if (closed) {
        const Vec2 in = direction(n - 1), out = direction(0);
        const std::optional<Vec2> m0 = miter(in, out);
        if (m0)
            pair(p[0], *m0, {});
        else
            startCap(p[0], out);
        for (std::size_t i = 1; i < n; ++i)
            bend(i);
        if (m0)
            pair(p[0], *m0, {});
        else
            endCap(p[0], in);
    } else {
        startCap(p[0], direction(0));
        for (std::size_t i = 1; i + 1 < n; ++i)
            bend(i);
        endCap(p[n - 1], direction(n - 2));
    }
    // Doubled first and last vertices: the triangles to the neighbouring lines have no area.
    const LineVertex first = mesh.lineVertices[start];
    mesh.lineVertices.insert(mesh.lineVertices.begin() + static_cast<std::ptrdiff_t>(start), first);
    mesh.lineVertices.push_back(mesh.lineVertices.back());
}

std::vector<PointVertex> pointQuads(std::span<const PointSymbol> points) {
    static constexpr std::int8_t kCorners[kPointQuadVertices][2] = {{-1, -1}, {1, -1}, {-1, 1},
                                                                    {-1, 1},  {1, -1}, {1, 1}};
    std::vector<PointVertex> quads;
    quads.reserve(points.size() * kPointQuadVertices);
    for (const PointSymbol& p : points)
        for (const auto& c : kCorners)
            quads.push_back({p.x, p.y, p.sizePx, p.colour, p.symbol, c[0], c[1]});
    return quads;
}

void appendLineSegment(SceneMesh& mesh, Vec2 a, Vec2 b, Rgba colour, float widthPx) {
    const Vec2 points[] = {a, b};
    appendPolyline(mesh, points, false, colour, widthPx);
}

void appendMesh(SceneMesh& into, const SceneMesh& from) {
    const auto fillBase = static_cast<std::uint32_t>(into.fillVertices.size());
    into.fillVertices.insert(into.fillVertices.end(), from.fillVertices.begin(), from.fillVertices.end());
    for (std::uint32_t i : from.fillIndices)
        into.fillIndices.push_back(fillBase + i);
    into.lineVertices.insert(into.lineVertices.end(), from.lineVertices.begin(), from.lineVertices.end());
    into.points.insert(into.points.end(), from.points.begin(), from.points.end());
    into.bounds.add(from.bounds);
}

SceneMesh buildSceneMesh(std::span<const Feed* const> feeds, std::span<const float> opacity, MapTheme theme) {
    SceneMesh mesh;
    for (const Feed* feed : feeds)
        mesh.bounds.add(feed->layer.bounds());
    if (!mesh.bounds.empty()) mesh.origin = mesh.bounds.centre();

    std::vector<const Feed*> order(feeds.begin(), feeds.end());
    std::stable_sort(order.begin(), order.end(), [](const Feed* a, const Feed* b) {
        return layerDrawOrder(a->kind) < layerDrawOrder(b->kind);
    });
    const auto opacityOf = [&](const Feed& feed) {
        for (std::size_t i = 0; i < feeds.size() && i < opacity.size(); ++i)
            if (feeds[i] == &feed) return std::clamp(opacity[i], 0.0f, 1.0f);
        return 1.0f;
    };

    Builder builder(mesh);
    enum class Parts { All, Fills, Outlines };
    auto addFeature = [&](const Feed& feed, std::size_t fi, Parts parts = Parts::All) {
        const FeatureLayer& layer = feed.layer;
        const FeatureRecord& feature = layer.features[fi];
        FeatureStyle style = styleFor(feed, fi, theme);
        if (const float alpha = opacityOf(feed); alpha < 1.0f)
            for (Rgba* c : {&style.fill, &style.stroke, &style.pointColour})
                c->a = static_cast<std::uint8_t>(c->a * alpha + 0.5f);
        for (std::uint32_t p = feature.firstPart; p < feature.firstPart + feature.partCount; ++p) {
            const GeometryPart& part = layer.parts[p];
            switch (part.kind) {
            case PartKind::Point:
                if (parts != Parts::Outlines && style.pointColour.a > 0) // invisible: not built
                    builder.point(layer, part.firstRing, style.pointColour, style.pointSizePx,
                                  style.pointShape);
                break;
            case PartKind::Line:
                if (parts != Parts::Outlines)
                    builder.line(layer, part.firstRing, false, style.stroke, style.strokeWidthPx);
                break;
            case PartKind::Polygon:
                if (parts != Parts::Outlines && style.fill.a > 0) // invisible: not built
                    builder.fill(layer, part, style.fill);
                if (parts != Parts::Fills)
                    for (std::uint32_t r = part.firstRing; r < part.firstRing + part.ringCount; ++r)
                        builder.line(layer, r, true, style.stroke, style.strokeWidthPx);
                break;
            }
        }
    };
    // Adds the features `pick` accepts; with `minZoom` > 0 they become one level-of-detail group.
    auto addGroup = [&](const Feed& feed, double minZoom, auto pick, Parts parts = Parts::All) {
        SceneMesh::Detail detail;
        detail.minZoom = minZoom;
        detail.fill.first = static_cast<std::uint32_t>(mesh.fillIndices.size());
        detail.line.first = static_cast<std::uint32_t>(mesh.lineVertices.size());
        for (std::size_t fi = 0; fi < feed.layer.features.size(); ++fi)
            if (pick(fi)) addFeature(feed, fi, parts);
        detail.fill.count = static_cast<std::uint32_t>(mesh.fillIndices.size()) - detail.fill.first;
        detail.line.count = static_cast<std::uint32_t>(mesh.lineVertices.size()) - detail.line.first;
        if (minZoom > 0 && (detail.fill.count || detail.line.count)) mesh.details.push_back(detail);
    };
    for (const Feed* feed : order) {
        if (feed->kind == FeedKind::Areas) {
            // Coarse levels first, finer ones over them: what is drawn keeps the order of levels.
            for (AreaLevel level :
                 {AreaLevel::District, AreaLevel::Subdistrict, AreaLevel::Community, AreaLevel::Compound})
                addGroup(*feed, areaMinZoom(level),
                         [&](std::size_t fi) { return feed->areas[fi].level == level; });
        } else if (feed->kind == FeedKind::Roads) {
            // Minor streets first and together, under the main roads.
            addGroup(*feed, minorRoadsMinZoom(theme),
                     [&](std::size_t fi) { return isMinorRoad(feed->roads[fi]); });
            addGroup(*feed, 0, [&](std::size_t fi) { return !isMinorRoad(feed->roads[fi]); });
        } else if (hasPolygons(feed->layer)) {
            // Every fill, then outlines from large to small polygons, each size from its own zoom.
            addGroup(
                *feed, 0, [](std::size_t) { return true; }, Parts::Fills);
            std::vector<double> minZoom(feed->size());
            for (std::size_t fi = 0; fi < minZoom.size(); ++fi)
                minZoom[fi] = outlineMinZoom(extentOf(feed->layer, fi));
            std::vector<double> zooms = minZoom;
            std::sort(zooms.begin(), zooms.end());
            zooms.erase(std::unique(zooms.begin(), zooms.end()), zooms.end());
            for (double z : zooms)
                addGroup(
                    *feed, z, [&](std::size_t fi) { return minZoom[fi] == z; }, Parts::Outlines);
        } else {
            addGroup(*feed, 0, [](std::size_t) { return true; });
        }
    }
    return mesh;
}

} // namespace cordon
