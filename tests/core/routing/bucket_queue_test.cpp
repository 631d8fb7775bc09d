#include "core/routing/bucket_queue.hpp"

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include <queue>
#include <random>
#include <tuple>
#include <utility>

using namespace cordon;

TEST_CASE("BucketQueue pops equal times in node order, zero first, and can be reused after clear") {
    BucketQueue q;
    CHECK(q.empty());
    q.push(5.0, 9);
    q.push(5.0, 2);
    q.push(-0.0, 7); // a source standing on its node
    q.push(5.0, 4);
    REQUIRE(q.size() == 4);
    auto e = q.pop();
    CHECK((e.time == 0.0 && e.node == 7));
    CHECK(q.pop().node == 2);
    q.push(5.0, 1); // equal to the last popped time: allowed
    CHECK(q.pop().node == 1);
    CHECK(q.pop().node == 4);
    CHECK(q.pop().node == 9);
    CHECK(q.empty());
    q.push(100.0, 3);
    q.clear();
    CHECK(q.empty());
    q.push(1.0, 3); // below the time popped before the clear
    CHECK(q.pop().node == 3);
}

TEST_CASE("BucketQueue pops in the order of a comparison heap over a Dijkstra-like monotone run") {
    // Steps within the ring's window, and steps that often land past it (long edges and chains).
    const double longest = GENERATE(120.0, 2000.0);
    CAPTURE(longest);
    std::mt19937 rng(20261123);
    std::uniform_real_distribution<double> step(0.0, longest);
    std::uniform_int_distribution<std::uint32_t> node(0, 500); // many repeated nodes and ties
    using Item = std::pair<double, std::uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> reference;
    BucketQueue q;
    for (int i = 0; i < 20; ++i) {
        const double t = i % 3 == 0 ? 0.0 : step(rng);
        const std::uint32_t n = node(rng);
        reference.push({t, n});
        q.push(t, n);
    }
    std::size_t popped = 0;
    while (!reference.empty()) {
        const Item want = reference.top();
        reference.pop();
        const BucketQueue::Entry got = q.pop();
        REQUIRE(got.time == want.first);
        REQUIRE(got.node == want.second);
        ++popped;
        // Each pop pushes 0-3 later entries, some at exactly the popped time, as zero-length arcs do.
        const int children = popped < 20000 ? static_cast<int>(node(rng) % 4) : 0;
        for (int c = 0; c < children; ++c) {
            const double t = c == 0 && node(rng) % 5 == 0 ? want.first : want.first + step(rng);
            const std::uint32_t n = node(rng);
            reference.push({t, n});
            q.push(t, n);
        }
        REQUIRE(q.size() == reference.size());
    }
    CHECK(popped > 10000);
    CHECK(q.empty());
}

TEST_CASE("BucketQueue: times past the window wait in order, and the window follows them") {
    BucketQueue q;
    const double window = BucketQueue::kBucketCount / BucketQueue::kStepsPerSecond;
    q.push(3 * window + 0.5, 1); // far
    q.push(10.0, 2);             // ring
    q.push(3 * window + 0.25, 3);
    CHECK(q.pop().node == 2);
    CHECK(q.pop().node == 3);    // the ring is empty: the window moves to the heap's least
    q.push(3 * window + 0.5, 0); // same time as node 1, in the ring now: node order decides
    q.push(3 * window + 1.0, 4);
    CHECK(q.pop().node == 0);
    CHECK(q.pop().node == 1);
    q.push(3 * window + 0.75, 5); // a ring entry below one already in it
    CHECK(q.pop().node == 5);
    CHECK(q.pop().node == 4);
    CHECK(q.empty());
    // A far entry below the ring's least is popped first.
    q.clear();
    q.push(window - 1, 6);
    q.push(1.0, 7);
    CHECK(q.pop().node == 7);
    q.push(window + 5, 8); // past the window from 1 s: far
    q.push(window + 4, 9);
    q.push(window - 0.5, 10);
    CHECK(q.pop().node == 6);
    CHECK(q.pop().node == 10);
    CHECK(q.pop().node == 9);
    CHECK(q.pop().node == 8);
    CHECK(q.empty());
}
