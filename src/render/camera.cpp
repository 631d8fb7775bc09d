#include "render/camera.hpp"

#include "core/geo/mercator.hpp"

#include <algorithm>
#include <cmath>

namespace cordon {

void Camera::setViewport(int widthPx, int heightPx) {
    m_width = std::max(1, widthPx);
    m_height = std::max(1, heightPx);
}

void Camera::setMetresPerPixel(double mpp) {
    m_metresPerPixel = std::clamp(mpp, kMinMetresPerPixel, kMaxMetresPerPixel);
}

double Camera::zoomLevel() const {
    return std::log2(2 * mercator::kHalfWorld / (256.0 * m_metresPerPixel));
}

double Camera::detailZoom(double sizeScale) const {
    return zoomLevel() - std::log2(std::max(sizeScale, 1e-3));
}

MercatorPoint Camera::screenToWorld(ScreenPoint p) const {
    return {m_centre.x + (p.x - m_width / 2.0) * m_metresPerPixel,
            m_centre.y - (p.y - m_height / 2.0) * m_metresPerPixel};
}

ScreenPoint Camera::worldToScreen(MercatorPoint w) const {
    return {(w.x - m_centre.x) / m_metresPerPixel + m_width / 2.0,
            -(w.y - m_centre.y) / m_metresPerPixel + m_height / 2.0};
}

void Camera::panByPixels(double dx, double dy) {
    m_centre.x -= dx * m_metresPerPixel;
    m_centre.y += dy * m_metresPerPixel;
}

void Camera::zoomAbout(ScreenPoint anchor, double factor) {
    if (!(factor > 0) || !std::isfinite(factor)) return;
    const MercatorPoint before = screenToWorld(anchor);
    setMetresPerPixel(m_metresPerPixel / factor);
    const MercatorPoint after = screenToWorld(anchor);
    m_centre.x += before.x - after.x;
    m_centre.y += before.y - after.y;
}

void Camera::pinch(ScreenPoint a0, ScreenPoint b0, ScreenPoint a1, ScreenPoint b1) {
    const ScreenPoint mid0{(a0.x + b0.x) / 2, (a0.y + b0.y) / 2};
    const ScreenPoint mid1{(a1.x + b1.x) / 2, (a1.y + b1.y) / 2};
    const double d0 = std::hypot(b0.x - a0.x, b0.y - a0.y);
    const double d1 = std::hypot(b1.x - a1.x, b1.y - a1.y);
    panByPixels(mid1.x - mid0.x, mid1.y - mid0.y);
    if (d0 > 1.0 && d1 > 1.0) zoomAbout(mid1, d1 / d0);
}

void Camera::fit(const MercatorBox& box, double paddingPx) {
    if (box.empty()) return;
    m_centre = box.centre();
    const double w = std::max(1.0, m_width - 2 * paddingPx);
    const double h = std::max(1.0, m_height - 2 * paddingPx);
    const double mpp = std::max(box.width() / w, box.height() / h);
    setMetresPerPixel(mpp > 0 ? mpp : 1.0);
}

void Camera::fitInside(const MercatorBox& box, double left, double top, double right, double bottom) {
    if (box.empty()) return;
    const double w = std::max(1.0, m_width - left - right);
    const double h = std::max(1.0, m_height - top - bottom);
    const double mpp = std::max(box.width() / w, box.height() / h);
    setMetresPerPixel(mpp > 0 ? mpp : 1.0);
    // The box's centre goes to the centre of the free rectangle, not of the viewport.
    const double dx = left + w / 2 - m_width / 2.0, dy = top + h / 2 - m_height / 2.0;
    m_centre = {box.centre().x - dx * m_metresPerPixel, box.centre().y + dy * m_metresPerPixel};
}

} // namespace cordon
