#include "render/scene_mesh.hpp"

#include "core/mercator.hpp"
#include "render/triangulate.hpp"

#include <algorithm>

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
        const std::size_t n = layer.ringSize(ring);
        const std::size_t segments = closed ? n : n - 1;
        for (std::size_t i = 0; i < segments; ++i)
            appendLineSegment(m_mesh, local(pts[i]), local(pts[(i + 1) % n]), colour, widthPx);
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

} // namespace

void appendLineSegment(SceneMesh& mesh, Vec2 a, Vec2 b, Rgba colour, float widthPx) {
    const auto base = static_cast<std::uint32_t>(mesh.lineVertices.size());
    for (float along : {0.0f, 1.0f})
        for (float side : {-1.0f, 1.0f})
            mesh.lineVertices.push_back(
                {float(a.x), float(a.y), float(b.x), float(b.y), along, side, widthPx, colour});
    for (std::uint32_t k : {0u, 1u, 2u, 2u, 1u, 3u})
        mesh.lineIndices.push_back(base + k);
}

void appendMesh(SceneMesh& into, const SceneMesh& from) {
    const auto fillBase = static_cast<std::uint32_t>(into.fillVertices.size());
    const auto lineBase = static_cast<std::uint32_t>(into.lineVertices.size());
    into.fillVertices.insert(into.fillVertices.end(), from.fillVertices.begin(), from.fillVertices.end());
    for (std::uint32_t i : from.fillIndices)
        into.fillIndices.push_back(fillBase + i);
    into.lineVertices.insert(into.lineVertices.end(), from.lineVertices.begin(), from.lineVertices.end());
    for (std::uint32_t i : from.lineIndices)
        into.lineIndices.push_back(lineBase + i);
    into.points.insert(into.points.end(), from.points.begin(), from.points.end());
    into.bounds.add(from.bounds);
}

SceneMesh buildSceneMesh(std::span<const Feed* const> feeds) {
    SceneMesh mesh;
    for (const Feed* feed : feeds)
        mesh.bounds.add(feed->layer.bounds());
    if (!mesh.bounds.empty()) mesh.origin = mesh.bounds.centre();

    std::vector<const Feed*> order(feeds.begin(), feeds.end());
    std::stable_sort(order.begin(), order.end(), [](const Feed* a, const Feed* b) {
        return layerDrawOrder(a->kind) < layerDrawOrder(b->kind);
    });

    Builder builder(mesh);
    auto addFeature = [&](const Feed& feed, std::size_t fi) {
        const FeatureLayer& layer = feed.layer;
        const FeatureRecord& feature = layer.features[fi];
        const FeatureStyle style = styleFor(feed, fi);
        for (std::uint32_t p = feature.firstPart; p < feature.firstPart + feature.partCount; ++p) {
            const GeometryPart& part = layer.parts[p];
            switch (part.kind) {
            case PartKind::Point:
                builder.point(layer, part.firstRing, style.pointColour, style.pointSizePx, style.pointShape);
                break;
            case PartKind::Line:
                builder.line(layer, part.firstRing, false, style.stroke, style.strokeWidthPx);
                break;
            case PartKind::Polygon:
                builder.fill(layer, part, style.fill);
                for (std::uint32_t r = part.firstRing; r < part.firstRing + part.ringCount; ++r)
                    builder.line(layer, r, true, style.stroke, style.strokeWidthPx);
                break;
            }
        }
    };
    // Adds the features `pick` accepts; with `minZoom` > 0 they become one level-of-detail group.
    auto addGroup = [&](const Feed& feed, double minZoom, auto pick) {
        SceneMesh::Detail detail;
        detail.minZoom = minZoom;
        detail.fill.first = static_cast<std::uint32_t>(mesh.fillIndices.size());
        detail.line.first = static_cast<std::uint32_t>(mesh.lineIndices.size());
        for (std::size_t fi = 0; fi < feed.layer.features.size(); ++fi)
            if (pick(fi)) addFeature(feed, fi);
        detail.fill.count = static_cast<std::uint32_t>(mesh.fillIndices.size()) - detail.fill.first;
        detail.line.count = static_cast<std::uint32_t>(mesh.lineIndices.size()) - detail.line.first;
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
            addGroup(*feed, kMinorRoadsMinZoom, [&](std::size_t fi) { return isMinorRoad(feed->roads[fi]); });
            addGroup(*feed, 0, [&](std::size_t fi) { return !isMinorRoad(feed->roads[fi]); });
        } else {
            addGroup(*feed, 0, [](std::size_t) { return true; });
        }
    }
    return mesh;
}

} // namespace cordon
