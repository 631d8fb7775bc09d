#include "ui/details_panel.hpp"

#include <imgui.h>

namespace cordon {

DetailsActions drawDetailsTab(DetailsPanelModel& model) {
    DetailsActions actions;
    if (!model.open) {
        ImGui::TextWrapped("%s", tr(TextId::NothingSelected, model.lang).data());
        return actions;
    }
    const float em = ImGui::GetFontSize();
    ImGui::TextDisabled("%s", feedDisplayName(model.kind, model.lang).data());
    // X drops the selection.
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize("X").x -
                    ImGui::GetStyle().FramePadding.x * 2);
    actions.close = ImGui::SmallButton("X##unselect");
    ImGui::TextWrapped("%s", model.title.c_str());
    if (!model.district.empty() &&
        ImGui::SmallButton(
            (fillText(tr(TextId::FilterToDistrict, model.lang), {model.district}) + "##filter").c_str()))
        actions.filter = true;
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
    if (actions.close) model.open = false;
    return actions;
}

} // namespace cordon
