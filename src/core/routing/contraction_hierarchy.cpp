#include "core/routing/contraction_hierarchy.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <queue>
#include <utility>

namespace cordon {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// A witness search gives up after settling this many nodes: the shortcut it could not rule out is
/// added anyway (never wrong, only one arc more).
constexpr int kWitnessSettleLimit = 64;

struct WorkArc {
    std::uint32_t node;
    double seconds;
};

/// The graph as it shrinks: arcs out of and into each node not yet contracted.
class Contractor {
  public:
    Contractor(const RoadGraph& graph, TravelMode mode)
        : m_out(graph.nodeCount()), m_in(graph.nodeCount()), m_contractedNeighbours(graph.nodeCount(), 0),
          m_dist(graph.nodeCount(), kInfinity), m_targetMark(graph.nodeCount(), 0) {
        for (std::uint32_t n = 0; n < graph.nodeCount(); ++n)
            for (const Arc& a : graph.arcs(mode, n))
                if (a.to != n) addArc(n, a.to, a.seconds);
    }

    const std::vector<WorkArc>& out(std::uint32_t n) const { return m_out[n]; }
    const std::vector<WorkArc>& in(std::uint32_t n) const { return m_in[n]; }

    /// A first guess of a node's priority, with no search: as if every way through it needed a
    /// shortcut. The queue checks each guess with `priority` before it contracts the node.
    int guess(std::uint32_t v) const {
        const int in = static_cast<int>(m_in[v].size()), out = static_cast<int>(m_out[v].size());
        return priority(in * out, in + out, v);
    }

    /// How good a node is to contract now (lower first); leaves the shortcuts it needs ready for
    /// `contract`.
    int priority(std::uint32_t v) {
        findShortcuts(v);
        return priority(static_cast<int>(m_shortcuts.size()),
                        static_cast<int>(m_out[v].size() + m_in[v].size()), v);
    }

    /// Removes v, adding the shortcuts the last `priority(v)` found. Returns how many it added.
    int contract(std::uint32_t v) {
        for (const Shortcut& s : m_shortcuts)
            addArc(s.from, s.to, s.seconds);
        for (const WorkArc& a : m_in[v]) {
            erase(m_out[a.node], v);
            ++m_contractedNeighbours[a.node];
        }
        for (const WorkArc& a : m_out[v]) {
            erase(m_in[a.node], v);
            ++m_contractedNeighbours[a.node];
        }
        return static_cast<int>(m_shortcuts.size());
    }

    void release(std::uint32_t v) {
        std::vector<WorkArc>().swap(m_out[v]);
        std::vector<WorkArc>().swap(m_in[v]);
    }

  private:
    std::vector<std::vector<WorkArc>> m_out, m_in;
    std::vector<int> m_contractedNeighbours;
    // Witness search buffers, reset through m_touched.
    std::vector<double> m_dist;
    std::vector<std::uint32_t> m_touched;
    std::vector<std::pair<double, std::uint32_t>> m_heap;
    std::vector<std::uint32_t> m_targetMark; ///< == m_targetStamp: a node the search still looks for
    std::uint32_t m_targetStamp = 0;
    struct Shortcut {
        std::uint32_t from, to;
        double seconds;
    };
    std::vector<Shortcut> m_shortcuts; ///< found by the last findShortcuts

    /// The shortcuts it needs against the arcs it removes, and how many neighbours went before it
    /// (which spreads contraction over the map).
    int priority(int shortcuts, int arcs, std::uint32_t v) const {
        return 2 * (shortcuts - arcs) + m_contractedNeighbours[v];
    }

    /// Adds arc from -> to, or lowers the existing one's time.
    void addArc(std::uint32_t from, std::uint32_t to, double seconds) {
        auto set = [](std::vector<WorkArc>& list, std::uint32_t node, double s) {
            for (WorkArc& a : list)
                if (a.node == node) {
                    a.seconds = std::min(a.seconds, s);
                    return;
                }
            list.push_back({node, s});
        };
        set(m_out[from], to, seconds);
        set(m_in[to], from, seconds);
    }

    static void erase(std::vector<WorkArc>& list, std::uint32_t node) {
        for (std::size_t i = 0; i < list.size(); ++i)
            if (list[i].node == node) {
                list[i] = list.back();
                list.pop_back();
                return;
            }
    }

    /// Shortest times from `from` over the remaining graph without `skip`, left in m_dist; stops once
    /// the marked targets are all settled, beyond `limit`, or after `settleLimit` nodes.
    void witnessSearch(std::uint32_t from, std::uint32_t skip, double limit, int targets, int settleLimit) {
        for (std::uint32_t n : m_touched)
            m_dist[n] = kInfinity;
        m_touched.clear();
        m_heap.clear();
        const auto later = std::greater<>();
        m_dist[from] = 0;
        m_touched.push_back(from);
        m_heap.push_back({0.0, from});
        for (int settled = 0; !m_heap.empty() && settled < settleLimit && targets > 0;) {
            std::pop_heap(m_heap.begin(), m_heap.end(), later);
            const auto [t, n] = m_heap.back();
            m_heap.pop_back();
            if (t > m_dist[n]) continue;
            if (t > limit) break;
            ++settled;
            if (m_targetMark[n] == m_targetStamp) {
                m_targetMark[n] = 0;
                --targets;
            }
            for (const WorkArc& a : m_out[n]) {
                if (a.node == skip) continue;
                const double next = t + a.seconds;
                if (next < m_dist[a.node]) {
                    if (m_dist[a.node] == kInfinity) m_touched.push_back(a.node);
                    m_dist[a.node] = next;
                    m_heap.push_back({next, a.node});
                    std::push_heap(m_heap.begin(), m_heap.end(), later);
                }
            }
        }
    }

