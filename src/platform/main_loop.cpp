#include "platform/main_loop.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace cordon {

#ifdef __EMSCRIPTEN__

namespace {
std::function<bool()> g_frame;
void tick() {
    if (!g_frame()) emscripten_cancel_main_loop();
}
} // namespace

void runMainLoop(std::function<bool()> frame) {
    g_frame = std::move(frame);
    emscripten_set_main_loop(tick, 0, false);
}

#else

void runMainLoop(std::function<bool()> frame) {
    while (frame()) {
    }
}

#endif

} // namespace cordon
