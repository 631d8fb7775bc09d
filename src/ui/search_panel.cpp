#include "ui/search_panel.hpp"

#include <imgui.h>

namespace cordon {

SearchPanelActions drawSearchPanel(SearchPanelModel& model) {
    SearchPanelActions actions;
    if (!model.ownInput && model.query.empty()) return actions; // nothing typed in the page's box
    const float em = ImGui::GetFontSize();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // Under the page's search box, at the top of the map, centred on it.
    ImGui::SetNextWindowPos(ImVec2((model.mapLeft + display.x) / 2, em * 3.2f), ImGuiCond_Always,
                            ImVec2(0.5f, 0));
    ImGui::SetNextWindowSize(ImVec2(em * 22, 0), ImGuiCond_FirstUseEver);
    const std::string title = std::string(tr(TextId::Search, model.lang)) + "###search";
    if (!ImGui::Begin(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return actions;
    }
    if (model.ownInput) {
        char buffer[256] = {};
        model.query.copy(buffer, sizeof buffer - 1);
        ImGui::SetNextItemWidth(em * 20);
        if (ImGui::InputTextWithHint("##query", tr(TextId::SearchHint, model.lang).data(), buffer,
                                     sizeof buffer)) {
            model.query = buffer;
            actions.queryChanged = true;
        }
        if (ImGui::IsItemDeactivatedAfterEdit() && ImGui::IsKeyPressed(ImGuiKey_Enter) && !model.rows.empty())
            actions.goTo = 0;
    }
    if (!model.query.empty() && model.rows.empty())
        ImGui::TextDisabled("%s", tr(TextId::NoMatches, model.lang).data());
    for (std::size_t i = 0; i < model.rows.size() && i < 12; ++i) {
        const std::string text = model.rows[i].label + "##hit" + std::to_string(i);
        if (ImGui::Selectable(text.c_str())) actions.goTo = i;
        ImGui::SameLine();
        ImGui::TextDisabled("%s", model.rows[i].detail.c_str());
    }
    ImGui::End();
    return actions;
}

} // namespace cordon
