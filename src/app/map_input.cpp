// Map input: the one place SDL events are read. Touches also arrive as synthetic mouse events
// (for ImGui), so the map follows fingers from the touch events and ignores those mouse ones.

#include "app/map_input.hpp"

#include "platform/feed_source.hpp"
#include "platform/imgui_backend.hpp"

#include <SDL.h>
#include <imgui.h>

#include <cmath>

namespace cordon {

namespace {

constexpr double kWheelZoomStep = 1.25;
/// A press and release closer than this (CSS pixels) is a click, not a drag.
constexpr double kClickSlopPx = 5.0;

/// The command a key press means by the shortcut table (ui/shortcuts.hpp).
std::optional<Command> commandOf(SDL_Keycode key) {
    switch (key) {
    case SDLK_LEFT:
        return commandForKey(NamedKey::Left);
    case SDLK_RIGHT:
        return commandForKey(NamedKey::Right);
    case SDLK_UP:
        return commandForKey(NamedKey::Up);
    case SDLK_DOWN:
        return commandForKey(NamedKey::Down);
    case SDLK_KP_PLUS:
        return commandForCharacter('+');
    case SDLK_KP_MINUS:
        return commandForCharacter('-');
    default:
        return key > 0 && key < 128 ? commandForCharacter(static_cast<char>(key)) : std::nullopt;
    }
}

} // namespace

std::optional<ScreenPoint> MapInput::pointer() const {
    return m_pointerOnMap ? std::optional<ScreenPoint>(m_pointer) : std::nullopt;
}

InputEffects MapInput::handle(const SDL_Event& e, Camera& camera, double scale) {
    imgui_backend::processEvent(e);
    const ImGuiIO& io = ImGui::GetIO();
    InputEffects effects;
    switch (e.type) {
    case SDL_MOUSEBUTTONDOWN:
        if (e.button.button == SDL_BUTTON_LEFT && !io.WantCaptureMouse &&
            e.button.which != SDL_TOUCH_MOUSEID) {
            m_dragging = true;
            m_pressed = true;
            m_pressAt = {e.button.x * scale, e.button.y * scale};
        }
        break;
    case SDL_MOUSEBUTTONUP:
        if (e.button.button == SDL_BUTTON_LEFT) {
            m_dragging = false;
            const ScreenPoint at{e.button.x * scale, e.button.y * scale};
            if (m_pressed && std::hypot(at.x - m_pressAt.x, at.y - m_pressAt.y) < kClickSlopPx * scale)
                effects.click = at;
            m_pressed = false;
        }
        break;
    case SDL_MOUSEMOTION:
        m_pointer = {e.motion.x * scale, e.motion.y * scale};
        m_pointerOnMap = true;
        if (m_dragging && m_fingers.size() < 2)
            camera.panByPixels(e.motion.xrel * scale, e.motion.yrel * scale);
        break;
    case SDL_MOUSEWHEEL:
        if (!io.WantCaptureMouse) {
            int x = 0, y = 0;
            SDL_GetMouseState(&x, &y);
            camera.zoomAbout({x * scale, y * scale},
                             std::pow(kWheelZoomStep, static_cast<double>(e.wheel.preciseY)));
        }
        break;
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
        const ScreenPoint p{e.tfinger.x * camera.viewportWidth(), e.tfinger.y * camera.viewportHeight()};
        if (e.type == SDL_FINGERUP) {
            m_fingers.erase(e.tfinger.fingerId);
            break;
        }
        if (e.type == SDL_FINGERDOWN) {
            if (!io.WantCaptureMouse) m_fingers[e.tfinger.fingerId] = p;
            break;
        }
        auto it = m_fingers.find(e.tfinger.fingerId);
        if (it == m_fingers.end()) break;
        if (m_fingers.size() == 1) {
            camera.panByPixels(p.x - it->second.x, p.y - it->second.y);
        } else {
            auto other = m_fingers.begin();
            if (other == it) ++other;
            camera.pinch(it->second, other->second, p, other->second);
        }
        it->second = p;
        break;
    }
    case SDL_KEYDOWN:
        if (!io.WantCaptureKeyboard) effects.command = commandOf(e.key.keysym.sym);
        break;
    case SDL_DROPFILE:
        acceptDroppedPath(e.drop.file);
        SDL_free(e.drop.file);
        break;
    case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_LEAVE) m_pointerOnMap = false;
        break;
    default:
        break;
    }
    return effects;
}

} // namespace cordon
