#include "core/routing/road_graph.hpp"

#include "core/geo/hilbert.hpp"
#include "core/geo/mercator.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <numeric>

namespace cordon {

namespace {

constexpr double kEarthMeanRadius = 6371008.8;
constexpr std::uint32_t kNoNode = UINT32_MAX;

/// Key of a position at 1e-7 degrees: positions that agree to ~1 cm are one node.
std::uint64_t positionKey(LonLat p) {
    const auto lon = static_cast<std::int64_t>(std::llround(p.lon * 1e7)) + 1800000000LL;
    const auto lat = static_cast<std::int64_t>(std::llround(p.lat * 1e7)) + 900000000LL;
    return static_cast<std::uint64_t>(lon) << 32 | static_cast<std::uint64_t>(lat);
}

/// Positions of the feed by key: how often each is used and its node id (once it has one).
/// Open addressing with linear probing: the graph build spends most of its time here, and a flat
/// table is several times faster than std::unordered_map (no node per entry, no pointer chasing).
class PositionTable {
  public:
    struct Slot {
        std::uint64_t key = kEmpty;
        std::uint32_t uses = 0;
        std::uint32_t node = UINT32_MAX;
    };
    explicit PositionTable(std::size_t expected) { resize(expected * 2); }
    /// The slot of `key`, added (unused, no node) if new. Valid until the next call.
    Slot& operator[](std::uint64_t key) {
        for (std::size_t i = home(key);; i = (i + 1) & m_mask) {
            Slot& slot = m_slots[i];
            if (slot.key == key) return slot;
            if (slot.key != kEmpty) continue;
            if ((m_size + 1) * 2 > m_slots.size()) {
                grow();
                return (*this)[key];
            }
            ++m_size;
            slot.key = key;
            return slot;
        }
    }

  private:
    static constexpr std::uint64_t kEmpty = UINT64_MAX; // no position key is all ones
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0, m_size = 0;
    int m_shift = 64;

    std::size_t home(std::uint64_t key) const {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> m_shift);
    }
    void resize(std::size_t atLeast) {
        std::size_t capacity = 16;
        m_shift = 60;
        while (capacity < atLeast) {
            capacity *= 2;
            --m_shift;
        }
        m_slots.assign(capacity, Slot{});
        m_mask = capacity - 1;
    }
    void grow() {
        std::vector<Slot> old;
        old.swap(m_slots);
        resize(old.size() * 2);
        for (const Slot& s : old) {
            if (s.key == kEmpty) continue;
            std::size_t i = home(s.key);
            while (m_slots[i].key != kEmpty)
                i = (i + 1) & m_mask;
            m_slots[i] = s;
        }
    }
};

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

std::uint32_t findRoot(std::vector<std::uint32_t>& parent, std::uint32_t x) {
    while (parent[x] != x)
        x = parent[x] = parent[parent[x]];
    return x;
}

} // namespace

double haversineMetres(LonLat a, LonLat b) {
    constexpr double kRad = std::numbers::pi / 180;
    const double dLat = (b.lat - a.lat) * kRad, dLon = (b.lon - a.lon) * kRad;
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2) + std::cos(a.lat * kRad) *
                                                                   std::cos(b.lat * kRad) *
                                                                   std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarthMeanRadius * std::asin(std::min(1.0, std::sqrt(h)));
}

double metresPerSecond(TravelMode mode, std::string_view hw, float maxspeedKmh) {
    const bool motorRoad = startsWith(hw, "motorway") || startsWith(hw, "trunk");
    if (mode == TravelMode::Walk) return motorRoad ? -1 : kWalkSpeed;
    struct ClassSpeed {
        std::string_view highway;
        double kmh;
    };
    // Urban driving speeds by class (km/h): what a team car averages, not the legal limit.
    static constexpr ClassSpeed kSpeeds[] = {
        {"motorway", 90},       {"trunk", 70},         {"primary", 50},     {"secondary", 40},
        {"tertiary", 35},       {"unclassified", 30},  {"residential", 25}, {"service", 15},
        {"living_street", 10},  {"motorway_link", 50}, {"trunk_link", 40},  {"primary_link", 35},
        {"secondary_link", 30}, {"tertiary_link", 25}, {"road", 25},        {"", 25}};
    for (const ClassSpeed& c : kSpeeds)
        if (c.highway == hw)
            return (maxspeedKmh > 0 ? std::min<double>(maxspeedKmh, c.kmh * 1.5) : c.kmh) / 3.6;
    return -1; // footway, path, steps, pedestrian, cycleway, track, ...: not for cars
}

