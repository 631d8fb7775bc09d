#include "core/formats/deflate.hpp"

#include "core/formats/gzip.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace cordon {
namespace {

constexpr int kWindow = 1 << 15;
constexpr int kMinMatch = 3;
constexpr int kMaxMatch = 258;
constexpr int kHashBits = 15;
constexpr int kMaxChain = 48;

constexpr std::array<int, 29> kLengthBase{3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                          31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<int, 29> kLengthExtra{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                           2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<int, 30> kDistBase{1,    2,    3,    4,    5,    7,    9,    13,    17,    25,
                                        33,   49,   65,   97,   129,  193,  257,  385,   513,   769,
                                        1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<int, 30> kDistExtra{0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                         6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

/// Bits packed least significant first, as DEFLATE stores them.
class BitWriter {
  public:
    explicit BitWriter(std::string& out) : m_out(out) {}
    void bits(std::uint32_t value, int count) {
        m_buffer |= std::uint64_t(value) << m_count;
        m_count += count;
        while (m_count >= 8) {
            m_out.push_back(static_cast<char>(m_buffer & 0xff));
            m_buffer >>= 8;
            m_count -= 8;
        }
    }
    /// A Huffman code: written most significant bit first.
    void code(std::uint32_t code, int length) {
        std::uint32_t reversed = 0;
        for (int i = 0; i < length; ++i)
            reversed |= ((code >> i) & 1u) << (length - 1 - i);
        bits(reversed, length);
    }
    void flush() {
        if (m_count > 0) m_out.push_back(static_cast<char>(m_buffer & 0xff));
        m_buffer = 0;
        m_count = 0;
    }

  private:
    std::string& m_out;
    std::uint64_t m_buffer = 0;
    int m_count = 0;
};

/// Literal/length symbol in the fixed Huffman code (RFC 1951, 3.2.6).
void writeSymbol(BitWriter& w, int symbol) {
    if (symbol < 144)
        w.code(0x30 + symbol, 8);
    else if (symbol < 256)
        w.code(0x190 + symbol - 144, 9);
    else if (symbol < 280)
        w.code(symbol - 256, 7);
    else
        w.code(0xc0 + symbol - 280, 8);
}

void writeMatch(BitWriter& w, int length, int distance) {
    int l = 28;
    while (kLengthBase[l] > length)
        --l;
    writeSymbol(w, 257 + l);
    if (kLengthExtra[l]) w.bits(length - kLengthBase[l], kLengthExtra[l]);
    int d = 29;
    while (kDistBase[d] > distance)
        --d;
    w.code(d, 5);
    if (kDistExtra[d]) w.bits(distance - kDistBase[d], kDistExtra[d]);
}

std::uint32_t hash3(const unsigned char* p) {
    return ((std::uint32_t(p[0]) << 16 | std::uint32_t(p[1]) << 8 | p[2]) * 2654435761u) >> (32 - kHashBits);
}

} // namespace

std::string deflateRaw(std::string_view data) {
    std::string out;
    out.reserve(data.size() / 3 + 64);
    BitWriter w(out);
    w.bits(1, 1); // final block
    w.bits(1, 2); // fixed Huffman codes
    const auto* in = reinterpret_cast<const unsigned char*>(data.data());
    const int n = static_cast<int>(data.size());
    std::vector<int> head(std::size_t(1) << kHashBits, -1);
    std::vector<int> prev(kWindow, -1);
    auto insert = [&](int at) {
        if (at + kMinMatch > n) return;
        const std::uint32_t h = hash3(in + at);
        prev[at & (kWindow - 1)] = head[h];
        head[h] = at;
    };
    int i = 0;
    while (i < n) {
        int bestLength = 0, bestDistance = 0;
        if (i + kMinMatch <= n) {
            const int limit = std::min(kMaxMatch, n - i);
            int candidate = head[hash3(in + i)];
            for (int chain = 0; candidate >= 0 && i - candidate <= kWindow - 1 && chain < kMaxChain;
                 ++chain) {
                if (in[candidate + bestLength] == in[i + bestLength]) {
                    int length = 0;
                    while (length < limit && in[candidate + length] == in[i + length])
                        ++length;
                    if (length > bestLength) {
                        bestLength = length;
                        bestDistance = i - candidate;
                        if (length == limit) break;
                    }
                }
                const int next = prev[candidate & (kWindow - 1)];
                if (next >= candidate) break; // slot reused by a newer position
                candidate = next;
            }
        }
        if (bestLength >= kMinMatch) {
            writeMatch(w, bestLength, bestDistance);
            for (int k = 0; k < bestLength; ++k)
                insert(i + k);
            i += bestLength;
        } else {
            writeSymbol(w, in[i]);
            insert(i);
            ++i;
        }
    }
    writeSymbol(w, 256);
    w.flush();
    return out;
}

std::string gzipCompress(std::string_view data) {
    std::string out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
    out += deflateRaw(data);
    auto le32 = [&](std::uint32_t v) {
        for (int k = 0; k < 4; ++k)
            out.push_back(static_cast<char>((v >> (8 * k)) & 0xff));
    };
    le32(crc32(data));
    le32(static_cast<std::uint32_t>(data.size()));
    return out;
}

} // namespace cordon
