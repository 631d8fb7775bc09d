#include "core/geo/contour.hpp"

#include "core/geo/mercator.hpp"

#include <algorithm>
#include <cmath>

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

/// A ring with its edges sorted into horizontal strips, so that a point-in-ring test reads only the
/// edges of the point's strip: the isochrones' outer rings have thousands of points and hundreds
/// of holes to place.
class StripedRing {
  public:
    explicit StripedRing(const std::vector<MercatorPoint>& ring) : m_ring(ring) {
        const std::size_t n = ring.size();
        MercatorBox box;
        for (const MercatorPoint& p : ring)
            box.add(p);
        m_box = box;
        m_strips = std::max<std::size_t>(1, n / 8);
        m_stripHeight = box.height() > 0 ? box.height() / static_cast<double>(m_strips) : 1;
        std::vector<std::uint32_t> counts(m_strips + 1, 0);
        forEdges([&](std::size_t s, std::uint32_t) { ++counts[s + 1]; });
        for (std::size_t s = 0; s < m_strips; ++s)
            counts[s + 1] += counts[s];
        m_offsets = counts;
        m_edges.resize(counts.back());
        forEdges([&](std::size_t s, std::uint32_t i) { m_edges[counts[s]++] = i; });
    }
    /// Even-odd test, the same crossing rule over the same edges as a test of every edge: an edge
    /// can only cross the point's row if its y range holds the point's y, and then it is in the
    /// point's strip.
    bool contains(MercatorPoint p) const {
        if (p.y < m_box.minY || p.y > m_box.maxY) return false;
        const std::size_t s = stripOf(p.y);
        bool in = false;
        const std::size_t n = m_ring.size();
        for (std::uint32_t k = m_offsets[s]; k < m_offsets[s + 1]; ++k) {
            const std::size_t i = m_edges[k], j = (i + n - 1) % n;
            const MercatorPoint& a = m_ring[i];
            const MercatorPoint& b = m_ring[j];
            if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
        }
        return in;
    }

  private:
    const std::vector<MercatorPoint>& m_ring;
    MercatorBox m_box;
    std::size_t m_strips = 1;
    double m_stripHeight = 1;
    std::vector<std::uint32_t> m_offsets, m_edges; // edge i joins point i and the one before it

    std::size_t stripOf(double y) const {
        const double s = std::floor((y - m_box.minY) / m_stripHeight);
        return static_cast<std::size_t>(std::clamp(s, 0.0, static_cast<double>(m_strips - 1)));
    }
    template <class Visit> void forEdges(Visit&& visit) const {
        const std::size_t n = m_ring.size();
        for (std::size_t i = 0; i < n; ++i) {
            const double y0 = m_ring[i].y, y1 = m_ring[(i + n - 1) % n].y;
            for (std::size_t s = stripOf(std::min(y0, y1)), last = stripOf(std::max(y0, y1)); s <= last; ++s)
                visit(s, static_cast<std::uint32_t>(i));
        }
    }
};

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
    std::vector<StripedRing> striped;
    striped.reserve(outers.size());
    for (std::size_t i = 0; i < outers.size(); ++i) {
        polygons[i].push_back(toLonLat(outers[i]));
        areas[i] = mercatorArea(outers[i]);
        striped.emplace_back(outers[i]);
    }
    // A hole goes to the smallest outer ring around it (rings nest: an island in a lake in a band).
    for (const auto& hole : holes) {
        const MercatorPoint p = hole.front();
        std::size_t best = outers.size();
        for (std::size_t i = 0; i < outers.size(); ++i)
            if ((best == outers.size() || areas[i] < areas[best]) && striped[i].contains(p)) best = i;
        if (best < outers.size()) polygons[best].push_back(toLonLat(hole));
    }
    return polygons;
}

} // namespace cordon
