#include "render/gl/map_renderer.hpp"

#include "render/gl/shader_sources.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>

namespace cordon {

namespace {

GLuint compile(GLenum type, std::string_view source, const char* name, std::string& error) {
    if (source.empty()) {
        error = std::string("shader not embedded: ") + name;
        return 0;
    }
    const GLuint s = glCreateShader(type);
    const char* text = source.data();
    const GLint length = static_cast<GLint>(source.size());
    glShaderSource(s, 1, &text, &length);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[2048] = {};
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        error = std::string(name) + ": " + log;
        glDeleteShader(s);
        return 0;
    }
    return s;
}

void floatAttribute(GLuint index, GLint size, GLsizei stride, std::size_t offset) {
    glEnableVertexAttribArray(index);
    glVertexAttribPointer(index, size, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offset));
}

void colourAttribute(GLuint index, GLsizei stride, std::size_t offset) {
    glEnableVertexAttribArray(index);
    glVertexAttribPointer(index, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<const void*>(offset));
}

template <class T> void bufferData(GLenum target, const std::vector<T>& data) {
    glBufferData(target, static_cast<GLsizeiptr>(data.size() * sizeof(T)), data.data(), GL_STATIC_DRAW);
}

/// Fills: FillVertex triangles by index.
void makeFillVao(GLuint& vao, GLuint& vbo, GLuint& ibo) {
    glGenVertexArrays(1, &vao);
    glGenBuffers(1, &vbo);
    glGenBuffers(1, &ibo);
    glBindVertexArray(vao);
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo);
    floatAttribute(0, 2, sizeof(FillVertex), offsetof(FillVertex, x));
    colourAttribute(1, sizeof(FillVertex), offsetof(FillVertex, colour));
}

/// Lines: one triangle strip of LineVertex, drawn with glDrawArrays.
void makeLineVao(GLuint& vao, GLuint& vbo) {
    glGenVertexArrays(1, &vao);
    glGenBuffers(1, &vbo);
    glBindVertexArray(vao);
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    floatAttribute(0, 2, sizeof(LineVertex), offsetof(LineVertex, x));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 3, GL_BYTE, GL_FALSE, sizeof(LineVertex),
                          reinterpret_cast<const void*>(offsetof(LineVertex, extrude)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 1, GL_UNSIGNED_BYTE, GL_FALSE, sizeof(LineVertex),
                          reinterpret_cast<const void*>(offsetof(LineVertex, widthQuarterPx)));
    colourAttribute(3, sizeof(LineVertex), offsetof(LineVertex, colour));
}

/// Symbols: PointVertex triangles (six per symbol), drawn with glDrawArrays.
void makePointVao(GLuint& vao, GLuint& vbo) {
    glGenVertexArrays(1, &vao);
    glGenBuffers(1, &vbo);
    glBindVertexArray(vao);
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_BYTE, GL_FALSE, sizeof(PointVertex),
                          reinterpret_cast<const void*>(offsetof(PointVertex, cornerX)));
    floatAttribute(1, 2, sizeof(PointVertex), offsetof(PointVertex, x));
    floatAttribute(2, 1, sizeof(PointVertex), offsetof(PointVertex, sizePx));
    colourAttribute(3, sizeof(PointVertex), offsetof(PointVertex, colour));
    floatAttribute(4, 1, sizeof(PointVertex), offsetof(PointVertex, symbol));
}

/// Uploads `points` as quads into `vbo`; returns the vertex count.
GLsizei uploadPoints(GLuint vbo, std::span<const PointSymbol> points, GLenum usage) {
    const std::vector<PointVertex> quads = pointQuads(points);
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(quads.size() * sizeof(PointVertex)), quads.data(),
                 usage);
    return static_cast<GLsizei>(quads.size());
}

} // namespace

bool MapRenderer::buildProgram(Program& p, const char* vert, const char* frag, std::string& error) {
    const GLuint vs = compile(GL_VERTEX_SHADER, shaderSource(vert), vert, error);
    if (!vs) return false;
    const GLuint fs = compile(GL_FRAGMENT_SHADER, shaderSource(frag), frag, error);
    if (!fs) {
        glDeleteShader(vs);
        return false;
    }
    p.id = glCreateProgram();
    glAttachShader(p.id, vs);
    glAttachShader(p.id, fs);
    glLinkProgram(p.id);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(p.id, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[2048] = {};
        glGetProgramInfoLog(p.id, sizeof log, nullptr, log);
        error = std::string(vert) + " + " + frag + ": " + log;
        return false;
    }
    p.centre = glGetUniformLocation(p.id, "u_centre");
    p.pxPerMetre = glGetUniformLocation(p.id, "u_pxPerMetre");
    p.viewport = glGetUniformLocation(p.id, "u_viewport");
    p.sizeScale = glGetUniformLocation(p.id, "u_sizeScale"); // -1 in the fill program: ignored
    p.opacity = glGetUniformLocation(p.id, "u_opacity");
    return true;
}

