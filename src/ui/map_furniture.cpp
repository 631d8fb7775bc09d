#include "ui/map_furniture.hpp"

#include <cstdio>
#include <string>

namespace cordon {

void drawScaleBar(double metresPerPixel, float maxPx, Lang lang, const ImVec4& colour) {
    double metres = 1;
    for (double p = 1; p < 1e7; p *= 10)
        for (double m : {1.0, 2.0, 5.0})
            if (m * p / metresPerPixel <= maxPx) metres = m * p;
    const float px = static_cast<float>(metres / metresPerPixel);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 c = ImGui::ColorConvertFloat4ToU32(colour);
    draw->AddLine(ImVec2(at.x, at.y + h * 0.7f), ImVec2(at.x + px, at.y + h * 0.7f), c, 2.0f);
    draw->AddLine(ImVec2(at.x, at.y + h * 0.35f), ImVec2(at.x, at.y + h * 0.7f), c, 2.0f);
    draw->AddLine(ImVec2(at.x + px, at.y + h * 0.35f), ImVec2(at.x + px, at.y + h * 0.7f), c, 2.0f);
    ImGui::Dummy(ImVec2(px, h));
    ImGui::SameLine();
    char number[16];
    std::snprintf(number, sizeof number, "%g", metres >= 1000 ? metres / 1000 : metres);
    const std::string text =
        fillText(tr(metres >= 1000 ? TextId::ScaleKilometres : TextId::ScaleMetres, lang), {number});
    ImGui::TextColored(colour, "%s", text.c_str());
}

void drawNorthArrow(float size, Lang lang, const ImVec4& colour) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const std::string_view letter = tr(TextId::NorthLetter, lang);
    const ImVec2 letterSize = ImGui::CalcTextSize(letter.data(), letter.data() + letter.size());
    const float width = std::max(size * 0.6f, letterSize.x);
    const float cx = at.x + width * 0.5f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 c = ImGui::ColorConvertFloat4ToU32(colour);
    // A split arrowhead: the left half filled, the right outlined, readable in black and white.
    const ImVec2 tip(cx, at.y), left(cx - width * 0.5f, at.y + size), right(cx + width * 0.5f, at.y + size),
        notch(cx, at.y + size * 0.72f);
    draw->AddTriangleFilled(tip, left, notch, c);
    draw->AddTriangle(tip, notch, right, c, 1.5f);
    draw->AddLine(left, notch, c, 1.5f);
    ImGui::Dummy(ImVec2(width, size));
    ImGui::SetCursorScreenPos(ImVec2(cx - letterSize.x * 0.5f, at.y + size + 2));
    ImGui::TextColored(colour, "%.*s", static_cast<int>(letter.size()), letter.data());
}

} // namespace cordon
