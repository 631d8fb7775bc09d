#pragma once
/// A framebuffer off the screen for pictures of the map larger or shaped otherwise than the window
/// (a PNG at A4 300 dpi, the briefing's print map): bound, the map and its names are drawn into it
/// as into the window, and read back with MapRenderer::readPixels. The map renderer also keeps one
/// holding the last still frame's map, copied to the window while the view does not move.

#include <GLES3/gl3.h>

#include <string>

namespace cordon {

class OffscreenTarget {
  public:
    OffscreenTarget() = default;
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;
    ~OffscreenTarget();

    /// The largest width or height this GL draws into (renderbuffer and viewport limits).
    static int maxSide();
    /// Makes a `width` x `height` RGBA target (or keeps the one it has at that size) and binds it
    /// (later drawing goes there); false with the reason in `error` when GL cannot.
    bool bind(int width, int height, std::string& error);
    /// Binds the window's framebuffer again; the target keeps its pixels.
    void unbind();
    /// Copies the target's pixels to the same place in the window's framebuffer (same size).
    void copyToWindow() const;
    /// Binds the window's framebuffer again and frees the target.
    void release();

  private:
    GLuint m_framebuffer = 0;
    GLuint m_colour = 0;
    GLuint m_stencil = 0;
    int m_width = 0, m_height = 0;
};

} // namespace cordon
