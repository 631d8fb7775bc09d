#pragma once
/// The JSON writer paired with the reader (json.hpp): page state, briefing headers, CLI JSON and
/// GeoJSON outputs are written through it instead of concatenated by hand, so commas, quoting
/// and escaping are right by construction. Appends to one string; never throws.

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace cordon {

class JsonWriter {
  public:
    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    /// The next member's key (inside an object); its value follows.
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(bool b);
    /// The shortest text that reads back as the same double; null for NaN and infinities.
    JsonWriter& value(double v);
    /// `v` with a fixed number of decimals (figures shown to people, page state read by tests).
    JsonWriter& fixed(double v, int decimals);
    /// `v` rounded to at most `decimals` decimals, trailing zeros dropped (coordinates: 113.5, not
    /// 113.5000000; -0 written as 0).
    JsonWriter& rounded(double v, int decimals);
    template <class Int>
    requires(std::is_integral_v<Int> && !std::is_same_v<Int, bool>) JsonWriter& value(Int v) {
        separate();
        m_out += std::to_string(v);
        return *this;
    }
    JsonWriter& null();
    /// Text that is already JSON (a part written elsewhere), inserted as one value.
    JsonWriter& raw(std::string_view json);

    /// The next item or closing bracket begins a new line (GeoJSON outputs: one feature per line,
    /// so that files diff and grep by feature).
    JsonWriter& lineBreak() {
        m_lineBreak = true;
        return *this;
    }

    /// key(name).value(v), for the common case.
    template <class T> JsonWriter& member(std::string_view name, const T& v) { return key(name).value(v); }

    /// The text so far.
    const std::string& text() const { return m_out; }
    std::string take() { return std::move(m_out); }

  private:
    std::string m_out;
    std::vector<bool> m_hasItem; ///< per open object or array: something was written in it
    bool m_afterKey = false;
    bool m_lineBreak = false;

    /// Writes a line break asked for by lineBreak().
    void breakLine() {
        if (m_lineBreak) m_out += '\n';
        m_lineBreak = false;
    }

    /// The comma before a value or key when one came before it at this level.
    void separate();
};

} // namespace cordon
