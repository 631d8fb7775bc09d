#include "core/contour.hpp"

#include "core/mercator.hpp"

#include <cmath>
#include <cstdio>

namespace cordon {

namespace {

/// Drops points that lie exactly on the line between their neighbours (runs along grid rows).
std::vector<MercatorPoint> dropCollinear(const std::vector<MercatorPoint>& ring) {
    std::vector<MercatorPoint> out;
    const std::size_t n = ring.size();
    for (std::size_t i = 0; i < n; ++i) {
        const MercatorPoint& p = ring[(i + n - 1) % n];
        const MercatorPoint& q = ring[i];
        const MercatorPoint& r = ring[(i + 1) % n];
        const double cross = (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
        const double scale = std::abs(r.x - p.x) + std::abs(r.y - p.y);
        if (std::abs(cross) > 1e-9 * scale * scale) out.push_back(q);
    }
    return out.size() >= 3 ? out : ring;
}

double mercatorArea(const std::vector<MercatorPoint>& ring) {
    double sum = 0;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        sum += ring[j].x * ring[i].y - ring[i].x * ring[j].y;
    return sum / 2;
}

bool containsPoint(const std::vector<MercatorPoint>& ring, MercatorPoint p) {
    bool in = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        if ((ring[i].y > p.y) != (ring[j].y > p.y) &&
            p.x < (ring[j].x - ring[i].x) * (p.y - ring[i].y) / (ring[j].y - ring[i].y) + ring[i].x)
            in = !in;
    return in;
}

Ring toLonLat(const std::vector<MercatorPoint>& ring) {
    Ring out;
    out.reserve(ring.size() + 1);
    for (const MercatorPoint& p : ring)
        out.push_back(mercator::unproject(p));
    out.push_back(out.front());
    return out;
}

} // namespace

std::vector<Polygon> polygonsFromRings(std::vector<std::vector<MercatorPoint>> rings, double minArea) {
    std::vector<std::vector<MercatorPoint>> outers, holes;
    for (auto& ring : rings) {
        ring = dropCollinear(ring);
        const double area = mercatorArea(ring);
        if (std::abs(area) < minArea) continue;
        (area > 0 ? outers : holes).push_back(std::move(ring));
    }
    std::vector<Polygon> polygons(outers.size());
    std::vector<double> areas(outers.size());
    for (std::size_t i = 0; i < outers.size(); ++i) {
        polygons[i].push_back(toLonLat(outers[i]));
        areas[i] = mercatorArea(outers[i]);
    }
    for (const auto& hole : holes) {
        std::size_t best = outers.size();
        for (std::size_t i = 0; i < outers.size(); ++i)
            if (containsPoint(outers[i], hole.front()) && (best == outers.size() || areas[i] < areas[best]))
                best = i;
        if (best < outers.size()) polygons[best].push_back(toLonLat(hole));
    }
    return polygons;
}

std::string multiPolygonCoordinates(const std::vector<Polygon>& polygons) {
    std::string s = "[";
    char buf[64];
    for (std::size_t p = 0; p < polygons.size(); ++p) {
        s += p ? ",[" : "[";
        for (std::size_t r = 0; r < polygons[p].size(); ++r) {
            s += r ? ",[" : "[";
            const Ring& ring = polygons[p][r];
            for (std::size_t i = 0; i < ring.size(); ++i) {
                std::snprintf(buf, sizeof buf, "%s[%.6f,%.6f]", i ? "," : "", ring[i].lon, ring[i].lat);
                s += buf;
            }
            s += "]";
        }
        s += "]";
    }
    return s + "]";
}

} // namespace cordon
