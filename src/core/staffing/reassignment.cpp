#include "core/staffing/reassignment.hpp"

#include "core/routing/travel_times.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <tuple>

namespace cordon {

namespace {

/// Up to k nearest sources per node: a multi-source Dijkstra whose heap entries carry their
/// source, each node settled once per source and at most k times.
class KNearest {
  public:
    KNearest(const RoadGraph& graph, int k)
        : m_graph(graph), m_k(k), m_count(graph.nodeCount(), 0),
          m_labels(graph.nodeCount() * std::size_t(k)) {}

    void run(TravelMode mode, const std::vector<EdgePoint>& sources, double cutoff) {
        const int m = int(mode);
        m_mode = mode;
        m_cutoff = cutoff;
        for (std::uint32_t s = 0; s < sources.size(); ++s) {
            const RoadEdge& e = m_graph.edge(sources[s].edge);
            const double f = sources[s].fraction;
            if (e.seconds[m][0] >= 0 || f == 1.0) push((1 - f) * std::max(0.0f, e.seconds[m][0]), e.to, s);
            if (e.seconds[m][1] >= 0 || f == 0.0) push(f * std::max(0.0f, e.seconds[m][1]), e.from, s);
        }
        while (!m_heap.empty()) {
            std::pop_heap(m_heap.begin(), m_heap.end(), std::greater<>());
            const Entry top = m_heap.back();
            m_heap.pop_back();
            const std::uint32_t n = top.node;
            if (m_count[n] >= m_k) continue;
            if (has(n, top.source)) continue;
            m_labels[std::size_t(n) * std::size_t(m_k) + std::size_t(m_count[n]++)] = {top.time, top.source};
            for (const Arc& arc : m_graph.arcs(mode, n))
                if (m_count[arc.to] < m_k && !has(arc.to, top.source))
                    push(top.time + arc.seconds, arc.to, top.source);
        }
    }

    /// Sources reaching point `p` (on the network in the run's mode) with their times.
    void reaching(const EdgePoint& p, const std::vector<EdgePoint>& sources,
                  std::vector<std::pair<double, std::uint32_t>>& out) const {
        out.clear();
        const RoadEdge& e = m_graph.edge(p.edge);
        const int m = int(m_mode);
        auto addFrom = [&](std::uint32_t node, double extra) {
            const Label* labels = &m_labels[std::size_t(node) * std::size_t(m_k)];
            for (int i = 0; i < m_count[node]; ++i)
                if (labels[i].time + extra <= m_cutoff)
                    out.emplace_back(labels[i].time + extra, labels[i].source);
        };
        if (e.seconds[m][0] >= 0) addFrom(e.from, p.fraction * e.seconds[m][0]);
        if (e.seconds[m][1] >= 0) addFrom(e.to, (1 - p.fraction) * e.seconds[m][1]);
        for (std::uint32_t s = 0; s < sources.size(); ++s) {
            const EdgePoint& src = sources[s];
            if (src.edge != p.edge) continue;
            if (p.fraction >= src.fraction && e.seconds[m][0] >= 0)
                out.emplace_back((p.fraction - src.fraction) * e.seconds[m][0], s);
            if (p.fraction <= src.fraction && e.seconds[m][1] >= 0)
                out.emplace_back((src.fraction - p.fraction) * e.seconds[m][1], s);
        }
    }

  private:
    struct Label {
        double time = 0;
        std::uint32_t source = 0;
    };
    struct Entry {
        double time;
        std::uint32_t node, source;
        bool operator>(const Entry& o) const {
            if (time != o.time) return time > o.time;
            if (source != o.source) return source > o.source;
            return node > o.node;
        }
    };
    bool has(std::uint32_t node, std::uint32_t source) const {
        const Label* labels = &m_labels[std::size_t(node) * std::size_t(m_k)];
        return std::any_of(labels, labels + m_count[node],
                           [&](const Label& l) { return l.source == source; });
    }
    void push(double t, std::uint32_t node, std::uint32_t source) {
        if (t > m_cutoff) return;
        m_heap.push_back({t, node, source});
        std::push_heap(m_heap.begin(), m_heap.end(), std::greater<>());
    }