    /// The shortcuts contracting v needs (u -> v -> x with no other way as fast), into m_shortcuts.
    void findShortcuts(std::uint32_t v) {
        m_shortcuts.clear();
        double longestOut = 0;
        for (const WorkArc& a : m_out[v])
            longestOut = std::max(longestOut, a.seconds);
        for (const WorkArc& into : m_in[v]) {
            ++m_targetStamp;
            int targets = 0;
            for (const WorkArc& a : m_out[v])
                if (a.node != into.node && m_targetMark[a.node] != m_targetStamp) {
                    m_targetMark[a.node] = m_targetStamp;
                    ++targets;
                }
            if (targets == 0) continue;
            witnessSearch(into.node, v, into.seconds + longestOut, targets, kWitnessSettleLimit);
            for (const WorkArc& onward : m_out[v]) {
                const double via = into.seconds + onward.seconds;
                if (onward.node != into.node && m_dist[onward.node] > via)
                    m_shortcuts.push_back({into.node, onward.node, via});
            }
        }
    }
};

} // namespace

/// The contraction in progress: the shrinking graph, the queue of nodes by priority (lazy updates:
/// a node's priority is checked again when it comes to the top, and only taken if it is still no
/// worse than the next one's), and what each contracted node keeps: its arcs to the nodes still
/// there, which are all more important than it.
struct HierarchyBuilder::State {
    State(const RoadGraph& g, TravelMode m) : graph(g), mode(m), work(g, m), priority(g.nodeCount()) {
        const auto n = static_cast<std::uint32_t>(g.nodeCount());
        for (std::uint32_t v = 0; v < n; ++v) {
            priority[v] = work.guess(v);
            queue.push({priority[v], v});
        }
        done.assign(n, 0);
        order.reserve(n);
        upOut.resize(n);
        downIn.resize(n);
    }
    const RoadGraph& graph;
    TravelMode mode;
    Contractor work;
    std::vector<int> priority;
    using Entry = std::pair<int, std::uint32_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    std::vector<std::uint8_t> done;
    std::vector<std::uint32_t> order; ///< contraction order, least important first
    std::vector<std::vector<WorkArc>> upOut, downIn;
    std::size_t shortcuts = 0;
};

HierarchyBuilder::HierarchyBuilder(const RoadGraph& graph, TravelMode mode)
    : m_state(std::make_unique<State>(graph, mode)) {}
HierarchyBuilder::~HierarchyBuilder() = default;
HierarchyBuilder::HierarchyBuilder(HierarchyBuilder&&) noexcept = default;
HierarchyBuilder& HierarchyBuilder::operator=(HierarchyBuilder&&) noexcept = default;

bool HierarchyBuilder::done() const {
    return m_state->order.size() == m_state->done.size();
}

double HierarchyBuilder::progress() const {
    return m_state->done.empty()
               ? 1.0
               : static_cast<double>(m_state->order.size()) / static_cast<double>(m_state->done.size());
}

bool HierarchyBuilder::step(std::size_t nodes) {
    State& st = *m_state;
    for (std::size_t contracted = 0; contracted < nodes && !st.queue.empty();) {
        const auto [p, v] = st.queue.top();
        st.queue.pop();
        if (st.done[v] || p != st.priority[v]) continue;
        const int now = st.work.priority(v);
        if (now > p && !st.queue.empty() && now > st.queue.top().first) { // worse than it was: later
            st.priority[v] = now;
            st.queue.push({now, v});
            continue;
        }
        st.shortcuts += static_cast<std::size_t>(st.work.contract(v));
        st.done[v] = 1;
        st.order.push_back(v);
        st.upOut[v] = st.work.out(v);
        st.downIn[v] = st.work.in(v);
        st.work.release(v);
        ++contracted;
    }
    return done();
}

ContractionHierarchy HierarchyBuilder::finish() {
    while (!step(SIZE_MAX)) {
    }
    State& st = *m_state;
    ContractionHierarchy ch;
    ch.m_graph = &st.graph;
    ch.m_mode = st.mode;
    ch.m_shortcutCount = st.shortcuts;
    const auto n = static_cast<std::uint32_t>(st.order.size());
    ch.m_position.assign(n, 0);
    for (std::uint32_t i = 0; i < n; ++i)
        ch.m_position[st.order[i]] = n - 1 - i;
    ch.m_downOffsets.assign(n + 1, 0);
    ch.m_upOffsets.assign(n + 1, 0);
    using Link = ContractionHierarchy::Link;
    for (std::uint32_t p = 0; p < n; ++p) {
        const std::uint32_t v = st.order[n - 1 - p];
        const std::size_t first = ch.m_down.size();
        for (const WorkArc& a : st.downIn[v])
            ch.m_down.push_back({ch.m_position[a.node], a.seconds});
        std::sort(ch.m_down.begin() + static_cast<std::ptrdiff_t>(first), ch.m_down.end(),
                  [](const Link& x, const Link& y) { return x.node < y.node; });
        ch.m_downOffsets[p + 1] = static_cast<std::uint32_t>(ch.m_down.size());
        for (const WorkArc& a : st.upOut[v])
            ch.m_up.push_back({ch.m_position[a.node], a.seconds});
        ch.m_upOffsets[p + 1] = static_cast<std::uint32_t>(ch.m_up.size());
    }
    return ch;
}

ContractionHierarchy ContractionHierarchy::build(const RoadGraph& graph, TravelMode mode) {
    return HierarchyBuilder(graph, mode).finish();
}

} // namespace cordon
