#include "render/isochrone_mesh.hpp"

#include "core/geo/mercator.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cordon {

Rgba isochroneBandColour(std::size_t rank, std::size_t count) {
    const float shade = count > 1 ? static_cast<float>(rank) / static_cast<float>(count - 1) : 1.0f;
    return Rgba{static_cast<std::uint8_t>(86 - 86 * shade), static_cast<std::uint8_t>(180 - 66 * shade),
                static_cast<std::uint8_t>(233 - 55 * shade), 90};
}

std::vector<Rgba> isochroneKeyColours(std::size_t count, Rgba ground) {
    std::vector<Rgba> seen;
    double r = ground.r, g = ground.g, b = ground.b;
    for (std::size_t rank = 0; rank < count; ++rank) { // widest first, as drawn
        const Rgba c = isochroneBandColour(rank, count);
        const double a = c.a / 255.0;
        r = c.r * a + r * (1 - a);
        g = c.g * a + g * (1 - a);
        b = c.b * a + b * (1 - a);
        seen.push_back(Rgba{static_cast<std::uint8_t>(std::lround(r)),
                            static_cast<std::uint8_t>(std::lround(g)),
                            static_cast<std::uint8_t>(std::lround(b)), 255});
    }
    std::reverse(seen.begin(), seen.end());
    return seen;
}

IsochroneMesh buildIsochroneMesh(const std::vector<IsochroneBand>& bands, MercatorPoint origin) {
    IsochroneMesh mesh;
    std::vector<std::size_t> order(bands.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return bands[a].minutes > bands[b].minutes; });
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        const IsochroneBand& band = bands[order[rank]];
        const Rgba colour = isochroneBandColour(rank, order.size());
        IsochroneBandRange range;
        range.fanFirst = static_cast<std::uint32_t>(mesh.vertices.size());
        MercatorBox box;
        for (const Polygon& polygon : band.polygons)
            for (const Ring& ring : polygon) {
                if (ring.size() < 4) continue;
                std::vector<FillVertex> local;
                for (std::size_t i = 0; i + 1 < ring.size(); ++i) { // closing position dropped
                    const MercatorPoint m = mercator::project(ring[i]);
                    box.add(m);
                    local.push_back(
                        {static_cast<float>(m.x - origin.x), static_cast<float>(m.y - origin.y), colour});
                }
                for (std::size_t i = 1; i + 1 < local.size(); ++i) {
                    mesh.vertices.push_back(local[0]);
                    mesh.vertices.push_back(local[i]);
                    mesh.vertices.push_back(local[i + 1]);
                }
            }
        range.fanCount = static_cast<std::uint32_t>(mesh.vertices.size()) - range.fanFirst;
        range.quadFirst = static_cast<std::uint32_t>(mesh.vertices.size());
        const auto corner = [&](double x, double y) {
            return FillVertex{static_cast<float>(x - origin.x), static_cast<float>(y - origin.y), colour};
        };
        if (!box.empty()) {
            for (const FillVertex& v :
                 {corner(box.minX, box.minY), corner(box.maxX, box.minY), corner(box.maxX, box.maxY),
                  corner(box.minX, box.minY), corner(box.maxX, box.maxY), corner(box.minX, box.maxY)})
                mesh.vertices.push_back(v);
            mesh.bands.push_back(range);
        }
    }
    return mesh;
}

} // namespace cordon
