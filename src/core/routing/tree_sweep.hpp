#pragma once
/// Whole shortest-path trees over a ContractionHierarchy (PHAST): an upward search from the sources
/// over the arcs that climb, then one pass over every node, most important first, that gives each
/// node the best of its arcs from above. Same times and labels as TravelTimes::run with no cutoff
/// (for sources on nodes, to the bit; for sources part-way along an edge, to the last bit of a
/// double, as the offset is added in another order), several times faster for a whole city: the
/// pass reads its arcs in memory order and needs no queue. Buffers are kept between runs.

#include "core/routing/contraction_hierarchy.hpp"
#include "core/routing/travel_times.hpp"

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace cordon {

class TreeSweep {
  public:
    /// The hierarchy must outlive the sweep.
    explicit TreeSweep(const ContractionHierarchy& hierarchy);

    /// Times from `sources` to every node in the hierarchy's mode; with several sources each node
    /// is labelled with the one that reaches it first (ties to the lower index), as TravelTimes does.
    /// Times beyond `cutoffSeconds` read as unreached.
    void run(std::span<const EdgePoint> sources, double cutoffSeconds = kUnreached);

    double seconds(std::uint32_t node) const {
        const double t = m_time[m_hierarchy.position(node)];
        return t <= m_cutoff ? t : kUnreached;
    }
    std::uint32_t label(std::uint32_t node) const {
        const std::uint32_t p = m_hierarchy.position(node);
        if (!(m_time[p] <= m_cutoff) || m_time[p] == kUnreached) return kNoSource;
        return m_labelled ? m_label[p] : 0;
    }
    /// Seconds to a point part-way along an edge, with its first source through `source`.
    double secondsTo(const EdgePoint& p, std::uint32_t* source = nullptr) const {
        return m_sources.secondsTo(*this, m_hierarchy.graph(), m_hierarchy.mode(), m_cutoff, p, source);
    }
    /// Calls `visit(node)` for every node the last run reached (within its cutoff), in node order.
    template <class Visit> void forEachReached(Visit&& visit) const {
        for (std::uint32_t n = 0; n < m_time.size(); ++n)
            if (seconds(n) != kUnreached) visit(n);
    }
    const ContractionHierarchy& hierarchy() const { return m_hierarchy; }

  private:
    const ContractionHierarchy& m_hierarchy;
    std::vector<double> m_time;         ///< by sweep position
    std::vector<std::uint32_t> m_label; ///< by sweep position; kept only with several sources
    bool m_labelled = false;
    double m_cutoff = kUnreached;
    std::vector<std::pair<double, std::uint32_t>> m_heap;
    RunSources m_sources;

    /// Offers position p the time t from `source`; queues it for the upward search if better.
    void offer(std::uint32_t p, double t, std::uint32_t source);
    template <bool Labelled> void sweep();
};

} // namespace cordon