    const RoadGraph& m_graph;
    int m_k;
    TravelMode m_mode = TravelMode::Drive;
    double m_cutoff = kUnreached;
    std::vector<int> m_count;
    std::vector<Label> m_labels;
    std::vector<Entry> m_heap;
};

/// Min-cost flow by the primal-dual method: Dijkstra on reduced costs gives the potentials, then
/// depth-first search pushes flow along every admissible (zero reduced cost) path of that length.
class MinCostFlow {
  public:
    explicit MinCostFlow(int nodes) : m_arcs(std::size_t(nodes)) {}

    /// Adds an arc and returns its handle (node, position) for reading its flow back.
    std::pair<int, int> addArc(int from, int to, int capacity, std::int64_t cost) {
        const int at = int(m_arcs[std::size_t(from)].size());
        m_arcs[std::size_t(from)].push_back({to, int(m_arcs[std::size_t(to)].size()), capacity, cost});
        m_arcs[std::size_t(to)].push_back({from, at, 0, -cost});
        return {from, at};
    }
    int flow(std::pair<int, int> handle) const {
        const ArcState& a = m_arcs[std::size_t(handle.first)][std::size_t(handle.second)];
        return m_arcs[std::size_t(a.to)][std::size_t(a.rev)].capacity;
    }

    /// Maximum flow from s to t at least cost; appends each unit's cost to `unitCosts`.
    void run(int s, int t, std::vector<std::int64_t>& unitCosts) {
        const std::size_t n = m_arcs.size();
        constexpr std::int64_t kInf = std::numeric_limits<std::int64_t>::max() / 4;
        std::vector<std::int64_t> potential(n, 0), dist(n);
        std::vector<std::pair<std::int64_t, int>> heap;
        m_visited.assign(n, 0);
        for (;;) {
            std::fill(dist.begin(), dist.end(), kInf);
            dist[std::size_t(s)] = 0;
            heap.assign(1, {0, s});
            while (!heap.empty()) {
                std::pop_heap(heap.begin(), heap.end(), std::greater<>());
                const auto [d, u] = heap.back();
                heap.pop_back();
                if (d != dist[std::size_t(u)]) continue;
                for (const ArcState& a : m_arcs[std::size_t(u)]) {
                    if (a.capacity <= 0) continue;
                    const std::int64_t nd =
                        d + a.cost + potential[std::size_t(u)] - potential[std::size_t(a.to)];
                    if (nd < dist[std::size_t(a.to)]) {
                        dist[std::size_t(a.to)] = nd;
                        heap.emplace_back(nd, a.to);
                        std::push_heap(heap.begin(), heap.end(), std::greater<>());
                    }
                }
            }
            if (dist[std::size_t(t)] == kInf) return;
            for (std::size_t v = 0; v < n; ++v)
                potential[v] += std::min(dist[v], dist[std::size_t(t)]);
            m_potential = &potential;
            const std::int64_t unit = potential[std::size_t(t)] - potential[std::size_t(s)];
            for (;;) {
                std::fill(m_visited.begin(), m_visited.end(), 0);
                const int pushed = augment(s, t, std::numeric_limits<int>::max());
                if (pushed == 0) break;
                unitCosts.insert(unitCosts.end(), std::size_t(pushed), unit);
            }
        }
    }

