#pragma once
/// How much memory the app holds: for the state published to tests and monitoring, so the cost of
/// a large feed can be read off a running app.

#include <cstddef>

namespace cordon {

struct MemoryUse {
    std::size_t heapBytes =
        0; ///< reserved: the wasm heap's size (it never shrinks), natively malloc's arenas
    std::size_t usedBytes = 0; ///< in live allocations
};

MemoryUse memoryUse();
/// The most the heap may grow to: the wasm heap's maximum, natively no limit (SIZE_MAX).
std::size_t memoryLimit();

} // namespace cordon
