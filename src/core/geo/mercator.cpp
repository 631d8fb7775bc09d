#include "core/geo/mercator.hpp"

#include <cmath>
#include <numbers>

namespace cordon::mercator {

namespace {
constexpr double kDegToRad = std::numbers::pi / 180.0;
constexpr double kRadToDeg = 180.0 / std::numbers::pi;
} // namespace

MercatorPoint project(LonLat p) {
    const double lat = std::clamp(p.lat, -kMaxLatitude, kMaxLatitude);
    const double x = kEarthRadius * p.lon * kDegToRad;
    const double y = kEarthRadius * std::log(std::tan(std::numbers::pi / 4 + lat * kDegToRad / 2));
    return {x, y};
}

LonLat unproject(MercatorPoint p) {
    const double lon = p.x / kEarthRadius * kRadToDeg;
    const double lat = (2 * std::atan(std::exp(p.y / kEarthRadius)) - std::numbers::pi / 2) * kRadToDeg;
    return {lon, lat};
}

double scaleFactor(double latitudeDegrees) {
    return std::cos(latitudeDegrees * kDegToRad);
}

} // namespace cordon::mercator
