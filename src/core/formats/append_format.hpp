#pragma once
/// printf-style formatting appended to a std::string, sized to fit: for the JSON and status lines
/// whose numbers can be any length (a fixed buffer would cut them and leave invalid JSON).

#include <string>

namespace cordon {

/// Appends `format` with its arguments to `out`; returns `out`.
std::string& appendFormat(std::string& out, const char* format, ...) __attribute__((format(printf, 2, 3)));

/// The formatted text as a new string.
std::string formatted(const char* format, ...) __attribute__((format(printf, 1, 2)));

} // namespace cordon
