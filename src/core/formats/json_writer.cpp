#include "core/formats/json_writer.hpp"

#include "core/formats/json.hpp"

#include <cmath>
#include <cstdio>

namespace cordon {

void JsonWriter::separate() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_hasItem.empty()) {
        if (m_hasItem.back()) m_out += ',';
        m_hasItem.back() = true;
    }
    breakLine();
}

JsonWriter& JsonWriter::beginObject() {
    separate();
    m_out += '{';
    m_hasItem.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::endObject() {
    breakLine();
    m_out += '}';
    if (!m_hasItem.empty()) m_hasItem.pop_back();
    return *this;
}

JsonWriter& JsonWriter::beginArray() {
    separate();
    m_out += '[';
    m_hasItem.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::endArray() {
    breakLine();
    m_out += ']';
    if (!m_hasItem.empty()) m_hasItem.pop_back();
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    separate();
    m_out += jsonQuote(name);
    m_out += ':';
    m_afterKey = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    separate();
    m_out += jsonQuote(text);
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    separate();
    m_out += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::value(double v) {
    separate();
    m_out += numberJson(v);
    return *this;
}

JsonWriter& JsonWriter::fixed(double v, int decimals) {
    separate();
    if (!std::isfinite(v)) {
        m_out += "null";
        return *this;
    }
    char buffer[64];
    const int n = std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    if (n > 0 && static_cast<std::size_t>(n) < sizeof buffer)
        m_out.append(buffer, static_cast<std::size_t>(n));
    else
        m_out += numberJson(v);
    return *this;
}

JsonWriter& JsonWriter::rounded(double v, int decimals) {
    separate();
    if (!std::isfinite(v)) {
        m_out += "null";
        return *this;
    }
    char buffer[64];
    int n = std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    if (n <= 0 || static_cast<std::size_t>(n) >= sizeof buffer) {
        m_out += numberJson(v);
        return *this;
    }
    if (decimals > 0) {
        while (buffer[n - 1] == '0')
            --n;
        if (buffer[n - 1] == '.') --n;
    }
    if (n == 2 && buffer[0] == '-' && buffer[1] == '0') {
        m_out += '0';
        return *this;
    }
    m_out.append(buffer, static_cast<std::size_t>(n));
    return *this;
}

JsonWriter& JsonWriter::null() {
    separate();
    m_out += "null";
    return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
    separate();
    m_out += json;
    return *this;
}

} // namespace cordon
