#include "core/radix_queue.hpp"

#include <catch2/catch_test_macros.hpp>

#include <queue>
#include <random>
#include <tuple>
#include <utility>

using namespace cordon;

TEST_CASE("RadixQueue pops equal times in node order, zero first, and can be reused after clear") {
    RadixQueue q;
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

TEST_CASE("RadixQueue pops in the order of a comparison heap over a Dijkstra-like monotone run") {
    std::mt19937 rng(20261123);
    std::uniform_real_distribution<double> step(0.0, 120.0);
    std::uniform_int_distribution<std::uint32_t> node(0, 500); // many repeated nodes and ties
    using Item = std::pair<double, std::uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> reference;
    RadixQueue q;
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
        const RadixQueue::Entry got = q.pop();
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
