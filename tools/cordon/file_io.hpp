#pragma once
/// File access for the command-line tool (core never touches files).

#include <optional>
#include <string>

namespace cordon {

/// Whole file as bytes, or nullopt with a reason in `error`.
std::optional<std::string> readFile(const std::string& path, std::string& error);

} // namespace cordon
