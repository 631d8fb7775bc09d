#pragma once
/// The SDL window with an OpenGL ES 3.0 context (WebGL2 in the browser), sized to the page.

#include <string>

struct SDL_Window;

namespace cordon {

class Window {
  public:
    Window() = default;
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
    ~Window();

    /// Opens a window of `width` x `height` screen pixels (on the web: the page's size).
    bool open(const char* title, int width, int height, std::string& error);
    SDL_Window* sdl() const { return m_window; }
    void* glContext() const { return m_context; }
    /// Size of the framebuffer in physical pixels.
    void drawableSize(int& width, int& height) const;
    /// Physical pixels per window (CSS) pixel: 2 on most high-DPI screens.
    double pixelScale() const;
    void swap();

  private:
    SDL_Window* m_window = nullptr;
    void* m_context = nullptr;
};

} // namespace cordon
