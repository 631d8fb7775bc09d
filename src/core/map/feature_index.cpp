#include "core/map/feature_index.hpp"

#include "core/geo/mercator.hpp"
#include "core/map/point_in_polygon.hpp"

#include <algorithm>
#include <cmath>

namespace cordon {

namespace {

constexpr std::uint32_t kMaxBands = 4096;
/// Edges per band aimed for; long edges are listed in several bands, capped below.
constexpr std::uint32_t kEdgesPerBand = 4;
/// At most this many band entries per edge overall (fewer bands for shapes with long edges).
constexpr std::size_t kMaxEntriesPerEdge = 16;

bool finite(LonLat p) {
    return std::isfinite(p.lon) && std::isfinite(p.lat);
}

double segmentDistanceSquared(MercatorPoint p, MercatorPoint a, MercatorPoint b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double lengthSquared = dx * dx + dy * dy;
    double t = 0.0;
    if (lengthSquared > 0) t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared, 0.0, 1.0);
    const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return ex * ex + ey * ey;
}

/// Mirrors locateInRing's result from the accumulated per-ring state.
enum : std::uint8_t { kParity = 1, kOnBoundary = 2 };
Containment ringState(std::uint8_t s) {
    if ((s & kOnBoundary) != 0) return Containment::Boundary;
    return (s & kParity) != 0 ? Containment::Inside : Containment::Outside;
}

} // namespace

std::uint32_t FeatureIndex::Bands::bandOf(double lat) const {
    // Monotone in lat (every step is), so an edge whose latitude range holds lat is listed in
    // bandOf(lat): it was listed in every band from bandOf(its min) to bandOf(its max).
    const double t = (lat - minLat) * scale;
    if (!(t > 0)) return 0;
    if (t >= static_cast<double>(count - 1)) return count - 1;
    return static_cast<std::uint32_t>(t);
}

FeatureIndex::FeatureIndex(const FeatureLayer& layer)
    : m_positions(layer.positions), m_ringOffsets(layer.ringOffsets), m_parts(layer.parts) {
    // A ring is usable when its offsets are in order and inside the positions.
    const auto ringOk = [&](std::size_t r) {
        return r + 1 < m_ringOffsets.size() && m_ringOffsets[r] <= m_ringOffsets[r + 1] &&
               m_ringOffsets[r + 1] <= m_positions.size();
    };
    const auto partOk = [&](const GeometryPart& part) {
        for (std::size_t r = part.firstRing; r < static_cast<std::size_t>(part.firstRing) + part.ringCount;
             ++r)
            if (!ringOk(r)) return false;
        return true;
    };
    const std::size_t featureCount = layer.features.size();
    m_featureParts.resize(featureCount);
    m_boxes.resize(featureCount);
    m_polygonBoxes.resize(featureCount);
    m_bands.resize(featureCount);
    for (std::size_t f = 0; f < featureCount; ++f) {
        const FeatureRecord& record = layer.features[f];
        bool ok = static_cast<std::size_t>(record.firstPart) + record.partCount <= m_parts.size();
        for (std::size_t i = record.firstPart;
             ok && i < static_cast<std::size_t>(record.firstPart) + record.partCount; ++i)
            ok = partOk(m_parts[i]);
        if (!ok) continue; // left without parts: never found
        m_featureParts[f] = {record.firstPart, record.partCount};
        for (std::uint32_t i = record.firstPart; i < record.firstPart + record.partCount; ++i) {
            const GeometryPart& part = m_parts[i];
            for (std::uint32_t r = part.firstRing; r < part.firstRing + part.ringCount; ++r)
                for (std::uint32_t k = m_ringOffsets[r]; k < m_ringOffsets[r + 1]; ++k) {
                    const LonLat p = m_positions[k];
                    m_boxes[f].add(mercator::project(p));
                    if (part.kind != PartKind::Polygon) continue;
                    LonLatBox& b = m_polygonBoxes[f];
                    b.minLon = std::min(b.minLon, p.lon);
                    b.minLat = std::min(b.minLat, p.lat);
                    b.maxLon = std::max(b.maxLon, p.lon);
                    b.maxLat = std::max(b.maxLat, p.lat);
                }
        }
        buildBands(static_cast<std::uint32_t>(f));
    }
    m_tree = SpatialIndex(m_boxes);
}

