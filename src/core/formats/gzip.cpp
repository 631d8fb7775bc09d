#include "core/formats/gzip.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

namespace cordon {

std::uint32_t crc32(std::string_view data) {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (const char ch : data)
        c = table[(c ^ static_cast<unsigned char>(ch)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

namespace {

constexpr int kMaxBits = 15;

/// A canonical Huffman code with a direct lookup table for codes up to kFastBits long.
class Huffman {
  public:
    static constexpr int kFastBits = 10;

    /// Builds from code lengths; false when the lengths do not form a usable code.
    bool build(const std::uint8_t* lengths, int n) {
        m_count.fill(0);
        for (int i = 0; i < n; ++i)
            ++m_count[lengths[i]];
        m_count[0] = 0;
        int left = 1;
        for (int len = 1; len <= kMaxBits; ++len) {
            left = (left << 1) - m_count[len];
            if (left < 0) return false; // over-subscribed
        }
        std::array<int, kMaxBits + 2> offsets{};
        for (int len = 1; len <= kMaxBits; ++len)
            offsets[len + 1] = offsets[len] + m_count[len];
        m_symbols.assign(n, 0);
        for (int i = 0; i < n; ++i)
            if (lengths[i]) m_symbols[offsets[lengths[i]]++] = static_cast<std::uint16_t>(i);
        // Fast table: entry = symbol << 4 | length, 0 for "use the slow path".
        m_fast.fill(0);
        int code = 0, index = 0;
        for (int len = 1; len <= kFastBits; ++len) {
            for (int k = 0; k < m_count[len]; ++k, ++code, ++index) {
                // Codes are stored most-significant bit first in the stream: reverse them.
                int reversed = 0;
                for (int b = 0; b < len; ++b)
                    reversed |= ((code >> b) & 1) << (len - 1 - b);
                for (int fill = reversed; fill < (1 << kFastBits); fill += 1 << len)
                    m_fast[fill] = static_cast<std::uint16_t>(m_symbols[index] << 4 | len);
            }
            code <<= 1;
        }
        return true;
    }

    const std::array<std::uint16_t, 1 << kFastBits>& fast() const { return m_fast; }
    const std::array<int, kMaxBits + 1>& count() const { return m_count; }
    const std::vector<std::uint16_t>& symbols() const { return m_symbols; }

  private:
    std::array<int, kMaxBits + 1> m_count{};
    std::vector<std::uint16_t> m_symbols;
    std::array<std::uint16_t, 1 << kFastBits> m_fast{};
};

class Inflater {
  public:
    /// `sizeHint`: the output size expected (the gzip trailer says), so that it is allocated once.
    Inflater(std::string_view in, std::size_t maxOutput, std::string& out, std::size_t sizeHint = 0)
        : m_in(in), m_max(maxOutput), m_out(out) {
        m_out.resize(std::min(sizeHint, maxOutput));
    }

    std::string error;
    std::size_t consumed() const { return m_pos; }

    bool run() {
        bool last = false;
        while (!last) {
            if (!need(3)) return false;
            last = take(1);
            const int type = static_cast<int>(take(2));
            bool ok = false;
            if (type == 0)
                ok = stored();
            else if (type == 1)
                ok = fixedBlock();
            else if (type == 2)
                ok = dynamicBlock();
            else
                return fail("invalid block type");
            if (!ok) return false;
        }
        m_out.resize(m_length);
        // Drop the bits left in the current byte; the trailer starts at the next byte.
        m_pos -= m_bitCount / 8;
        m_bitCount = 0;
        return true;
    }

  private:
    std::string_view m_in;
    std::size_t m_pos = 0;
    std::uint64_t m_bits = 0;
    int m_bitCount = 0;
    std::size_t m_max;
    std::string& m_out; ///< written up to m_length; grown ahead of the writes
    std::size_t m_length = 0;

    /// Room for `n` more bytes (within the limit, checked by the caller).
    char* room(std::size_t n) {
        if (m_length + n > m_out.size())
            m_out.resize(std::min(m_max, std::max({m_out.size() * 2, m_length + n, std::size_t{1} << 16})));
        return m_out.data() + m_length;
    }
    Huffman m_lit, m_dist;

    bool fail(const char* why) {
        error = why;
        return false;
    }

    /// Ensures `n` bits are buffered; false at the end of the input.
    bool need(int n) {
        while (m_bitCount < n) {
            if (m_pos >= m_in.size()) return fail("truncated data");
            m_bits |= static_cast<std::uint64_t>(static_cast<unsigned char>(m_in[m_pos++])) << m_bitCount;
            m_bitCount += 8;
        }
        return true;
    }
    /// Buffers as many bits as available, up to 56.
    void refill() {
        while (m_bitCount <= 48 && m_pos < m_in.size()) {
            m_bits |= static_cast<std::uint64_t>(static_cast<unsigned char>(m_in[m_pos++])) << m_bitCount;
            m_bitCount += 8;
        }
    }
    std::uint32_t take(int n) {
        const std::uint32_t v = static_cast<std::uint32_t>(m_bits & ((std::uint64_t(1) << n) - 1));
        m_bits >>= n;
        m_bitCount -= n;
        return v;
    }

    /// Next symbol of `h`, or -1 on a bad code / end of input.
    int decode(const Huffman& h) {
        refill();
        const std::uint16_t entry = h.fast()[m_bits & ((1u << Huffman::kFastBits) - 1)];
        if (entry && (entry & 15) <= m_bitCount) {
            take(entry & 15);
            return entry >> 4;
        }
        // Slow path: walk the canonical code bit by bit.
        int code = 0, first = 0, index = 0;
        for (int len = 1; len <= kMaxBits; ++len) {
            if (m_bitCount < 1) return fail("truncated data"), -1;
            code |= static_cast<int>(take(1));
            const int count = h.count()[len];
            if (code - count < first) return h.symbols()[index + (code - first)];
            index += count;
            first += count;
            first <<= 1;
            code <<= 1;
        }
        return fail("invalid Huffman code"), -1;
    }

    bool stored() {
        m_pos -= m_bitCount / 8; // return whole buffered bytes
        m_bits = 0;
        m_bitCount = 0;
        if (m_pos + 4 > m_in.size()) return fail("truncated data");
        const auto byte = [&](std::size_t i) {
            return static_cast<unsigned>(static_cast<unsigned char>(m_in[i]));
        };
        const unsigned len = byte(m_pos) | byte(m_pos + 1) << 8;
        const unsigned nlen = byte(m_pos + 2) | byte(m_pos + 3) << 8;
        m_pos += 4;
        if ((len ^ 0xFFFF) != nlen) return fail("stored block length check failed");
        if (m_pos + len > m_in.size()) return fail("truncated data");
        if (m_length + len > m_max) return fail("output larger than allowed");
        std::memcpy(room(len), m_in.data() + m_pos, len);
        m_length += len;
        m_pos += len;
        return true;
    }

    bool codes() {
        static constexpr std::uint16_t kLengthBase[] = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                                        15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                                        67, 83, 99, 115, 131, 163, 195, 227, 258};
        static constexpr std::uint8_t kLengthExtra[] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                        2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
        static constexpr std::uint16_t kDistBase[] = {
            1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
            193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
        static constexpr std::uint8_t kDistExtra[] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                                      6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
        while (true) {
            const int symbol = decode(m_lit);
            if (symbol < 0) return false;
            if (symbol < 256) {
                if (m_length >= m_max) return fail("output larger than allowed");
                *room(1) = static_cast<char>(symbol);
                ++m_length;
                continue;
            }
            if (symbol == 256) return true;
            const int li = symbol - 257;
            if (li >= 29) return fail("invalid length code");
            if (!need(kLengthExtra[li])) return false;
            const std::size_t length = kLengthBase[li] + take(kLengthExtra[li]);
            const int di = decode(m_dist);
            if (di < 0) return false;
            if (di >= 30) return fail("invalid distance code");
            if (!need(kDistExtra[di])) return false;
            const std::size_t distance = kDistBase[di] + take(kDistExtra[di]);
            if (distance > m_length) return fail("distance too far back");
            if (m_length + length > m_max) return fail("output larger than allowed");
            char* to = room(length);
            const char* from = to - distance;
            for (std::size_t i = 0; i < length; ++i) // byte by byte: a match may overlap itself
                to[i] = from[i];
            m_length += length;
        }
    }

    bool fixedBlock() {
        std::uint8_t lengths[288 + 30];
        for (int i = 0; i < 144; ++i)
            lengths[i] = 8;
        for (int i = 144; i < 256; ++i)
            lengths[i] = 9;
        for (int i = 256; i < 280; ++i)
            lengths[i] = 7;
        for (int i = 280; i < 288; ++i)
            lengths[i] = 8;
        for (int i = 0; i < 30; ++i)
            lengths[288 + i] = 5;
        m_lit.build(lengths, 288);
        m_dist.build(lengths + 288, 30);
        return codes();
    }

    bool dynamicBlock() {
        if (!need(14)) return false;
        const int nlen = static_cast<int>(take(5)) + 257;
        const int ndist = static_cast<int>(take(5)) + 1;
        const int ncode = static_cast<int>(take(4)) + 4;
        if (nlen > 286 || ndist > 30) return fail("bad code counts");
        static constexpr std::uint8_t kOrder[19] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                                    11, 4,  12, 3, 13, 2, 14, 1, 15};
        std::uint8_t lengths[320] = {};
        for (int i = 0; i < ncode; ++i) {
            if (!need(3)) return false;
            lengths[kOrder[i]] = static_cast<std::uint8_t>(take(3));
        }
        Huffman lencode;
        if (!lencode.build(lengths, 19)) return fail("bad code-length code");
        int index = 0;
        while (index < nlen + ndist) {
            const int symbol = decode(lencode);
            if (symbol < 0) return false;
            if (symbol < 16) {
                lengths[index++] = static_cast<std::uint8_t>(symbol);
                continue;
            }
            int repeat = 0;
            std::uint8_t value = 0;
            if (symbol == 16) {
                if (index == 0) return fail("repeat with no previous length");
                value = lengths[index - 1];
                if (!need(2)) return false;
                repeat = 3 + static_cast<int>(take(2));
            } else if (symbol == 17) {
                if (!need(3)) return false;
                repeat = 3 + static_cast<int>(take(3));
            } else {
                if (!need(7)) return false;
                repeat = 11 + static_cast<int>(take(7));
            }
            if (index + repeat > nlen + ndist) return fail("too many code lengths");
            while (repeat--)
                lengths[index++] = value;
        }
        if (lengths[256] == 0) return fail("no end-of-block code");
        if (!m_lit.build(lengths, nlen) || !m_dist.build(lengths + nlen, ndist))
            return fail("bad Huffman code");
        return codes();
    }
};

} // namespace

GunzipResult gunzip(std::string_view data, std::size_t maxOutput) {
    GunzipResult result;
    const auto byte = [&](std::size_t i) {
        return static_cast<unsigned>(static_cast<unsigned char>(data[i]));
    };
    if (data.size() < 18 || byte(0) != 0x1F || byte(1) != 0x8B || byte(2) != 8) {
        result.error = "not gzip data";
        return result;
    }
    const unsigned flags = byte(3);
    std::size_t pos = 10;
    if (flags & 4) { // FEXTRA
        if (pos + 2 > data.size()) return result.error = "truncated header", result;
        pos += 2 + (byte(pos) | byte(pos + 1) << 8);
    }
    for (unsigned flag : {8u, 16u}) // FNAME, FCOMMENT: zero-terminated
        if (flags & flag) {
            while (pos < data.size() && data[pos] != '\0')
                ++pos;
            ++pos;
        }
    if (flags & 2) pos += 2; // FHCRC
    if (pos >= data.size()) return result.error = "truncated header", result;

    // The trailer's size (mod 2^32) sizes the output, if it is plausible: deflate expands at most
    // 1032 to 1, so a hostile trailer cannot make it allocate much more than that.
    const std::size_t end = data.size() - 4;
    const std::size_t stated =
        byte(end) | byte(end + 1) << 8 | byte(end + 2) << 16 | std::size_t(byte(end + 3)) << 24;
    std::string out;
    Inflater inflater(data.substr(pos), maxOutput, out, std::min(stated, data.size() * 1032));
    if (!inflater.run()) {
        result.error = inflater.error;
        return result;
    }
    const std::size_t trailer = pos + inflater.consumed();
    if (trailer + 8 > data.size()) return result.error = "truncated trailer", result;
    const std::uint32_t crc =
        byte(trailer) | byte(trailer + 1) << 8 | byte(trailer + 2) << 16 | byte(trailer + 3) << 24;
    const std::uint32_t size =
        byte(trailer + 4) | byte(trailer + 5) << 8 | byte(trailer + 6) << 16 | byte(trailer + 7) << 24;
    if (size != static_cast<std::uint32_t>(out.size())) return result.error = "length check failed", result;
    if (crc != crc32(out)) return result.error = "CRC check failed", result;
    result.bytes = std::move(out);
    return result;
}

} // namespace cordon
