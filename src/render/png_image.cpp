#include "render/png_image.hpp"

#include "core/formats/deflate.hpp"
#include "core/formats/gzip.hpp"

#include <algorithm>

namespace cordon {

namespace {

void putU32(std::string& out, std::uint32_t v) {
    out += static_cast<char>(v >> 24);
    out += static_cast<char>(v >> 16);
    out += static_cast<char>(v >> 8);
    out += static_cast<char>(v);
}

void chunk(std::string& out, const char* type, const std::string& data) {
    putU32(out, static_cast<std::uint32_t>(data.size()));
    const std::string typed = std::string(type, 4) + data;
    out += typed;
    putU32(out, crc32(typed));
}

} // namespace

std::string encodePng(int width, int height, std::span<const std::uint8_t> rgba) {
    if (width <= 0 || height <= 0 || rgba.size() != std::size_t(width) * std::size_t(height) * 4) return {};
    std::string out("\x89PNG\r\n\x1a\n", 8);
    std::string header;
    putU32(header, static_cast<std::uint32_t>(width));
    putU32(header, static_cast<std::uint32_t>(height));
    header += std::string("\x08\x02\x00\x00\x00", 5); // 8-bit RGB, deflate, adaptive filters, no interlace
    chunk(out, "IHDR", header);
    // Scanlines: filter byte 1 (Sub), then each byte less the same channel of the pixel to its left.
    const std::size_t rowBytes = std::size_t(width) * 3;
    std::string raw(std::size_t(height) * (rowBytes + 1), '\0');
    for (std::size_t y = 0; y < std::size_t(height); ++y) {
        char* row = raw.data() + y * (rowBytes + 1);
        row[0] = 1;
        const std::uint8_t* in = rgba.data() + y * std::size_t(width) * 4;
        for (std::size_t x = 0; x < std::size_t(width); ++x)
            for (std::size_t c = 0; c < 3; ++c) {
                const std::uint8_t left = x > 0 ? in[(x - 1) * 4 + c] : 0;
                row[1 + x * 3 + c] = static_cast<char>(static_cast<std::uint8_t>(in[x * 4 + c] - left));
            }
    }
    // zlib: header, the DEFLATE stream, Adler-32 of the raw data.
    std::string z("\x78\x01", 2);
    z += deflateRaw(raw);
    std::uint32_t a = 1, b = 0;
    for (std::size_t at = 0; at < raw.size();) {
        // Sums stay below 2^32 for 5552 bytes between reductions (zlib's NMAX).
        const std::size_t end = std::min(raw.size(), at + 5552);
        for (; at < end; ++at) {
            a += static_cast<std::uint8_t>(raw[at]);
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    putU32(z, (b << 16) | a);
    chunk(out, "IDAT", z);
    chunk(out, "IEND", {});
    return out;
}

} // namespace cordon