void FeatureIndex::buildBands(std::uint32_t feature) {
    const FeatureParts fp = m_featureParts[feature];
    std::size_t edges = 0;
    std::uint32_t slots = 0;
    for (std::uint32_t i = fp.firstPart; i < fp.firstPart + fp.partCount; ++i) {
        const GeometryPart& part = m_parts[i];
        if (part.kind != PartKind::Polygon) continue;
        slots += part.ringCount;
        for (std::uint32_t r = part.firstRing; r < part.firstRing + part.ringCount; ++r)
            edges += m_ringOffsets[r + 1] - m_ringOffsets[r];
    }
    if (slots == 0) return;

    // Calls visit(from, to, ringSlot) for every edge of the feature's polygon rings.
    const auto forEachEdge = [&](auto&& visit) {
        std::uint32_t slot = 0;
        for (std::uint32_t i = fp.firstPart; i < fp.firstPart + fp.partCount; ++i) {
            const GeometryPart& part = m_parts[i];
            if (part.kind != PartKind::Polygon) continue;
            for (std::uint32_t r = part.firstRing; r < part.firstRing + part.ringCount; ++r, ++slot) {
                const std::uint32_t begin = m_ringOffsets[r], end = m_ringOffsets[r + 1];
                for (std::uint32_t k = begin; k < end; ++k)
                    visit(k, k + 1 == end ? begin : k + 1, slot);
            }
        }
    };

    Bands bands;
    bands.ringSlots = slots;
    const LonLatBox& box = m_polygonBoxes[feature];
    bands.minLat = std::isfinite(box.minLat) ? box.minLat : 0.0;
    const double height = std::isfinite(box.maxLat) ? box.maxLat - bands.minLat : 0.0;
    std::uint32_t count =
        static_cast<std::uint32_t>(std::clamp<std::size_t>(edges / kEdgesPerBand, 1, kMaxBands));
    // Fewer bands while long edges would be listed too often.
    while (true) {
        bands.count = count;
        bands.scale = height > 0 ? count / height : 0.0;
        std::size_t entries = 0;
        forEachEdge([&](std::uint32_t from, std::uint32_t to, std::uint32_t) {
            const double a = m_positions[from].lat, b = m_positions[to].lat;
            entries += bands.bandOf(std::max(a, b)) - bands.bandOf(std::min(a, b)) + 1;
        });
        if (count == 1 || entries <= kMaxEntriesPerEdge * edges) break;
        count /= 2;
    }

    // Counting sort of the entries into bands.
    bands.firstBound = static_cast<std::uint32_t>(m_bandBounds.size());
    const std::size_t base = m_bandEdges.size();
    m_bandBounds.resize(m_bandBounds.size() + bands.count + 1, 0);
    std::uint32_t* bounds = m_bandBounds.data() + bands.firstBound;
    forEachEdge([&](std::uint32_t from, std::uint32_t to, std::uint32_t) {
        const double a = m_positions[from].lat, b = m_positions[to].lat;
        for (std::uint32_t k = bands.bandOf(std::min(a, b)); k <= bands.bandOf(std::max(a, b)); ++k)
            ++bounds[k + 1];
    });
    bounds[0] = static_cast<std::uint32_t>(base);
    for (std::uint32_t k = 0; k < bands.count; ++k)
        bounds[k + 1] += bounds[k];
    m_bandEdges.resize(bounds[bands.count]);
    std::vector<std::uint32_t> fill(bounds, bounds + bands.count);
    forEachEdge([&](std::uint32_t from, std::uint32_t to, std::uint32_t slot) {
        const double a = m_positions[from].lat, b = m_positions[to].lat;
        for (std::uint32_t k = bands.bandOf(std::min(a, b)); k <= bands.bandOf(std::max(a, b)); ++k)
            m_bandEdges[fill[k]++] = {from, to, slot};
    });
    m_bands[feature] = bands;
}

bool FeatureIndex::polygonsContain(std::uint32_t feature, LonLat p, std::vector<std::uint8_t>& state) const {
    const Bands& bands = m_bands[feature];
    if (bands.count == 0 || !m_polygonBoxes[feature].contains(p)) return false;
    state.assign(bands.ringSlots, 0);
    const std::uint32_t k = bands.bandOf(p.lat);
    const std::uint32_t* bounds = m_bandBounds.data() + bands.firstBound;
    for (std::uint32_t e = bounds[k]; e < bounds[k + 1]; ++e) {
        const BandEdge& edge = m_bandEdges[e];
        switch (detail::classifyEdge(m_positions[edge.from], m_positions[edge.to], p)) {
        case detail::EdgeHit::Boundary:
            state[edge.ringSlot] |= kOnBoundary;
            break;
        case detail::EdgeHit::Crossing:
            state[edge.ringSlot] ^= kParity;
            break;
        case detail::EdgeHit::None:
            break;
        }
    }
    // Each part as locateInPolygon decides it: in the outer ring and then hole by hole.
    const FeatureParts fp = m_featureParts[feature];
    std::uint32_t slot = 0;
    for (std::uint32_t i = fp.firstPart; i < fp.firstPart + fp.partCount; ++i) {
        const GeometryPart& part = m_parts[i];
        if (part.kind != PartKind::Polygon) continue;
        const std::uint32_t outer = slot;
        slot += part.ringCount;
        if (part.ringCount == 0) continue;
        const Containment c = ringState(state[outer]);
        if (c == Containment::Boundary) return true;
        if (c == Containment::Outside) continue;
        bool inside = true;
        for (std::uint32_t h = outer + 1; h < slot; ++h) {
            const Containment hole = ringState(state[h]);
            if (hole == Containment::Boundary) return true;
            if (hole == Containment::Inside) {
                inside = false;
                break;
            }
        }
        if (inside) return true;
    }
    return false;
}

