// A picture's frame is a few windows without inputs at the display's corners, on white so that it
// prints; the legend is the map's own (drawLegendPanel), drawn still.

#include "ui/map_picture.hpp"

#include "ui/map_furniture.hpp"

#include <imgui.h>

namespace cordon {

namespace {

constexpr ImGuiWindowFlags kFrameFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                         ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoSavedSettings |
                                         ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
const ImVec4 kInk(0.10f, 0.13f, 0.20f, 1);
const ImVec4 kMuted(0.29f, 0.33f, 0.41f, 1);

/// A window pinned with its `pivot` at `at`.
bool beginCorner(const char* name, ImVec2 at, ImVec2 pivot) {
    ImGui::SetNextWindowPos(at, ImGuiCond_Always, pivot);
    ImGui::SetNextWindowBgAlpha(0.92f);
    return ImGui::Begin(name, nullptr, kFrameFlags);
}

} // namespace

void drawMapPicture(const MapPictureModel& model, LegendModel legend) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float margin = 10;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(1, 1, 1, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, kInk);
    ImGui::PushStyleColor(ImGuiCol_TextDisabled, kMuted);
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0.7f, 0.74f, 0.8f, 1));
    ImGui::PushStyleColor(ImGuiCol_Separator, ImVec4(0.7f, 0.74f, 0.8f, 1));
    if (beginCorner("##picture-title", ImVec2(margin, margin), ImVec2(0, 0))) {
        ImGui::SetWindowFontScale(1.5f);
        ImGui::TextUnformatted(model.title.c_str());
        ImGui::SetWindowFontScale(1.0f);
        ImGui::TextColored(kMuted, "%s", model.time.c_str());
    }
    ImGui::End();
    if (beginCorner("##picture-north", ImVec2(display.x - margin, margin), ImVec2(1, 0)))
        drawNorthArrow(ImGui::GetFontSize() * 2.2f, model.lang, kInk);
    ImGui::End();
    if (beginCorner("##picture-scale", ImVec2(margin, display.y - margin), ImVec2(0, 1))) {
        if (model.metresPerPixel > 0) drawScaleBar(model.metresPerPixel, 160, model.lang, kInk);
        ImGui::PushTextWrapPos(display.x * 0.6f);
        ImGui::TextColored(kMuted, "%s", model.sources.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
    legend.visible = true;
    legend.still = true;
    drawLegendPanel(legend);
    ImGui::PopStyleColor(5);
}

} // namespace cordon
