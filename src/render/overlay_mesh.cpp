#include "render/overlay_mesh.hpp"

#include "core/geo/mercator.hpp"
#include "render/triangulate.hpp"

#include <cmath>
#include <vector>

namespace cordon {

namespace {

constexpr float kResponsibilityWidthPx = 3.0f;
constexpr float kSelectionWidthPx = 4.0f;
constexpr std::uint8_t kAreaFillAlpha = 50;
constexpr float kAreaOutlinePx = 2.0f;
/// Area borders in white: neighbouring teams may share a colour, their border still shows.
constexpr Rgba kAreaBorder{255, 255, 255, 230};
constexpr float kSelectionHaloPx = 26.0f;
constexpr Rgba kSelection{255, 0, 110, 255};

Vec2 local(LonLat p, MercatorPoint origin) {
    const MercatorPoint m = mercator::project(p);
    return {m.x - origin.x, m.y - origin.y};
}

/// Appends the part of a polyline between fractions [from, to] of its length.
void appendPart(SceneMesh& mesh, std::span<const Vec2> line, double from, double to, Rgba colour) {
    double total = 0;
    for (std::size_t i = 1; i < line.size(); ++i)
        total += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
    if (total <= 0 || to <= from) return;
    const double start = from * total, end = to * total;
    std::vector<Vec2> part;
    double at = 0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const Vec2 a = line[i - 1], b = line[i];
        const double length = std::hypot(b.x - a.x, b.y - a.y);
        const double s0 = std::max(start, at), s1 = std::min(end, at + length);
        if (s1 > s0 && length > 0) {
            const double t0 = (s0 - at) / length, t1 = (s1 - at) / length;
            if (part.empty()) part.push_back({a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0});
            part.push_back({a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1});
        }
        at += length;
    }
    appendPolyline(mesh, part, false, colour, kResponsibilityWidthPx);
}

} // namespace

Rgba teamColour(std::uint32_t team) {
    // Okabe-Ito, without black and the yellow that vanishes on the light map.
    static constexpr Rgba kPalette[] = {{230, 159, 0, 255}, {86, 180, 233, 255}, {0, 158, 115, 255},
                                        {0, 114, 178, 255}, {213, 94, 0, 255},   {204, 121, 167, 255},
                                        {120, 94, 240, 255}};
    constexpr std::uint32_t n = sizeof kPalette / sizeof kPalette[0];
    return kPalette[(team * 3) % n]; // a stride coprime with n: consecutive teams differ
}

SceneMesh buildResponsibilityMesh(const RoadGraph& graph, std::span<const EdgeShare> shares,
                                  MercatorPoint origin) {
    SceneMesh mesh;
    mesh.origin = origin;
    std::vector<Vec2> line;
    for (std::uint32_t e = 0; e < shares.size() && e < graph.edgeCount(); ++e) {
        const EdgeShare& share = shares[e];
        if (share.fromTeam == kNoTeam && share.toTeam == kNoTeam) continue;
        line.clear();
        for (LonLat p : graph.edgeShape(e))
            line.push_back(local(p, origin));
        const double split = std::clamp(share.split, 0.0, 1.0);
        if (share.fromTeam != kNoTeam) appendPart(mesh, line, 0, split, teamColour(share.fromTeam));
        if (share.toTeam != kNoTeam) appendPart(mesh, line, split, 1, teamColour(share.toTeam));
    }
    return mesh;
}

SceneMesh buildPlanArrows(std::span<const PlanArrow> arrows, MercatorPoint origin) {
    constexpr Rgba kArrow{120, 94, 240, 255};
    constexpr float kArrowWidthPx = 2.5f;
    constexpr double kHeadShare = 0.2, kHeadMaxMetres = 250, kHeadHalfAngle = 0.45; // radians
    SceneMesh mesh;
    mesh.origin = origin;
    for (const PlanArrow& arrow : arrows) {
        const Vec2 a = local(arrow.from, origin), b = local(arrow.to, origin);
        const double length = std::hypot(b.x - a.x, b.y - a.y);
        if (length <= 0) continue;
        appendLineSegment(mesh, a, b, kArrow, kArrowWidthPx);
        const double head = std::min(length * kHeadShare, kHeadMaxMetres);
        const double back = std::atan2(a.y - b.y, a.x - b.x);
        for (double side : {-kHeadHalfAngle, kHeadHalfAngle})
            appendLineSegment(mesh, b,
                              {b.x + head * std::cos(back + side), b.y + head * std::sin(back + side)},
                              kArrow, kArrowWidthPx);
    }
    return mesh;
}

