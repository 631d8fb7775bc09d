#include "ui/snapshot_panel.hpp"

#include <imgui.h>

namespace cordon {

SnapshotPanelActions drawSnapshotPanel(SnapshotPanelModel& m) {
    SnapshotPanelActions actions;
    if (!m.visible) return actions;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2((m.mapLeft + display.x) / 2, 60), ImGuiCond_Appearing, ImVec2(0.5f, 0));
    ImGui::SetNextWindowSize(ImVec2(440, 0), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin(tr(TextId::SnapshotPanel, m.lang).data(), &m.visible,
                      ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return actions;
    }
    ImGui::TextUnformatted(tr(TextId::SnapshotTitle, m.lang).data());
    ImGui::SetNextItemWidth(400);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    // Enter in the title saves at once: B, type a title, Enter.
    const bool enter =
        ImGui::InputText("##title", m.title.data(), m.title.size(), ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::TextUnformatted(tr(TextId::SnapshotNote, m.lang).data());
    ImGui::InputTextMultiline("##note", m.note.data(), m.note.size(), ImVec2(400, 90));
    ImGui::BeginDisabled(m.busy);
    actions.save = ImGui::Button(tr(TextId::SnapshotSave, m.lang).data()) || (enter && !m.busy);
    ImGui::EndDisabled();
    if (!m.status.empty()) ImGui::TextWrapped("%s", m.status.c_str());
    ImGui::End();
    return actions;
}

} // namespace cordon
