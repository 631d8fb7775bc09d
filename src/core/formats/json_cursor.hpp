#pragma once
/// A forward-only JSON scanner over bytes: the one tokenizer under both the value-tree parser
/// (`parseJson`) and the streaming GeoJSON reader, which walks features without building a tree
/// for their coordinates. Errors are recorded, never thrown.

#include "core/formats/json.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace cordon {

class JsonCursor {
  public:
    explicit JsonCursor(std::string_view text) : m_text(text) {}

    std::size_t offset() const { return m_pos; }
    /// Moves past the current byte (after peek() showed what it is).
    void advance() { ++m_pos; }
    /// Returns to an earlier offset, to read an object again.
    void seek(std::size_t offset) { m_pos = offset; }
    bool failed() const { return !m_error.empty(); }
    /// The first error, located by byte offset, line and column.
    JsonError error() const;
    /// Records an error at the current position (the first one wins); always returns false.
    bool fail(std::string message) { return failAt(m_pos, std::move(message)); }
    bool failAt(std::size_t offset, std::string message);

    void skipSpace() {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
            ++m_pos;
        }
    }
    bool atEnd() const { return m_pos >= m_text.size(); }
    /// Next byte after white space, or '\0' at the end.
    char peek() {
        skipSpace();
        return atEnd() ? '\0' : m_text[m_pos];
    }
    /// Consumes `c` (after white space) if it is next.
    bool consume(char c) {
        if (peek() != c) return false;
        ++m_pos;
        return true;
    }
    /// Consumes `c` or records what was expected instead.
    bool expect(char c, const char* context);

    /// Reads a string token. The view points into the input when the string has no escapes,
    /// else into `scratch`; valid until the next call with the same scratch.
    bool readString(std::string_view& out, std::string& scratch);
    /// Reads a number token. Also accepts NaN / Infinity / -Infinity (not JSON) and reports them
    /// through `nonFinite`, so a feed with one bad coordinate loses one feature, not the file.
    bool readNumber(double& out, bool* nonFinite = nullptr);
    /// Reads any value into a tree.
    bool readValue(JsonValue& out, int depth = 0);
    /// Checks and skips any value.
    bool skipValue(int depth = 0);

    /// Iterates an object's members: call after '{' was consumed; true while a key was read.
    bool nextMember(bool& first, std::string_view& key, std::string& scratch);
    /// Iterates an array's items: call after '[' was consumed; true while another item follows.
    bool nextItem(bool& first);

    std::string_view text() const { return m_text; }

  private:
    std::string_view m_text;
    std::size_t m_pos = 0;
    std::size_t m_errorAt = 0;
    std::string m_error;

    bool readLiteral(std::string_view word);
    bool readHex4(unsigned& out);
};

/// Parses a decimal number token exactly as `strtod` would, with a fast path for the short
/// decimals that make up coordinates. `token` must be a valid JSON number.
double parseJsonNumber(std::string_view token);

} // namespace cordon
