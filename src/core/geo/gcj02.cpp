#include "core/geo/gcj02.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cordon::gcj02 {

namespace {

constexpr double kPi = std::numbers::pi;
/// Krasovsky 1940 ellipsoid, which the published approximation is written on.
constexpr double kSemiMajor = 6378245.0;
constexpr double kEccentricitySquared = 0.00669342162296594323;

/// Offset polynomials in "metre-like" units on the grid x = lon - 105, y = lat - 35.
double latitudeOffset(double x, double y) {
    double d = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
    d += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    d += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
    d += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y / 30.0 * kPi)) * 2.0 / 3.0;
    return d;
}

double longitudeOffset(double x, double y) {
    double d = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
    d += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    d += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
    d += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
    return d;
}

/// The GCJ-02 shift (degrees) of a WGS84 position, without the China test.
LonLat shift(LonLat wgs) {
    const double x = wgs.lon - 105.0;
    const double y = wgs.lat - 35.0;
    const double lat = wgs.lat * kPi / 180.0;
    const double s = std::sin(lat);
    const double w = 1.0 - kEccentricitySquared * s * s;
    const double sqrtW = std::sqrt(w);
    // Scale by the meridian and parallel radii of curvature to turn metres into degrees.
    const double dLat =
        latitudeOffset(x, y) * 180.0 / (kSemiMajor * (1.0 - kEccentricitySquared) / (w * sqrtW) * kPi);
    const double dLon = longitudeOffset(x, y) * 180.0 / (kSemiMajor / sqrtW * std::cos(lat) * kPi);
    return {dLon, dLat};
}

} // namespace

bool inChina(LonLat p) {
    return p.lon >= 72.004 && p.lon <= 137.8347 && p.lat >= 0.8293 && p.lat <= 55.8271;
}

LonLat fromWgs84(LonLat wgs) {
    if (!inChina(wgs)) return wgs;
    const LonLat d = shift(wgs);
    return {wgs.lon + d.lon, wgs.lat + d.lat};
}

LonLat toWgs84(LonLat gcj) {
    if (!inChina(gcj)) return gcj;
    // Solve fromWgs84(w) == gcj: the shift changes slowly with position, so w <- gcj - shift(w)
    // converges fast (the error shrinks about 1000-fold per step).
    LonLat w = gcj;
    for (int i = 0; i < 30; ++i) {
        const LonLat d = shift(w);
        const LonLat next{gcj.lon - d.lon, gcj.lat - d.lat};
        const double change = std::max(std::abs(next.lon - w.lon), std::abs(next.lat - w.lat));
        w = next;
        if (change < 1e-12) break;
    }
    return w;
}

} // namespace cordon::gcj02