RoadGraph RoadGraph::build(const Feed& roads) {
    RoadGraph g;
    const FeatureLayer& layer = roads.layer;
    // Pass 1: which positions are nodes (endpoints, or used more than once).
    PositionTable table(layer.positions.size());
    for (std::size_t f = 0; f < layer.features.size(); ++f) {
        const FeatureRecord& rec = layer.features[f];
        for (std::uint32_t p = rec.firstPart; p < rec.firstPart + rec.partCount; ++p) {
            const GeometryPart& part = layer.parts[p];
            if (part.kind != PartKind::Line) continue;
            const LonLat* pts = layer.ring(part.firstRing);
            const std::size_t n = layer.ringSize(part.firstRing);
            for (std::size_t i = 0; i < n; ++i) {
                table[positionKey(pts[i])].uses += (i == 0 || i + 1 == n) ? 2 : 1;
            }
        }
    }
    // Pass 2: split every line at its nodes into edges.
    auto nodeOf = [&](LonLat p) {
        PositionTable::Slot& slot = table[positionKey(p)];
        if (slot.node == UINT32_MAX) {
            slot.node = static_cast<std::uint32_t>(g.m_nodes.size());
            g.m_nodes.push_back(p);
        }
        return slot.node;
    };
    for (std::size_t f = 0; f < layer.features.size(); ++f) {
        const FeatureRecord& rec = layer.features[f];
        const RoadFields& road = roads.roads[f];
        double speed[kTravelModeCount];
        for (int m = 0; m < kTravelModeCount; ++m)
            speed[m] = road.closed
                           ? -1
                           : metresPerSecond(static_cast<TravelMode>(m), road.highway, road.maxspeedKmh);
        if (road.access == "no" || road.access == "private") speed[static_cast<int>(TravelMode::Drive)] = -1;
        for (std::uint32_t p = rec.firstPart; p < rec.firstPart + rec.partCount; ++p) {
            const GeometryPart& part = layer.parts[p];
            if (part.kind != PartKind::Line) continue;
            const LonLat* pts = layer.ring(part.firstRing);
            const std::size_t n = layer.ringSize(part.firstRing);
            std::size_t start = 0;
            for (std::size_t i = 1; i < n; ++i) {
                if (i + 1 < n && table[positionKey(pts[i])].uses < 2) continue;
                RoadEdge e;
                e.from = nodeOf(pts[start]);
                e.to = nodeOf(pts[i]);
                e.road = static_cast<std::uint32_t>(f);
                e.firstShape = static_cast<std::uint32_t>(g.m_shape.size());
                double length = 0;
                for (std::size_t k = start; k <= i; ++k) {
                    g.m_shape.push_back(pts[k]);
                    g.m_stepMetres.push_back(0);
                    if (k > start) {
                        const double step = haversineMetres(pts[k - 1], pts[k]);
                        g.m_stepMetres[g.m_stepMetres.size() - 2] = step;
                        length += step;
                    }
                }
                e.shapeCount = static_cast<std::uint32_t>(i - start + 1);
                e.lengthMetres = static_cast<float>(length);
                for (int m = 0; m < kTravelModeCount; ++m) {
                    if (speed[m] <= 0) continue;
                    const float t = static_cast<float>(length / speed[m]);
                    const bool oneway = m == static_cast<int>(TravelMode::Drive) && road.oneway != Oneway::No;
                    e.seconds[m][0] = oneway && road.oneway == Oneway::Backward ? -1 : t;
                    e.seconds[m][1] = oneway && road.oneway == Oneway::Forward ? -1 : t;
                }
                if (e.from != e.to || length > 0) g.m_edges.push_back(e);
                start = i;
            }
        }
    }
    g.numberNodesAlongHilbertCurve();
    g.buildAdjacency();
    g.buildComponents();
    g.buildGrid();
    return g;
}

