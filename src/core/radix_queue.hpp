#pragma once
/// A monotone priority queue of (time, node) for Dijkstra: a radix heap. Times are bucketed by
/// their value in 1/1024 s steps relative to the last popped one: pushing is an append; popping
/// spreads the lowest non-empty bucket over the lower ones, each entry moving a few times at most.
/// It needs every pushed time to be at least the last popped one, which Dijkstra guarantees (arc
/// times are never negative). Bucket 0 holds the entries in the last popped step; the least
/// exact (time, node) among them is popped, so a search pops in exactly the order a comparison
/// heap would, and equal times go in node order.

#include <bit>
#include <cstdint>
#include <vector>

namespace cordon {

class RadixQueue {
  public:
    struct Entry {
        double time;
        std::uint32_t node;
    };

    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }
    void clear() {
        for (auto& b : m_buckets)
            b.clear();
        m_size = 0;
        m_last = 0;
    }
    /// `time` must be finite and not below the last popped time.
    void push(double time, std::uint32_t node) {
        m_buckets[bucketOf(stepOf(time))].push_back({time, node});
        ++m_size;
    }
    /// The least (time, node); the queue must not be empty.
    Entry pop() {
        if (m_buckets[0].empty()) refill();
        std::vector<Entry>& b = m_buckets[0];
        std::size_t best = b.size() - 1;
        for (std::size_t i = 0; i + 1 < b.size(); ++i)
            if (b[i].time < b[best].time || (b[i].time == b[best].time && b[i].node < b[best].node)) best = i;
        const Entry entry = b[best];
        b[best] = b.back();
        b.pop_back();
        --m_size;
        return entry;
    }

  private:
    static std::uint64_t stepOf(double t) {
        constexpr double kMaxStep = 4.0e18;
        const double step = t * 1024.0;
        return step < kMaxStep ? static_cast<std::uint64_t>(step) : static_cast<std::uint64_t>(kMaxStep);
    }
    /// 0 for the last popped step, else one past the highest bit the step differs from it in.
    std::size_t bucketOf(std::uint64_t step) const {
        return step == m_last ? 0 : 64 - static_cast<std::size_t>(std::countl_zero(step ^ m_last));
    }
    /// Makes the least step the new `m_last` and spreads its bucket over the lower ones.
    void refill() {
        std::size_t i = 1;
        while (m_buckets[i].empty())
            ++i;
        std::vector<Entry>& from = m_buckets[i];
        // Steps grow with times: the least step is the least time's.
        double least = from.front().time;
        for (const Entry& e : from)
            least = e.time < least ? e.time : least;
        m_last = stepOf(least);
        for (const Entry& e : from)
            m_buckets[bucketOf(stepOf(e.time))].push_back(e);
        from.clear();
    }

    std::vector<Entry> m_buckets[65];
    std::size_t m_size = 0;
    std::uint64_t m_last = 0;
};

} // namespace cordon
