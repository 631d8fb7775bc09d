#pragma once
/// Where ImGui's active text field has its caret in the last frame: the page puts its input-method
/// proxy there, so that 拼音 composition shows where the text goes.

namespace cordon {

struct TextCaret {
    bool editing = false; ///< a text field has the keyboard
    float x = 0, y = 0;   ///< the caret, UI pixels
    float lineHeight = 0;
};

/// Call after ImGui::Render().
TextCaret textCaret();

} // namespace cordon
