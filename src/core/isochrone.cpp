#include "core/isochrone.hpp"

#include "core/mercator.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <utility>

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
/// Floats: a quarter of a second at an hour is far below a cell's worth of travel, and half the
/// memory traffic of doubles.
class TimeGrid {
  public:
    TimeGrid(const MercatorBox& box, double cell, int margin) : m_cell(cell) {
        m_x0 = box.minX - margin * cell;
        m_y0 = box.minY - margin * cell;
        m_width = static_cast<int>((box.width() + 2 * margin * cell) / cell) + 1;
        m_height = static_cast<int>((box.height() + 2 * margin * cell) / cell) + 1;
        m_values.assign(static_cast<std::size_t>(m_width) * m_height, kNever);
    }
    int width() const { return m_width; }
    int height() const { return m_height; }
    double value(int x, int y) const {
        if (x < 0 || y < 0 || x >= m_width || y >= m_height) return kUnreached;
        return m_values[static_cast<std::size_t>(y) * m_width + x];
    }
    float* row(int y) { return m_values.data() + static_cast<std::size_t>(y) * m_width; }
    const float* row(int y) const { return m_values.data() + static_cast<std::size_t>(y) * m_width; }
    /// The cell a point falls in (inside the box the grid was made for, so never outside the grid).
    std::pair<int, int> cellOf(MercatorPoint p) const {
        return {static_cast<int>((p.x - m_x0) / m_cell), static_cast<int>((p.y - m_y0) / m_cell)};
    }
    /// Centre of grid corner (x, y) in Mercator metres: contours run between cell centres.
    MercatorPoint corner(double x, double y) const {
        return {m_x0 + (x + 0.5) * m_cell, m_y0 + (y + 0.5) * m_cell};
    }
    static constexpr float kNever = std::numeric_limits<float>::infinity();

  private:
    double m_cell;
    double m_x0 = 0, m_y0 = 0;
    int m_width = 0, m_height = 0;
    std::vector<float> m_values;
};

/// Columns [first, last] of a row that hold a reached cell (first > last when none).
struct RowSpan {
    int first = INT32_MAX, last = -1;
};

/// Adds the walk off the road: every cell takes the earliest of its neighbours within `reach`
/// cells plus the walk from there (`kernel`, `(2 * reach + 1)^2` values, row by row). Done once
/// over the grid rather than per sample along the roads: the same minimum, far fewer operations.
/// Only the columns near reached cells are visited.
void walkOffRoad(TimeGrid& grid, const std::vector<RowSpan>& spans, int reach,
                 const std::vector<float>& kernel) {
    const int w = grid.width(), h = grid.height(), side = 2 * reach + 1;
    std::vector<float> out(static_cast<std::size_t>(w) * h, TimeGrid::kNever);
    for (int y = reach; y < h - reach; ++y) {
        int first = INT32_MAX, last = -1;
        for (int dy = -reach; dy <= reach; ++dy) {
            first = std::min(first, spans[y + dy].first);
            last = std::max(last, spans[y + dy].last);
        }
        if (first > last) continue;
        first = std::max(reach, first - reach);
        last = std::min(w - 1 - reach, last + reach);
        float* o = out.data() + static_cast<std::size_t>(y) * w;
        for (int dy = -reach; dy <= reach; ++dy) {
            const float* in = grid.row(y + dy);
            const float* k = kernel.data() + (dy + reach) * side + reach;
            for (int dx = -reach; dx <= reach; ++dx) {
                const float walk = k[dx];
                for (int x = first; x <= last; ++x)
                    o[x] = std::min(o[x], in[x + dx] + walk);
            }
        }
    }
    for (int y = 0; y < h; ++y)
        std::copy_n(out.data() + static_cast<std::size_t>(y) * w, w, grid.row(y));
}

