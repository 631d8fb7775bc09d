#pragma once
/// The map view: which Web Mercator point is at the centre of the screen and how many metres one
/// physical pixel covers. Screen coordinates are physical pixels, origin top-left, y down.

#include "core/geo/geo.hpp"

namespace cordon {

struct ScreenPoint {
    double x = 0.0;
    double y = 0.0;
};

class Camera {
  public:
    /// Closest and farthest zoom allowed: a few centimetres per pixel to the whole world on screen.
    static constexpr double kMinMetresPerPixel = 0.05;
    static constexpr double kMaxMetresPerPixel = 80000.0;

    void setViewport(int widthPx, int heightPx);
    int viewportWidth() const { return m_width; }
    int viewportHeight() const { return m_height; }

    MercatorPoint centre() const { return m_centre; }
    double metresPerPixel() const { return m_metresPerPixel; }
    void setCentre(MercatorPoint c) { m_centre = c; }
    void setMetresPerPixel(double mpp);

    /// Web map zoom level (0 = whole world in 256 pixels), for styling by zoom.
    double zoomLevel() const;
    /// The zoom level in layout pixels, where `sizeScale` device pixels make one (the screen's
    /// pixel ratio, times the wall's unit, or a picture's scale): what level-of-detail thresholds
    /// compare against, so a 4K wall or a 300 dpi picture shows what a 1080p screen shows of the
    /// same view, with its lines and symbols drawn larger, not more of them.
    double detailZoom(double sizeScale) const;

    MercatorPoint screenToWorld(ScreenPoint p) const;
    ScreenPoint worldToScreen(MercatorPoint w) const;

    /// Moves the map with the pointer: the world point under the pointer follows it.
    void panByPixels(double dx, double dy);
    /// Zooms by `factor` (>1 zooms in) keeping the world point under `anchor` fixed on screen.
    void zoomAbout(ScreenPoint anchor, double factor);
    /// Two-finger gesture from (a0, b0) to (a1, b1): pans with the midpoint, zooms with the spread.
    void pinch(ScreenPoint a0, ScreenPoint b0, ScreenPoint a1, ScreenPoint b1);
    /// Shows all of `box` with `paddingPx` free on every side.
    void fit(const MercatorBox& box, double paddingPx);
    /// Fits `box` into the viewport less the given margins (pixels), e.g. the wall's panels.
    void fitInside(const MercatorBox& box, double left, double top, double right, double bottom);

  private:
    MercatorPoint m_centre;
    double m_metresPerPixel = 1000.0;
    int m_width = 1;
    int m_height = 1;
};

} // namespace cordon
