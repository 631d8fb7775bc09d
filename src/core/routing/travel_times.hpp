#pragma once
/// Travel times over a RoadGraph: bounded single- and multi-source Dijkstra with a bucket queue,
/// deterministic tie-breaks (lower time, then lower node index; equal times go to the lower source
/// index) and buffers reused between queries, so a query allocates nothing once warm.

#include "core/routing/bucket_queue.hpp"
#include "core/routing/road_graph.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

namespace cordon {

inline constexpr double kUnreached = std::numeric_limits<double>::infinity();
inline constexpr std::uint32_t kNoSource = UINT32_MAX;

/// Calls `start(node, seconds)` for each node a search from point `p` starts at in `mode`: the ends
/// of its edge it may travel to, with the time to get there, and the end it stands on if it does.
template <class Start>
void forEachStart(const RoadGraph& graph, TravelMode mode, const EdgePoint& p, Start&& start) {
    const RoadEdge& e = graph.edge(p.edge);
    const int m = static_cast<int>(mode);
    const double f = p.fraction;
    // A point at an end of its edge stands on that node, whatever the edge's direction.
    if (e.seconds[m][0] >= 0 || f == 1.0) start(e.to, (1 - f) * std::max(0.0f, e.seconds[m][0]));
    if (e.seconds[m][1] >= 0 || f == 0.0) start(e.from, f * std::max(0.0f, e.seconds[m][1]));
}

/// The sources of a run, with those on each edge found without looking at all of them: the time to
/// a point part-way along an edge is the earliest of arriving from either end and of a source on
/// the same edge. Shared by TravelTimes and TreeSweep.
class RunSources {
  public:
    void assign(std::span<const EdgePoint> sources);
    std::span<const EdgePoint> points() const { return m_points; }
    /// Seconds to `p` in `mode` from a run's node times and labels (`tree.seconds(n)`,
    /// `tree.label(n)`), within `cutoff`; the first source through `source`.
    template <class Tree>
    double secondsTo(const Tree& tree, const RoadGraph& graph, TravelMode mode, double cutoff,
                     const EdgePoint& p, std::uint32_t* source) const;

  private:
    std::vector<EdgePoint> m_points;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_edges; ///< (edge, source index), sorted
};

class TravelTimes {
  public:
    explicit TravelTimes(const RoadGraph& graph);

    /// Times from `sources` (points on edges, e.g. snapped team bases) in `mode`, up to
    /// `cutoffSeconds`. Each node gets the time of the source that reaches it first, and that
    /// source's index as its label: with several sources this is the network Voronoi partition.
    ///
    /// With `stopWhenSettled` the search stops as soon as every node in it is settled (or nothing
    /// is left below the cutoff): their times and labels are exactly those of the full run, and so
    /// is `secondsTo` for any point on an edge whose ends are both in the list. Other nodes may then
    /// hold a tentative time (never below their true one).
    void run(TravelMode mode, std::span<const EdgePoint> sources, double cutoffSeconds = kUnreached,
             std::span<const std::uint32_t> stopWhenSettled = {});

    /// Seconds to a node (kUnreached beyond the cutoff or in another component).
    double seconds(std::uint32_t node) const {
        return ofThisRun(m_state[node]) ? m_state[node].time : kUnreached;
    }
    /// Index of the source that reaches the node first, or kNoSource.
    std::uint32_t label(std::uint32_t node) const {
        return ofThisRun(m_state[node]) ? m_state[node].label : kNoSource;
    }
    /// Seconds to a point part-way along an edge, with its first source through `source`.
    double secondsTo(const EdgePoint& p, std::uint32_t* source = nullptr) const {
        return m_sources.secondsTo(*this, m_graph, m_mode, m_cutoff, p, source);
    }
    /// Nodes reached in the last run, in the order they were first reached. After a run to the end
    /// their times are final; after an early stop, only those of the watched nodes are sure to be.
    std::span<const std::uint32_t> reached() const { return {m_reached.data(), m_reachedCount}; }
    /// Calls `visit(node)` for every node the last run reached, in the order they were first reached.
    template <class Visit> void forEachReached(Visit&& visit) const {
        for (std::uint32_t n : reached())
            visit(n);
    }
    /// The sources of the last run.
    std::span<const EdgePoint> sources() const { return m_sources.points(); }
    TravelMode mode() const { return m_mode; }
    double cutoff() const { return m_cutoff; }
    const RoadGraph& graph() const { return m_graph; }

