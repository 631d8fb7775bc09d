#pragma once
/// A small JSON reader for feeds and settings: bytes in, a value tree or a located error out.
/// It never throws, so it runs the same in WebAssembly builds without exception support.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cordon {

enum class JsonType : unsigned char { Null, Bool, Number, String, Array, Object };

struct JsonValue {
    JsonType type = JsonType::Null;
    bool boolean = false;
    double number = 0.0;
    std::string string;
    std::vector<JsonValue> items;
    std::vector<std::pair<std::string, JsonValue>> members;

    bool isNull() const { return type == JsonType::Null; }
    bool isNumber() const { return type == JsonType::Number; }
    bool isString() const { return type == JsonType::String; }
    bool isArray() const { return type == JsonType::Array; }
    bool isObject() const { return type == JsonType::Object; }
    /// Member of an object by key, or nullptr (also for non-objects).
    const JsonValue* find(std::string_view key) const;
};

/// Where and why the bytes are not JSON; line and column count from 1, column in bytes.
struct JsonError {
    std::size_t offset = 0;
    int line = 1;
    int column = 1;
    std::string message;
};

struct JsonParseResult {
    std::optional<JsonValue> value;
    JsonError error;
    bool ok() const { return value.has_value(); }
};

/// Nesting deeper than this is rejected instead of exhausting the stack.
inline constexpr int kMaxJsonDepth = 128;
/// A longer string (a name, a key, a property value) is rejected: no field of a feed needs
/// more, and a feed of one huge string would otherwise be copied whole into the model.
inline constexpr std::size_t kMaxJsonStringBytes = std::size_t(1) << 20;

JsonParseResult parseJson(std::string_view bytes);

/// `text` as a JSON string literal with quotes, escaping what JSON and HTML embedding need.
std::string jsonQuote(std::string_view text);

/// Shortest text that reads back as the same double; null for NaN and infinities.
std::string numberJson(double v);

/// `v` as compact JSON text (strings escaped as by jsonQuote).
std::string writeJson(const JsonValue& v);

/// Name of a JSON type for messages ("number", "string", ...).
const char* jsonTypeName(JsonType type);

} // namespace cordon
