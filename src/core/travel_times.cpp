#include "core/travel_times.hpp"

#include <algorithm>
#include <functional>

namespace cordon {

TravelTimes::TravelTimes(const RoadGraph& graph)
    : m_graph(graph), m_time(graph.nodeCount(), kUnreached), m_label(graph.nodeCount(), kNoSource),
      m_done(graph.nodeCount(), 0) {}

void TravelTimes::reach(std::uint32_t node, double t, std::uint32_t source) {
    if (t > m_cutoff || m_done[node]) return;
    if (t < m_time[node] || (t == m_time[node] && source < m_label[node])) {
        if (m_time[node] == kUnreached) m_touched.push_back(node);
        m_time[node] = t;
        m_label[node] = source;
        m_heap.emplace_back(t, node);
        std::push_heap(m_heap.begin(), m_heap.end(), std::greater<>());
    }
}

void TravelTimes::run(Mode mode, std::span<const EdgePoint> sources, double cutoffSeconds) {
    for (std::uint32_t n : m_touched) {
        m_time[n] = kUnreached;
        m_label[n] = kNoSource;
        m_done[n] = 0;
    }
    m_touched.clear();
    m_settled.clear();
    m_heap.clear();
    m_mode = mode;
    m_cutoff = cutoffSeconds;
    m_sources.assign(sources.begin(), sources.end());
    const int m = static_cast<int>(mode);
    for (std::uint32_t s = 0; s < sources.size(); ++s) {
        const RoadEdge& e = m_graph.edge(sources[s].edge);
        const double f = sources[s].fraction;
        // A point at an end of its edge stands on that node, whatever the edge's direction.
        if (e.seconds[m][0] >= 0 || f == 1.0) reach(e.to, (1 - f) * std::max(0.0f, e.seconds[m][0]), s);
        if (e.seconds[m][1] >= 0 || f == 0.0) reach(e.from, f * std::max(0.0f, e.seconds[m][1]), s);
    }
    while (!m_heap.empty()) {
        std::pop_heap(m_heap.begin(), m_heap.end(), std::greater<>());
        const auto [t, node] = m_heap.back();
        m_heap.pop_back();
        if (m_done[node] || t != m_time[node]) continue; // stale entry
        m_done[node] = 1;
        m_settled.push_back(node);
        for (const Arc& arc : m_graph.arcs(mode, node))
            reach(arc.to, t + arc.seconds, m_label[node]);
    }
}

double TravelTimes::secondsTo(const EdgePoint& p, std::uint32_t* source) const {
    const RoadEdge& e = m_graph.edge(p.edge);
    const int m = static_cast<int>(m_mode);
    double best = kUnreached;
    std::uint32_t bestSource = kNoSource;
    auto offer = [&](double t, std::uint32_t s) {
        if (t <= m_cutoff && (t < best || (t == best && s < bestSource))) {
            best = t;
            bestSource = s;
        }
    };
    // Arriving from `from` travels the edge forward; from `to`, backward.
    if (e.seconds[m][0] >= 0 && m_time[e.from] != kUnreached)
        offer(m_time[e.from] + p.fraction * e.seconds[m][0], m_label[e.from]);
    if (e.seconds[m][1] >= 0 && m_time[e.to] != kUnreached)
        offer(m_time[e.to] + (1 - p.fraction) * e.seconds[m][1], m_label[e.to]);
    // A source on the same edge reaches the point directly.
    for (std::uint32_t s = 0; s < m_sources.size(); ++s) {
        const EdgePoint& src = m_sources[s];
        if (src.edge != p.edge) continue;
        if (p.fraction >= src.fraction && e.seconds[m][0] >= 0)
            offer((p.fraction - src.fraction) * e.seconds[m][0], s);
        if (p.fraction <= src.fraction && e.seconds[m][1] >= 0)
            offer((src.fraction - p.fraction) * e.seconds[m][1], s);
    }
    if (source) *source = bestSource;
    return best;
}

} // namespace cordon
