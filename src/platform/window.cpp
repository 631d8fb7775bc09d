#include "platform/window.hpp"

#include <SDL.h>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace cordon {

Window::~Window() {
    if (m_context) SDL_GL_DeleteContext(m_context);
    if (m_window) SDL_DestroyWindow(m_window);
    SDL_Quit();
}

bool Window::open(const char* title, int width, int height, std::string& error) {
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        error = std::string("SDL_Init: ") + SDL_GetError();
        return false;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);

#ifdef __EMSCRIPTEN__
    width = EM_ASM_INT({ return window.innerWidth; });
    height = EM_ASM_INT({ return window.innerHeight; });
#endif
    m_window = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!m_window) {
        error = std::string("SDL_CreateWindow: ") + SDL_GetError();
        return false;
    }
    m_context = SDL_GL_CreateContext(m_window);
    if (!m_context) {
        error = std::string("WebGL2 / OpenGL ES 3.0 context: ") + SDL_GetError();
        return false;
    }
    SDL_GL_MakeCurrent(m_window, m_context);
    SDL_GL_SetSwapInterval(1);
    return true;
}

void Window::drawableSize(int& width, int& height) const {
    SDL_GL_GetDrawableSize(m_window, &width, &height);
}

double Window::pixelScale() const {
    int w = 0, h = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(m_window, &w, &h);
    SDL_GL_GetDrawableSize(m_window, &dw, &dh);
    return w > 0 ? static_cast<double>(dw) / w : 1.0;
}

void Window::swap() {
    SDL_GL_SwapWindow(m_window);
}

} // namespace cordon
