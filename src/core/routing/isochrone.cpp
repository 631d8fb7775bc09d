// Isochrones: travel times rasterised on a grid and traced into nested bands, and their GeoJSON.

#include "core/routing/isochrone.hpp"

#include "core/formats/geojson_writer.hpp"
#include "core/geo/contour.hpp"
#include "core/geo/mercator.hpp"

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
    for (std::uint32_t n : times.reached()) {
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

} // namespace

std::vector<IsochroneBand> buildIsochrones(const TravelTimes& times, const std::vector<double>& minutes,
                                           IsochroneOptions options) {
    std::vector<IsochroneBand> bands;
    if (minutes.empty()) return bands;
    const double maxSeconds = *std::max_element(minutes.begin(), minutes.end()) * 60;
    const double groundCell = options.cellMetres > 0             ? options.cellMetres
                              : times.mode() == TravelMode::Walk ? 25
                                                                 : 60;
    // Grid cells are square in Mercator metres: scale the ground size by the latitude.
    double lat = 0;
    if (!times.reached().empty()) lat = times.graph().node(times.reached().front()).lat;
    const double cell = groundCell / mercator::scaleFactor(lat);
    const TimeGrid grid =
        rasterise(times, maxSeconds, cell, options.offRoadMetres > 0 ? options.offRoadMetres : groundCell);
    const double minArea = options.minRingCells * cell * cell;
    ContourTracer tracer(grid);
    for (double m : minutes) {
        IsochroneBand band;
        band.minutes = m;
        std::vector<Polygon> polygons = polygonsFromRings(tracer.trace(m * 60), minArea);
        band.polygons = std::move(polygons);
        bands.push_back(std::move(band));
    }
    return bands;
}

namespace {

/// Isochrone positions to 1e-6 degrees (about 10 cm): the contours follow a grid of metres.
constexpr int kIsochroneDecimals = 6;

} // namespace

std::string isochronesToGeoJson(const std::vector<IsochroneBand>& bands, TravelMode mode) {
    JsonWriter out;
    beginFeatureCollection(out);
    for (const IsochroneBand& band : bands) {
        out.lineBreak().beginObject().member("type", "Feature");
        out.key("properties")
            .beginObject()
            .member("minutes", band.minutes)
            .member("mode", travelModeName(mode));
        out.endObject().key("geometry");
        writeMultiPolygon(out, band.polygons, kIsochroneDecimals);
        out.endObject();
    }
    endFeatureCollection(out);
    return out.take();
}

} // namespace cordon
