#pragma once
/// Gzip decompression (RFC 1952 / DEFLATE, RFC 1951) for the embedded demo data and briefing
/// snapshots: the same code natively and in WebAssembly, synchronous, no dependency.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cordon {

struct GunzipResult {
    std::optional<std::string> bytes;
    std::string error; ///< why the input is not a complete gzip stream
};

/// Whether `bytes` start with gzip's magic number (how gzipped feeds are told from plain ones).
inline bool isGzip(std::string_view bytes) {
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
           static_cast<unsigned char>(bytes[1]) == 0x8b;
}

/// Decompresses one gzip member. Refuses to produce more than `maxOutput` bytes (a bomb guard),
/// and checks the stored length and CRC-32.
GunzipResult gunzip(std::string_view data, std::size_t maxOutput = std::size_t(1) << 30);

/// CRC-32 (IEEE) of `data`, as gzip stores it.
std::uint32_t crc32(std::string_view data);

} // namespace cordon
