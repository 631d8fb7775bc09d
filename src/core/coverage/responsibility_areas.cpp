#include "core/coverage/responsibility_areas.hpp"

#include "core/geo/mercator.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cordon {

namespace {

/// Per cell the earliest arrival and the team it is from.
struct TeamGrid {
    TimeGrid times;
    std::vector<std::uint32_t> teams;
};

/// Spreads each cell's team to the cells within `reach`, the earliest arrival (plus the walk
/// across) winning, as the isochrones' walk off the road does.
void spread(TeamGrid& grid, int reach, double secondsPerCell) {
    const int w = grid.times.width(), h = grid.times.height();
    std::vector<float> times(static_cast<std::size_t>(w) * h, TimeGrid::kNever);
    std::vector<std::uint32_t> teams(times.size(), kNoTeam);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const std::uint32_t team = grid.teams[static_cast<std::size_t>(y) * w + x];
            if (team == kNoTeam) continue;
            const float t = grid.times.row(y)[x];
            for (int dy = -reach; dy <= reach; ++dy)
                for (int dx = -reach; dx <= reach; ++dx) {
                    const int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                    const float arrive = t + static_cast<float>(std::hypot(dx, dy) * secondsPerCell);
                    const std::size_t at = static_cast<std::size_t>(ny) * w + nx;
                    if (arrive < times[at] || (arrive == times[at] && team < teams[at])) {
                        times[at] = arrive;
                        teams[at] = team;
                    }
                }
        }
    for (int y = 0; y < h; ++y)
        std::copy_n(times.data() + static_cast<std::size_t>(y) * w, w, grid.times.row(y));
    grid.teams = std::move(teams);
}

} // namespace

std::vector<ResponsibilityArea> buildResponsibilityAreas(const Responsibility& responsibility,
                                                         const RoadGraph& graph, double maxSeconds,
                                                         const ResponsibilityAreaOptions& options) {
    std::vector<ResponsibilityArea> areas;
    const std::vector<EdgeShare> shares = edgeResponsibility(responsibility, graph, maxSeconds);
    MercatorBox box;
    for (std::uint32_t e = 0; e < shares.size(); ++e)
        if (shares[e].fromTeam != kNoTeam || shares[e].toTeam != kNoTeam)
            for (const MercatorPoint& p : graph.edgeShapeMercator(e))
                box.add(p);
    if (box.empty()) return areas;

    const double scale = mercator::scaleFactor(mercator::unproject(box.centre()).lat);
    const double cell = options.cellMetres / scale;
    const int reach =
        std::max(1, static_cast<int>(std::ceil(
                        (options.offRoadMetres > 0 ? options.offRoadMetres : 2 * options.cellMetres) /
                        options.cellMetres)));
    TeamGrid grid{TimeGrid(box, cell, reach + 1), {}};
    grid.teams.assign(static_cast<std::size_t>(grid.times.width()) * grid.times.height(), kNoTeam);
    const int w = grid.times.width();

    // Each edge sampled every half cell: the part before the split is the `from` end's team,
    // arriving from that end; the rest the `to` end's, arriving from the other end.
    for (std::uint32_t e = 0; e < shares.size(); ++e) {
        const EdgeShare& share = shares[e];
        if (share.fromTeam == kNoTeam && share.toTeam == kNoTeam) continue;
        const RoadEdge& edge = graph.edge(e);
        const auto seconds = [&](std::uint32_t team, int direction) {
            if (team >= responsibility.teamMode.size()) return 0.0;
            return std::max(0.0,
                            static_cast<double>(
                                edge.seconds[static_cast<int>(responsibility.teamMode[team])][direction]));
        };
        const double tA = responsibility.nodeSeconds[edge.from], tB = responsibility.nodeSeconds[edge.to];
        const double sA = seconds(share.fromTeam, 0), sB = seconds(share.toTeam, 1);
        const std::span<const MercatorPoint> shape = graph.edgeShapeMercator(e);
        const std::span<const double> steps = graph.edgeStepMetres(e);
        const double perMetre = edge.lengthMetres > 0 ? 1 / edge.lengthMetres : 0;
        double along = 0;
        for (std::size_t i = 0; i + 1 < shape.size(); ++i) {
            const int n = std::max(1, static_cast<int>(std::ceil(steps[i] / (options.cellMetres * 0.5))));
            for (int k = 0; k <= n; ++k) {
                const double f = static_cast<double>(k) / n;
                const double fraction = std::clamp((along + f * steps[i]) * perMetre, 0.0, 1.0);
                const bool fromSide = fraction < share.split;
                const std::uint32_t team = fromSide ? share.fromTeam : share.toTeam;
                if (team == kNoTeam) continue;
                const double t = fromSide ? tA + fraction * sA : tB + (1 - fraction) * sB;
                const MercatorPoint p{shape[i].x + f * (shape[i + 1].x - shape[i].x),
                                      shape[i].y + f * (shape[i + 1].y - shape[i].y)};
                const auto [x, y] = grid.times.cellOf(p);
                float& best = grid.times.row(y)[x];
                std::uint32_t& owner = grid.teams[static_cast<std::size_t>(y) * w + x];
                if (static_cast<float>(t) < best || (static_cast<float>(t) == best && team < owner)) {
                    best = static_cast<float>(t);
                    owner = team;
                }
            }
            along += steps[i];
        }
    }
    spread(grid, reach, options.cellMetres / kWalkSpeed);

    // Each team's cells, as a 0 / never grid over their bounding box, contoured at 0.5.
    struct Extent {
        int x0 = std::numeric_limits<int>::max(), y0 = std::numeric_limits<int>::max(), x1 = -1, y1 = -1;
    };
    std::vector<Extent> extents(responsibility.teamMode.size());
    for (int y = 0; y < grid.times.height(); ++y)
        for (int x = 0; x < w; ++x) {
            const std::uint32_t team = grid.teams[static_cast<std::size_t>(y) * w + x];
            if (team >= extents.size()) continue;
            Extent& ex = extents[team];
            ex.x0 = std::min(ex.x0, x);
            ex.y0 = std::min(ex.y0, y);
            ex.x1 = std::max(ex.x1, x);
            ex.y1 = std::max(ex.y1, y);
        }
    const double minArea = options.minRingCells * cell * cell;
    for (std::uint32_t team = 0; team < extents.size(); ++team) {
        const Extent& ex = extents[team];
        if (ex.x1 < 0) continue;
        // Lower-left corners of the first and last cells: the mask's cells are the grid's.
        const MercatorPoint low = grid.times.corner(ex.x0 - 0.5, ex.y0 - 0.5);
        const MercatorPoint high = grid.times.corner(ex.x1 - 0.5, ex.y1 - 0.5);
        MercatorBox teamBox;
        teamBox.add(low);
        teamBox.add(high);
        TimeGrid mask(teamBox, cell, 1);
        for (int y = 0; y < mask.height(); ++y)
            for (int x = 0; x < mask.width(); ++x) {
                const MercatorPoint centre = mask.corner(x, y);
                const auto [gx, gy] = grid.times.cellOf(centre);
                const bool inside = gx >= 0 && gy >= 0 && gx < w && gy < grid.times.height() &&
                                    grid.teams[static_cast<std::size_t>(gy) * w + gx] == team;
                mask.row(y)[x] = inside ? 0.0f : TimeGrid::kNever;
            }
        ContourTracer tracer(mask);
        ResponsibilityArea area;
        area.team = team;
        area.polygons = polygonsFromRings(tracer.trace(0.5), minArea);
        if (!area.polygons.empty()) areas.push_back(std::move(area));
    }
    return areas;
}

} // namespace cordon
