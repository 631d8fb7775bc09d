#pragma once
/// Dear ImGui's SDL2 input and OpenGL ES 3 drawing backends behind five calls, so that the app
/// drives ImGui without a GL call of its own (as ImGui keeps its backends apart from its core).

union SDL_Event;

namespace cordon {

class Window;

namespace imgui_backend {

/// Binds ImGui (its context already created) to the window and its GL context.
void init(Window& window);
/// Feeds one SDL event to ImGui (mouse, keys, text input).
void processEvent(const SDL_Event& event);
/// Starts a frame: display size, input state, the fonts texture if it is not uploaded yet.
void newFrame();
/// Draws the frame's draw lists over what is on the framebuffer.
void render();
/// Uploads the font atlas again after it was rebuilt (between frames).
void reloadFonts();
/// Releases the GL objects and input hooks (before the ImGui context is destroyed).
void shutdown();

} // namespace imgui_backend
} // namespace cordon
