#pragma once
/// Runs one frame callback per display refresh until it returns false: a plain loop natively,
/// the browser's requestAnimationFrame on the web.

#include <functional>

namespace cordon {

void runMainLoop(std::function<bool()> frame);

} // namespace cordon
