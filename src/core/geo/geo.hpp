#pragma once
/// Typed coordinates: geographic lon/lat (WGS84 degrees) and Web Mercator metres (EPSG:3857).
/// Keeping them as distinct types stops a lon/lat pair from being drawn as metres or vice versa.

#include <algorithm>
#include <limits>

namespace cordon {

struct LonLat {
    double lon = 0.0;
    double lat = 0.0;
    friend bool operator==(const LonLat&, const LonLat&) = default;
};

struct MercatorPoint {
    double x = 0.0;
    double y = 0.0;
    friend bool operator==(const MercatorPoint&, const MercatorPoint&) = default;
};

/// Axis-aligned box in Web Mercator metres; empty until something is added.
struct MercatorBox {
    double minX = std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity();
    double maxX = -std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();

    bool empty() const { return minX > maxX || minY > maxY; }
    void add(MercatorPoint p) {
        minX = std::min(minX, p.x);
        minY = std::min(minY, p.y);
        maxX = std::max(maxX, p.x);
        maxY = std::max(maxY, p.y);
    }
    void add(const MercatorBox& b) {
        if (b.empty()) return;
        add(MercatorPoint{b.minX, b.minY});
        add(MercatorPoint{b.maxX, b.maxY});
    }
    double width() const { return empty() ? 0.0 : maxX - minX; }
    double height() const { return empty() ? 0.0 : maxY - minY; }
    MercatorPoint centre() const { return {(minX + maxX) / 2, (minY + maxY) / 2}; }
};

} // namespace cordon
