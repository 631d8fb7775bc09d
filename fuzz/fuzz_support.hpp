#pragma once
/// What the fuzz targets share: invariant checks that stop the run (libFuzzer then saves the input
/// that broke it) and a reader of the fuzzed bytes as small numbers.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace cordon::fuzz {

inline void check(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}

/// The fuzzed bytes one at a time, zeros once they run out.
class Bytes {
  public:
    Bytes(const std::uint8_t* d, std::size_t n) : m_d(d), m_n(n) {}
    bool empty() const { return m_i >= m_n; }
    unsigned next() { return m_i < m_n ? m_d[m_i++] : 0; }

  private:
    const std::uint8_t* m_d;
    std::size_t m_n, m_i = 0;
};

} // namespace cordon::fuzz
