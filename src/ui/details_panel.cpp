#include "ui/details_panel.hpp"

#include <imgui.h>

namespace cordon {

bool drawDetailsPanel(DetailsPanelModel& model) {
    if (!model.open) return false;
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkSize.x - 10, 10), ImGuiCond_FirstUseEver, ImVec2(1, 0));
    ImGui::SetNextWindowSize(ImVec2(em * 22, em * 20), ImGuiCond_FirstUseEver);
    const std::string title = std::string(tr(TextId::Details, model.lang)) + "###details";
    bool keepOpen = true;
    if (ImGui::Begin(title.c_str(), &keepOpen)) {
        ImGui::TextDisabled("%s", feedDisplayName(model.kind, model.lang).data());
        ImGui::TextWrapped("%s", model.title.c_str());
        if (ImGui::BeginTable("properties", 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg)) {
            ImGui::TableSetupColumn("key", ImGuiTableColumnFlags_WidthFixed, em * 6);
            ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
            for (const PropertyRow& row : model.rows) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", row.key.c_str());
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", row.value.c_str());
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
    if (!keepOpen) model.open = false;
    return !keepOpen;
}

} // namespace cordon
