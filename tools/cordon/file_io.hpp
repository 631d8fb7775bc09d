#pragma once
/// File access for the command-line tool (core never touches files).

#include <optional>
#include <string>
#include <vector>

namespace cordon {

/// Whole file as bytes, or nullopt with a reason in `error`.
std::optional<std::string> readFile(const std::string& path, std::string& error);

/// The feed files a command-line argument names: a folder's `.geojson` and `.json` files, sorted
/// by name, or the argument itself when it is not a folder.
std::vector<std::string> feedFilesIn(const std::string& path);

/// A number above zero written whole ("15", "2.5"), else nullopt.
std::optional<double> parseNumber(const std::string& text);

} // namespace cordon
