#include "render/label_layout.hpp"

#include <catch2/catch_test_macros.hpp>

#include <random>

using namespace cordon;

TEST_CASE("Labels: the more important of two overlapping labels is kept, off-screen ones dropped") {
    std::vector<LabelCandidate> c = {
        {"road", 100, 100, 60, 16, 1, 0},
        {"金水区", 110, 104, 60, 20, 3, 1}, // overlaps the road name, more important
        {"far", 400, 300, 30, 16, 1, 2},    // free
        {"edge", 5, 300, 40, 16, 5, 3},     // half off the left edge
        {"", 600, 300, 40, 16, 5, 4},       // nothing to show
    };
    const std::vector<std::size_t> kept = placeLabels(c, 800, 600);
    CHECK(kept == std::vector<std::size_t>{1, 2});
    CHECK(placeLabels({}, 800, 600).empty());
    // Equal priorities: the first listed wins, every frame the same.
    c[0].priority = c[1].priority = 2;
    CHECK(placeLabels(c, 800, 600) == std::vector<std::size_t>{0, 2});
}

TEST_CASE("Labels: none partly under the side panel, left of where the map starts") {
    const std::vector<LabelCandidate> c = {
        {"under the panel", 200, 100, 60, 16, 5, 0},
        {"across its edge", 390, 200, 40, 16, 5, 1},
        {"on the map", 500, 300, 40, 16, 1, 2},
    };
    CHECK(placeLabels(c, 800, 600, 4, 384) == std::vector<std::size_t>{2});
    CHECK(placeLabels(c, 800, 600).size() == 3);
}

TEST_CASE("Labels: no two kept boxes overlap, margins included (fixed seed)") {
    std::mt19937 rng(20261123);
    std::uniform_real_distribution<float> x(0, 1920), y(0, 1080), w(20, 160);
    std::uniform_int_distribution<int> priority(0, 4);
    std::vector<LabelCandidate> c;
    for (int i = 0; i < 3000; ++i)
        c.push_back({"x", x(rng), y(rng), w(rng), 18, priority(rng), std::uint32_t(i)});
    const float margin = 3;
    const std::vector<std::size_t> kept = placeLabels(c, 1920, 1080, margin);
    REQUIRE(kept.size() > 50);
    for (std::size_t a = 0; a < kept.size(); ++a) {
        const LabelCandidate& p = c[kept[a]];
        CHECK((p.x - p.width / 2 >= 0 && p.x + p.width / 2 <= 1920));
        if (a > 0) CHECK(c[kept[a - 1]].priority >= p.priority); // most important first
        for (std::size_t b = a + 1; b < kept.size(); ++b) {
            const LabelCandidate& q = c[kept[b]];
            const bool apart = p.x + p.width / 2 + 2 * margin <= q.x - q.width / 2 ||
                               q.x + q.width / 2 + 2 * margin <= p.x - p.width / 2 ||
                               p.y + p.height / 2 + 2 * margin <= q.y - q.height / 2 ||
                               q.y + q.height / 2 + 2 * margin <= p.y - p.height / 2;
            REQUIRE(apart);
        }
    }
}