  private:
    struct ArcState {
        int to, rev, capacity;
        std::int64_t cost;
    };
    int augment(int u, int t, int limit) {
        if (u == t) return limit;
        m_visited[std::size_t(u)] = 1;
        const auto& pot = *m_potential;
        for (ArcState& a : m_arcs[std::size_t(u)]) {
            if (a.capacity <= 0 || m_visited[std::size_t(a.to)] ||
                a.cost + pot[std::size_t(u)] - pot[std::size_t(a.to)] != 0)
                continue;
            if (const int d = augment(a.to, t, std::min(limit, a.capacity)); d > 0) {
                a.capacity -= d;
                m_arcs[std::size_t(a.to)][std::size_t(a.rev)].capacity += d;
                return d;
            }
        }
        return 0;
    }

    std::vector<std::vector<ArcState>> m_arcs;
    std::vector<std::uint8_t> m_visited;
    const std::vector<std::int64_t>* m_potential = nullptr;
};

} // namespace

ReassignmentProblem buildReassignmentProblem(const StaffingModel& model, const FeedSet& feeds,
                                             const RoadGraph& graph, const ReassignmentOptions& options) {
    ReassignmentProblem pr;
    const int slots = model.slotCount();
    pr.slotCount = slots;
    pr.slotMinutes = model.day().slotMinutes;
    pr.shortPersonMinutes = model.city().shortPersonMinutes;
    const Feed* posts = feeds.get(FeedKind::Posts);
    const Feed* teams = feeds.get(FeedKind::Teams);
    const std::size_t postCount = posts ? std::min(posts->size(), model.postCount()) : 0;
    const std::size_t teamCount = teams ? teams->size() : 0;

    auto snapFeature = [&](const Feed& feed, std::size_t i, TravelMode mode) -> std::optional<EdgePoint> {
        const std::optional<LonLat> p = feed.layer.firstPosition(i);
        if (!p) return std::nullopt;
        // A small radius first: the snap grid's search grows with the radius.
        const double near = std::min(200.0, options.snapMetres);
        if (std::optional<EdgePoint> at = graph.snap(*p, mode, near)) return at;
        return options.snapMetres > near ? graph.snap(*p, mode, options.snapMetres) : std::nullopt;
    };
    auto offNetwork = [&](const char* feed, const Feed& f, std::size_t i, const char* what,
                          DiagnosticCode code) {
        pr.diagnostics.push_back({Severity::Warning, feed, long(i), f.layer.features[i].id, "geometry",
                                  std::string("not within reach of a road: ") + what, code});
    };

    // Suppliers: posts with surplus in some slot, then standby teams.
    for (std::size_t p = 0; p < postCount; ++p) {
        if (model.postSummary(p).surplusPersonMinutes == 0) continue;
        const auto req = model.required(p), on = model.onDuty(p);
        const std::optional<EdgePoint> at = snapFeature(*posts, p, options.postMode);
        if (!at) {
            offNetwork("posts", *posts, p, "its surplus staff are not sent anywhere",
                       DiagnosticCode::SurplusStays);
            continue;
        }
        pr.suppliers.push_back({std::uint32_t(p), kNoPlanIndex, options.postMode, *at});
        for (std::size_t s = 0; s < std::size_t(slots); ++s)
            pr.supplyBySlot.push_back(std::max(0, on[s] - req[s]));
    }
    for (std::size_t t = 0; t < teamCount; ++t) {
        const TeamFields& f = teams->teams[t];
        if (f.kind == TeamKind::TaskForce || f.kind == TeamKind::DoorTeam || !f.posts.empty() ||
            f.members <= 0)
            continue;
        const auto duty = model.teamOnDuty(t);
        if (std::any_of(duty.begin(), duty.end(), [](std::int32_t n) { return n > 0; })) continue;
        const std::optional<EdgePoint> at = snapFeature(*teams, t, f.mode);
        if (!at) {
            offNetwork("teams", *teams, t, "this standby team is not sent anywhere",
                       DiagnosticCode::TeamStays);
            continue;
        }
        pr.suppliers.push_back({kNoPlanIndex, std::uint32_t(t), f.mode, *at});
        const int people = std::max(1, f.members / std::max(1, options.standbyShifts));
        pr.supplyBySlot.insert(pr.supplyBySlot.end(), std::size_t(slots), people);
    }

    // Short posts, snapped in every mode a supplier travels in.
    bool modeUsed[kTravelModeCount] = {false, false};
    for (const PlanSupplier& s : pr.suppliers)
        modeUsed[int(s.mode)] = true;
    std::vector<std::optional<EdgePoint>> gapAt[kTravelModeCount];
    for (std::size_t p = 0; p < postCount; ++p) {
        if (model.postSummary(p).shortPersonMinutes == 0) continue;
        std::optional<EdgePoint> at[kTravelModeCount];
        bool any = false;
        for (int m = 0; m < kTravelModeCount; ++m)
            if (modeUsed[m]) any |= bool(at[m] = snapFeature(*posts, p, TravelMode(m)));
        if (!any) {
            if (!pr.suppliers.empty())
                offNetwork("posts", *posts, p, "nobody can be sent to close its gap",
                           DiagnosticCode::GapUnreachable);
            continue;
        }
        pr.gapPosts.push_back(std::uint32_t(p));
        for (int m = 0; m < kTravelModeCount; ++m)
            gapAt[m].push_back(at[m]);
        const auto req = model.required(p), on = model.onDuty(p);
        for (std::size_t s = 0; s < std::size_t(slots); ++s)
            pr.gapBySlot.push_back(std::max(0, req[s] - on[s]));
    }

    // Candidates: the k nearest suppliers of each short post, over the modes.
    const int k = std::max(1, options.candidatesPerGap);
    std::vector<std::vector<std::pair<double, std::uint32_t>>> reach(pr.gapPosts.size());
    if (!pr.suppliers.empty() && !pr.gapPosts.empty()) {
        KNearest nearest(graph, k + 1); // one more: a post never supplies itself
        std::vector<std::pair<double, std::uint32_t>> found;
        for (int m = 0; m < kTravelModeCount; ++m) {
            if (!modeUsed[m]) continue;
            std::vector<EdgePoint> sources;
            std::vector<std::uint32_t> supplierOf;
            for (std::uint32_t s = 0; s < pr.suppliers.size(); ++s)
                if (int(pr.suppliers[s].mode) == m) {
                    sources.push_back(pr.suppliers[s].at);
                    supplierOf.push_back(s);
                }
            nearest.run(TravelMode(m), sources, options.maxTravelMinutes * 60);
            for (std::size_t g = 0; g < pr.gapPosts.size(); ++g) {
                if (!gapAt[m][g]) continue;
                nearest.reaching(*gapAt[m][g], sources, found);
                for (const auto& [t, s] : found)
                    reach[g].emplace_back(t, supplierOf[s]);
            }
        }
    }
    for (std::size_t g = 0; g < pr.gapPosts.size(); ++g) {
        auto& r = reach[g];
        std::sort(r.begin(), r.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second < b.second : a.first < b.first;
        });
        r.erase(std::unique(r.begin(), r.end(),
                            [](const auto& a, const auto& b) { return a.second == b.second; }),
                r.end());
        std::sort(r.begin(), r.end());
        int kept = 0;
        for (const auto& [t, s] : r) {
            if (kept == k) break;
            if (pr.suppliers[s].post == pr.gapPosts[g]) continue;
            pr.candidates.push_back({s, std::uint32_t(g), std::llround(t)});
            ++kept;
        }
    }

