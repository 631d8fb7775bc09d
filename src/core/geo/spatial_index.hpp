#pragma once
/// A static packed R-tree over boxes in Web Mercator metres: built once from all items, then
/// queried many times (picking, view-rectangle culling, nearest features). Items are sorted along
/// a Hilbert curve and packed into full nodes of kNodeSize children, so the tree is a few flat
/// arrays (no per-node allocation) and building is one sort.

#include "core/geo/geo.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <queue>
#include <span>
#include <type_traits>
#include <vector>

namespace cordon {

class SpatialIndex {
  public:
    /// Children per node: wide enough to keep the tree shallow, small enough to scan linearly.
    static constexpr std::uint32_t kNodeSize = 16;

    /// One result of a nearest query: the item and its Mercator distance (0 inside the box).
    struct Neighbour {
        std::uint32_t item = 0;
        double distance = 0.0;
        friend bool operator==(const Neighbour&, const Neighbour&) = default;
    };

    /// An empty index (every query finds nothing).
    SpatialIndex() = default;
    /// Indexes items[i] as item i. Empty or NaN boxes are kept out of the tree: no query ever
    /// reports them. At most 2^32 - 1 items.
    explicit SpatialIndex(std::span<const MercatorBox> items);

    /// Number of items given at build time (including any empty ones).
    std::size_t size() const { return m_itemCount; }
    /// Union of all indexed boxes (empty when nothing is indexed).
    MercatorBox bounds() const;

    /// Calls visit(item) for every item whose box intersects `box` (closed boxes: touching
    /// counts), in tree order. If visit returns bool, returning false stops the query.
    template <class Visit>
    requires std::invocable<Visit&, std::uint32_t>
    void query(const MercatorBox& box, Visit&& visit) const;
    /// Items whose boxes intersect `box`, sorted ascending.
    std::vector<std::uint32_t> query(const MercatorBox& box) const;

    /// Calls visit(item, distance) for items in order of increasing Mercator distance from p to
    /// their box (0 when p is inside), ties by ascending item index, skipping items farther than
    /// maxDistance. If visit returns bool, returning false stops the search (best-first: items
    /// are produced lazily, so stopping early saves the rest of the work).
    template <class Visit>
    requires std::invocable<Visit&, std::uint32_t, double>
    void nearest(MercatorPoint p, Visit&& visit,
                 double maxDistance = std::numeric_limits<double>::infinity()) const;
    /// Up to maxResults nearest items (same order and rules as the visitor form).
    std::vector<Neighbour> nearest(MercatorPoint p, std::size_t maxResults,
                                   double maxDistance = std::numeric_limits<double>::infinity()) const;

  private:
    static bool intersects(const MercatorBox& a, const MercatorBox& b) {
        return a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;
    }
    static double distanceSquared(const MercatorBox& b, MercatorPoint p) {
        const double dx = p.x < b.minX ? b.minX - p.x : (p.x > b.maxX ? p.x - b.maxX : 0.0);
        const double dy = p.y < b.minY ? b.minY - p.y : (p.y > b.maxY ? p.y - b.maxY : 0.0);
        return dx * dx + dy * dy;
    }

    /// All slots: level 0 holds the indexed items in Hilbert order, then each level of nodes up
    /// to the single root (last slot).
    std::vector<MercatorBox> m_boxes;
    /// Per slot: the item index (level 0) or the slot of the node's first child (levels above).
    std::vector<std::uint32_t> m_refs;
    /// m_levelEnds[l] is one past the last slot of level l; empty when nothing is indexed.
    std::vector<std::uint32_t> m_levelEnds;
    std::size_t m_itemCount = 0;
};

template <class Visit>
requires std::invocable<Visit&, std::uint32_t>
void SpatialIndex::query(const MercatorBox& box, Visit&& visit) const {
    if (m_levelEnds.empty() || !(box.minX <= box.maxX && box.minY <= box.maxY)) return;
    // Depth-first with a fixed stack: at most kNodeSize - 1 pending siblings per level, and 2^32
    // items need at most 8 levels of nodes.
    struct Pending {
        std::uint32_t slot;
        std::uint32_t level;
    };
    std::array<Pending, kNodeSize * 12> stack;
    std::size_t top = 0;
    const auto rootLevel = static_cast<std::uint32_t>(m_levelEnds.size() - 1);
    if (!intersects(m_boxes.back(), box)) return;
    stack[top++] = {static_cast<std::uint32_t>(m_boxes.size() - 1), rootLevel};
    while (top > 0) {
        const Pending node = stack[--top];
        const std::uint32_t first = m_refs[node.slot];
        const std::uint32_t end = std::min(first + kNodeSize, m_levelEnds[node.level - 1]);
        for (std::uint32_t child = first; child < end; ++child) {
            if (!intersects(m_boxes[child], box)) continue;
            if (node.level > 1) {
                stack[top++] = {child, node.level - 1};
            } else if constexpr (std::is_same_v<std::invoke_result_t<Visit&, std::uint32_t>, bool>) {
                if (!visit(m_refs[child])) return;
            } else {
                visit(m_refs[child]);
            }
        }
    }
}

template <class Visit>
requires std::invocable<Visit&, std::uint32_t, double>
void SpatialIndex::nearest(MercatorPoint p, Visit&& visit, double maxDistance) const {
    if (m_levelEnds.empty() || !(maxDistance >= 0) || !std::isfinite(p.x) || !std::isfinite(p.y)) return;
    const double maxSquared = maxDistance * maxDistance;
    // level 0: an item (ref = item index); above: a node (ref = slot). At equal distance nodes
    // come first, so every item at that distance is queued before any is reported and items
    // then leave in index order.
    struct Entry {
        double distanceSquared;
        std::uint32_t level;
        std::uint32_t ref;
    };
    const auto later = [](const Entry& a, const Entry& b) {
        if (a.distanceSquared != b.distanceSquared) return a.distanceSquared > b.distanceSquared;
        if ((a.level == 0) != (b.level == 0)) return a.level == 0;
        return a.ref > b.ref;
    };
    std::priority_queue<Entry, std::vector<Entry>, decltype(later)> queue(later);
    const auto rootLevel = static_cast<std::uint32_t>(m_levelEnds.size() - 1);
    const auto rootSlot = static_cast<std::uint32_t>(m_boxes.size() - 1);
    const double rootDistance = distanceSquared(m_boxes[rootSlot], p);
    if (!(rootDistance <= maxSquared)) return;
    queue.push({rootDistance, rootLevel, rootSlot});
    while (!queue.empty()) {
        const Entry e = queue.top();
        queue.pop();
        if (e.level == 0) {
            const double d = std::sqrt(e.distanceSquared);
            if constexpr (std::is_same_v<std::invoke_result_t<Visit&, std::uint32_t, double>, bool>) {
                if (!visit(e.ref, d)) return;
            } else {
                visit(e.ref, d);
            }
            continue;
        }
        const std::uint32_t first = m_refs[e.ref];
        const std::uint32_t end = std::min(first + kNodeSize, m_levelEnds[e.level - 1]);
        for (std::uint32_t child = first; child < end; ++child) {
            const double d = distanceSquared(m_boxes[child], p);
            if (!(d <= maxSquared)) continue;
            queue.push({d, e.level - 1, e.level == 1 ? m_refs[child] : child});
        }
    }
}

} // namespace cordon
