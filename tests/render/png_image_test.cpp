#include "render/png_image.hpp"

#include "core/formats/gzip.hpp"

#include <catch2/catch_test_macros.hpp>

#include <cstdint>
#include <string>
#include <vector>

using namespace cordon;

namespace {

std::uint32_t u32(const std::string& s, std::size_t at) {
    return std::uint32_t(std::uint8_t(s[at])) << 24 | std::uint32_t(std::uint8_t(s[at + 1])) << 16 |
           std::uint32_t(std::uint8_t(s[at + 2])) << 8 | std::uint32_t(std::uint8_t(s[at + 3]));
}

struct Chunk {
    std::string type, data;
};

/// Splits a PNG into chunks, checking each chunk's CRC.
std::vector<Chunk> chunks(const std::string& png) {
    std::vector<Chunk> out;
    std::size_t at = 8;
    while (at + 12 <= png.size()) {
        const std::uint32_t n = u32(png, at);
        REQUIRE(at + 12 + n <= png.size());
        const std::string typed = png.substr(at + 4, 4 + n);
        CHECK(crc32(typed) == u32(png, at + 8 + n));
        out.push_back({typed.substr(0, 4), typed.substr(4)});
        at += 12 + n;
    }
    CHECK(at == png.size());
    return out;
}

/// The zlib stream's deflate data, inflated by the project's own gzip reader (wrapped as a member).
std::string inflate(const std::string& zlib, const std::string& expected) {
    std::string member("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
    member += zlib.substr(2, zlib.size() - 6);
    const std::uint32_t crc = crc32(expected), size = std::uint32_t(expected.size());
    for (int i = 0; i < 4; ++i)
        member += char(crc >> (8 * i));
    for (int i = 0; i < 4; ++i)
        member += char(size >> (8 * i));
    const GunzipResult r = gunzip(member);
    REQUIRE(r.bytes);
    return *r.bytes;
}

} // namespace

TEST_CASE("PNG export: signature, header, chunk CRCs and pixels that inflate back, over several blocks") {
    const int w = 200, h = 120; // 96,120 bytes of scanlines: two stored blocks
    std::vector<std::uint8_t> rgba(std::size_t(w) * h * 4);
    for (std::size_t i = 0; i < rgba.size(); ++i)
        rgba[i] = std::uint8_t(i * 7 + i / 977);
    const std::string png = encodePng(w, h, rgba);
    REQUIRE(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    const std::vector<Chunk> cs = chunks(png);
    REQUIRE(cs.size() == 3);
    CHECK(cs[0].type == "IHDR");
    CHECK(u32(cs[0].data, 0) == std::uint32_t(w));
    CHECK(u32(cs[0].data, 4) == std::uint32_t(h));
    CHECK(cs[0].data.substr(8) == std::string("\x08\x06\x00\x00\x00", 5));
    CHECK(cs[1].type == "IDAT");
    CHECK(cs[2].type == "IEND");
    std::string raw;
    for (int y = 0; y < h; ++y) {
        raw += '\0';
        raw.append(reinterpret_cast<const char*>(rgba.data()) + std::size_t(y) * w * 4, std::size_t(w) * 4);
    }
    CHECK(inflate(cs[1].data, raw) == raw);
    // Adler-32 at the end of the zlib stream.
    std::uint32_t a = 1, b = 0;
    for (char c : raw) {
        a = (a + std::uint8_t(c)) % 65521;
        b = (b + a) % 65521;
    }
    CHECK(u32(cs[1].data, cs[1].data.size() - 4) == ((b << 16) | a));
}

TEST_CASE("PNG export: pixels that do not match the size give nothing") {
    const std::vector<std::uint8_t> rgba(10);
    CHECK(encodePng(2, 2, rgba).empty());
    CHECK(encodePng(0, 0, {}).empty());
    CHECK(encodePng(-1, 2, rgba).empty());
}