bool MapRenderer::init(std::string& error) {
    if (!buildProgram(m_fill, "fill.vert", "fill.frag", error)) return false;
    if (!buildProgram(m_line, "line.vert", "line.frag", error)) return false;
    if (!buildProgram(m_point, "point.vert", "point.frag", error)) return false;
    m_pointRim = glGetUniformLocation(m_point.id, "u_rim");
    glUseProgram(m_point.id);
    glUniform3f(m_pointRim, 1, 1, 1);

    makeFillVao(m_fillVao, m_fillVbo, m_fillIbo);
    makeFillVao(m_overlayFillVao, m_overlayFillVbo, m_overlayFillIbo);

    makeLineVao(m_lineVao, m_lineVbo);
    makeLineVao(m_overlayLineVao, m_overlayLineVbo);
    glGenVertexArrays(1, &m_isoVao);
    glGenBuffers(1, &m_isoVbo);
    glBindVertexArray(m_isoVao);
    glBindBuffer(GL_ARRAY_BUFFER, m_isoVbo);
    floatAttribute(0, 2, sizeof(FillVertex), offsetof(FillVertex, x));
    colourAttribute(1, sizeof(FillVertex), offsetof(FillVertex, colour));

    makePointVao(m_pointVao, m_pointVbo);
    makePointVao(m_overlayPointVao, m_overlayPointVbo);
    makePointVao(m_statusPointVao, m_statusPointVbo);
    makePointVao(m_pulseVao, m_pulseVbo);
    glBindVertexArray(0);
    return true;
}

MapRenderer::~MapRenderer() {
    for (const Program* p : {&m_fill, &m_line, &m_point})
        if (p->id) glDeleteProgram(p->id);
    const GLuint vaos[] = {m_fillVao,        m_lineVao,         m_pointVao,       m_isoVao,  m_overlayLineVao,
                           m_overlayFillVao, m_overlayPointVao, m_statusPointVao, m_pulseVao};
    const GLuint buffers[] = {m_fillVbo,        m_fillIbo,        m_lineVbo,         m_pointVbo,
                              m_isoVbo,         m_overlayLineVbo, m_overlayPointVbo, m_statusPointVbo,
                              m_overlayFillVbo, m_overlayFillIbo, m_pulseVbo};
    glDeleteVertexArrays(std::size(vaos), vaos);
    glDeleteBuffers(std::size(buffers), buffers);
}

void MapRenderer::upload(const SceneMesh& mesh) {
    m_stillValid = false;
    m_origin = mesh.origin;
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, m_fillVbo);
    bufferData(GL_ARRAY_BUFFER, mesh.fillVertices);
    glBindBuffer(GL_ARRAY_BUFFER, m_lineVbo);
    bufferData(GL_ARRAY_BUFFER, mesh.lineVertices);
    m_pointCount = uploadPoints(m_pointVbo, mesh.points, GL_STATIC_DRAW);
    glBindVertexArray(m_fillVao);
    bufferData(GL_ELEMENT_ARRAY_BUFFER, mesh.fillIndices);
    glBindVertexArray(0);
    m_fillCount = static_cast<GLsizei>(mesh.fillIndices.size());
    m_lineCount = static_cast<GLsizei>(mesh.lineVertices.size());
    m_details = mesh.details;
}

void MapRenderer::uploadOverlay(const SceneMesh& mesh) {
    m_stillValid = false;
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, m_overlayLineVbo);
    bufferData(GL_ARRAY_BUFFER, mesh.lineVertices);
    m_overlayPointCount = uploadPoints(m_overlayPointVbo, mesh.points, GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, m_overlayFillVbo);
    bufferData(GL_ARRAY_BUFFER, mesh.fillVertices);
    glBindVertexArray(m_overlayFillVao);
    bufferData(GL_ELEMENT_ARRAY_BUFFER, mesh.fillIndices);
    glBindVertexArray(0);
    m_overlayFillCount = static_cast<GLsizei>(mesh.fillIndices.size());
    m_overlayLineCount = static_cast<GLsizei>(mesh.lineVertices.size());
}

