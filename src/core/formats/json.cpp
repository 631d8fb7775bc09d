#include "core/formats/json.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/formats/json_cursor.hpp"

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

std::string numberJson(double v) {
    if (!std::isfinite(v)) return "null";
    if (v == 0) return "0";
    // The fewest significant digits that read back exactly (no floating-point to_chars in every
    // standard library cordon is built with).
    char buf[40];
    for (int digits = 15; digits <= 17; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    return buf;
}

std::string writeJson(const JsonValue& v) {
    switch (v.type) {
    case JsonType::Null:
        return "null";
    case JsonType::Bool:
        return v.boolean ? "true" : "false";
    case JsonType::Number:
        return numberJson(v.number);
    case JsonType::String:
        return jsonQuote(v.string);
    case JsonType::Array: {
        std::string s = "[";
        for (std::size_t i = 0; i < v.items.size(); ++i)
            s += (i ? "," : "") + writeJson(v.items[i]);
        return s + "]";
    }
    case JsonType::Object: {
        std::string s = "{";
        for (std::size_t i = 0; i < v.members.size(); ++i)
            s += (i ? "," : "") + jsonQuote(v.members[i].first) + ":" + writeJson(v.members[i].second);
        return s + "}";
    }
    }
    return "null";
}

std::string jsonQuote(std::string_view text) {
    static const char* kHex = "0123456789abcdef";
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

JsonParseResult parseJson(std::string_view bytes) {
    JsonParseResult result;
    JsonCursor cursor(bytes);
    JsonValue root;
    if (cursor.readValue(root)) {
        cursor.skipSpace();
        if (!cursor.atEnd()) cursor.fail("unexpected data after the JSON value");
    }
    if (cursor.failed()) {
        result.error = cursor.error();
        return result;
    }
    result.value = std::move(root);
    return result;
}

} // namespace cordon
