#pragma once
/// A monotone priority queue of (time, node) for Dijkstra: a ring of time buckets (Dial's queue).
/// Bucket k holds the times in [k, k + 1) / kStepsPerSecond; the ring covers a window of
/// kBucketCount steps from the last popped time, and the rare time past it (a long edge or chain)
/// waits in a small binary heap. Pushing is an append, and an entry never moves: popping takes the
/// least exact (time, node) of the first non-empty bucket, or the heap's least if it is lower. So a
/// search pops in exactly the order a comparison heap would, and equal times go in node order.
/// Every pushed time must be at least the last popped one, which Dijkstra guarantees (arc times
/// are never negative).

#include <algorithm>
#include <cstdint>
#include <vector>

namespace cordon {

class BucketQueue {
  public:
    struct Entry {
        double time;
        std::uint32_t node;
    };
    /// 4 steps a second and 1,024 buckets: a 256 s window, which holds nearly every arc and chain of
    /// a city's roads on foot or by car. Wider steps mean fewer buckets to skip and entries packed
    /// closer in memory (a third fewer cache misses than 1/16 s steps on Porto), narrower ones fewer
    /// entries to compare per pop; a few per bucket on a city-wide search is the balance.
    static constexpr double kStepsPerSecond = 4;
    static constexpr std::uint64_t kBucketCount = 1024;

    BucketQueue() : m_buckets(kBucketCount) {}

    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }
    void clear() {
        if (m_inRing > 0)
            for (auto& b : m_buckets)
                b.clear();
        m_far.clear();
        m_size = m_inRing = 0;
        m_cursor = 0;
    }
    /// `time` must be finite and not below the last popped time.
    void push(double time, std::uint32_t node) {
        const std::uint64_t step = stepOf(time);
        ++m_size;
        // Past the window, or (after a pop from the heap) below the ring's first bucket: the heap.
        if (step - m_cursor < kBucketCount) {
            m_buckets[step & kMask].push_back({time, node});
            ++m_inRing;
            return;
        }
        m_far.push_back({time, node});
        std::push_heap(m_far.begin(), m_far.end(), later);
    }
    /// The least (time, node); the queue must not be empty.
    Entry pop() {
        --m_size;
        if (m_inRing == 0) return popFar();
        std::vector<Entry>* b = &m_buckets[m_cursor & kMask];
        while (b->empty())
            b = &m_buckets[++m_cursor & kMask];
        std::size_t best = 0;
        for (std::size_t i = 1; i < b->size(); ++i)
            if (later((*b)[best], (*b)[i])) best = i;
        const Entry entry = (*b)[best];
        if (!m_far.empty() && later(entry, m_far.front())) return popFar();
        (*b)[best] = b->back();
        b->pop_back();
        --m_inRing;
        return entry;
    }

  private:
    static constexpr std::uint64_t kMask = kBucketCount - 1;
    static std::uint64_t stepOf(double t) {
        constexpr double kMaxStep = 4.0e18;
        const double step = t * kStepsPerSecond;
        return static_cast<std::uint64_t>(static_cast<std::int64_t>(step < kMaxStep ? step : kMaxStep));
    }
    static bool later(const Entry& a, const Entry& b) {
        return a.time > b.time || (a.time == b.time && a.node > b.node);
    }
    /// Pops the heap's least; the ring's window moves up to it when that is ahead (nothing in the
    /// ring is below it).
    Entry popFar() {
        std::pop_heap(m_far.begin(), m_far.end(), later);
        const Entry entry = m_far.back();
        m_far.pop_back();
        m_cursor = std::max(m_cursor, stepOf(entry.time));
        return entry;
    }

    std::vector<std::vector<Entry>> m_buckets;
    std::vector<Entry> m_far; ///< binary heap of the entries past the ring's window when pushed
    std::size_t m_size = 0, m_inRing = 0;
    std::uint64_t m_cursor = 0; ///< step of the ring's first bucket: at most the last popped time's
};

} // namespace cordon
