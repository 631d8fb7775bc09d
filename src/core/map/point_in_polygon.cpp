#include "core/map/point_in_polygon.hpp"

#include "core/geo/orientation.hpp"

#include <algorithm>
#include <cmath>

namespace cordon {

namespace detail {

EdgeHit classifyEdge(LonLat a, LonLat b, LonLat p) {
    if (a == p) return EdgeHit::Boundary;
    if (a.lat == p.lat && b.lat == p.lat) {
        const bool within = std::min(a.lon, b.lon) <= p.lon && p.lon <= std::max(a.lon, b.lon);
        return within ? EdgeHit::Boundary : EdgeHit::None;
    }
    const bool aAbove = a.lat > p.lat, bAbove = b.lat > p.lat;
    if (aAbove == bAbove) return EdgeHit::None;
    // The edge spans p's latitude (one end strictly above, the other at or below), so p is on it
    // exactly when it is collinear with it.
    const int side = orient2d(a, b, p);
    if (side == 0) return EdgeHit::Boundary;
    // Upward edge: the crossing is right of p when p is left of the edge; downward: when right.
    return (side > 0) == bAbove ? EdgeHit::Crossing : EdgeHit::None;
}

} // namespace detail

namespace {

bool finite(LonLat p) {
    return std::isfinite(p.lon) && std::isfinite(p.lat);
}

Containment locateRing(const LonLat* ring, std::size_t count, LonLat p) {
    bool inside = false;
    for (std::size_t i = 0; i < count; ++i) {
        const LonLat b = ring[i + 1 == count ? 0 : i + 1];
        switch (detail::classifyEdge(ring[i], b, p)) {
        case detail::EdgeHit::Boundary:
            return Containment::Boundary;
        case detail::EdgeHit::Crossing:
            inside = !inside;
            break;
        case detail::EdgeHit::None:
            break;
        }
    }
    return inside ? Containment::Inside : Containment::Outside;
}

Containment locatePart(const FeatureLayer& layer, const GeometryPart& part, LonLat p) {
    if (part.kind != PartKind::Polygon || part.ringCount == 0) return Containment::Outside;
    if (static_cast<std::size_t>(part.firstRing) + part.ringCount > layer.ringCount())
        return Containment::Outside;
    const Containment outer = locateRing(layer.ring(part.firstRing), layer.ringSize(part.firstRing), p);
    if (outer != Containment::Inside) return outer;
    for (std::uint32_t r = part.firstRing + 1; r < part.firstRing + part.ringCount; ++r) {
        const Containment hole = locateRing(layer.ring(r), layer.ringSize(r), p);
        if (hole == Containment::Boundary) return Containment::Boundary;
        if (hole == Containment::Inside) return Containment::Outside;
    }
    return Containment::Inside;
}

} // namespace

Containment locateInRing(const LonLat* ring, std::size_t count, LonLat p) {
    if (ring == nullptr || !finite(p)) return Containment::Outside;
    return locateRing(ring, count, p);
}

Containment locateInPolygon(const FeatureLayer& layer, std::size_t part, LonLat p) {
    if (part >= layer.parts.size() || !finite(p)) return Containment::Outside;
    return locatePart(layer, layer.parts[part], p);
}

Containment locateInFeature(const FeatureLayer& layer, std::size_t feature, LonLat p) {
    if (feature >= layer.features.size() || !finite(p)) return Containment::Outside;
    const FeatureRecord& f = layer.features[feature];
    Containment result = Containment::Outside;
    for (std::size_t i = f.firstPart;
         i < static_cast<std::size_t>(f.firstPart) + f.partCount && i < layer.parts.size(); ++i) {
        const Containment c = locatePart(layer, layer.parts[i], p);
        if (c == Containment::Inside) return c;
        if (c == Containment::Boundary) result = c;
    }
    return result;
}

} // namespace cordon
