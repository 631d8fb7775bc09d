#pragma once
/// Map input: SDL events turned into camera moves (drag, wheel, pinch), clicks and shortcut
/// commands. Events the panels take (ImGui wants the mouse or the keyboard) do not reach the map;
/// files dropped on the window go to the feed source.

#include "render/camera.hpp"
#include "ui/shortcuts.hpp"

#include <map>
#include <optional>

union SDL_Event;

namespace cordon {

/// What one event asks of the app beyond moving the camera.
struct InputEffects {
    std::optional<ScreenPoint> click; ///< a press and release in one place, device pixels
    std::optional<Command> command;   ///< a shortcut key (ui/shortcuts.hpp)
};

class MapInput {
  public:
    /// Passes `event` to the panels and, where they do not take it, moves `camera`; `scale` is
    /// device pixels per CSS pixel.
    InputEffects handle(const SDL_Event& event, Camera& camera, double scale);
    /// Where the pointer is over the map (device pixels); none when it left the window.
    std::optional<ScreenPoint> pointer() const;
    /// Whether the map is being pressed (a drag or a click under way).
    bool pressed() const { return m_pressed; }

  private:
    bool m_dragging = false;
    bool m_pressed = false;
    ScreenPoint m_pressAt;
    std::map<long long, ScreenPoint> m_fingers;
    ScreenPoint m_pointer;
    bool m_pointerOnMap = false;
};

} // namespace cordon
