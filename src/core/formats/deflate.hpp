#pragma once
/// Gzip compression (RFC 1951/1952) for briefing snapshots and exports: LZ77 over a 32 KiB window
/// with hash chains, coded with DEFLATE's fixed Huffman tables. 3-6x on GeoJSON feeds; the
/// same code natively and in WebAssembly, no dependency. `gunzip` (core/formats/gzip.hpp) reads it back.

#include <string>
#include <string_view>

namespace cordon {

/// The raw DEFLATE stream of `data` (one final block).
std::string deflateRaw(std::string_view data);

/// One gzip member holding `data`.
std::string gzipCompress(std::string_view data);

} // namespace cordon
