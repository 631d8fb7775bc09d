#include "render/triangulate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace cordon {

double signedArea(std::span<const Vec2> ring) {
    double sum = 0.0;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        sum += (ring[j].x - ring[i].x) * (ring[j].y + ring[i].y);
    return ring.empty() ? 0.0 : sum / 2;
}

namespace {

double cross(Vec2 a, Vec2 b, Vec2 c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

bool insideTriangle(Vec2 a, Vec2 b, Vec2 c, Vec2 p) {
    return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
}

} // namespace

namespace {

/// Ear clipping of the polygon `poly` (indices into `pts`, counter-clockwise; a vertex may appear
/// twice where a hole is bridged in).
void earClip(std::span<const Vec2> pts, const std::vector<std::uint32_t>& poly, std::uint32_t indexBase,
             std::vector<std::uint32_t>& out) {
    const std::size_t n = poly.size();
    if (n < 3) return;
    // Doubly linked list over positions in `poly`.
    std::vector<std::uint32_t> next(n), prev(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        next[i] = static_cast<std::uint32_t>((i + 1) % n);
        prev[i] = static_cast<std::uint32_t>((i + n - 1) % n);
    }
    auto at = [&](std::uint32_t i) { return pts[poly[i]]; };
    auto isEar = [&](std::uint32_t i) {
        const Vec2 a = at(prev[i]), b = at(i), c = at(next[i]);
        if (cross(a, b, c) <= 0) return false; // reflex or flat
        for (std::uint32_t p = next[next[i]]; p != prev[i]; p = next[p]) {
            const Vec2 q = at(p);
            if ((q.x == a.x && q.y == a.y) || (q.x == b.x && q.y == b.y) || (q.x == c.x && q.y == c.y))
                continue;
            if (insideTriangle(a, b, c, q)) return false;
        }
        return true;
    };
    std::size_t remaining = n;
    std::uint32_t current = 0;
    std::size_t sinceLastEar = 0;
    auto emit = [&](std::uint32_t i) {
        out.push_back(indexBase + poly[prev[i]]);
        out.push_back(indexBase + poly[i]);
        out.push_back(indexBase + poly[next[i]]);
    };
    auto clip = [&] {
        if (cross(at(prev[current]), at(current), at(next[current])) != 0) emit(current);
        next[prev[current]] = next[current];
        prev[next[current]] = prev[current];
        current = next[current];
        --remaining;
        sinceLastEar = 0;
    };
    while (remaining > 3) {
        if (isEar(current)) {
            clip();
            continue;
        }
        current = next[current];
        // No ear left (self-intersecting or numerically degenerate ring): clip anyway so the
        // loop always ends; the fill may be imperfect but never hangs.
        if (++sinceLastEar > remaining) clip();
    }
    if (cross(at(prev[current]), at(current), at(next[current])) > 0) emit(current);
}

/// Indices `first .. first + count - 1` in counter-clockwise order (`ccw` = wanted orientation).
std::vector<std::uint32_t> ringIndices(std::span<const Vec2> ring, std::uint32_t first, bool ccw) {
    std::vector<std::uint32_t> idx(ring.size());
    for (std::uint32_t i = 0; i < ring.size(); ++i)
        idx[i] = first + i;
    if ((signedArea(ring) > 0) != ccw) std::reverse(idx.begin(), idx.end());
    return idx;
}

/// Splices `hole` (clockwise) into `poly` (counter-clockwise) along a bridge from the hole's
/// rightmost vertex to a vertex of `poly` it can see (Eberly's method). False when none is found.
bool bridgeHole(std::span<const Vec2> pts, std::vector<std::uint32_t>& poly,
                const std::vector<std::uint32_t>& hole) {
    std::size_t mAt = 0;
    for (std::size_t i = 1; i < hole.size(); ++i)
        if (pts[hole[i]].x > pts[hole[mAt]].x) mAt = i;
    const Vec2 m = pts[hole[mAt]];
    // Nearest crossing of the ray from M to +x with an edge of the polygon.
    double bestX = std::numeric_limits<double>::infinity();
    std::size_t edge = poly.size();
    for (std::size_t i = 0; i < poly.size(); ++i) {
        const Vec2 a = pts[poly[i]], b = pts[poly[(i + 1) % poly.size()]];
        // Only edges going up: the polygon's inside is on their left, which is where M looks from
        // (a bridge already spliced in runs both ways along one segment; this picks the right way).
        if (!(a.y <= m.y && m.y < b.y)) continue;
        const double x = a.x + (m.y - a.y) / (b.y - a.y) * (b.x - a.x);
        if (x >= m.x && x < bestX) {
            bestX = x;
            edge = i;
        }
    }
    if (edge == poly.size()) return false;
    const Vec2 hit{bestX, m.y};
    std::size_t pAt =
        pts[poly[edge]].x > pts[poly[(edge + 1) % poly.size()]].x ? edge : (edge + 1) % poly.size();
    Vec2 p = pts[poly[pAt]];
    // A reflex vertex inside triangle (M, hit, P) would block the bridge: take the one nearest
    // in angle to the ray instead.
    if (p.x != hit.x || p.y != hit.y) {
        double bestAngle = std::numeric_limits<double>::infinity(), bestDist = bestAngle;
        const Vec2 t0 = m, t1 = p.y < m.y ? p : hit, t2 = p.y < m.y ? hit : p; // counter-clockwise
        for (std::size_t i = 0; i < poly.size(); ++i) {
            const Vec2 q = pts[poly[i]];
            const Vec2 qp = pts[poly[(i + poly.size() - 1) % poly.size()]],
                       qn = pts[poly[(i + 1) % poly.size()]];
            if (cross(qp, q, qn) >= 0) continue; // convex: cannot block
            if (q.x < m.x || !insideTriangle(t0, t1, t2, q)) continue;
            const double angle = std::abs(std::atan2(q.y - m.y, q.x - m.x));
            const double dist = (q.x - m.x) * (q.x - m.x) + (q.y - m.y) * (q.y - m.y);
            if (angle < bestAngle || (angle == bestAngle && dist < bestDist)) {
                bestAngle = angle;
                bestDist = dist;
                pAt = i;
            }
        }
    }
    // The target may stand in the polygon more than once (an earlier bridge's end): take the
    // occurrence whose inside angle faces M, or the new bridge would cross the old one.
    const Vec2 target = pts[poly[pAt]];
    for (std::size_t i = 0; i < poly.size(); ++i) {
        const Vec2 v = pts[poly[i]];
        if (v.x != target.x || v.y != target.y) continue;
        const Vec2 u = pts[poly[(i + poly.size() - 1) % poly.size()]], w = pts[poly[(i + 1) % poly.size()]];
        const bool leftOfOut = cross(v, w, m) >= 0, leftOfIn = cross(u, v, m) >= 0;
        if (cross(u, v, w) > 0 ? leftOfOut && leftOfIn : leftOfOut || leftOfIn) {
            pAt = i;
            break;
        }
    }
    std::vector<std::uint32_t> spliced;
    spliced.reserve(poly.size() + hole.size() + 2);
    spliced.insert(spliced.end(), poly.begin(), poly.begin() + std::ptrdiff_t(pAt) + 1);
    for (std::size_t k = 0; k <= hole.size(); ++k)
        spliced.push_back(hole[(mAt + k) % hole.size()]);
    spliced.push_back(poly[pAt]);
    spliced.insert(spliced.end(), poly.begin() + std::ptrdiff_t(pAt) + 1, poly.end());
    poly = std::move(spliced);
    return true;
}

} // namespace

void triangulateRing(std::span<const Vec2> ring, std::uint32_t indexBase, std::vector<std::uint32_t>& out) {
    const double area = signedArea(ring);
    if (ring.size() < 3 || area == 0.0 || !std::isfinite(area)) return;
    earClip(ring, ringIndices(ring, 0, true), indexBase, out);
}

void triangulatePolygon(std::span<const Vec2> points, std::span<const std::uint32_t> ringSizes,
                        std::uint32_t indexBase, std::vector<std::uint32_t>& out) {
    if (ringSizes.empty()) return;
    const std::span<const Vec2> outer = points.first(std::min<std::size_t>(ringSizes[0], points.size()));
    const double area = signedArea(outer);
    if (outer.size() < 3 || area == 0.0 || !std::isfinite(area)) return;
    std::vector<std::uint32_t> poly = ringIndices(outer, 0, true);
    std::vector<std::pair<double, std::vector<std::uint32_t>>> holes; // (rightmost x, ring)
    std::uint32_t first = ringSizes[0];
    for (std::size_t r = 1; r < ringSizes.size(); ++r) {
        if (first + ringSizes[r] > points.size()) break;
        const std::span<const Vec2> ring = points.subspan(first, ringSizes[r]);
        const double holeArea = signedArea(ring);
        if (ring.size() >= 3 && holeArea != 0.0 && std::isfinite(holeArea)) {
            double maxX = ring[0].x;
            for (const Vec2& v : ring)
                maxX = std::max(maxX, v.x);
            holes.emplace_back(maxX, ringIndices(ring, first, false));
        }
        first += ringSizes[r];
    }
    // Rightmost holes first, so each bridge goes to the outer ring or a hole already spliced in.
    std::stable_sort(holes.begin(), holes.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [maxX, hole] : holes)
        bridgeHole(points, poly, hole);
    earClip(points, poly, indexBase, out);
}

} // namespace cordon
