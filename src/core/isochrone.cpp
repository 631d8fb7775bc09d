#include "core/isochrone.hpp"

#include "core/mercator.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace cordon {

double ringArea(const Ring& ring) {
    double sum = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        sum += ring[i].lon * ring[i + 1].lat - ring[i + 1].lon * ring[i].lat;
    return sum / 2;
}

namespace {

constexpr std::uint32_t kNone = UINT32_MAX;

/// Travel time (seconds) per grid cell, +inf where nothing was reached. Row 0 is the south edge.
class TimeGrid {
  public:
    TimeGrid(const MercatorBox& box, double cell) : m_cell(cell) {
        m_x0 = box.minX - 2 * cell;
        m_y0 = box.minY - 2 * cell;
        m_width = static_cast<int>((box.width() + 4 * cell) / cell) + 1;
        m_height = static_cast<int>((box.height() + 4 * cell) / cell) + 1;
        m_values.assign(static_cast<std::size_t>(m_width) * m_height, kUnreached);
    }
    int width() const { return m_width; }
    int height() const { return m_height; }
    double value(int x, int y) const {
        if (x < 0 || y < 0 || x >= m_width || y >= m_height) return kUnreached;
        return m_values[static_cast<std::size_t>(y) * m_width + x];
    }
    /// Lowers the cells around a point: its own cell at time `t`, neighbours within `reach`
    /// cells at `t` plus `kernel` (the walk to them, `(2 * reach + 1)^2` values, row by row).
    void splat(MercatorPoint p, double t, int reach, const double* kernel) {
        const int cx = static_cast<int>((p.x - m_x0) / m_cell), cy = static_cast<int>((p.y - m_y0) / m_cell);
        const int side = 2 * reach + 1;
        if (cx - reach >= 0 && cy - reach >= 0 && cx + reach < m_width && cy + reach < m_height) {
            for (int dy = -reach; dy <= reach; ++dy) {
                double* row = m_values.data() + static_cast<std::size_t>(cy + dy) * m_width + cx;
                const double* k = kernel + (dy + reach) * side + reach;
                for (int dx = -reach; dx <= reach; ++dx)
                    row[dx] = std::min(row[dx], t + k[dx]);
            }
            return;
        }
        for (int dy = -reach; dy <= reach; ++dy)
            for (int dx = -reach; dx <= reach; ++dx) {
                const int x = cx + dx, y = cy + dy;
                if (x < 0 || y < 0 || x >= m_width || y >= m_height) continue;
                const double v = t + kernel[(dy + reach) * side + dx + reach];
                double& cellValue = m_values[static_cast<std::size_t>(y) * m_width + x];
                cellValue = std::min(cellValue, v);
            }
    }
    /// Centre of grid corner (x, y) in Mercator metres: contours run between cell centres.
    MercatorPoint corner(double x, double y) const {
        return {m_x0 + (x + 0.5) * m_cell, m_y0 + (y + 0.5) * m_cell};
    }

