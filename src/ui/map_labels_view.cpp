#include "ui/map_labels_view.hpp"

#include <imgui.h>

namespace cordon {

std::vector<std::size_t> drawMapLabels(std::vector<LabelCandidate>& candidates, float left) {
    ImFont* font = ImGui::GetFont();
    const float base = ImGui::GetFontSize();
    for (LabelCandidate& c : candidates) {
        const ImVec2 size =
            font->CalcTextSizeA(base * c.textScale, FLT_MAX, 0, c.text.data(), c.text.data() + c.text.size());
        c.width = size.x;
        c.height = size.y;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const std::vector<std::size_t> placed = placeLabels(candidates, display.x, display.y, 4, left);
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    static constexpr float kHalo[][2] = {{-1.5f, 0}, {1.5f, 0}, {0, -1.5f}, {0, 1.5f},
                                         {-1, -1},   {1, 1},    {-1, 1},    {1, -1}};
    for (std::size_t i : placed) {
        const LabelCandidate& c = candidates[i];
        const float size = base * c.textScale;
        const ImVec2 at(c.x - c.width / 2, c.y - c.height / 2);
        if (c.boxed) { // readable over a busy map at any zoom
            const float pad = 3;
            draw->AddRectFilled(ImVec2(at.x - pad, at.y - 1),
                                ImVec2(at.x + c.width + pad, at.y + c.height + 1),
                                IM_COL32(255, 255, 255, 240), 3);
            draw->AddRect(ImVec2(at.x - pad, at.y - 1), ImVec2(at.x + c.width + pad, at.y + c.height + 1),
                          IM_COL32(120, 94, 240, 255), 3, 0, 1.5f); // the arrows' colour
            draw->AddText(font, size, at, IM_COL32(50, 30, 110, 255), c.text.data(),
                          c.text.data() + c.text.size());
            continue;
        }
        for (const auto& d : kHalo)
            draw->AddText(font, size, ImVec2(at.x + d[0], at.y + d[1]), IM_COL32(255, 255, 255, 230),
                          c.text.data(), c.text.data() + c.text.size());
        draw->AddText(font, size, at, IM_COL32(30, 40, 60, 255), c.text.data(),
                      c.text.data() + c.text.size());
    }
    return placed;
}

} // namespace cordon
