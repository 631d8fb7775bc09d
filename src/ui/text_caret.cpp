// Reads the caret from ImGui's platform input-method data (internal API, set by every text field
// as it draws).

#include "ui/text_caret.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace cordon {

TextCaret textCaret() {
    const ImGuiContext* context = ImGui::GetCurrentContext();
    if (!context) return {};
    const ImGuiPlatformImeData& ime = context->PlatformImeData;
    return {ime.WantVisible, ime.InputPos.x, ime.InputPos.y, ime.InputLineHeight};
}

} // namespace cordon
