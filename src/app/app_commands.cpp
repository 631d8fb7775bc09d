// The app's shortcut commands (ui/shortcuts.hpp: one key table, from which the help is made),
// carried out on the camera and the views.

#include "app/app.hpp"

namespace cordon {

namespace {

constexpr double kKeyZoomStep = 1.5;
constexpr double kKeyPanPx = 120.0;

} // namespace

void App::zoomKeys(int direction) {
    const ScreenPoint centre{m_camera.viewportWidth() / 2.0, m_camera.viewportHeight() / 2.0};
    m_camera.zoomAbout(centre, direction > 0 ? kKeyZoomStep : 1.0 / kKeyZoomStep);
}

void App::runCommand(Command command) {
    switch (command) {
    case Command::ZoomIn:
        zoomKeys(+1);
        break;
    case Command::ZoomOut:
        zoomKeys(-1);
        break;
    case Command::Fit:
        m_needsFit = true;
        break;
    case Command::PanLeft:
        m_camera.panByPixels(kKeyPanPx, 0);
        break;
    case Command::PanRight:
        m_camera.panByPixels(-kKeyPanPx, 0);
        break;
    case Command::PanUp:
        m_camera.panByPixels(0, kKeyPanPx);
        break;
    case Command::PanDown:
        m_camera.panByPixels(0, -kKeyPanPx);
        break;
    case Command::Legend:
        m_staffingView.legend().visible = !m_staffingView.legend().visible;
        break;
    case Command::Labels:
        m_labels.toggle();
        break;
    case Command::Responsibility:
        m_coverageView.panel().showResponsibility = !m_coverageView.panel().showResponsibility;
        rebuildOverlay();
        break;
    case Command::ScrubBack:
    case Command::ScrubForward:
        if (m_situation.staffing())
            stepScrub((command == Command::ScrubForward ? 1 : -1) * 60 /
                      m_situation.staffing()->day().slotMinutes);
        break;
    case Command::Plan:
        makePlan();
        break;
    case Command::ExportView:
        m_pictureRequest = PictureRequest{PictureUse::Png, pictureSize().first, pictureSize().second};
        break;
    case Command::ExportLayerGeoJson:
        exportSelectedLayer(false);
        break;
    case Command::ExportLayerCsv:
        exportSelectedLayer(true);
        break;
    case Command::Briefing:
        m_snapshotPanel.visible = !m_snapshotPanel.visible && !m_options.snapshot;
        break;
    case Command::Search: // the page focuses its search box itself
        break;
    }
}

} // namespace cordon