void MapRenderer::uploadPulse(std::span<const PointSymbol> rings) {
    glBindVertexArray(0);
    m_pulseCount = uploadPoints(m_pulseVbo, rings, GL_STATIC_DRAW);
}

void MapRenderer::uploadStatusSymbols(std::span<const PointSymbol> symbols) {
    m_stillValid = false;
    glBindVertexArray(0);
    m_statusPointCount = uploadPoints(m_statusPointVbo, symbols, GL_DYNAMIC_DRAW);
}

void MapRenderer::uploadIsochrones(const IsochroneMesh& mesh) {
    m_stillValid = false;
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, m_isoVbo);
    bufferData(GL_ARRAY_BUFFER, mesh.vertices);
    m_isoBands = mesh.bands;
}

void MapRenderer::useProgram(const Program& p, const Camera& camera) const {
    glUseProgram(p.id);
    const MercatorPoint c = camera.centre();
    glUniform2f(p.centre, static_cast<float>(c.x - m_origin.x), static_cast<float>(c.y - m_origin.y));
    glUniform1f(p.pxPerMetre, static_cast<float>(1.0 / camera.metresPerPixel()));
    glUniform2f(p.viewport, static_cast<float>(camera.viewportWidth()),
                static_cast<float>(camera.viewportHeight()));
    if (p.sizeScale >= 0) glUniform1f(p.sizeScale, m_sizeScale);
    if (p.opacity >= 0) glUniform1f(p.opacity, 1.0f);
}