TimeGrid rasterise(const TravelTimes& times, double cutoff, double cell, double offRoad) {
    const RoadGraph& g = times.graph();
    const int m = static_cast<int>(times.mode());
    const double limit = std::min(cutoff, times.cutoff());
    // Edges to draw: every edge leaving a reached node with some part reached in time, and the
    // sources' own edges (a source in the middle of a long street reaches part of it before any node).
    // Flags first, then the edges in index order: the graph's arrays are read front to back.
    std::vector<std::uint8_t> drawn(g.edgeCount(), 0);
    for (std::uint32_t n : times.settled()) {
        if (times.seconds(n) > limit) continue;
        for (const Arc& arc : g.arcs(times.mode(), n))
            drawn[arc.edge] = 1;
    }
    for (const EdgePoint& s : times.sources())
        drawn[s.edge] = 2;
    std::vector<std::uint32_t> edges;
    for (std::uint32_t e = 0; e < drawn.size(); ++e)
        if (drawn[e]) edges.push_back(e);
    // The grid covers every drawn edge's shape (an edge reached only part-way still fits).
    MercatorBox box;
    for (std::uint32_t e : edges)
        for (const MercatorPoint& p : g.edgeShapeMercator(e))
            box.add(p);
    if (box.empty()) return TimeGrid(MercatorBox{}, cell, 1);
    const double scale = mercator::scaleFactor(mercator::unproject(box.centre()).lat);
    const double cellGround = cell * scale;
    const int reach = std::max(1, static_cast<int>(std::ceil(offRoad / cellGround)));
    TimeGrid grid(box, cell, reach + 1);
    std::vector<RowSpan> spans(grid.height());
    const double secondsPerCell = cellGround / kWalkSpeed;
    std::vector<float> kernel;
    for (int dy = -reach; dy <= reach; ++dy)
        for (int dx = -reach; dx <= reach; ++dx)
            kernel.push_back(static_cast<float>(std::sqrt(double(dx * dx + dy * dy)) * secondsPerCell));
    auto mark = [&](MercatorPoint p, double t) {
        const auto [x, y] = grid.cellOf(p);
        float& v = grid.row(y)[x];
        v = std::min(v, static_cast<float>(t));
        RowSpan& span = spans[y];
        span.first = std::min(span.first, x);
        span.last = std::max(span.last, x);
    };
    for (std::uint32_t edgeIndex : edges) {
        const RoadEdge& e = g.edge(edgeIndex);
        const bool onSourceEdge = drawn[edgeIndex] == 2;
        // TravelTimes::secondsTo, unrolled for the edge: the time at a fraction is the earlier of
        // arriving through `from` and through `to` (sources on the edge itself take the full path).
        const double fromTime = times.seconds(e.from), toTime = times.seconds(e.to);
        const double viaFrom = e.seconds[m][0] >= 0 ? e.seconds[m][0] : -1;
        const double viaTo = e.seconds[m][1] >= 0 ? e.seconds[m][1] : -1;
        auto secondsAt = [&](double fraction) {
            if (onSourceEdge) {
                EdgePoint p;
                p.edge = edgeIndex;
                p.fraction = fraction;
                return times.secondsTo(p);
            }
            double t = kUnreached;
            if (viaFrom >= 0) t = fromTime + fraction * viaFrom;
            if (viaTo >= 0) t = std::min(t, toTime + (1 - fraction) * viaTo);
            return t;
        };
        const std::span<const MercatorPoint> shape = g.edgeShapeMercator(edgeIndex);
        const std::span<const double> stepMetres = g.edgeStepMetres(edgeIndex);
        const double perMetre = e.lengthMetres > 0 ? 1 / e.lengthMetres : 0;
        double along = 0;
        for (std::size_t i = 0; i + 1 < shape.size(); ++i) {
            const double segment = stepMetres[i];
            const int steps = std::max(1, static_cast<int>(std::ceil(segment / (cellGround * 0.5))));
            const MercatorPoint a = shape[i], b = shape[i + 1];
            for (int s = 0; s <= steps; ++s) {
                const double f = static_cast<double>(s) / steps;
                const double fraction = std::clamp((along + f * segment) * perMetre, 0.0, 1.0);
                const double t = secondsAt(fraction);
                if (t <= limit) mark({a.x + f * (b.x - a.x), a.y + f * (b.y - a.y)}, t);
            }
            along += segment;
        }
    }
    walkOffRoad(grid, spans, reach, kernel);
    return grid;
}

/// Marching squares over one grid at several thresholds. Corner (x, y) is inside when its time is
/// below the threshold. Segment end points sit on grid edges, named by an id, and are chained into
/// rings with the inside on the left, so outer rings come out counter-clockwise and holes clockwise.
/// Saddles are resolved by the cell's mean time, so rings never cross. The link table is sized
/// once and only the entries a threshold used are reset, and rows are scanned 8 cells at a time
/// where nothing crosses: most of a city-wide grid is all inside or all outside.
class ContourTracer {
  public:
    explicit ContourTracer(const TimeGrid& grid)
        : m_grid(grid), m_w(grid.width()), m_h(grid.height()),
          m_maskWidth(static_cast<std::size_t>(m_w) + 2 + 8), m_mask(m_maskWidth * (m_h + 2), 0),
          m_links(static_cast<std::size_t>(m_w + 2) * (m_h + 2) * 2) {}