void RoadGraph::numberNodesAlongHilbertCurve() {
    double minLon = 180, maxLon = -180, minLat = 90, maxLat = -90;
    for (const LonLat& p : m_nodes) {
        minLon = std::min(minLon, p.lon);
        maxLon = std::max(maxLon, p.lon);
        minLat = std::min(minLat, p.lat);
        maxLat = std::max(maxLat, p.lat);
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> keyed(m_nodes.size()); // (key, old id)
    for (std::uint32_t n = 0; n < m_nodes.size(); ++n)
        keyed[n] = {hilbertIndex(hilbertGridCoordinate(m_nodes[n].lon, minLon, maxLon),
                                 hilbertGridCoordinate(m_nodes[n].lat, minLat, maxLat)),
                    n};
    std::sort(keyed.begin(), keyed.end());
    std::vector<std::uint32_t> newId(m_nodes.size());
    std::vector<LonLat> nodes(m_nodes.size());
    for (std::uint32_t i = 0; i < keyed.size(); ++i) {
        newId[keyed[i].second] = i;
        nodes[i] = m_nodes[keyed[i].second];
    }
    m_nodes = std::move(nodes);
    for (RoadEdge& e : m_edges) {
        e.from = newId[e.from];
        e.to = newId[e.to];
    }
}

void RoadGraph::buildAdjacency() {
    for (int m = 0; m < kTravelModeCount; ++m) {
        Adjacency& a = m_adjacency[m];
        a.offsets.assign(m_nodes.size() + 1, 0);
        for (const RoadEdge& e : m_edges) {
            if (e.seconds[m][0] >= 0) ++a.offsets[e.from + 1];
            if (e.seconds[m][1] >= 0) ++a.offsets[e.to + 1];
        }
        std::partial_sum(a.offsets.begin(), a.offsets.end(), a.offsets.begin());
        a.arcs.resize(a.offsets.back());
        std::vector<std::uint32_t> fill(a.offsets.begin(), a.offsets.end() - 1);
        for (std::uint32_t i = 0; i < m_edges.size(); ++i) {
            const RoadEdge& e = m_edges[i];
            if (e.seconds[m][0] >= 0) a.arcs[fill[e.from]++] = {e.to, i, e.seconds[m][0]};
            if (e.seconds[m][1] >= 0) a.arcs[fill[e.to]++] = {e.from, i, e.seconds[m][1]};
        }
        a.searchArcs.resize(a.arcs.size());
        for (std::size_t k = 0; k < a.arcs.size(); ++k)
            a.searchArcs[k] = {a.arcs[k].to, a.arcs[k].seconds};
        // The neighbours arcs come in from, per node: the first two different ones, and whether
        // there are more.
        std::vector<std::array<std::uint32_t, 2>> inFrom(m_nodes.size(), {kNoNode, kNoNode});
        std::vector<std::uint8_t> manyIn(m_nodes.size(), 0);
        for (std::uint32_t n = 0; n < m_nodes.size(); ++n)
            for (std::uint32_t k = a.offsets[n]; k < a.offsets[n + 1]; ++k) {
                auto& from = inFrom[a.arcs[k].to];
                if (from[0] == kNoNode || from[0] == n)
                    from[0] = n;
                else if (from[1] == kNoNode || from[1] == n)
                    from[1] = n;
                else
                    manyIn[a.arcs[k].to] = 1;
            }
        a.kind.resize(m_nodes.size());
        for (std::uint32_t n = 0; n < m_nodes.size(); ++n) {
            const std::size_t inCount = inFrom[n][0] == kNoNode ? 0 : inFrom[n][1] == kNoNode ? 1 : 2;
            a.kind[n] = manyIn[n] ? NodeKind::Other
                                  : kindOf(n, {a.arcs.data() + a.offsets[n], a.offsets[n + 1] - a.offsets[n]},
                                           {inFrom[n].data(), inCount});
        }
    }
}

RoadGraph::NodeKind RoadGraph::kindOf(std::uint32_t n, std::span<const Arc> out,
                                      std::span<const std::uint32_t> in) {
    if (in.empty()) return NodeKind::Other;
    for (std::uint32_t from : in)
        if (from == n) return NodeKind::Other;
    for (const Arc& arc : out)
        if (arc.to == n) return NodeKind::Other;
    if (in.size() == 1 &&
        std::all_of(out.begin(), out.end(), [&](const Arc& arc) { return arc.to == in[0]; }))
        return NodeKind::DeadEnd;
    // Entering from either neighbour, the arcs that lead on elsewhere all go to one node.
    for (std::uint32_t from : in) {
        std::uint32_t on = kNoNode;
        for (const Arc& arc : out)
            if (arc.to != from) {
                if (on != kNoNode && on != arc.to) return NodeKind::Other;
                on = arc.to;
            }
    }
    return NodeKind::ChainLink;
}

void RoadGraph::buildComponents() {
    for (int m = 0; m < kTravelModeCount; ++m) {
        std::vector<std::uint32_t> parent(m_nodes.size());
        std::iota(parent.begin(), parent.end(), 0u);
        for (const RoadEdge& e : m_edges)
            if (e.seconds[m][0] >= 0 || e.seconds[m][1] >= 0) {
                const std::uint32_t a = findRoot(parent, e.from), b = findRoot(parent, e.to);
                if (a != b) parent[std::max(a, b)] = std::min(a, b);
            }
        std::vector<std::uint32_t>& comp = m_components[m];
        comp.assign(m_nodes.size(), 0);
        std::vector<std::uint32_t> ids(m_nodes.size(), UINT32_MAX), sizes;
        for (std::uint32_t n = 0; n < m_nodes.size(); ++n) {
            const std::uint32_t root = findRoot(parent, n);
            if (ids[root] == UINT32_MAX) {
                ids[root] = static_cast<std::uint32_t>(sizes.size());
                sizes.push_back(0);
            }
            comp[n] = ids[root];
            ++sizes[ids[root]];
        }
        m_componentCount[m] = sizes.size();
        m_largestComponent[m] = sizes.empty() ? 0 : *std::max_element(sizes.begin(), sizes.end());
    }
}

void RoadGraph::buildGrid() {
    m_shapeMercator.resize(m_shape.size());
    for (std::size_t i = 0; i < m_shape.size(); ++i)
        m_shapeMercator[i] = mercator::project(m_shape[i]);
    if (m_edges.empty()) return;
    MercatorBox box;
    for (const MercatorPoint& p : m_shapeMercator)
        box.add(p);
    m_gridMinX = box.minX;
    m_gridMinY = box.minY;
    m_gridWidth = static_cast<std::uint32_t>(box.width() / m_cellSize) + 1;
    m_gridHeight = static_cast<std::uint32_t>(box.height() / m_cellSize) + 1;
    const std::size_t cells = static_cast<std::size_t>(m_gridWidth) * m_gridHeight;
    std::vector<std::uint32_t> counts(cells + 1, 0);
    auto forCells = [&](std::uint32_t e, auto&& visit) {
        MercatorBox eb;
        for (const MercatorPoint& p : edgeShapeMercator(e))
            eb.add(p);
        const auto x0 = static_cast<std::uint32_t>((eb.minX - m_gridMinX) / m_cellSize);
        const auto x1 = static_cast<std::uint32_t>((eb.maxX - m_gridMinX) / m_cellSize);
        const auto y0 = static_cast<std::uint32_t>((eb.minY - m_gridMinY) / m_cellSize);
        const auto y1 = static_cast<std::uint32_t>((eb.maxY - m_gridMinY) / m_cellSize);
        for (std::uint32_t y = y0; y <= y1 && y < m_gridHeight; ++y)
            for (std::uint32_t x = x0; x <= x1 && x < m_gridWidth; ++x)
                visit(static_cast<std::size_t>(y) * m_gridWidth + x);
    };
    for (std::uint32_t e = 0; e < m_edges.size(); ++e)
        forCells(e, [&](std::size_t c) { ++counts[c + 1]; });
    std::partial_sum(counts.begin(), counts.end(), counts.begin());
    m_cellOffsets = counts;
    m_cellEdges.resize(counts.back());
    std::vector<std::uint32_t> fill(counts.begin(), counts.end() - 1);
    for (std::uint32_t e = 0; e < m_edges.size(); ++e)
        forCells(e, [&](std::size_t c) { m_cellEdges[fill[c]++] = e; });
}

std::optional<EdgePoint> RoadGraph::snap(LonLat p, TravelMode mode, double maxDistanceMetres) const {
    if (m_edges.empty()) return std::nullopt;
    const MercatorPoint q = mercator::project(p);
    const double scale = mercator::scaleFactor(p.lat); // ground metres per projected metre
    const double reach = maxDistanceMetres / scale;
    const auto clampCell = [](double v, std::uint32_t n) {
        return static_cast<std::uint32_t>(std::clamp(v, 0.0, static_cast<double>(n - 1)));
    };
    const std::uint32_t x0 = clampCell((q.x - reach - m_gridMinX) / m_cellSize, m_gridWidth);
    const std::uint32_t x1 = clampCell((q.x + reach - m_gridMinX) / m_cellSize, m_gridWidth);
    const std::uint32_t y0 = clampCell((q.y - reach - m_gridMinY) / m_cellSize, m_gridHeight);
    const std::uint32_t y1 = clampCell((q.y + reach - m_gridMinY) / m_cellSize, m_gridHeight);
    std::optional<EdgePoint> best;
    double bestDistance = reach;
    // Squared distances beyond this cannot be a candidate (a margin far above rounding keeps every
    // tie): most segments are rejected without a hypot, which alone decides, so results are exact.
    double rejectSquared = reach * reach * (1 + 1e-9);
    MercatorPoint bestPoint{};
    const int m = static_cast<int>(mode);
    auto visitCell = [&](std::uint32_t x, std::uint32_t y) {
        const std::size_t c = static_cast<std::size_t>(y) * m_gridWidth + x;
        for (std::uint32_t k = m_cellOffsets[c]; k < m_cellOffsets[c + 1]; ++k) {
            const std::uint32_t e = m_cellEdges[k];
            const RoadEdge& edge = m_edges[e];
            if (edge.seconds[m][0] < 0 && edge.seconds[m][1] < 0) continue;
            const std::span<const MercatorPoint> shape = edgeShapeMercator(e);
            const std::span<const double> steps = edgeStepMetres(e);
            double along = 0;
            for (std::size_t i = 0; i + 1 < shape.size(); ++i) {
                const MercatorPoint a = shape[i], b = shape[i + 1];
                const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
                const double t =
                    len2 > 0 ? std::clamp(((q.x - a.x) * dx + (q.y - a.y) * dy) / len2, 0.0, 1.0) : 0;
                const double px = a.x + t * dx, py = a.y + t * dy;
                const double segment = steps[i];
                const double ex = q.x - px, ey = q.y - py;
                if (ex * ex + ey * ey > rejectSquared) {
                    along += segment;
                    continue;
                }
                const double d = std::hypot(ex, ey);
                // Ties go to the lower edge index, and within an edge to its first step: the result
                // is the least (distance, edge, step), whatever order the cells are visited in.
                if (d < bestDistance || (best && d == bestDistance && e < best->edge)) {
                    bestDistance = d;
                    EdgePoint ep;
                    ep.edge = e;
                    ep.fraction = edge.lengthMetres > 0 ? (along + t * segment) / edge.lengthMetres : 0;
                    ep.fraction = std::clamp(ep.fraction, 0.0, 1.0);
                    ep.distanceMetres = d * scale;
                    bestPoint = {px, py};
                    best = ep;
                    rejectSquared = d * d * (1 + 1e-9);
                }
                along += segment;
            }
        }
    };
    // Visit the window's cells in square rings around the point's own cell, nearest first, and stop
    // once a ring is farther than the best distance so far: every point of a cell in ring r is more
    // than (r - 1) cells away, and an edge is listed in the cell of each of its points, so no
    // unvisited cell can hold a nearer (or equally near) point.
    const auto qx = static_cast<std::int64_t>(std::floor((q.x - m_gridMinX) / m_cellSize));
    const auto qy = static_cast<std::int64_t>(std::floor((q.y - m_gridMinY) / m_cellSize));
    const std::int64_t wx0 = x0, wx1 = x1, wy0 = y0, wy1 = y1;
    const std::int64_t firstRing = std::max({wx0 - qx, qx - wx1, wy0 - qy, qy - wy1, std::int64_t{0}});
    const std::int64_t lastRing = std::max({qx - wx0, wx1 - qx, qy - wy0, wy1 - qy});
    for (std::int64_t r = firstRing; r <= lastRing; ++r) {
        if (r > 0 && static_cast<double>(r - 1) * m_cellSize > bestDistance) break;
        for (std::int64_t y = std::max(qy - r, wy0); y <= std::min(qy + r, wy1); ++y) {
            if (y == qy - r || y == qy + r) { // a full row of the ring
                for (std::int64_t x = std::max(qx - r, wx0); x <= std::min(qx + r, wx1); ++x)
                    visitCell(static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y));
                continue;
            }
            if (qx - r >= wx0 && qx - r <= wx1)
                visitCell(static_cast<std::uint32_t>(qx - r), static_cast<std::uint32_t>(y));
            if (qx + r >= wx0 && qx + r <= wx1)
                visitCell(static_cast<std::uint32_t>(qx + r), static_cast<std::uint32_t>(y));
        }
    }
    if (best) best->position = mercator::unproject(bestPoint);
    return best;
}

} // namespace cordon
