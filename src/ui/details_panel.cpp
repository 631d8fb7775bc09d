#include "ui/details_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace cordon {

namespace {

/// Needed (grey) against on duty (blue, red where short) in each slot of the day; the slot shown
/// marked with a line.
void drawDayChart(const DetailsPanelModel& model) {
    const float em = ImGui::GetFontSize();
    ImGui::TextDisabled(
        "%s", fillText(tr(TextId::DetailsChart, model.lang), {std::to_string(model.slotMinutes)}).c_str());
    const std::size_t n = model.required.size();
    int top = 1;
    for (std::size_t i = 0; i < n; ++i)
        top = std::max({top, model.required[i], i < model.onDuty.size() ? model.onDuty[i] : 0});
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x, height = em * 3;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), IM_COL32(245, 247, 250, 255));
    const float step = width / static_cast<float>(n);
    const auto y = [&](int people) { return at.y + height - height * static_cast<float>(people) / top; };
    for (std::size_t i = 0; i < n; ++i) {
        const float x0 = at.x + step * static_cast<float>(i), x1 = x0 + std::max(1.0f, step - 0.5f);
        const int need = model.required[i], on = i < model.onDuty.size() ? model.onDuty[i] : 0;
        draw->AddRectFilled(ImVec2(x0, y(need)), ImVec2(x1, at.y + height), IM_COL32(176, 184, 196, 255));
        draw->AddRectFilled(ImVec2(x0, y(std::min(on, need))), ImVec2(x1, at.y + height),
                            IM_COL32(0, 114, 178, 255));
        if (on < need) draw->AddRectFilled(ImVec2(x0, y(need)), ImVec2(x1, y(on)), IM_COL32(213, 94, 0, 255));
    }
    if (model.markSlot >= 0 && static_cast<std::size_t>(model.markSlot) < n) {
        const float x = at.x + step * (static_cast<float>(model.markSlot) + 0.5f);
        draw->AddLine(ImVec2(x, at.y), ImVec2(x, at.y + height), IM_COL32(20, 20, 20, 255), 2);
    }
    ImGui::Dummy(ImVec2(width, height));
    const std::string start = clockText(model.startMinute);
    ImGui::TextDisabled("%s", start.c_str());
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(start.c_str()).x);
    ImGui::TextDisabled("%s", start.c_str()); // the day ends where it began
    ImGui::TextDisabled("%s", tr(TextId::DetailsChartKey, model.lang).data());
}

} // namespace

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
    if (model.kind == FeedKind::Teams && ImGui::SmallButton(tr(TextId::DetailsTeamReach, model.lang).data()))
        actions.teamReach = true;
    if (!model.required.empty()) drawDayChart(model);
    if (ImGui::BeginTable("properties", 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("key", ImGuiTableColumnFlags_WidthFixed, em * 6);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        for (const PropertyRow& row : model.rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", row.key.c_str()); // a long key wraps in its column
            ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", row.value.c_str());
        }
        ImGui::EndTable();
    }
    if (actions.close) model.open = false;
    return actions;
}

} // namespace cordon
