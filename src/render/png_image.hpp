#pragma once
/// The map picture as a PNG file (exports and print): RGBA pixels in, file bytes out. The canvas is
/// opaque, so the file is RGB; each row is Sub-filtered (a map is mostly runs of one colour, which
/// the filter turns into zeros) and compressed with the project's DEFLATE (core/formats/deflate.hpp):
/// an A4 page at 300 dpi is a few MB rather than the 35 MB of stored blocks.

#include <cstdint>
#include <span>
#include <string>

namespace cordon {

/// PNG bytes of a `width` x `height` RGBA image, rows top to bottom (alpha dropped). Empty when the
/// sizes do not match the pixels.
std::string encodePng(int width, int height, std::span<const std::uint8_t> rgba);

} // namespace cordon