  private:
    double m_cell;
    double m_x0 = 0, m_y0 = 0;
    int m_width = 0, m_height = 0;
    std::vector<double> m_values;
};

TimeGrid rasterise(const TravelTimes& times, double cutoff, double cell, double offRoad) {
    const RoadGraph& g = times.graph();
    // Edges to draw: every edge leaving a reached node, and the sources' own edges (a source in
    // the middle of a long street reaches part of it before any node).
    std::vector<std::uint8_t> seen(g.edgeCount(), 0);
    std::vector<std::uint32_t> edges;
    auto addEdge = [&](std::uint32_t e) {
        if (!seen[e]) {
            seen[e] = 1;
            edges.push_back(e);
        }
    };
    for (const EdgePoint& s : times.sources())
        addEdge(s.edge);
    for (std::uint32_t n : times.settled())
        for (const Arc& arc : g.arcs(times.mode(), n))
            addEdge(arc.edge);
    MercatorBox box;
    for (std::uint32_t n : times.settled())
        box.add(mercator::project(g.node(n)));
    for (const EdgePoint& s : times.sources())
        box.add(mercator::project(s.position));
    for (const EdgePoint& s : times.sources())
        for (const LonLat& p : g.edgeShape(s.edge)) {
            // Only as far along the source's street as it can get.
            const double reach = cutoff * (times.mode() == Mode::Walk ? kWalkSpeed : 40.0);
            if (haversineMetres(p, s.position) <= reach) box.add(mercator::project(p));
        }
    TimeGrid grid(box.empty() ? MercatorBox{} : box, cell);
    if (box.empty()) return grid;
    const double scale = mercator::scaleFactor(mercator::unproject(box.centre()).lat);
    const double cellGround = cell * scale;
    const int reach = std::max(1, static_cast<int>(std::ceil(offRoad / cellGround)));
    const double secondsPerCell = cellGround / kWalkSpeed;
    // The walk from a cell to its neighbours, the same for every splat.
    std::vector<double> kernel;
    for (int dy = -reach; dy <= reach; ++dy)
        for (int dx = -reach; dx <= reach; ++dx)
            kernel.push_back(std::sqrt(double(dx * dx + dy * dy)) * secondsPerCell);
    const int m = static_cast<int>(times.mode());
    const double limit = std::min(cutoff, times.cutoff());
    std::vector<std::uint8_t> sourceEdge(g.edgeCount(), 0);
    for (const EdgePoint& s : times.sources())
        sourceEdge[s.edge] = 1;
    for (std::uint32_t edgeIndex : edges) {
        const RoadEdge& e = g.edge(edgeIndex);
        // TravelTimes::secondsTo, unrolled for the edge: the time at a fraction is the earlier of
        // arriving through `from` and through `to` (sources on the edge itself take the full path).
        const bool viaFrom = e.seconds[m][0] >= 0 && times.seconds(e.from) != kUnreached;
        const bool viaTo = e.seconds[m][1] >= 0 && times.seconds(e.to) != kUnreached;
        const bool onSourceEdge = sourceEdge[edgeIndex] != 0;
        if (!onSourceEdge &&
            !((viaFrom && times.seconds(e.from) <= limit) || (viaTo && times.seconds(e.to) <= limit)))
            continue; // no point of the edge is reached in time
        const double fromTime = times.seconds(e.from), toTime = times.seconds(e.to);
        auto secondsAt = [&](double fraction) {
            if (onSourceEdge) {
                EdgePoint p;
                p.edge = edgeIndex;
                p.fraction = fraction;
                return times.secondsTo(p);
            }
            double t = kUnreached;
            if (viaFrom) t = fromTime + fraction * e.seconds[m][0];
            if (viaTo) t = std::min(t, toTime + (1 - fraction) * e.seconds[m][1]);
            return t;
        };
        const std::span<const MercatorPoint> shape = g.edgeShapeMercator(edgeIndex);
        const std::span<const double> stepMetres = g.edgeStepMetres(edgeIndex);
        double along = 0;
        for (std::size_t i = 0; i + 1 < shape.size(); ++i) {
            const double segment = stepMetres[i];
            const int steps = std::max(1, static_cast<int>(std::ceil(segment / (cellGround * 0.5))));
            const MercatorPoint a = shape[i], b = shape[i + 1];
            for (int s = 0; s <= steps; ++s) {
                const double f = static_cast<double>(s) / steps;
                const double fraction =
                    e.lengthMetres > 0 ? std::clamp((along + f * segment) / e.lengthMetres, 0.0, 1.0) : 0;
                const double t = secondsAt(fraction);
                if (t > limit) continue;
                grid.splat({a.x + f * (b.x - a.x), a.y + f * (b.y - a.y)}, t, reach, kernel.data());
            }
            along += segment;
        }
    }
    return grid;
}

/// Marching squares at one threshold. Corner (x, y) is inside when its time is below the
/// threshold. Segment end points sit on grid edges, named by an id, and are chained into rings
/// with the inside on the left, so outer rings come out counter-clockwise and holes clockwise.
/// Saddles are resolved by the cell's mean time, so rings never cross.
std::vector<std::vector<MercatorPoint>> traceContours(const TimeGrid& grid, double threshold) {
    const int w = grid.width(), h = grid.height();
    // Which corners are inside, with a border of outside corners all round (x -1..w, y -1..h).
    const std::size_t maskWidth = static_cast<std::size_t>(w) + 2;
    std::vector<std::uint8_t> mask(maskWidth * (h + 2), 0);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            mask[(y + 1) * maskWidth + x + 1] = grid.value(x, y) < threshold;
    auto inside = [&](int x, int y) { return mask[(y + 1) * maskWidth + x + 1] != 0; };
    // Point on the grid edge between two corners, interpolated by time.
    auto crossing = [&](int x0, int y0, int x1, int y1) {
        const double v0 = grid.value(x0, y0), v1 = grid.value(x1, y1);
        // Between two reached corners the crossing is interpolated; next to an unreached one it
        // sits half-way (the road network says nothing about that side).
        double f = 0.5;
        if (v0 != kUnreached && v1 != kUnreached && v0 != v1)
            f = std::clamp((threshold - v0) / (v1 - v0), 0.05, 0.95);
        return grid.corner(x0 + f * (x1 - x0), y0 + f * (y1 - y0));
    };
    // Edge ids: horizontal edge from (x,y) to (x+1,y) = 2*(y*(w+1)+x); vertical to (x,y+1) = +1.
    auto hEdge = [&](int x, int y) { return (static_cast<std::int64_t>(y + 1) * (w + 2) + (x + 1)) * 2; };
    auto vEdge = [&](int x, int y) { return (static_cast<std::int64_t>(y + 1) * (w + 2) + (x + 1)) * 2 + 1; };
    // Per edge id: the edge its segment leads to, and its crossing point (an index into `points`).
    // Flat arrays over all edge ids rather than hash maps: the ids are dense and bounded.
    struct Link {
        std::uint32_t next = kNone;
        std::uint32_t point = kNone;
    };
    std::vector<Link> links(static_cast<std::size_t>(w + 2) * (h + 2) * 2);
    std::vector<MercatorPoint> points;
    auto addPoint = [&](std::int64_t edge, MercatorPoint p) {
        Link& l = links[static_cast<std::size_t>(edge)];
        if (l.point == kNone) {
            l.point = static_cast<std::uint32_t>(points.size());
            points.push_back(p);
        }
    };
    auto addSegment = [&](std::int64_t from, MercatorPoint pf, std::int64_t to, MercatorPoint pt) {
        links[static_cast<std::size_t>(from)].next = static_cast<std::uint32_t>(to);
        addPoint(from, pf);
        addPoint(to, pt);
    };
    for (int y = -1; y < h; ++y)
        for (int x = -1; x < w; ++x) {
            // Corners: a=(x,y) b=(x+1,y) c=(x+1,y+1) d=(x,y+1), counter-clockwise.
            const bool a = inside(x, y), b = inside(x + 1, y), c = inside(x + 1, y + 1), d = inside(x, y + 1);
            const int code = a | b << 1 | c << 2 | d << 3;
            if (code == 0 || code == 15) continue;
            const std::int64_t south = hEdge(x, y), east = vEdge(x + 1, y), north = hEdge(x, y + 1),
                               west = vEdge(x, y);
            auto P = [&](std::int64_t edge) {
                if (edge == south) return crossing(x, y, x + 1, y);
                if (edge == east) return crossing(x + 1, y, x + 1, y + 1);
                if (edge == north) return crossing(x, y + 1, x + 1, y + 1);
                return crossing(x, y, x, y + 1);
            };
            // The table lists each segment with the inside corners on its right; it is stored the
            // other way round so that inside is on the left.
            auto seg = [&](std::int64_t from, std::int64_t to) { addSegment(to, P(to), from, P(from)); };
            switch (code) {
            case 1:
                seg(west, south);
                break;
            case 2:
                seg(south, east);
                break;
            case 3:
                seg(west, east);
                break;
            case 4:
                seg(east, north);
                break;
            case 6:
                seg(south, north);
                break;
            case 7:
                seg(west, north);
                break;
            case 8:
                seg(north, west);
                break;
            case 9:
                seg(north, south);
                break;
            case 11:
                seg(north, east);
                break;
            case 12:
                seg(east, west);
                break;
            case 13:
                seg(east, south);
                break;
            case 14:
                seg(south, west);
                break;
            case 5: // a and c inside: saddle, resolved by the centre (connected if inside)
            case 10: {
                const double centre = (grid.value(x, y) + grid.value(x + 1, y) + grid.value(x + 1, y + 1) +
                                       grid.value(x, y + 1)) /
                                      4;
                const bool joined = centre < threshold;
                if (code == 5) {
                    if (joined) {
                        seg(west, north);
                        seg(east, south);
                    } else {
                        seg(west, south);
                        seg(east, north);
                    }
                } else {
                    if (joined) {
                        seg(south, west);
                        seg(north, east);
                    } else {
                        seg(south, east);
                        seg(north, west);
                    }
                }
                break;
            }
            default:
                break;
            }
        }
    std::vector<std::vector<MercatorPoint>> rings;
    // Rings start at their lowest-id edge, in id order: deterministic.
    for (std::size_t start = 0; start < links.size(); ++start) {
        if (links[start].next == kNone) continue;
        std::vector<MercatorPoint> ring;
        std::size_t at = start;
        while (links[at].next != kNone) {
            ring.push_back(points[links[at].point]);
            const std::size_t to = links[at].next;
            links[at].next = kNone;
            at = to;
            if (at == start) break;
        }
        if (ring.size() >= 3) rings.push_back(std::move(ring));
    }
    return rings;
}

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

std::vector<IsochroneBand> buildIsochrones(const TravelTimes& times, const std::vector<double>& minutes,
                                           IsochroneOptions options) {
    std::vector<IsochroneBand> bands;
    if (minutes.empty()) return bands;
    const double maxSeconds = *std::max_element(minutes.begin(), minutes.end()) * 60;
    const double groundCell = options.cellMetres > 0       ? options.cellMetres
                              : times.mode() == Mode::Walk ? 25
                                                           : 60;
    // Grid cells are square in Mercator metres: scale the ground size by the latitude.
    double lat = 0;
    if (!times.settled().empty()) lat = times.graph().node(times.settled().front()).lat;
    const double cell = groundCell / mercator::scaleFactor(lat);
    const TimeGrid grid =
        rasterise(times, maxSeconds, cell, options.offRoadMetres > 0 ? options.offRoadMetres : groundCell);
    const double minArea = options.minRingCells * cell * cell;
    for (double m : minutes) {
        IsochroneBand band;
        band.minutes = m;
        std::vector<std::vector<MercatorPoint>> outers, holes;
        for (auto& ring : traceContours(grid, m * 60)) {
            ring = dropCollinear(ring);
            const double area = mercatorArea(ring);
            if (std::abs(area) < minArea) continue;
            (area > 0 ? outers : holes).push_back(std::move(ring));
        }
        // Each hole goes to the smallest outer ring that contains it.
        std::vector<Polygon> polygons(outers.size());
        std::vector<double> areas(outers.size());
        for (std::size_t i = 0; i < outers.size(); ++i) {
            polygons[i].push_back(toLonLat(outers[i]));
            areas[i] = mercatorArea(outers[i]);
        }
        for (const auto& hole : holes) {
            std::size_t best = outers.size();
            for (std::size_t i = 0; i < outers.size(); ++i)
                if (containsPoint(outers[i], hole.front()) &&
                    (best == outers.size() || areas[i] < areas[best]))
                    best = i;
            if (best < outers.size()) polygons[best].push_back(toLonLat(hole));
        }
        band.polygons = std::move(polygons);
        bands.push_back(std::move(band));
    }
    return bands;
}

std::string isochronesToGeoJson(const std::vector<IsochroneBand>& bands, Mode mode) {
    std::string s = R"({"type":"FeatureCollection","features":[)";
    char buf[64];
    for (std::size_t b = 0; b < bands.size(); ++b) {
        if (b) s += ",";
        std::snprintf(buf, sizeof buf, "%g", bands[b].minutes);
        s += R"({"type":"Feature","properties":{"minutes":)" + std::string(buf) + R"(,"mode":")" +
             (mode == Mode::Walk ? "walk" : "drive") +
             R"("},"geometry":{"type":"MultiPolygon","coordinates":[)";
        for (std::size_t p = 0; p < bands[b].polygons.size(); ++p) {
            if (p) s += ",";
            s += "[";
            for (std::size_t r = 0; r < bands[b].polygons[p].size(); ++r) {
                if (r) s += ",";
                s += "[";
                const Ring& ring = bands[b].polygons[p][r];
                for (std::size_t i = 0; i < ring.size(); ++i) {
                    std::snprintf(buf, sizeof buf, "%s[%.6f,%.6f]", i ? "," : "", ring[i].lon, ring[i].lat);
                    s += buf;
                }
                s += "]";
            }
            s += "]";
        }
        s += "]}}";
    }
    return s + "]}";
}

} // namespace cordon
