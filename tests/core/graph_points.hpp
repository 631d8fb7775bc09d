#pragma once
/// Sources for searches in tests: a point standing on a node, and random points part-way along
/// the edges a mode may use (fixed seeds make them the same every run).

#include "core/routing/road_graph.hpp"

#include <random>
#include <vector>

namespace cordon::testing {

/// A source exactly on a node: an edge point at fraction 0 or 1 of one of its edges in `mode`
/// (the node must have an arc in that mode).
inline EdgePoint onNode(const RoadGraph& g, TravelMode mode, std::uint32_t node) {
    const Arc arc = g.arcs(mode, node)[0];
    EdgePoint p;
    p.edge = arc.edge;
    p.fraction = g.edge(arc.edge).from == node ? 0.0 : 1.0;
    return p;
}

/// `count` points at random fractions of random edges usable in `mode` (in either direction).
inline std::vector<EdgePoint> randomEdgePoints(const RoadGraph& g, TravelMode mode, std::size_t count,
                                               std::mt19937& rng) {
    const int m = static_cast<int>(mode);
    std::vector<EdgePoint> points;
    while (points.size() < count) {
        EdgePoint p;
        p.edge = rng() % g.edgeCount();
        if (g.edge(p.edge).seconds[m][0] < 0 && g.edge(p.edge).seconds[m][1] < 0) continue;
        p.fraction = (rng() % 1000) / 999.0;
        points.push_back(p);
    }
    return points;
}

} // namespace cordon::testing
