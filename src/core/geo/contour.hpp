#pragma once
/// Contours on a grid of values: the marching squares behind isochrones and areas of
/// responsibility. A TimeGrid holds a value per cell (travel seconds, or 0 / infinity for a
/// region); ContourTracer traces where the values cross a threshold into closed rings;
/// polygonsFromRings turns rings into polygons with holes.

#include "core/geo/geo.hpp"

#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace cordon {

/// The value of a cell nothing reached, and of anywhere off the grid (the same +inf as
/// routing's kUnreached, so travel times are stored as they come).
inline constexpr double kEmptyCell = std::numeric_limits<double>::infinity();

using Ring = std::vector<LonLat>;
/// A polygon: outer ring first, then holes; rings closed (first position repeated last).
using Polygon = std::vector<Ring>;

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
        if (x < 0 || y < 0 || x >= m_width || y >= m_height) return kEmptyCell;
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

/// Marching squares over one grid at several thresholds. Corner (x, y) is inside when its time is
/// below the threshold. Segment end points sit on grid edges, named by an id, and are chained into
/// rings with the inside on the left, so outer rings come out counter-clockwise and holes clockwise.
/// Saddles are resolved by the cell's mean time, so rings never cross. The link table is sized
/// once and only the entries a threshold used are reset, and rows are scanned 8 cells at a time
/// where nothing crosses: most of a city-wide grid is all inside or all outside.
class ContourTracer {
    static constexpr std::uint32_t kNoLink = UINT32_MAX;

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
            if (m_links[start].next == kNoLink) continue;
            std::vector<MercatorPoint> ring;
            std::uint32_t at = start;
            while (m_links[at].next != kNoLink) {
                ring.push_back(m_points[m_links[at].point]);
                const std::uint32_t to = m_links[at].next;
                m_links[at].next = kNoLink;
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
        std::uint32_t next = kNoLink;  ///< the edge this edge's segment leads to
        std::uint32_t point = kNoLink; ///< its crossing point, an index into m_points
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
        if (v0 != kEmptyCell && v1 != kEmptyCell && v0 != v1)
            f = std::clamp((threshold - v0) / (v1 - v0), 0.05, 0.95);
        return m_grid.corner(x0 + f * (x1 - x0), y0 + f * (y1 - y0));
    }
    void addPoint(std::uint32_t edge, MercatorPoint p) {
        Link& l = m_links[edge];
        if (l.point == kNoLink) {
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

/// Rings from ContourTracer (Mercator metres, outer rings counter-clockwise, holes clockwise) as
/// polygons in lon/lat: points on straight runs dropped, rings under `minArea` (square Mercator
/// metres) dropped, each hole given to the smallest outer ring that holds it.
std::vector<Polygon> polygonsFromRings(std::vector<std::vector<MercatorPoint>> rings, double minArea);

} // namespace cordon