  private:
    const RoadGraph& m_graph;
    TravelMode m_mode = TravelMode::Walk;
    double m_cutoff = kUnreached;
    /// Per node, together: a search touches all three of a node at once, so one cache line.
    struct NodeState {
        double time = kUnreached;
        std::uint32_t label = kNoSource;
        /// kDeadEnd, kChainLink << mode, copied from the graph once so that relaxing an arc reads one
        /// cache line; kWatched; and from bit kStampShift the stamp of the run that last reached the
        /// node (reached or settled). A state with an older stamp is unreached: a run needs no pass
        /// to reset the last one's nodes.
        std::uint32_t flags = 0;
    };
    static constexpr std::uint32_t kWatched = 2, kDeadEnd = 4, kChainLink = 16;
    static constexpr std::uint32_t kKept = kWatched | (kDeadEnd | kChainLink) * 3; // bits a new stamp keeps
    static constexpr int kStampShift = 8;
    static constexpr std::uint32_t kLastStamp = (1u << (32 - kStampShift)) - 1;
    std::uint32_t m_reachedStamp = 0, m_settledStamp = 1; ///< this run's stamps: 2 r and 2 r + 1
    bool ofThisRun(const NodeState& s) const { return (s.flags >> kStampShift | 1) == m_settledStamp; }
    bool settled(const NodeState& s) const { return s.flags >> kStampShift == m_settledStamp; }
    std::vector<NodeState> m_state;
    std::vector<std::uint32_t> m_reached; ///< one slot per node; the first m_reachedCount are the last run's
    std::size_t m_reachedCount = 0;
    BucketQueue m_queue;
    RunSources m_sources;

    /// Offers a node time t from `source`; true if that is better than what it has.
    bool improve(NodeState& state, std::uint32_t node, double t, std::uint32_t source);
    /// Offers and queues.
    void reach(std::uint32_t node, double t, std::uint32_t source);
    /// Relaxes the arcs of a settled node. Chain links are walked through and dead ends given their
    /// time, not queued (unless watched): what they pass on is all they can be reached by.
    void relax(std::uint32_t node, double t, std::uint32_t source);
};

template <class Tree>
double RunSources::secondsTo(const Tree& tree, const RoadGraph& graph, TravelMode mode, double cutoff,
                             const EdgePoint& p, std::uint32_t* source) const {
    const RoadEdge& e = graph.edge(p.edge);
    const int m = static_cast<int>(mode);
    double best = kUnreached;
    std::uint32_t bestSource = kNoSource;
    auto offer = [&](double t, std::uint32_t s) {
        if (t <= cutoff && (t < best || (t == best && s < bestSource))) {
            best = t;
            bestSource = s;
        }
    };
    // Arriving from `from` travels the edge forward; from `to`, backward.
    const double fromTime = tree.seconds(e.from), toTime = tree.seconds(e.to);
    if (e.seconds[m][0] >= 0 && fromTime != kUnreached)
        offer(fromTime + p.fraction * e.seconds[m][0], tree.label(e.from));
    if (e.seconds[m][1] >= 0 && toTime != kUnreached)
        offer(toTime + (1 - p.fraction) * e.seconds[m][1], tree.label(e.to));
    // A source on the same edge reaches the point directly (the least (time, source) wins, so the
    // order the sources are looked at in does not matter).
    auto on = std::lower_bound(m_edges.begin(), m_edges.end(), std::pair(p.edge, std::uint32_t{0}));
    for (; on != m_edges.end() && on->first == p.edge; ++on) {
        const std::uint32_t s = on->second;
        const EdgePoint& src = m_points[s];
        if (p.fraction >= src.fraction && e.seconds[m][0] >= 0)
            offer((p.fraction - src.fraction) * e.seconds[m][0], s);
        if (p.fraction <= src.fraction && e.seconds[m][1] >= 0)
            offer((src.fraction - p.fraction) * e.seconds[m][1], s);
    }
    if (source) *source = bestSource;
    return best;
}

} // namespace cordon
