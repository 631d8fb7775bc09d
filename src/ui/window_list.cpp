// Reads the windows from ImGui's own list (internal API): every window counts, including one a
// panel forgot to report.

#include "ui/window_list.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <string_view>

namespace cordon {

std::vector<WindowRect> shownWindows() {
    std::vector<WindowRect> out;
    const ImGuiContext* context = ImGui::GetCurrentContext();
    if (!context) return out;
    constexpr ImGuiWindowFlags kNotPanels =
        ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup;
    for (const ImGuiWindow* w : context->Windows) {
        if (!w->Active || w->Hidden || (w->Flags & kNotPanels)) continue;
        std::string_view name(w->Name);
        if (name.starts_with("Debug##")) continue; // ImGui's implicit window, never drawn
        if (const std::size_t id = name.find("###"); id != std::string_view::npos) name = name.substr(id + 3);
        out.push_back({std::string(name), w->Pos.x, w->Pos.y, w->Size.x, w->Size.y});
    }
    return out;
}

} // namespace cordon
