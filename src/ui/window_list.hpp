#pragma once
/// The ImGui windows on screen in the last frame, with their rectangles: the page state lists
/// them so that tests can check that nothing lies off-screen or over another panel.

#include <string>
#include <vector>

namespace cordon {

struct WindowRect {
    std::string name; ///< the window's id without its visible label (the part after "###", if any)
    float x = 0, y = 0, width = 0, height = 0; ///< UI pixels
};

/// Top-level windows drawn in this frame (call after ImGui::Render(); no child windows, tooltips
/// or popups).
std::vector<WindowRect> shownWindows();

} // namespace cordon
