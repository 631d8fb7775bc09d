#include "render/label_layout.hpp"

#include <algorithm>
#include <numeric>

namespace cordon {

namespace {

struct Box {
    float x0, y0, x1, y1;
    bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

} // namespace

std::vector<std::size_t> placeLabels(std::span<const LabelCandidate> candidates, float width, float height,
                                     float marginPx, float left) {
    std::vector<std::size_t> order(candidates.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return candidates[a].priority > candidates[b].priority;
    });
    // Kept boxes bucketed in a coarse screen grid, so each test looks at a few neighbours only.
    constexpr float kCell = 128;
    const int cols = std::max(1, static_cast<int>(width / kCell) + 1);
    const int rows = std::max(1, static_cast<int>(height / kCell) + 1);
    std::vector<std::vector<Box>> grid(static_cast<std::size_t>(cols) * rows);
    auto cellRange = [&](const Box& b, int& cx0, int& cy0, int& cx1, int& cy1) {
        cx0 = std::clamp(static_cast<int>(b.x0 / kCell), 0, cols - 1);
        cx1 = std::clamp(static_cast<int>(b.x1 / kCell), 0, cols - 1);
        cy0 = std::clamp(static_cast<int>(b.y0 / kCell), 0, rows - 1);
        cy1 = std::clamp(static_cast<int>(b.y1 / kCell), 0, rows - 1);
    };
    std::vector<std::size_t> placed;
    for (std::size_t i : order) {
        const LabelCandidate& c = candidates[i];
        if (c.text.empty() || !(c.width > 0) || !(c.height > 0)) continue;
        const Box text{c.x - c.width / 2, c.y - c.height / 2, c.x + c.width / 2, c.y + c.height / 2};
        if (text.x0 < left || text.y0 < 0 || text.x1 > width || text.y1 > height) continue;
        const Box box{text.x0 - marginPx, text.y0 - marginPx, text.x1 + marginPx, text.y1 + marginPx};
        int cx0, cy0, cx1, cy1;
        cellRange(box, cx0, cy0, cx1, cy1);
        bool free = true;
        for (int cy = cy0; cy <= cy1 && free; ++cy)
            for (int cx = cx0; cx <= cx1 && free; ++cx)
                for (const Box& other : grid[static_cast<std::size_t>(cy) * cols + cx])
                    if (box.overlaps(other)) {
                        free = false;
                        break;
                    }
        if (!free) continue;
        for (int cy = cy0; cy <= cy1; ++cy)
            for (int cx = cx0; cx <= cx1; ++cx)
                grid[static_cast<std::size_t>(cy) * cols + cx].push_back(box);
        placed.push_back(i);
    }
    return placed;
}

} // namespace cordon
