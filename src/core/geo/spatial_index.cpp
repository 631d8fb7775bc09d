#include "core/geo/spatial_index.hpp"

#include "core/geo/hilbert.hpp"

#include <algorithm>

namespace cordon {

namespace {

bool valid(const MercatorBox& b) {
    return b.minX <= b.maxX && b.minY <= b.maxY;
}

} // namespace

SpatialIndex::SpatialIndex(std::span<const MercatorBox> items) : m_itemCount(items.size()) {
    MercatorBox total;
    std::vector<std::uint32_t> order;
    order.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!valid(items[i])) continue;
        order.push_back(static_cast<std::uint32_t>(i));
        total.add(items[i]);
    }
    if (order.empty()) return;

    std::vector<std::uint32_t> keys(items.size(), 0);
    for (const std::uint32_t i : order) {
        const MercatorBox& b = items[i];
        const double cx = b.minX / 2 + b.maxX / 2, cy = b.minY / 2 + b.maxY / 2;
        keys[i] = hilbertIndex(hilbertGridCoordinate(cx, total.minX, total.maxX),
                               hilbertGridCoordinate(cy, total.minY, total.maxY));
    }
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return keys[a] != keys[b] ? keys[a] < keys[b] : a < b;
    });

    std::size_t slots = order.size(), levelSize = order.size();
    do {
        levelSize = (levelSize + kNodeSize - 1) / kNodeSize;
        slots += levelSize;
    } while (levelSize > 1);
    m_boxes.reserve(slots);
    m_refs.reserve(slots);
    for (const std::uint32_t i : order) {
        m_boxes.push_back(items[i]);
        m_refs.push_back(i);
    }
    m_levelEnds.push_back(static_cast<std::uint32_t>(order.size()));
    // Pack each level into parents until a single root remains (always at least one node level,
    // so the root is a node even for a single item).
    std::uint32_t levelStart = 0;
    do {
        const std::uint32_t levelEnd = m_levelEnds.back();
        for (std::uint32_t first = levelStart; first < levelEnd; first += kNodeSize) {
            const std::uint32_t end = std::min(first + kNodeSize, levelEnd);
            MercatorBox node = m_boxes[first];
            for (std::uint32_t c = first + 1; c < end; ++c) {
                const MercatorBox& b = m_boxes[c];
                node.minX = std::min(node.minX, b.minX);
                node.minY = std::min(node.minY, b.minY);
                node.maxX = std::max(node.maxX, b.maxX);
                node.maxY = std::max(node.maxY, b.maxY);
            }
            m_boxes.push_back(node);
            m_refs.push_back(first);
        }
        levelStart = levelEnd;
        m_levelEnds.push_back(static_cast<std::uint32_t>(m_boxes.size()));
    } while (m_levelEnds.back() - levelStart > 1);
}

MercatorBox SpatialIndex::bounds() const {
    return m_boxes.empty() ? MercatorBox{} : m_boxes.back();
}

std::vector<std::uint32_t> SpatialIndex::query(const MercatorBox& box) const {
    std::vector<std::uint32_t> result;
    query(box, [&](std::uint32_t item) { result.push_back(item); });
    std::sort(result.begin(), result.end());
    return result;
}

std::vector<SpatialIndex::Neighbour> SpatialIndex::nearest(MercatorPoint p, std::size_t maxResults,
                                                           double maxDistance) const {
    std::vector<Neighbour> result;
    if (maxResults == 0) return result;
    nearest(
        p,
        [&](std::uint32_t item, double distance) {
            result.push_back({item, distance});
            return result.size() < maxResults;
        },
        maxDistance);
    return result;
}

} // namespace cordon
