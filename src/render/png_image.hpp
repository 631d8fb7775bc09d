#pragma once
/// The map view as a PNG file ("export the current view"): RGBA pixels in, file bytes out.
/// Uncompressed deflate (stored blocks): a 1080p frame encodes in a few milliseconds and every
/// viewer reads it; size matters less than speed for a one-off export.

#include <cstdint>
#include <span>
#include <string>

namespace cordon {

/// PNG bytes of a `width` x `height` RGBA image, rows top to bottom. Empty when the sizes do not
/// match the pixels.
std::string encodePng(int width, int height, std::span<const std::uint8_t> rgba);

} // namespace cordon
