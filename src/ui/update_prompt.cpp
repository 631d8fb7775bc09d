#include "ui/update_prompt.hpp"

#include <imgui.h>

namespace cordon {

UpdatePromptActions drawUpdatePrompt(const UpdatePromptModel& m) {
    UpdatePromptActions actions;
    if (!m.visible) return actions;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2((m.mapLeft + display.x) * 0.5f, display.y * 0.4f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(360, 0), ImVec2(display.x * 0.9f, display.y * 0.8f));
    const std::string title = fillText(tr(TextId::UpdateAskTitle, m.lang), {m.feed}) + "###updateprompt";
    ImGui::PushStyleColor(ImGuiCol_TitleBgActive, ImVec4(0.80f, 0.30f, 0.05f, 1));
    ImGui::PushStyleColor(ImGuiCol_TitleBg, ImVec4(0.80f, 0.30f, 0.05f, 1));
    ImGui::Begin(title.c_str(), nullptr,
                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor(2);
    ImGui::SetWindowFocus();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
    ImGui::TextUnformatted(
        fillText(tr(TextId::UpdateAskText, m.lang),
                 {m.source, std::to_string(m.removed), std::to_string(m.before), std::to_string(m.added)})
            .c_str());
    if (!m.removedNames.empty()) {
        std::string names;
        for (const std::string& n : m.removedNames)
            names += (names.empty() ? "" : m.lang == Lang::En ? ", " : "、") + n;
        if (m.removed > static_cast<int>(m.removedNames.size())) names += " …";
        ImGui::TextDisabled("%s", fillText(tr(TextId::UpdateAskNames, m.lang), {names}).c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    actions.apply = ImGui::Button(tr(TextId::UpdateApply, m.lang).data()) ||
                    ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter);
    ImGui::SameLine();
    actions.keep =
        ImGui::Button(tr(TextId::UpdateKeep, m.lang).data()) || ImGui::IsKeyPressed(ImGuiKey_Escape);
    ImGui::End();
    return actions;
}

} // namespace cordon
