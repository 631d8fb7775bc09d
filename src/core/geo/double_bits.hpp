#pragma once
/// A double's bits as an integer and back (std::bit_cast, which Emscripten 3.1's libc++ lacks).

#include <cstdint>
#include <cstring>

namespace cordon {

inline std::uint64_t bitsOf(double d) {
    std::uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    return bits;
}

inline double doubleOf(std::uint64_t bits) {
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

} // namespace cordon