    // Blocks: runs of slots in which no supplier's surplus and no post's shortfall changes.
    auto changes = [&](const std::vector<std::int32_t>& rows, std::size_t count, int s) {
        for (std::size_t i = 0; i < count; ++i)
            if (rows[i * std::size_t(slots) + std::size_t(s)] !=
                rows[i * std::size_t(slots) + std::size_t(s - 1)])
                return true;
        return false;
    };
    int first = 0;
    for (int s = 1; s <= slots; ++s)
        if (s == slots || changes(pr.supplyBySlot, pr.suppliers.size(), s) ||
            changes(pr.gapBySlot, pr.gapPosts.size(), s)) {
            pr.blocks.emplace_back(first, s);
            first = s;
        }
    return pr;
}

ReassignmentPlan solveReassignment(const ReassignmentProblem& pr, PlanMethod method) {
    ReassignmentPlan plan;
    plan.method = method;
    plan.gapPersonMinutesBefore = pr.shortPersonMinutes;
    const std::size_t slots = std::size_t(pr.slotCount);
    std::vector<int> supplyNode(pr.suppliers.size(), -1), gapNode(pr.gapPosts.size(), -1);
    std::vector<const PlanCandidate*> active;
    std::vector<int> supplyLeft(pr.suppliers.size()), gapLeft(pr.gapPosts.size());
    for (const auto& [first, end] : pr.blocks) {
        PlanBlock block;
        block.firstSlot = first;
        block.endSlot = end;
        active.clear();
        for (const PlanCandidate& c : pr.candidates)
            if (pr.supplyBySlot[c.supplier * slots + std::size_t(first)] > 0 &&
                pr.gapBySlot[c.gap * slots + std::size_t(first)] > 0)
                active.push_back(&c);
        std::vector<std::pair<const PlanCandidate*, int>> flows;
        if (method == PlanMethod::GreedyNearest) {
            for (const PlanCandidate* c : active) {
                supplyLeft[c->supplier] = pr.supplyBySlot[c->supplier * slots + std::size_t(first)];
                gapLeft[c->gap] = pr.gapBySlot[c->gap * slots + std::size_t(first)];
            }
            std::stable_sort(
                active.begin(), active.end(),
                [](const PlanCandidate* a, const PlanCandidate* b) { return a->seconds < b->seconds; });
            for (const PlanCandidate* c : active) {
                const int n = std::min(supplyLeft[c->supplier], gapLeft[c->gap]);
                if (n <= 0) continue;
                supplyLeft[c->supplier] -= n;
                gapLeft[c->gap] -= n;
                flows.emplace_back(c, n);
            }
        } else if (!active.empty()) {
            int nodes = 2;
            std::vector<std::uint32_t> usedSuppliers, usedGaps;
            for (const PlanCandidate* c : active) {
                if (supplyNode[c->supplier] < 0) {
                    supplyNode[c->supplier] = nodes++;
                    usedSuppliers.push_back(c->supplier);
                }
                if (gapNode[c->gap] < 0) {
                    gapNode[c->gap] = nodes++;
                    usedGaps.push_back(c->gap);
                }
            }
            MinCostFlow mcf(nodes);
            for (std::uint32_t s : usedSuppliers)
                mcf.addArc(0, supplyNode[s], pr.supplyBySlot[s * slots + std::size_t(first)], 0);
            for (std::uint32_t g : usedGaps)
                mcf.addArc(gapNode[g], 1, pr.gapBySlot[g * slots + std::size_t(first)], 0);
            std::vector<std::pair<int, int>> handles;
            for (const PlanCandidate* c : active)
                handles.push_back(
                    mcf.addArc(supplyNode[c->supplier], gapNode[c->gap],
                               std::min(pr.supplyBySlot[c->supplier * slots + std::size_t(first)],
                                        pr.gapBySlot[c->gap * slots + std::size_t(first)]),
                               c->seconds));
            mcf.run(0, 1, block.unitSeconds);
            for (std::size_t i = 0; i < active.size(); ++i)
                if (const int f = mcf.flow(handles[i]); f > 0) flows.emplace_back(active[i], f);
            for (std::uint32_t s : usedSuppliers)
                supplyNode[s] = -1;
            for (std::uint32_t g : usedGaps)
                gapNode[g] = -1;
        }
        std::vector<ReassignmentMove> moves;
        for (const auto& [c, n] : flows) {
            const PlanSupplier& from = pr.suppliers[c->supplier];
            moves.push_back({from.post, from.team, pr.gapPosts[c->gap], first, end, n, c->seconds});
            block.people += n;
            block.seconds += std::int64_t(n) * c->seconds;
        }
        std::sort(moves.begin(), moves.end(), [](const ReassignmentMove& a, const ReassignmentMove& b) {
            return std::tie(a.toPost, a.fromPost, a.fromTeam) < std::tie(b.toPost, b.fromPost, b.fromTeam);
        });
        plan.moves.insert(plan.moves.end(), moves.begin(), moves.end());
        plan.totalSeconds += block.seconds;
        plan.gapPersonMinutesClosed += std::int64_t(block.people) * (end - first) * pr.slotMinutes;
        plan.blocks.push_back(std::move(block));
    }
    plan.assignments = mergeConsecutiveMoves(plan.moves);
    for (const ReassignmentMove& m : plan.assignments)
        plan.assignmentSeconds += std::int64_t(m.people) * m.seconds;
    return plan;
}

