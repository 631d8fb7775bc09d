#pragma once
/// Hilbert-curve keys: sorting things by them puts things near each other on the map near each
/// other in memory (the spatial index packs its leaves this way, the road graph numbers its nodes).

#include <cstdint>
#include <utility>

namespace cordon {

/// Position of (x, y) along the Hilbert curve filling a 2^16 x 2^16 grid.
inline std::uint32_t hilbertIndex(std::uint32_t x, std::uint32_t y) {
    constexpr std::uint32_t n = 1u << 16;
    std::uint32_t d = 0;
    for (std::uint32_t s = n / 2; s > 0; s /= 2) {
        const std::uint32_t rx = (x & s) != 0 ? 1 : 0;
        const std::uint32_t ry = (y & s) != 0 ? 1 : 0;
        d += s * s * ((3 * rx) ^ ry);
        // Rotate the quadrant so the curve inside it runs the standard way.
        if (ry == 0) {
            if (rx == 1) {
                x = n - 1 - x;
                y = n - 1 - y;
            }
            std::swap(x, y);
        }
    }
    return d;
}

/// v's place in [lo, hi] scaled to the 16-bit grid (0 when the range is degenerate or infinite).
inline std::uint32_t hilbertGridCoordinate(double v, double lo, double hi) {
    const double t = (v - lo) / (hi - lo) * 65535.0;
    if (!(t > 0)) return 0; // also NaN
    if (t >= 65535.0) return 65535;
    return static_cast<std::uint32_t>(t);
}

} // namespace cordon