    std::vector<std::vector<MercatorPoint>> trace(double threshold) {
        const int w = m_w, h = m_h;
        // Which corners are inside, with a border of outside corners all round (x -1..w, y -1..h)
        // and 8 spare outside columns on the right for the word-at-a-time scan.
        const float limit = static_cast<float>(threshold);
        for (int y = 0; y < h; ++y) {
            const float* row = m_grid.row(y);
            std::uint8_t* mask = m_mask.data() + (y + 1) * m_maskWidth + 1;
            for (int x = 0; x < w; ++x)
                mask[x] = row[x] < limit;
        }
        m_points.clear();
        m_starts.clear();
        for (int y = -1; y < h; ++y) {
            const std::uint8_t* below = m_mask.data() + (y + 1) * m_maskWidth;
            const std::uint8_t* above = below + m_maskWidth;
            for (int x = -1; x < w; ++x) {
                // Eight cells with all nine corners on both rows the same cannot hold a segment.
                if (x + 9 < w + 2) {
                    std::uint64_t lo, hi;
                    std::memcpy(&lo, below + x + 1, 8);
                    std::memcpy(&hi, above + x + 1, 8);
                    if (lo == hi && (lo == 0 || lo == 0x0101010101010101ull) &&
                        below[x + 9] == below[x + 1] && above[x + 9] == below[x + 1]) {
                        x += 7;
                        continue;
                    }
                }
                const int code = below[x + 1] | below[x + 2] << 1 | above[x + 2] << 2 | above[x + 1] << 3;
                if (code != 0 && code != 15) addCell(x, y, code, threshold);
            }
        }
        // Rings start at their lowest-id edge, in id order: deterministic.
        std::sort(m_starts.begin(), m_starts.end());
        std::vector<std::vector<MercatorPoint>> rings;
        for (std::uint32_t start : m_starts) {
            if (m_links[start].next == kNone) continue;
            std::vector<MercatorPoint> ring;
            std::uint32_t at = start;
            while (m_links[at].next != kNone) {
                ring.push_back(m_points[m_links[at].point]);
                const std::uint32_t to = m_links[at].next;
                m_links[at].next = kNone;
                at = to;
                if (at == start) break;
            }
            if (ring.size() >= 3) rings.push_back(std::move(ring));
        }
        for (std::uint32_t start : m_starts)
            m_links[start] = Link{};
        for (std::uint32_t end : m_ends)
            m_links[end] = Link{};
        m_ends.clear();
        return rings;
    }

  private:
    struct Link {
        std::uint32_t next = kNone;  ///< the edge this edge's segment leads to
        std::uint32_t point = kNone; ///< its crossing point, an index into m_points
    };
    const TimeGrid& m_grid;
    int m_w, m_h;
    std::size_t m_maskWidth;
    std::vector<std::uint8_t> m_mask;
    std::vector<Link> m_links; ///< per edge id: flat, the ids are dense and bounded
    std::vector<MercatorPoint> m_points;
    std::vector<std::uint32_t> m_starts, m_ends;

    // Edge ids: horizontal edge from (x,y) to (x+1,y) = 2*((y+1)*(w+2)+x+1); vertical to (x,y+1) = +1.
    std::uint32_t hEdge(int x, int y) const {
        return static_cast<std::uint32_t>(((y + 1) * (m_w + 2) + (x + 1)) * 2);
    }
    std::uint32_t vEdge(int x, int y) const { return hEdge(x, y) + 1; }

    /// Point on the grid edge between two corners, interpolated by time.
    MercatorPoint crossing(int x0, int y0, int x1, int y1, double threshold) const {
        const double v0 = m_grid.value(x0, y0), v1 = m_grid.value(x1, y1);
        // Between two reached corners the crossing is interpolated; next to an unreached one it
        // sits half-way (the road network says nothing about that side).
        double f = 0.5;
        if (v0 != kUnreached && v1 != kUnreached && v0 != v1)
            f = std::clamp((threshold - v0) / (v1 - v0), 0.05, 0.95);
        return m_grid.corner(x0 + f * (x1 - x0), y0 + f * (y1 - y0));
    }
    void addPoint(std::uint32_t edge, MercatorPoint p) {
        Link& l = m_links[edge];
        if (l.point == kNone) {
            l.point = static_cast<std::uint32_t>(m_points.size());
            m_points.push_back(p);
        }
    }
    void addSegment(std::uint32_t from, MercatorPoint pf, std::uint32_t to, MercatorPoint pt) {
        m_links[from].next = to;
        m_starts.push_back(from);
        m_ends.push_back(to);
        addPoint(from, pf);
        addPoint(to, pt);
    }
    /// The segments of cell (x, y), corners a=(x,y) b=(x+1,y) c=(x+1,y+1) d=(x,y+1) in `code`.
    void addCell(int x, int y, int code, double threshold) {
        const std::uint32_t south = hEdge(x, y), east = vEdge(x + 1, y), north = hEdge(x, y + 1),
                            west = vEdge(x, y);
        auto P = [&](std::uint32_t edge) {
            if (edge == south) return crossing(x, y, x + 1, y, threshold);
            if (edge == east) return crossing(x + 1, y, x + 1, y + 1, threshold);
            if (edge == north) return crossing(x, y + 1, x + 1, y + 1, threshold);
            return crossing(x, y, x, y + 1, threshold);
        };
        // The table lists each segment with the inside corners on its right; it is stored the
        // other way round so that inside is on the left.
        auto seg = [&](std::uint32_t from, std::uint32_t to) { addSegment(to, P(to), from, P(from)); };
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
            const double centre = (m_grid.value(x, y) + m_grid.value(x + 1, y) + m_grid.value(x + 1, y + 1) +
                                   m_grid.value(x, y + 1)) /
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
};

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
    ContourTracer tracer(grid);
    for (double m : minutes) {
        IsochroneBand band;
        band.minutes = m;
        std::vector<std::vector<MercatorPoint>> outers, holes;
        for (auto& ring : tracer.trace(m * 60)) {
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