std::vector<SceneMesh::IndexRange> MapRenderer::shownRanges(std::uint32_t count, double zoom,
                                                            bool fills) const {
    std::vector<SceneMesh::IndexRange> skip;
    for (const SceneMesh::Detail& d : m_details)
        if (zoom < d.minZoom && (fills ? d.fill : d.line).count > 0) skip.push_back(fills ? d.fill : d.line);
    std::sort(skip.begin(), skip.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<SceneMesh::IndexRange> shown;
    std::uint32_t at = 0;
    auto showUpTo = [&](std::uint32_t end) {
        if (end > at) shown.push_back({at, end - at});
    };
    for (const SceneMesh::IndexRange& r : skip) {
        showUpTo(r.first);
        at = std::max(at, r.first + r.count);
    }
    showUpTo(count);
    return shown;
}

void MapRenderer::beginFrame(int width, int height) {
    glViewport(0, 0, width, height);
    glClearColor(m_ground.r / 255.0f, m_ground.g / 255.0f, m_ground.b / 255.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

std::vector<std::uint8_t> MapRenderer::readPixels(int width, int height) const {
    std::vector<std::uint8_t> rgba(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    // GL rows run bottom to top; images run top to bottom. The canvas is opaque.
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    for (int y = 0; y < height / 2; ++y)
        std::swap_ranges(rgba.begin() + std::ptrdiff_t(y * row), rgba.begin() + std::ptrdiff_t((y + 1) * row),
                         rgba.begin() + std::ptrdiff_t((height - 1 - y) * row));
    for (std::size_t i = 3; i < rgba.size(); i += 4)
        rgba[i] = 255;
    return rgba;
}

void MapRenderer::draw(const Camera& camera) {
    GLint bound = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &bound);
    const View view{camera.centre(), camera.metresPerPixel(), camera.viewportWidth(),
                    camera.viewportHeight()};
    const bool window = bound == 0;
    const bool still = window && view == m_lastView;
    if (window) {
        m_lastView = view;
        m_stillRun = still ? m_stillRun + 1 : 0;
        if (!still) m_stillValid = false;
    }
    // Moving, or a picture off the screen: drawn straight. So is the first frame the view stands
    // still (a drag has such frames between its moves, and keeping the map costs a copy more).
    if (!still || m_stillRun < 2) {
        drawScene(camera);
        drawPulse(camera);
        return;
    }
    if (!m_stillValid) {
        std::string error;
        if (!m_still.bind(view.width, view.height, error)) {
            drawScene(camera);
            drawPulse(camera);
            return;
        }
        // Cleared here with glClearBuffer: the frame's one glClear is the window's (beginFrame).
        const GLfloat ground[] = {m_ground.r / 255.0f, m_ground.g / 255.0f, m_ground.b / 255.0f, 1.0f};
        glClearBufferfv(GL_COLOR, 0, ground);
        drawScene(camera);
        m_still.unbind();
        m_stillValid = true;
    } else {
        ++m_stillCopies;
    }
    m_still.copyToWindow();
    drawPulse(camera);
}

void MapRenderer::drawScene(const Camera& camera) {
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA); // shaders output premultiplied alpha
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    if (m_fillCount) {
        useProgram(m_fill, camera);
        glBindVertexArray(m_fillVao);
        for (const SceneMesh::IndexRange& r :
             shownRanges(std::uint32_t(m_fillCount), camera.detailZoom(m_sizeScale), true))
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(r.count), GL_UNSIGNED_INT,
                           reinterpret_cast<const void*>(std::uintptr_t(r.first) * sizeof(std::uint32_t)));
    }
    if (m_lineCount) {
        useProgram(m_line, camera);
        glBindVertexArray(m_lineVao);
        for (const SceneMesh::IndexRange& r :
             shownRanges(std::uint32_t(m_lineCount), camera.detailZoom(m_sizeScale), false))
            glDrawArrays(GL_TRIANGLE_STRIP, static_cast<GLint>(r.first), static_cast<GLsizei>(r.count));
    }
    if (!m_isoBands.empty()) {
        // Even-odd stencil fill: fans toggle the stencil, the quad paints where it is odd and
        // clears it again for the next band.
        useProgram(m_fill, camera);
        glBindVertexArray(m_isoVao);
        glEnable(GL_STENCIL_TEST);
        glClearStencil(0);
        glClear(GL_STENCIL_BUFFER_BIT);
        for (const IsochroneBandRange& band : m_isoBands) {
            glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
            glStencilFunc(GL_ALWAYS, 0, 1);
            glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
            glStencilMask(1);
            glDrawArrays(GL_TRIANGLES, static_cast<GLint>(band.fanFirst),
                         static_cast<GLsizei>(band.fanCount));
            glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
            glStencilFunc(GL_EQUAL, 1, 1);
            glStencilOp(GL_ZERO, GL_ZERO, GL_ZERO);
            glDrawArrays(GL_TRIANGLES, static_cast<GLint>(band.quadFirst), 6);
        }
        glDisable(GL_STENCIL_TEST);
    }
    if (m_overlayFillCount) {
        useProgram(m_fill, camera);
        glBindVertexArray(m_overlayFillVao);
        glDrawElements(GL_TRIANGLES, m_overlayFillCount, GL_UNSIGNED_INT, nullptr);
    }
    if (m_overlayLineCount) {
        useProgram(m_line, camera);
        glBindVertexArray(m_overlayLineVao);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, m_overlayLineCount);
    }
    if (m_overlayPointCount) { // halos, under the symbols
        useProgram(m_point, camera);
        glBindVertexArray(m_overlayPointVao);
        glDrawArrays(GL_TRIANGLES, 0, m_overlayPointCount);
    }
    if (m_pointCount) {
        useProgram(m_point, camera);
        glUniform3f(m_pointRim, m_contextRim.r / 255.0f, m_contextRim.g / 255.0f, m_contextRim.b / 255.0f);
        glBindVertexArray(m_pointVao);
        glDrawArrays(GL_TRIANGLES, 0, m_pointCount);
        glUniform3f(m_pointRim, 1, 1, 1);
    }
    if (m_statusPointCount) { // status symbols, over the plain ones
        useProgram(m_point, camera);
        glBindVertexArray(m_statusPointVao);
        glDrawArrays(GL_TRIANGLES, 0, m_statusPointCount);
    }
    glBindVertexArray(0);
}

void MapRenderer::drawPulse(const Camera& camera) {
    if (m_pulseCount) { // rings that widen from their place and fade, over everything
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        useProgram(m_point, camera);
        glUniform1f(m_point.sizeScale, m_sizeScale * (0.5f + 1.5f * m_pulsePhase));
        glUniform1f(m_point.opacity, 1.0f - m_pulsePhase);
        glBindVertexArray(m_pulseVao);
        glDrawArrays(GL_TRIANGLES, 0, m_pulseCount);
    }
    glBindVertexArray(0);
}

} // namespace cordon