MercatorBox FeatureIndex::featureBounds(std::uint32_t feature) const {
    return feature < m_boxes.size() ? m_boxes[feature] : MercatorBox{};
}

std::vector<std::uint32_t> FeatureIndex::containing(LonLat p) const {
    std::vector<std::uint32_t> result;
    if (!finite(p)) return result;
    // The Mercator boxes only preselect: projection rounding is far below a millimetre, and the
    // exact decision uses the lon/lat box and the edges.
    const MercatorPoint pm = mercator::project(p);
    constexpr double kPad = 1e-3;
    std::vector<std::uint8_t> state;
    m_tree.query(MercatorBox{pm.x - kPad, pm.y - kPad, pm.x + kPad, pm.y + kPad}, [&](std::uint32_t f) {
        if (polygonsContain(f, p, state)) result.push_back(f);
    });
    std::sort(result.begin(), result.end());
    return result;
}

double FeatureIndex::geometryDistance(std::uint32_t feature, LonLat p, MercatorPoint pm,
                                      std::vector<std::uint8_t>& state) const {
    if (polygonsContain(feature, p, state)) return 0.0;
    double best = std::numeric_limits<double>::infinity();
    const FeatureParts fp = m_featureParts[feature];
    for (std::uint32_t i = fp.firstPart; i < fp.firstPart + fp.partCount; ++i) {
        const GeometryPart& part = m_parts[i];
        for (std::uint32_t r = part.firstRing; r < part.firstRing + part.ringCount; ++r) {
            const std::uint32_t begin = m_ringOffsets[r], end = m_ringOffsets[r + 1];
            if (begin == end) continue;
            const MercatorPoint first = mercator::project(m_positions[begin]);
            MercatorPoint previous = first;
            best = std::min(best, segmentDistanceSquared(pm, first, first));
            for (std::uint32_t k = begin + 1; k < end; ++k) {
                const MercatorPoint current = mercator::project(m_positions[k]);
                best = std::min(best, segmentDistanceSquared(pm, previous, current));
                previous = current;
            }
            if (part.kind == PartKind::Polygon)
                best = std::min(best, segmentDistanceSquared(pm, previous, first));
        }
    }
    return std::sqrt(best);
}

std::vector<FeatureDistance> FeatureIndex::nearest(LonLat p, std::size_t count,
                                                   double maxDistanceMetres) const {
    std::vector<FeatureDistance> result;
    if (count == 0 || !finite(p) || !(maxDistanceMetres >= 0)) return result;
    const MercatorPoint pm = mercator::project(p);
    const double scale =
        mercator::scaleFactor(std::clamp(p.lat, -mercator::kMaxLatitude, mercator::kMaxLatitude));
    const double maxMercator = maxDistanceMetres / scale;
    // Box distances are lower bounds of geometry distances up to rounding; the slack keeps a
    // rounding difference from ending the search early or dropping a candidate.
    const auto slack = [](double d) { return d * (1 + 1e-9) + 1e-6; };
    std::vector<std::uint8_t> state;
    m_tree.nearest(
        pm,
        [&](std::uint32_t f, double boxDistance) {
            if (result.size() == count && boxDistance > slack(result.back().distanceMetres)) return false;
            const double d = geometryDistance(f, p, pm, state);
            if (!(d <= maxMercator)) return true;
            const FeatureDistance candidate{f, d};
            const auto at =
                std::upper_bound(result.begin(), result.end(), candidate, [](const auto& a, const auto& b) {
                    return a.distanceMetres != b.distanceMetres ? a.distanceMetres < b.distanceMetres
                                                                : a.feature < b.feature;
                });
            result.insert(at, candidate);
            if (result.size() > count) result.pop_back();
            return true;
        },
        slack(maxMercator));
    for (FeatureDistance& r : result)
        r.distanceMetres *= scale; // Mercator metres (used while searching) to ground metres
    return result;
}

std::vector<std::uint32_t> FeatureIndex::inBox(const MercatorBox& box) const {
    return m_tree.query(box);
}

} // namespace cordon