std::vector<ReassignmentMove> mergeConsecutiveMoves(std::span<const ReassignmentMove> moves) {
    auto pairKey = [](const ReassignmentMove& m) {
        return std::tie(m.fromPost, m.fromTeam, m.toPost, m.seconds);
    };
    std::vector<ReassignmentMove> sorted(moves.begin(), moves.end());
    std::sort(sorted.begin(), sorted.end(), [&](const ReassignmentMove& a, const ReassignmentMove& b) {
        return std::tuple_cat(pairKey(a), std::tie(a.firstSlot)) <
               std::tuple_cat(pairKey(b), std::tie(b.firstSlot));
    });
    std::vector<ReassignmentMove> merged;
    struct Run {
        int start;
        int people;
    };
    std::vector<Run> open; // people still there, oldest first
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t j = i;
        const ReassignmentMove& pair = sorted[i];
        auto close = [&](Run run, int endSlot) {
            ReassignmentMove m = pair;
            m.firstSlot = run.start;
            m.endSlot = endSlot;
            m.people = run.people;
            merged.push_back(m);
        };
        int at = sorted[i].firstSlot, total = 0;
        for (; j < sorted.size() && pairKey(sorted[j]) == pairKey(pair); ++j) {
            const ReassignmentMove& m = sorted[j];
            if (m.firstSlot != at) { // a break: everybody leaves
                for (const Run& run : open)
                    close(run, at);
                open.clear();
                total = 0;
            }
            while (total > m.people) { // the last to come leave first
                Run& last = open.back();
                const int leaving = std::min(last.people, total - m.people);
                close({last.start, leaving}, m.firstSlot);
                last.people -= leaving;
                total -= leaving;
                if (last.people == 0) open.pop_back();
            }
            if (m.people > total) {
                open.push_back({m.firstSlot, m.people - total});
                total = m.people;
            }
            at = m.endSlot;
        }
        for (const Run& run : open)
            close(run, at);
        open.clear();
        i = j;
    }
    std::sort(merged.begin(), merged.end(), [](const ReassignmentMove& a, const ReassignmentMove& b) {
        return std::tie(a.firstSlot, a.toPost, a.fromPost, a.fromTeam, a.endSlot) <
               std::tie(b.firstSlot, b.toPost, b.fromPost, b.fromTeam, b.endSlot);
    });
    return merged;
}

std::int64_t cheapestSecondsFor(const ReassignmentPlan& optimal, const std::vector<int>& peoplePerBlock) {
    std::int64_t total = 0;
    for (std::size_t b = 0; b < optimal.blocks.size() && b < peoplePerBlock.size(); ++b) {
        const auto& unit = optimal.blocks[b].unitSeconds;
        const std::size_t n = std::min(unit.size(), std::size_t(std::max(0, peoplePerBlock[b])));
        for (std::size_t i = 0; i < n; ++i)
            total += unit[i];
    }
    return total;
}

} // namespace cordon
