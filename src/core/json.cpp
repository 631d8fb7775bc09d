#include "core/json.hpp"

#include <cmath>
#include <cstdlib>

namespace cordon {

const JsonValue* JsonValue::find(std::string_view key) const {
    if (type != JsonType::Object) return nullptr;
    for (const auto& [k, v] : members)
        if (k == key) return &v;
    return nullptr;
}

const char* jsonTypeName(JsonType type) {
    switch (type) {
    case JsonType::Null:
        return "null";
    case JsonType::Bool:
        return "boolean";
    case JsonType::Number:
        return "number";
    case JsonType::String:
        return "string";
    case JsonType::Array:
        return "array";
    case JsonType::Object:
        return "object";
    }
    return "?";
}

std::string jsonQuote(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '<':
            out += "\\u003c";
            break; // never "</script>" inside an embedding page
        case '>':
            out += "\\u003e";
            break;
        case '&':
            out += "\\u0026";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static const char* kHex = "0123456789abcdef";
                out += "\\u00";
                out += kHex[(c >> 4) & 0xF];
                out += kHex[c & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

namespace {

class Parser {
  public:
    explicit Parser(std::string_view text) : m_text(text) {}

    JsonParseResult run() {
        JsonParseResult result;
        skipSpace();
        JsonValue root;
        if (!parseValue(root, 0)) {
            result.error = locate(m_errorAt, m_error);
            return result;
        }
        skipSpace();
        if (m_pos != m_text.size()) {
            result.error = locate(m_pos, "unexpected data after the JSON value");
            return result;
        }
        result.value = std::move(root);
        return result;
    }

  private:
    std::string_view m_text;
    std::size_t m_pos = 0;
    std::size_t m_errorAt = 0;
    std::string m_error;

    bool fail(std::string message, std::size_t at) {
        m_error = std::move(message);
        m_errorAt = at;
        return false;
    }
    bool fail(std::string message) { return fail(std::move(message), m_pos); }

    JsonError locate(std::size_t offset, std::string message) const {
        JsonError e;
        e.offset = offset;
        e.message = std::move(message);
        for (std::size_t i = 0; i < offset && i < m_text.size(); ++i) {
            if (m_text[i] == '\n') {
                ++e.line;
                e.column = 1;
            } else {
                ++e.column;
            }
        }
        return e;
    }

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text[m_pos]; }

    void skipSpace() {
        while (!atEnd()) {
            const char c = peek();
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
            ++m_pos;
        }
    }

    bool expectWord(std::string_view word) {
        if (m_text.substr(m_pos, word.size()) != word) return fail("invalid literal");
        m_pos += word.size();
        return true;
    }

    bool parseValue(JsonValue& out, int depth) {
        if (atEnd()) return fail("unexpected end of input (truncated JSON?)");
        if (depth > kMaxJsonDepth)
            return fail("nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        switch (peek()) {
        case '{':
            return parseObject(out, depth);
        case '[':
            return parseArray(out, depth);
        case '"':
            out.type = JsonType::String;
            return parseString(out.string);
        case 't':
            out.type = JsonType::Bool;
            out.boolean = true;
            return expectWord("true");
        case 'f':
            out.type = JsonType::Bool;
            out.boolean = false;
            return expectWord("false");
        case 'n':
            out.type = JsonType::Null;
            return expectWord("null");
        default:
            return parseNumber(out);
        }
    }

    bool parseObject(JsonValue& out, int depth) {
        out.type = JsonType::Object;
        ++m_pos;
        skipSpace();
        if (!atEnd() && peek() == '}') {
            ++m_pos;
            return true;
        }
        while (true) {
            skipSpace();
            if (atEnd()) return fail("unexpected end of input inside an object (truncated JSON?)");
            if (peek() != '"') return fail("expected a string key in object");
            std::string key;
            if (!parseString(key)) return false;
            skipSpace();
            if (atEnd() || peek() != ':')
                return fail(atEnd() ? "unexpected end of input after a key (truncated JSON?)"
                                    : "expected ':' after key");
            ++m_pos;
            skipSpace();
            out.members.emplace_back(std::move(key), JsonValue{});
            if (!parseValue(out.members.back().second, depth + 1)) return false;
            skipSpace();
            if (atEnd()) return fail("unexpected end of input inside an object (truncated JSON?)");
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                return true;
            }
            return fail("expected ',' or '}' in object");
        }
    }

    bool parseArray(JsonValue& out, int depth) {
        out.type = JsonType::Array;
        ++m_pos;
        skipSpace();
        if (!atEnd() && peek() == ']') {
            ++m_pos;
            return true;
        }
        while (true) {
            skipSpace();
            out.items.emplace_back();
            if (!parseValue(out.items.back(), depth + 1)) return false;
            skipSpace();
            if (atEnd()) return fail("unexpected end of input inside an array (truncated JSON?)");
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                return true;
            }
            return fail("expected ',' or ']' in array");
        }
    }

    static void appendUtf8(std::string& s, unsigned cp) {
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

    bool readHex4(unsigned& out) {
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
                return fail("invalid hex digit in \\u escape", m_pos - 1);
        }
        return true;
    }

    bool parseString(std::string& out) {
        const std::size_t start = m_pos;
        ++m_pos;
        while (true) {
            if (atEnd()) return fail("unterminated string (truncated JSON?)", start);
            const char c = m_text[m_pos];
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20) return fail("control character in string");
            if (c != '\\') {
                out += c;
                ++m_pos;
                continue;
            }
            ++m_pos;
            if (atEnd()) return fail("unterminated string (truncated JSON?)", start);
            const char e = m_text[m_pos++];
            switch (e) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
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
                appendUtf8(out, cp);
                break;
            }
            default:
                return fail("invalid escape in string", m_pos - 1);
            }
        }
    }

    bool parseNumber(JsonValue& out) {
        const std::size_t start = m_pos;
        auto digits = [&] {
            const std::size_t from = m_pos;
            while (!atEnd() && peek() >= '0' && peek() <= '9')
                ++m_pos;
            return m_pos > from;
        };
        if (!atEnd() && peek() == '-') ++m_pos;
        if (atEnd()) return fail("unexpected end of input in number");
        if (peek() == '0') {
            ++m_pos;
        } else if (!digits()) {
            return fail(start == m_pos ? "unexpected character (not a JSON value)" : "invalid number", start);
        }
        if (!atEnd() && peek() == '.') {
            ++m_pos;
            if (!digits()) return fail("invalid number: digits expected after '.'", start);
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            ++m_pos;
            if (!atEnd() && (peek() == '+' || peek() == '-')) ++m_pos;
            if (!digits()) return fail("invalid number: digits expected in exponent", start);
        }
        const std::string token(m_text.substr(start, m_pos - start));
        out.type = JsonType::Number;
        out.number = std::strtod(token.c_str(), nullptr);
        if (!std::isfinite(out.number)) return fail("number out of range", start);
        return true;
    }
};

} // namespace

JsonParseResult parseJson(std::string_view bytes) {
    return Parser(bytes).run();
}

} // namespace cordon