std::vector<PointSymbol> buildStatusSymbols(const Feed& posts, std::span<const StaffingStatus> statuses,
                                            MercatorPoint origin, bool problemsOnly) {
    std::vector<PointSymbol> symbols;
    const FeatureLayer& layer = posts.layer;
    for (std::size_t f = 0; f < layer.features.size() && f < statuses.size(); ++f) {
        if (problemsOnly && statuses[f] != StaffingStatus::Short && statuses[f] != StaffingStatus::Unstaffed)
            continue;
        const FeatureStyle plain = styleFor(posts, f);
        const StatusStyle status = statusStyle(statuses[f]);
        const FeatureRecord& record = layer.features[f];
        for (std::uint32_t p = record.firstPart; p < record.firstPart + record.partCount; ++p)
            if (layer.parts[p].kind == PartKind::Point) {
                const Vec2 v = local(layer.ring(layer.parts[p].firstRing)[0], origin);
                symbols.push_back({float(v.x), float(v.y), plain.pointSizePx, status.colour,
                                   symbolCode(plain.pointShape, status.fill)});
            }
    }
    return symbols;
}

void appendOutline(SceneMesh& mesh, const FeatureLayer& layer, std::uint32_t feature, Rgba colour,
                   float widthPx) {
    if (feature >= layer.features.size()) return;
    const FeatureRecord& record = layer.features[feature];
    for (std::uint32_t p = record.firstPart; p < record.firstPart + record.partCount; ++p) {
        const GeometryPart& part = layer.parts[p];
        if (part.kind == PartKind::Point) continue;
        std::vector<Vec2> points;
        for (std::uint32_t r = part.firstRing; r < part.firstRing + part.ringCount; ++r) {
            const LonLat* pts = layer.ring(r);
            points.clear();
            for (std::size_t i = 0; i < layer.ringSize(r); ++i)
                points.push_back(local(pts[i], mesh.origin));
            appendPolyline(mesh, points, part.kind == PartKind::Polygon, colour, widthPx);
        }
    }
}

SceneMesh buildResponsibilityAreaMesh(std::span<const ResponsibilityArea> areas, MercatorPoint origin) {
    SceneMesh mesh;
    mesh.origin = origin;
    std::vector<Vec2> points;
    std::vector<std::uint32_t> ringSizes;
    for (const ResponsibilityArea& area : areas) {
        const Rgba team = teamColour(area.team);
        const Rgba fill{team.r, team.g, team.b, kAreaFillAlpha};
        for (const Polygon& polygon : area.polygons) {
            points.clear();
            ringSizes.clear();
            for (const Ring& ring : polygon) {
                const std::size_t before = points.size();
                for (std::size_t i = 0; i + 1 < ring.size(); ++i) // rings repeat their first point
                    points.push_back(local(ring[i], origin));
                ringSizes.push_back(static_cast<std::uint32_t>(points.size() - before));
                appendPolyline(mesh, std::span(points).subspan(before), true, kAreaBorder, kAreaOutlinePx);
            }
            const auto base = static_cast<std::uint32_t>(mesh.fillVertices.size());
            for (const Vec2& v : points)
                mesh.fillVertices.push_back({static_cast<float>(v.x), static_cast<float>(v.y), fill});
            triangulatePolygon(points, ringSizes, base, mesh.fillIndices);
        }
    }
    return mesh;
}

SceneMesh buildSelectionMesh(const FeatureLayer& layer, std::uint32_t feature, MercatorPoint origin) {
    SceneMesh mesh;
    mesh.origin = origin;
    if (feature >= layer.features.size()) return mesh;
    const FeatureRecord& record = layer.features[feature];
    for (std::uint32_t p = record.firstPart; p < record.firstPart + record.partCount; ++p)
        if (layer.parts[p].kind == PartKind::Point) {
            const Vec2 v = local(layer.ring(layer.parts[p].firstRing)[0], origin);
            mesh.points.push_back({float(v.x), float(v.y), kSelectionHaloPx, kSelection});
        }
    appendOutline(mesh, layer, feature, kSelection, kSelectionWidthPx);
    return mesh;
}

} // namespace cordon
