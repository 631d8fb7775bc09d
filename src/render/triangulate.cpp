#include "render/triangulate.hpp"

#include <cmath>

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

void triangulateRing(std::span<const Vec2> ring, std::uint32_t indexBase, std::vector<std::uint32_t>& out) {
    const std::size_t n = ring.size();
    if (n < 3) return;
    const double area = signedArea(ring);
    if (area == 0.0 || !std::isfinite(area)) return;

    // Doubly linked list of remaining vertices, walked counter-clockwise.
    std::vector<std::uint32_t> next(n), prev(n);
    const bool ccw = area > 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::uint32_t fwd = static_cast<std::uint32_t>((i + 1) % n);
        const std::uint32_t back = static_cast<std::uint32_t>((i + n - 1) % n);
        next[i] = ccw ? fwd : back;
        prev[i] = ccw ? back : fwd;
    }

    auto isEar = [&](std::uint32_t i) {
        const Vec2 a = ring[prev[i]], b = ring[i], c = ring[next[i]];
        if (cross(a, b, c) <= 0) return false; // reflex or flat
        for (std::uint32_t p = next[next[i]]; p != prev[i]; p = next[p]) {
            const Vec2 q = ring[p];
            if ((q.x == a.x && q.y == a.y) || (q.x == b.x && q.y == b.y) || (q.x == c.x && q.y == c.y))
                continue;
            if (insideTriangle(a, b, c, q)) return false;
        }
        return true;
    };

    std::size_t remaining = n;
    std::uint32_t current = 0;
    std::size_t sinceLastEar = 0;
    auto clip = [&] {
        out.push_back(indexBase + prev[current]);
        out.push_back(indexBase + current);
        out.push_back(indexBase + next[current]);
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
    if (cross(ring[prev[current]], ring[current], ring[next[current]]) != 0) {
        out.push_back(indexBase + prev[current]);
        out.push_back(indexBase + current);
        out.push_back(indexBase + next[current]);
    }
}

} // namespace cordon
