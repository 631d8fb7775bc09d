#pragma once
/// A contraction hierarchy of one mode's road graph, laid out for one-to-all queries (PHAST).
///
/// Nodes are contracted one by one, least important first: contracting a node removes it and adds
/// a shortcut between two of its remaining neighbours wherever the way through it is the only
/// shortest one (a bounded witness search looks for another). Every shortest path then has a
/// shortest twin that climbs to more important nodes and then only descends. So a whole tree is an
/// upward search from the sources over the few arcs that climb, and then one pass over all nodes,
/// most important first, that takes each node's best arc from above: reads in memory order instead
/// of a queue's jumps (see TreeSweep).
///
/// Arc times are floats; shortcuts add them up in double. Sums of a road network's float arc times
/// (none below 1e-5 s, none above days) are exact in double, so a shortcut is worth exactly what
/// Dijkstra adds up along its arcs, and a tree from a node has exactly Dijkstra's times.

#include "core/routing/road_graph.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace cordon {

class ContractionHierarchy {
  public:
    /// An arc in sweep positions: from a more important node into a less important one (down),
    /// or from a less important node up to a more important one (up).
    struct Link {
        std::uint32_t node = 0; ///< the other end's position
        double seconds = 0;
    };

    /// Contracts `mode`'s graph. The graph must outlive the hierarchy.
    static ContractionHierarchy build(const RoadGraph& graph, TravelMode mode);

    const RoadGraph& graph() const { return *m_graph; }
    TravelMode mode() const { return m_mode; }
    std::size_t nodeCount() const { return m_position.size(); }
    /// Where a node stands in the sweep: 0 is the most important (contracted last).
    std::uint32_t position(std::uint32_t node) const { return m_position[node]; }
    /// Arcs into the node at sweep position p, all from earlier positions, in increasing order.
    std::span<const Link> down(std::uint32_t p) const {
        return {m_down.data() + m_downOffsets[p], m_downOffsets[p + 1] - m_downOffsets[p]};
    }
    /// The whole downward adjacency as the sweep reads it: arcs into p are [offsets[p], offsets[p + 1]).
    const std::uint32_t* downOffsets() const { return m_downOffsets.data(); }
    const Link* downAll() const { return m_down.data(); }
    /// Arcs leaving the node at position p for more important nodes (earlier positions).
    std::span<const Link> up(std::uint32_t p) const {
        return {m_up.data() + m_upOffsets[p], m_upOffsets[p + 1] - m_upOffsets[p]};
    }
    /// Shortcuts added (arcs that stand for a path through contracted nodes).
    std::size_t shortcutCount() const { return m_shortcutCount; }
    std::size_t downArcCount() const { return m_down.size(); }

  private:
    friend class HierarchyBuilder;
    const RoadGraph* m_graph = nullptr;
    TravelMode m_mode = TravelMode::Walk;
    std::vector<std::uint32_t> m_position;
    std::vector<std::uint32_t> m_downOffsets;
    std::vector<Link> m_down;
    std::vector<std::uint32_t> m_upOffsets;
    std::vector<Link> m_up;
    std::size_t m_shortcutCount = 0;
};

/// Builds a ContractionHierarchy a slice at a time, so that an app can spread the work over frames:
/// a city's hierarchy takes most of a second, too long for one.
class HierarchyBuilder {
  public:
    /// The graph must outlive the builder and the hierarchy.
    HierarchyBuilder(const RoadGraph& graph, TravelMode mode);
    ~HierarchyBuilder();
    HierarchyBuilder(HierarchyBuilder&&) noexcept;
    HierarchyBuilder& operator=(HierarchyBuilder&&) noexcept;

    /// Contracts up to `nodes` more nodes; true once every node is.
    bool step(std::size_t nodes);
    bool done() const;
    /// Share of the nodes contracted, 0 to 1.
    double progress() const;
    /// The hierarchy (contracting what is left first). Call once.
    ContractionHierarchy finish();

  private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace cordon
