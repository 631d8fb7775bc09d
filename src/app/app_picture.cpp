// Pictures of the map: the map's part of the window drawn again off the screen (OffscreenTarget) at
// the size asked, with labels and the picture's frame in an ImGui frame of the picture's own size
// (ui/map_picture), then read back. The screen's frame is untouched: no flicker, no panel pixels,
// and a size larger than the window (A4 at 300 dpi) is drawn as sharply as the screen, its type
// rasterised at the picture's scale for the one frame.

#include "app/app.hpp"

#include "app/local_clock.hpp"
#include "core/formats/clock_time.hpp"
#include "core/geo/mercator.hpp"
#include "platform/imgui_backend.hpp"
#include "platform/page.hpp"
#include "render/gl/offscreen_target.hpp"
#include "render/png_image.hpp"
#include "ui/map_picture.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace cordon {

namespace {

/// The UI face's rasterising density in a picture is capped: thousands of CJK glyphs at 4x fill a
/// 4096-wide atlas about 2048 high, within every WebGL2 texture limit.
constexpr double kMaxPictureTypeDensity = 4;

/// A4 landscape, 297 x 210 mm, at `dpi`.
std::pair<int, int> a4Landscape(int dpi) {
    return {static_cast<int>(std::lround(297 / 25.4 * dpi)), static_cast<int>(std::lround(210 / 25.4 * dpi))};
}

} // namespace

std::pair<int, int> App::pictureSize() const {
    switch (m_panel.pictureSize) {
    case PictureSize::A4At150:
        return a4Landscape(150);
    case PictureSize::A4At300:
        return a4Landscape(300);
    case PictureSize::Screen:
        break;
    }
    return {0, 0};
}

int App::mapLeftPixels(int windowWidth) const {
    if (m_options.wall) return 0;
    return std::clamp(
        static_cast<int>(std::lround(workspaceMapLeft(m_workspace, kUiFontSize) * m_window.pixelScale())), 0,
        windowWidth - 1);
}

std::vector<std::uint8_t> App::renderPicture(int width, int height, int windowWidth, int windowHeight) {
    const double pixelScale = m_window.pixelScale();
    const double mapLeft = mapLeftPixels(windowWidth);
    const double mapWidth = windowWidth - mapLeft;
    // The picture shows at least what the screen's map shows, centred on the same point.
    Camera camera = m_camera;
    camera.setViewport(width, height);
    camera.setCentre(m_camera.screenToWorld(ScreenPoint{mapLeft + mapWidth / 2, windowHeight / 2.0}));
    camera.setMetresPerPixel(m_camera.metresPerPixel() *
                             std::max(mapWidth / width, windowHeight / double(height)));
    // Device pixels per UI pixel in the picture: symbols, lines and type keep their size on the map.
    const double scale = pixelScale * m_camera.metresPerPixel() / camera.metresPerPixel();

    const Lang lang = m_panel.lang;
    MapPictureModel frame;
    frame.lang = lang;
    frame.title = m_snapshotPanel.title.data();
    if (frame.title.empty()) frame.title = tr(TextId::WallTitle, lang);
    const StaffingModel* staffing = m_situation.staffing();
    const int scrub = m_staffingView.gaps().scrubSlot;
    // The statuses' time when the strip is scrubbed; else the map colours the whole day and the
    // picture says when it was made.
    const bool scrubbed = staffing && scrub >= 0;
    frame.time = fillText(tr(scrubbed ? TextId::PictureMapTime : TextId::PictureMadeAt, lang),
                          {localDate() + " " +
                           clockText(scrubbed ? staffing->day().slotMinuteOfDay(scrub) : nowMinuteOfDay())});
    std::string files;
    for (int k = 0; k < kFeedKindCount; ++k)
        if (const std::optional<FeedLoader::HeldFeed> held = m_loader.held(static_cast<FeedKind>(k)))
            files += (files.empty() ? "" : std::string(tr(TextId::ListSeparator, lang))) +
                     sourceFileName(held->source);
    frame.sources = fillText(tr(TextId::PictureSources, lang), {files});
    if (m_panel.demoData)
        frame.sources = std::string(tr(TextId::DemoDataNotice, lang)) + "  " + frame.sources;
    const LonLat centre = mercator::unproject(camera.centre());
    frame.metresPerPixel = camera.metresPerPixel() * scale * mercator::scaleFactor(centre.lat);
    // The type rasterised at the picture's scale (at most 4x: the atlas stays within texture limits).
    const float typeDensity = static_cast<float>(std::clamp(scale, 1.0, kMaxPictureTypeDensity));
    if (m_font) {
        const bool newTitle = m_font->addText(frame.title);
        const bool newSources = m_font->addText(frame.sources);
        if (m_font->setDensity(typeDensity) || newTitle || newSources) rebuildFonts();
    }

    OffscreenTarget target;
    std::string error;
    if (!target.bind(width, height, error)) {
        if (m_font && m_font->setDensity(1)) rebuildFonts();
        page::showError(error);
        return {};
    }
    m_renderer.setSizeScale(static_cast<float>(scale));
    m_renderer.beginFrame(width, height);
    m_renderer.draw(camera);
    // Twice, as the first frame: windows that size themselves to their content measure it first.
    for (int pass = 0; pass < 2; ++pass) {
        imgui_backend::newFrame();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(width / scale), static_cast<float>(height / scale));
        io.DisplayFramebufferScale = ImVec2(static_cast<float>(scale), static_cast<float>(scale));
        ImGui::NewFrame();
        m_labels.setMapLeft(0); // the picture is the map alone
        m_labels.draw(m_situation.feeds(), camera, 1.0 / scale, 1.0f, m_selection.selected());
        drawMapPicture(frame, m_staffingView.legend());
        if (pass == 0)
            ImGui::EndFrame();
        else
            ImGui::Render();
    }
    imgui_backend::render();
    std::vector<std::uint8_t> rgba = m_renderer.readPixels(width, height);
    target.release();
    if (m_font && m_font->setDensity(1)) rebuildFonts();
    m_lastPicture = PictureMade{width, height, frame.title, m_font ? typeDensity : 1};
    return rgba;
}

void App::makePicture(const PictureRequest& request, int windowWidth, int windowHeight) {
    const int width = request.width > 0 ? request.width : windowWidth - mapLeftPixels(windowWidth);
    const int height = request.height > 0 ? request.height : windowHeight;
    const std::vector<std::uint8_t> rgba = renderPicture(width, height, windowWidth, windowHeight);
    if (rgba.empty()) return;
    if (request.use == PictureUse::Print) {
        page::showPrintMap(width, height, rgba);
        return;
    }
    const std::string name = "cordon-" + clockText(nowMinuteOfDay()).replace(2, 1, "") + ".png";
    ++m_exports;
    if (!page::downloadFile(name, encodePng(width, height, rgba), "image/png"))
        page::showError("cannot write " + name);
}

} // namespace cordon
