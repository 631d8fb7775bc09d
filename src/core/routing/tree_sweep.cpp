#include "core/routing/tree_sweep.hpp"
#include "core/geo/double_bits.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>

namespace cordon {

TreeSweep::TreeSweep(const ContractionHierarchy& hierarchy)
    : m_hierarchy(hierarchy), m_time(hierarchy.nodeCount(), kUnreached),
      m_label(hierarchy.nodeCount(), kNoSource) {}

void TreeSweep::offer(std::uint32_t p, double t, std::uint32_t source) {
    t += 0.0; // -0 (a source at fraction -0) is +0 from here on
    if (t < m_time[p] || (t == m_time[p] && source < m_label[p])) {
        m_time[p] = t;
        m_label[p] = source;
        m_heap.push_back({t, p});
        std::push_heap(m_heap.begin(), m_heap.end(), std::greater<>());
    }
}

template <bool Labelled> void TreeSweep::sweep() {
    const std::uint32_t* offsets = m_hierarchy.downOffsets();
    const ContractionHierarchy::Link* const arcs = m_hierarchy.downAll();
    const ContractionHierarchy::Link* arc = arcs;
    double* time = m_time.data();
    std::uint32_t* label = m_label.data();
    const auto n = static_cast<std::uint32_t>(m_time.size());
    for (std::uint32_t p = 0; p < n; ++p) {
        double best = time[p];
        std::uint64_t bestBits = bitsOf(best);
        std::uint32_t bestLabel = Labelled ? label[p] : 0;
        for (const ContractionHierarchy::Link* end = arcs + offsets[p + 1]; arc != end; ++arc) {
            const double t = time[arc->node] + arc->seconds;
            if constexpr (Labelled) {
                const std::uint32_t l = label[arc->node];
                if (t < best || (t == best && l < bestLabel)) {
                    best = t;
                    bestLabel = l;
                }
            } else {
                // Times are never negative (offer turns -0 into +0), and such doubles order as their
                // bits do: an integer minimum, which every target does without a branch (a double
                // select is a branch in some wasm engines, and mispredicted half the time here).
                const std::uint64_t bits = bitsOf(t);
                bestBits = bits < bestBits ? bits : bestBits;
            }
        }
        if constexpr (Labelled) {
            time[p] = best;
            label[p] = bestLabel;
        } else {
            time[p] = doubleOf(bestBits);
        }
    }
}

void TreeSweep::run(std::span<const EdgePoint> sources, double cutoffSeconds) {
    std::fill(m_time.begin(), m_time.end(), kUnreached);
    std::fill(m_label.begin(), m_label.end(), kNoSource);
    m_labelled = sources.size() > 1;
    m_cutoff = cutoffSeconds;
    m_sources.assign(sources);
    m_heap.clear();
    const RoadGraph& graph = m_hierarchy.graph();
    for (std::uint32_t s = 0; s < sources.size(); ++s)
        forEachStart(graph, m_hierarchy.mode(), sources[s],
                     [&](std::uint32_t node, double t) { offer(m_hierarchy.position(node), t, s); });
    // Upward: a small search (hundreds of nodes in a city) over the arcs that climb.
    while (!m_heap.empty()) {
        std::pop_heap(m_heap.begin(), m_heap.end(), std::greater<>());
        const auto [t, p] = m_heap.back();
        m_heap.pop_back();
        if (t != m_time[p]) continue;
        const std::uint32_t source = m_label[p];
        for (const ContractionHierarchy::Link& a : m_hierarchy.up(p))
            offer(a.node, t + a.seconds, source);
    }
    if (m_labelled)
        sweep<true>();
    else
        sweep<false>();
}

} // namespace cordon
