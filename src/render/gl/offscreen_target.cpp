#include "render/gl/offscreen_target.hpp"

#include <algorithm>

namespace cordon {

OffscreenTarget::~OffscreenTarget() {
    release();
}

int OffscreenTarget::maxSide() {
    GLint renderbuffer = 0;
    GLint viewport[2] = {0, 0};
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbuffer);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
    return std::min({renderbuffer, viewport[0], viewport[1]});
}

bool OffscreenTarget::bind(int width, int height, std::string& error) {
    if (m_framebuffer && width == m_width && height == m_height) {
        glBindFramebuffer(GL_FRAMEBUFFER, m_framebuffer);
        return true;
    }
    release();
    while (glGetError() != GL_NO_ERROR) {
    } // errors of earlier calls are not this target's
    if (width <= 0 || height <= 0 || std::max(width, height) > maxSide()) {
        error = "picture size " + std::to_string(width) + "x" + std::to_string(height) +
                " is beyond this GL's " + std::to_string(maxSide());
        return false;
    }
    glGenRenderbuffers(1, &m_colour);
    glBindRenderbuffer(GL_RENDERBUFFER, m_colour);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glGenFramebuffers(1, &m_framebuffer);
    glBindFramebuffer(GL_FRAMEBUFFER, m_framebuffer);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_colour);
    // The isochrone bands are filled through the stencil, as on screen.
    glGenRenderbuffers(1, &m_stencil);
    glBindRenderbuffer(GL_RENDERBUFFER, m_stencil);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, m_stencil);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE || glGetError() != GL_NO_ERROR) {
        error = "GL cannot draw a " + std::to_string(width) + "x" + std::to_string(height) + " picture";
        release();
        return false;
    }
    m_width = width;
    m_height = height;
    return true;
}

void OffscreenTarget::unbind() {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::copyToWindow() const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_framebuffer);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glBlitFramebuffer(0, 0, m_width, m_height, 0, 0, m_width, m_height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::release() {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (m_framebuffer) glDeleteFramebuffers(1, &m_framebuffer);
    if (m_colour) glDeleteRenderbuffers(1, &m_colour);
    if (m_stencil) glDeleteRenderbuffers(1, &m_stencil);
    m_framebuffer = m_colour = m_stencil = 0;
    m_width = m_height = 0;
}

} // namespace cordon
