#include "platform/memory.hpp"

#include <cstdint>
#include <malloc.h>

#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#endif

namespace cordon {

MemoryUse memoryUse() {
    MemoryUse use;
#ifdef __EMSCRIPTEN__
    const struct mallinfo info = mallinfo();
    use.heapBytes = emscripten_get_heap_size();
    use.usedBytes = static_cast<std::size_t>(info.uordblks);
#else
    const struct mallinfo2 info = mallinfo2();
    use.heapBytes = info.arena + info.hblkhd;
    use.usedBytes = info.uordblks + info.hblkhd;
#endif
    return use;
}

std::size_t memoryLimit() {
#ifdef __EMSCRIPTEN__
    return emscripten_get_heap_max();
#else
    return SIZE_MAX;
#endif
}

} // namespace cordon
