#include "core/routing/travel_times.hpp"

#include <algorithm>

namespace cordon {

TravelTimes::TravelTimes(const RoadGraph& graph)
    : m_graph(graph), m_state(graph.nodeCount()), m_reached(graph.nodeCount()) {
    for (std::uint32_t n = 0; n < m_state.size(); ++n)
        for (int m = 0; m < kTravelModeCount; ++m) {
            if (graph.deadEnd(TravelMode(m), n)) m_state[n].flags |= kDeadEnd << m;
            if (graph.chainLink(TravelMode(m), n)) m_state[n].flags |= kChainLink << m;
        }
}

inline bool TravelTimes::improve(NodeState& state, std::uint32_t node, double t, std::uint32_t source) {
    const std::uint32_t stamp = state.flags >> kStampShift;
    // A settled node's time is at most t (times only grow): it keeps its time and label.
    if (stamp == m_settledStamp) return false;
    if (stamp != m_reachedStamp) {          // first reached in this run
        if (!(t <= m_cutoff)) return false; // beyond the cutoff (or not a number)
        state.flags = (state.flags & kKept) | m_reachedStamp << kStampShift;
        m_reached[m_reachedCount++] = node;
    } else if (!(t < state.time || (t == state.time && source < state.label))) {
        return false;
    }
    state.time = t;
    state.label = source;
    return true;
}

void TravelTimes::reach(std::uint32_t node, double t, std::uint32_t source) {
    NodeState& state = m_state[node];
    if (improve(state, node, t, source)) m_queue.push(t, node);
}

void TravelTimes::relax(std::uint32_t node, double t, std::uint32_t source) {
    const int m = static_cast<int>(m_mode);
    const std::uint32_t walkThrough = kChainLink << m, final = kDeadEnd << m;
    const std::uint32_t* offsets = m_graph.arcOffsets(m_mode);
    const SearchArc* arcs = m_graph.searchArcs(m_mode);
    NodeState* states = m_state.data();
    for (const SearchArc *first = arcs + offsets[node], *last = arcs + offsets[node + 1]; first != last;
         ++first) {
        std::uint32_t prev = node, next = first->to;
        std::uint32_t flags = states[next].flags;
        if (flags >> kStampShift == m_settledStamp) continue; // most often the way the search came
        double tNext = t + first->seconds;
        // Along a chain: each link that improves passes the time on to the next; one that does not
        // already has as good a time from elsewhere, and so has the rest of the chain.
        while ((flags & (walkThrough | kWatched)) == walkThrough) {
            if (!improve(states[next], next, tNext, source)) break;
            std::uint32_t on = next;
            float seconds = 0;
            for (const SearchArc *arc = arcs + offsets[next], *end = arcs + offsets[next + 1]; arc != end;
                 ++arc)
                if (arc->to != prev && (on == next || arc->seconds < seconds)) {
                    on = arc->to; // every such arc goes to the same node: the fastest one counts
                    seconds = arc->seconds;
                }
            if (on == next) break;
            prev = next;
            next = on;
            tNext += seconds;
            flags = states[next].flags;
        }
        const std::uint32_t kind = flags & (walkThrough | final | kWatched);
        if (kind == walkThrough) continue; // the walk stopped on a link
        // A dead end is reached from here only: its time needs no queue.
        if (improve(states[next], next, tNext, source) && kind != final) m_queue.push(tNext, next);
    }
}

void TravelTimes::run(TravelMode mode, std::span<const EdgePoint> sources, double cutoffSeconds,
                      std::span<const std::uint32_t> stopWhenSettled) {
    if (m_settledStamp == kLastStamp) { // stamps used up (after millions of runs): start them again
        for (NodeState& state : m_state)
            state.flags &= kKept;
        m_settledStamp = 1;
    }
    m_reachedStamp = m_settledStamp + 1;
    m_settledStamp += 2;
    m_reachedCount = 0;
    m_queue.clear();
    m_mode = mode;
    m_cutoff = cutoffSeconds;
    m_sources.assign(sources);
    // Nodes still to settle before an early stop (each counted once); 0 = run to the end.
    std::size_t watching = 0;
    for (std::uint32_t n : stopWhenSettled)
        if (!(m_state[n].flags & kWatched)) {
            m_state[n].flags |= kWatched;
            ++watching;
        }
    for (std::uint32_t s = 0; s < sources.size(); ++s)
        forEachStart(m_graph, mode, sources[s], [&](std::uint32_t node, double t) { reach(node, t, s); });
    while (!m_queue.empty()) {
        const auto [t, node] = m_queue.pop();
        NodeState& state = m_state[node];
        if (settled(state) || t != state.time) continue; // stale entry
        state.flags = (state.flags & kKept) | m_settledStamp << kStampShift;
        if ((state.flags & kWatched) && --watching == 0) break;
        relax(node, t, state.label);
    }
    for (std::uint32_t n : stopWhenSettled)
        m_state[n].flags &= ~kWatched;
}

void RunSources::assign(std::span<const EdgePoint> sources) {
    m_points.assign(sources.begin(), sources.end());
    m_edges.clear();
    for (std::uint32_t s = 0; s < sources.size(); ++s)
        m_edges.emplace_back(sources[s].edge, s);
    std::sort(m_edges.begin(), m_edges.end());
}

} // namespace cordon
