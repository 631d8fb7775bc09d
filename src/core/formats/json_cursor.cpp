#include "core/formats/json_cursor.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace cordon {

namespace {

constexpr const char* kTruncated = "unexpected end of input (truncated JSON?)";

void appendUtf8(std::string& s, unsigned cp) {
    if (cp < 0x80) {
        s += static_cast<char>(cp);
    } else if (cp < 0x800) {
        s += static_cast<char>(0xC0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        s += static_cast<char>(0xE0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        s += static_cast<char>(0xF0 | (cp >> 18));
        s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

/// Index of the first byte in [from, size) that ends a string's plain run ('"', '\\' or a control
/// character), or `size`. Eight bytes per step (SWAR): strings are most of a feed's bytes, and
/// this runs the same in the wasm build, which has no x86 SIMD.
std::size_t plainRunEnd(std::string_view text, std::size_t from) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull;
    constexpr std::uint64_t kHigh = 0x8080808080808080ull;
    std::size_t p = from;
    if constexpr (std::endian::native == std::endian::little) {
        for (; p + 8 <= text.size(); p += 8) {
            std::uint64_t v;
            std::memcpy(&v, text.data() + p, 8);
            const std::uint64_t quote = v ^ (kOnes * '"');
            const std::uint64_t slash = v ^ (kOnes * '\\');
            // A byte is flagged when zero (quote, backslash) or below 0x20; bytes >= 0x80 never
            // are. Borrows only run upwards, so the lowest flag is exact.
            const std::uint64_t hit =
                ((quote - kOnes) & ~quote) | ((slash - kOnes) & ~slash) | ((v - kOnes * 0x20) & ~v);
            const std::uint64_t flagged = hit & kHigh;
            if (flagged) return p + static_cast<std::size_t>(std::countr_zero(flagged)) / 8;
        }
    }
    for (; p < text.size(); ++p) {
        const unsigned char c = static_cast<unsigned char>(text[p]);
        if (c == '"' || c == '\\' || c < 0x20) break;
    }
    return p;
}

} // namespace

namespace {

/// Scans one JSON number starting at `p` and converts it. Returns the end of the token, or
/// nullptr with `error` set when the grammar is broken. Fast path (Clinger): up to 15 significant
/// digits and a power of ten up to 22 are exact doubles, so one division gives the correctly
/// rounded result; anything else goes to strtod.
const char* scanNumber(const char* p, const char* end, double& out, const char*& error) {
    static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const char* start = p;
    const bool negative = p < end && *p == '-';
    if (negative) ++p;
    if (p >= end) return (error = "unexpected end of input (truncated JSON?)", nullptr);
    std::uint64_t mantissa = 0;
    int digits = 0, exponent = 0;
    bool fast = true;
    auto digit = [&](char c, bool fraction) {
        if (!fast) return;
        if (mantissa != 0 || c != '0') ++digits;
        if (digits > 15) {
            fast = false;
            return;
        }
        mantissa = mantissa * 10 + static_cast<unsigned>(c - '0');
        if (fraction) --exponent;
    };
    if (*p == '0') {
        ++p;
    } else if (isDigit(*p)) {
        while (p < end && isDigit(*p))
            digit(*p++, false);
    } else {
        return (error = negative ? "invalid number" : "unexpected character (not a JSON value)", nullptr);
    }
    if (p < end && *p == '.') {
        ++p;
        if (p >= end || !isDigit(*p)) return (error = "invalid number: digits expected after '.'", nullptr);
        while (p < end && isDigit(*p))
            digit(*p++, true);
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        fast = false;
        ++p;
        if (p < end && (*p == '+' || *p == '-')) ++p;
        if (p >= end || !isDigit(*p)) return (error = "invalid number: digits expected in exponent", nullptr);
        while (p < end && isDigit(*p))
            ++p;
    }
    if (fast && exponent >= -22) {
        const double m = static_cast<double>(mantissa);
        const double v = exponent < 0 ? m / kPow10[-exponent] : m;
        out = negative ? -v : v;
        return p;
    }
    char buffer[64];
    const std::size_t length = static_cast<std::size_t>(p - start);
    if (length < sizeof buffer) {
        std::copy(start, p, buffer);
        buffer[length] = '\0';
        out = std::strtod(buffer, nullptr);
    } else {
        out = std::strtod(std::string(start, p).c_str(), nullptr);
    }
    return p;
}

} // namespace

double parseJsonNumber(std::string_view token) {
    double out = 0;
    const char* error = nullptr;
    scanNumber(token.data(), token.data() + token.size(), out, error);
    return out;
}

JsonError JsonCursor::error() const {
    JsonError e;
    e.offset = m_errorAt;
    e.message = m_error;
    for (std::size_t i = 0; i < m_errorAt && i < m_text.size(); ++i) {
        if (m_text[i] == '\n') {
            ++e.line;
            e.column = 1;
        } else {
            ++e.column;
        }
    }
    return e;
}

bool JsonCursor::failAt(std::size_t offset, std::string message) {
    if (m_error.empty()) {
        m_error = std::move(message);
        m_errorAt = offset;
    }
    return false;
}

bool JsonCursor::expect(char c, const char* context) {
    if (consume(c)) return true;
    if (atEnd()) return fail(kTruncated);
    return fail(std::string("expected '") + c + "' " + context);
}

bool JsonCursor::readLiteral(std::string_view word) {
    if (m_text.substr(m_pos, word.size()) != word) return fail(atEnd() ? kTruncated : "invalid literal");
    m_pos += word.size();
    return true;
}

bool JsonCursor::readHex4(unsigned& out) {
    if (m_pos + 4 > m_text.size()) return fail("truncated \\u escape");
    out = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = m_text[m_pos++];
        out <<= 4;
        if (c >= '0' && c <= '9')
            out |= unsigned(c - '0');
        else if (c >= 'a' && c <= 'f')
            out |= unsigned(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            out |= unsigned(c - 'A' + 10);
        else
            return failAt(m_pos - 1, "invalid hex digit in \\u escape");
    }
    return true;
}

namespace {
std::string stringTooLong() {
    return "a string longer than " + std::to_string(kMaxJsonStringBytes >> 20) +
           " MiB (the limit for one name or value)";
}
} // namespace

bool JsonCursor::readString(std::string_view& out, std::string& scratch) {
    if (peek() != '"') return fail(atEnd() ? kTruncated : "expected a string");
    const std::size_t start = ++m_pos;
    // Fast scan: most strings have no escapes and can be returned as a view of the input.
    const std::size_t p = plainRunEnd(m_text, start);
    if (p >= m_text.size()) return failAt(start - 1, "unterminated string (truncated JSON?)");
    if (p - start > kMaxJsonStringBytes) return failAt(start - 1, stringTooLong());
    if (m_text[p] == '"') {
        out = m_text.substr(start, p - start);
        m_pos = p + 1;
        return true;
    }
    scratch.assign(m_text.data() + start, p - start);
    m_pos = p;
    while (true) {
        if (atEnd()) return failAt(start - 1, "unterminated string (truncated JSON?)");
        const char c = m_text[m_pos];
        if (c == '"') {
            ++m_pos;
            out = scratch;
            return true;
        }
        if (static_cast<unsigned char>(c) < 0x20) return fail("control character in string (escape it)");
        if (scratch.size() > kMaxJsonStringBytes) return failAt(start - 1, stringTooLong());
        if (c != '\\') {
            scratch += c;
            ++m_pos;
            continue;
        }
        if (++m_pos >= m_text.size()) return failAt(start - 1, "unterminated string (truncated JSON?)");
        const char e = m_text[m_pos++];
        switch (e) {
        case '"':
            scratch += '"';
            break;
        case '\\':
            scratch += '\\';
            break;
        case '/':
            scratch += '/';
            break;
        case 'b':
            scratch += '\b';
            break;
        case 'f':
            scratch += '\f';
            break;
        case 'n':
            scratch += '\n';
            break;
        case 'r':
            scratch += '\r';
            break;
        case 't':
            scratch += '\t';
            break;
        case 'u': {
            unsigned cp = 0;
            if (!readHex4(cp)) return false;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                unsigned low = 0;
                if (m_text.substr(m_pos, 2) != "\\u") return fail("unpaired surrogate in \\u escape");
                m_pos += 2;
                if (!readHex4(low)) return false;
                if (low < 0xDC00 || low > 0xDFFF) return fail("unpaired surrogate in \\u escape");
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return fail("unpaired surrogate in \\u escape");
            }
            appendUtf8(scratch, cp);
            break;
        }
        default:
            return failAt(m_pos - 1, "invalid escape in string");
        }
    }
}

bool JsonCursor::readNumber(double& out, bool* nonFinite) {
    const char first = peek();
    const std::size_t start = m_pos;
    if (first == 'N' || first == 'I' || (first == '-' && m_text.substr(m_pos, 2) == "-I")) {
        const bool negative = first == '-';
        const std::string_view word = first == 'N' ? "NaN" : negative ? "-Infinity" : "Infinity";
        if (!readLiteral(word)) return false;
        if (!nonFinite) return failAt(start, std::string(word) + " is not valid JSON");
        *nonFinite = true;
        out = first == 'N' ? std::numeric_limits<double>::quiet_NaN()
                           : (negative ? -1 : 1) * std::numeric_limits<double>::infinity();
        return true;
    }
    const char* error = nullptr;
    const char* end = scanNumber(m_text.data() + m_pos, m_text.data() + m_text.size(), out, error);
    if (!end) return failAt(start, error);
    m_pos = static_cast<std::size_t>(end - m_text.data());
    if (!std::isfinite(out)) {
        if (!nonFinite) return failAt(start, "number out of range");
        *nonFinite = true;
    }
    return true;
}

bool JsonCursor::nextMember(bool& first, std::string_view& key, std::string& scratch) {
    if (first) {
        first = false;
        if (consume('}')) return false;
    } else if (!consume(',')) {
        if (consume('}')) return false;
        if (atEnd()) return fail(kTruncated);
        return fail("expected ',' or '}' in object");
    }
    if (peek() != '"') return fail(atEnd() ? kTruncated : "expected a string key in object");
    if (!readString(key, scratch)) return false;
    return expect(':', "after an object key");
}

bool JsonCursor::nextItem(bool& first) {
    if (first) {
        first = false;
        if (consume(']')) return false;
    } else if (!consume(',')) {
        if (consume(']')) return false;
        if (atEnd()) return fail(kTruncated);
        return fail("expected ',' or ']' in array");
    }
    return true;
}

bool JsonCursor::readValue(JsonValue& out, int depth) {
    if (depth > kMaxJsonDepth)
        return fail("nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    std::string scratch;
    switch (peek()) {
    case '\0':
        if (atEnd()) return fail(kTruncated);
        return fail("unexpected character (not a JSON value)");
    case '{': {
        ++m_pos;
        out.type = JsonType::Object;
        bool first = true;
        std::string_view key;
        while (nextMember(first, key, scratch)) {
            out.members.emplace_back(std::string(key), JsonValue{});
            if (!readValue(out.members.back().second, depth + 1)) return false;
        }
        return !failed();
    }
    case '[': {
        ++m_pos;
        out.type = JsonType::Array;
        bool first = true;
        while (nextItem(first)) {
            out.items.emplace_back();
            if (!readValue(out.items.back(), depth + 1)) return false;
        }
        return !failed();
    }
    case '"': {
        std::string_view s;
        if (!readString(s, scratch)) return false;
        out.type = JsonType::String;
        out.string.assign(s);
        return true;
    }
    case 't':
        out.type = JsonType::Bool;
        out.boolean = true;
        return readLiteral("true");
    case 'f':
        out.type = JsonType::Bool;
        out.boolean = false;
        return readLiteral("false");
    case 'n':
        out.type = JsonType::Null;
        return readLiteral("null");
    default:
        out.type = JsonType::Number;
        return readNumber(out.number);
    }
}

bool JsonCursor::skipValue(int depth) {
    if (depth > kMaxJsonDepth)
        return fail("nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    switch (peek()) {
    case '{': {
        ++m_pos;
        bool first = true;
        std::string_view key;
        std::string scratch;
        while (nextMember(first, key, scratch))
            if (!skipValue(depth + 1)) return false;
        return !failed();
    }
    case '[': {
        ++m_pos;
        bool first = true;
        while (nextItem(first))
            if (!skipValue(depth + 1)) return false;
        return !failed();
    }
    case '"': {
        std::string_view s;
        std::string scratch;
        return readString(s, scratch);
    }
    case 't':
        return readLiteral("true");
    case 'f':
        return readLiteral("false");
    case 'n':
        return readLiteral("null");
    case '\0':
        if (atEnd()) return fail(kTruncated);
        [[fallthrough]];
    default: {
        double ignored = 0;
        return readNumber(ignored);
    }
    }
}

} // namespace cordon
