#pragma once
/// The thin GL layer: uploads a SceneMesh once and draws it with the project's shaders. A frame
/// whose view and content are those of the frame before (the wall's pulse, a list turning its
/// page, the clock) copies the map kept from that frame instead of drawing it all again.

#include "render/camera.hpp"
#include "render/gl/offscreen_target.hpp"
#include "render/isochrone_mesh.hpp"
#include "render/scene_mesh.hpp"

#include <GLES3/gl3.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace cordon {

class MapRenderer {
  public:
    MapRenderer() = default;
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;
    ~MapRenderer();

    /// Compiles the shaders; on failure returns false with the GL log in `error`.
    bool init(std::string& error);
    /// Replaces the geometry on the GPU (call when feeds change, not per frame).
    void upload(const SceneMesh& mesh);
    /// Replaces the isochrone overlay (drawn translucent over the map, under the symbols).
    void uploadIsochrones(const IsochroneMesh& mesh);
    /// Replaces the overlay fills, lines and halos (areas of responsibility, selection), drawn over
    /// the isochrones and under the symbols. Its origin must be the last uploaded scene's.
    void uploadOverlay(const SceneMesh& mesh);
    /// Replaces the status symbols (posts coloured by staffing), drawn over all other symbols so
    /// they cover the plain ones at the same places. Same origin as the scene.
    void uploadStatusSymbols(std::span<const PointSymbol> symbols);
    /// Replaces the pulse: rings (SymbolFill::Ring) on what needs attention most, drawn over
    /// everything, widening and fading with setPulse. Same origin as the scene.
    void uploadPulse(std::span<const PointSymbol> rings);
    /// Where the pulse is in its cycle: 0 (half the rings' size, opaque) to 1 (twice their size,
    /// faded out).
    void setPulse(float phase) { m_pulsePhase = phase; }
    /// Line widths and symbol sizes are multiplied by `scale` (device pixels per CSS pixel, and
    /// the wall's unit: a 4K wall draws them twice their 1080p size).
    void setSizeScale(float scale) {
        m_stillValid &= scale == m_sizeScale;
        m_sizeScale = scale;
    }
    /// The colour the map is drawn on (the ground under every area).
    void setGround(Rgba ground) {
        m_stillValid = false;
        m_ground = ground;
    }
    /// The rim of the scene's own symbols (white on the light map; the wall's dark one keeps its
    /// context symbols quiet). Status symbols always have a white rim: their fill code needs it.
    void setContextRim(Rgba rim) {
        m_stillValid = false;
        m_contextRim = rim;
    }
    /// Starts a frame: the whole framebuffer of `width` x `height` pixels cleared to the ground.
    void beginFrame(int width, int height);
    /// Draws the map for `camera` into the bound framebuffer. Into the window, a view that has not
    /// moved since the last frame, with nothing uploaded since, is copied from the map kept then
    /// (drawn into it once the view stands still); only the pulse is drawn again on top.
    void draw(const Camera& camera);
    /// Frames whose map was copied rather than drawn, since start (page state, tests).
    std::uint64_t stillFramesCopied() const { return m_stillCopies; }
    /// The framebuffer as it stands (call after drawing, before the swap): RGBA, rows top to
    /// bottom, opaque.
    std::vector<std::uint8_t> readPixels(int width, int height) const;

  private:
    struct Program {
        GLuint id = 0;
        GLint centre = -1, pxPerMetre = -1, viewport = -1, sizeScale = -1, opacity = -1;
    };
    Program m_fill, m_line, m_point;
    GLuint m_fillVao = 0, m_fillVbo = 0, m_fillIbo = 0;
    GLuint m_lineVao = 0, m_lineVbo = 0;
    GLuint m_pointVao = 0, m_pointVbo = 0;
    GLuint m_isoVao = 0, m_isoVbo = 0;
    GLuint m_overlayLineVao = 0, m_overlayLineVbo = 0;
    GLuint m_overlayFillVao = 0, m_overlayFillVbo = 0, m_overlayFillIbo = 0;
    GLuint m_overlayPointVao = 0, m_overlayPointVbo = 0;
    GLuint m_statusPointVao = 0, m_statusPointVbo = 0;
    GLuint m_pulseVao = 0, m_pulseVbo = 0;
    GLsizei m_pulseCount = 0;
    float m_pulsePhase = 0;
    GLsizei m_statusPointCount = 0;
    GLsizei m_overlayLineCount = 0, m_overlayPointCount = 0, m_overlayFillCount = 0;
    std::vector<IsochroneBandRange> m_isoBands;
    GLsizei m_fillCount = 0, m_lineCount = 0, m_pointCount = 0;
    std::vector<SceneMesh::Detail> m_details;
    MercatorPoint m_origin;
    float m_sizeScale = 1.0f;
    Rgba m_ground{245, 247, 250, 255};
    Rgba m_contextRim{255, 255, 255, 255};
    GLint m_pointRim = -1;
    /// The view of the last frame drawn into the window, and the map kept for it.
    struct View {
        MercatorPoint centre;
        double metresPerPixel = 0;
        int width = 0, height = 0;
        bool operator==(const View& o) const {
            return centre.x == o.centre.x && centre.y == o.centre.y && metresPerPixel == o.metresPerPixel &&
                   width == o.width && height == o.height;
        }
    };
    View m_lastView;
    OffscreenTarget m_still;
    bool m_stillValid = false;
    int m_stillRun = 0; ///< frames in a row with the same view
    std::uint64_t m_stillCopies = 0;

    bool buildProgram(Program& p, const char* vert, const char* frag, std::string& error);
    void useProgram(const Program& p, const Camera& camera) const;
    /// Everything but the pulse, then the pulse.
    void drawScene(const Camera& camera);
    void drawPulse(const Camera& camera);
    /// The parts of the first `count` fill indices or line vertices to draw at `zoom`: all but the
    /// detail groups whose zoom is not reached.
    std::vector<SceneMesh::IndexRange> shownRanges(std::uint32_t count, double zoom, bool fills) const;
};

} // namespace cordon
