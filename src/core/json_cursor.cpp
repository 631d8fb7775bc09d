#include "core/json_cursor.hpp"

#include <cmath>
#include <cstdint>
#include <cstdlib>
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

} // namespace

double parseJsonNumber(std::string_view token) {
    // Fast path (Clinger): up to 15 significant digits and a power of ten up to 22 are exact
    // doubles, so one multiplication or division gives the correctly rounded result.
    static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    std::size_t i = 0;
    const bool negative = !token.empty() && token[0] == '-';
    if (negative) ++i;
    std::uint64_t mantissa = 0;
    int digits = 0;
    int exponent = 0;
    for (; i < token.size() && isDigit(token[i]); ++i) {
        if (mantissa != 0 || token[i] != '0') ++digits;
        mantissa = mantissa * 10 + static_cast<unsigned>(token[i] - '0');
        if (digits > 15) break;
    }
    if (digits <= 15 && i < token.size() && token[i] == '.') {
        for (++i; i < token.size() && isDigit(token[i]); ++i) {
            if (mantissa != 0 || token[i] != '0') ++digits;
            mantissa = mantissa * 10 + static_cast<unsigned>(token[i] - '0');
            --exponent;
            if (digits > 15) break;
        }
    }
    if (digits <= 15 && i == token.size() && exponent >= -22) {
        const double m = static_cast<double>(mantissa);
        const double v = exponent < 0 ? m / kPow10[-exponent] : m;
        return negative ? -v : v;
    }
    char buffer[64];
    if (token.size() < sizeof buffer) {
        token.copy(buffer, token.size());
        buffer[token.size()] = '\0';
        return std::strtod(buffer, nullptr);
    }
    return std::strtod(std::string(token).c_str(), nullptr);
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

bool JsonCursor::readString(std::string_view& out, std::string& scratch) {
    if (peek() != '"') return fail(atEnd() ? kTruncated : "expected a string");
    const std::size_t start = ++m_pos;
    // Fast scan: most strings have no escapes and can be returned as a view of the input.
    std::size_t p = start;
    while (p < m_text.size()) {
        const unsigned char c = static_cast<unsigned char>(m_text[p]);
        if (c == '"' || c == '\\' || c < 0x20) break;
        ++p;
    }
    if (p >= m_text.size()) return failAt(start - 1, "unterminated string (truncated JSON?)");
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
    auto digits = [&] {
        const std::size_t from = m_pos;
        while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
            ++m_pos;
        return m_pos > from;
    };
    if (m_pos < m_text.size() && m_text[m_pos] == '-') ++m_pos;
    if (atEnd()) return fail(kTruncated);
    if (m_text[m_pos] == '0') {
        ++m_pos;
    } else if (!digits()) {
        return failAt(start, start == m_pos ? "unexpected character (not a JSON value)" : "invalid number");
    }
    if (m_pos < m_text.size() && m_text[m_pos] == '.') {
        ++m_pos;
        if (!digits()) return failAt(start, "invalid number: digits expected after '.'");
    }
    if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
        ++m_pos;
        if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-')) ++m_pos;
        if (!digits()) return failAt(start, "invalid number: digits expected in exponent");
    }
    out = parseJsonNumber(m_text.substr(start, m_pos - start));
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
