#pragma once
/// GLSL ES 3.00 sources from `shaders/`, embedded into the binary at build time.

#include <string_view>

namespace cordon {

/// Source text of a shader file by name ("fill.vert"), empty when there is no such file.
std::string_view shaderSource(std::string_view fileName);

} // namespace cordon
