#pragma once
/// Loads the embedded CJK font subset into ImGui with glyphs for every UI text and loaded name.

#include <span>
#include <string>

namespace cordon {

/// `ttf` must stay alive for the program's lifetime (it is not copied). `names` adds the glyphs of
/// feature names to those of the UI text table.
void installUiFont(std::span<const unsigned char> ttf, float pixelSize, std::span<const std::string> names);

} // namespace cordon
