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

TEST_CASE("PNG export: signature, header, chunk CRCs and RGB pixels that inflate and unfilter back") {
    const int w = 200, h = 120;
    std::vector<std::uint8_t> rgba(std::size_t(w) * h * 4);
    for (std::size_t i = 0; i < rgba.size(); ++i)
        rgba[i] = i % 4 == 3 ? 255 : std::uint8_t(i * 7 + i / 977);
    const std::string png = encodePng(w, h, rgba);
    REQUIRE(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    const std::vector<Chunk> cs = chunks(png);
    REQUIRE(cs.size() == 3);
    CHECK(cs[0].type == "IHDR");
    CHECK(u32(cs[0].data, 0) == std::uint32_t(w));
    CHECK(u32(cs[0].data, 4) == std::uint32_t(h));
    CHECK(cs[0].data.substr(8) == std::string("\x08\x02\x00\x00\x00", 5));
    CHECK(cs[1].type == "IDAT");
    CHECK(cs[2].type == "IEND");
    // What the encoder must have compressed: per row the Sub filter's byte and differences.
    std::string raw;
    for (int y = 0; y < h; ++y) {
        raw += '\1';
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 3; ++c) {
                const std::uint8_t v = rgba[(std::size_t(y) * w + x) * 4 + c];
                const std::uint8_t left = x > 0 ? rgba[(std::size_t(y) * w + x - 1) * 4 + c] : 0;
                raw += char(std::uint8_t(v - left));
            }
    }
    const std::string inflated = inflate(cs[1].data, raw);
    REQUIRE(inflated == raw);
    // Undoing the filter gives the pixels back.
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 3; ++c) {
                const std::size_t row = std::size_t(y) * (std::size_t(w) * 3 + 1);
                std::uint8_t v = 0;
                for (int k = 0; k <= x; ++k)
                    v = std::uint8_t(v + std::uint8_t(inflated[row + 1 + std::size_t(k) * 3 + c]));
                REQUIRE(v == rgba[(std::size_t(y) * w + x) * 4 + c]);
            }
    // Adler-32 at the end of the zlib stream.
    std::uint32_t a = 1, b = 0;
    for (char c : raw) {
        a = (a + std::uint8_t(c)) % 65521;
        b = (b + a) % 65521;
    }
    CHECK(u32(cs[1].data, cs[1].data.size() - 4) == ((b << 16) | a));
}

TEST_CASE("PNG export: a map's runs of one colour compress") {
    const int w = 640, h = 480;
    std::vector<std::uint8_t> rgba(std::size_t(w) * h * 4, 255);
    for (int y = 100; y < 300; ++y)
        for (int x = 0; x < w; ++x)
            rgba[(std::size_t(y) * w + x) * 4] = 200;
    CHECK(encodePng(w, h, rgba).size() < std::size_t(w) * h / 20);
}

TEST_CASE("PNG export: pixels that do not match the size give nothing") {
    const std::vector<std::uint8_t> rgba(10);
    CHECK(encodePng(2, 2, rgba).empty());
    CHECK(encodePng(0, 0, {}).empty());
    CHECK(encodePng(-1, 2, rgba).empty());
}
