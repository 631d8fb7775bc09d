#include "ui/details_panel.hpp"

#include <imgui.h>

namespace cordon {

bool drawDetailsTab(DetailsPanelModel& model) {
    if (!model.open) {
        ImGui::TextWrapped("%s", tr(TextId::NothingSelected, model.lang).data());
        return false;
    }
    const float em = ImGui::GetFontSize();
    ImGui::TextDisabled("%s", feedDisplayName(model.kind, model.lang).data());
    // X drops the selection.
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize("X").x -
                    ImGui::GetStyle().FramePadding.x * 2);
    const bool close = ImGui::SmallButton("X##unselect");
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
    if (close) model.open = false;
    return close;
}

} // namespace cordon
