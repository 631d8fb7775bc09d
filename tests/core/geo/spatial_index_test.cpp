#include "core/geo/spatial_index.hpp"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <utility>
#include <vector>

using namespace cordon;

namespace {

bool intersects(const MercatorBox& a, const MercatorBox& b) {
    return !(a.maxX < b.minX || b.maxX < a.minX || a.maxY < b.minY || b.maxY < a.minY);
}

bool usable(const MercatorBox& b) {
    return b.minX <= b.maxX && b.minY <= b.maxY;
}

std::vector<std::uint32_t> bruteQuery(const std::vector<MercatorBox>& boxes, const MercatorBox& q) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t i = 0; i < boxes.size(); ++i)
        if (usable(boxes[i]) && intersects(boxes[i], q)) out.push_back(i);
    return out;
}

/// Squared distance from p to the box: clamp p into the box and measure.
double boxDistanceSquared(const MercatorBox& b, MercatorPoint p) {
    const double dx = std::clamp(p.x, b.minX, b.maxX) - p.x;
    const double dy = std::clamp(p.y, b.minY, b.maxY) - p.y;
    return dx * dx + dy * dy;
}

std::vector<SpatialIndex::Neighbour> bruteNearest(const std::vector<MercatorBox>& boxes, MercatorPoint p,
                                                  std::size_t k, double maxDistance) {
    std::vector<std::pair<double, std::uint32_t>> all; // squared distance, item
    for (std::uint32_t i = 0; i < boxes.size(); ++i)
        if (usable(boxes[i]) && boxDistanceSquared(boxes[i], p) <= maxDistance * maxDistance)
            all.push_back({boxDistanceSquared(boxes[i], p), i});
    std::sort(all.begin(), all.end());
    std::vector<SpatialIndex::Neighbour> out;
    for (std::size_t i = 0; i < all.size() && i < k; ++i)
        out.push_back({all[i].second, std::sqrt(all[i].first)});
    return out;
}

std::vector<MercatorBox> randomBoxes(std::mt19937& rng, std::size_t n) {
    std::uniform_real_distribution<double> pos(-1000, 1000), size(0, 60);
    std::uniform_int_distribution<int> kind(0, 9);
    std::vector<MercatorBox> boxes;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = pos(rng), y = pos(rng);
        switch (kind(rng)) {
        case 0: // a point
            boxes.push_back({x, y, x, y});
            break;
        case 1: // snapped to a coarse grid, so ties and touching edges happen
            boxes.push_back({std::round(x / 100) * 100, std::round(y / 100) * 100,
                             std::round(x / 100) * 100 + 100, std::round(y / 100) * 100 + 50});
            break;
        default:
            boxes.push_back({x, y, x + size(rng), y + size(rng)});
        }
    }
    return boxes;
}

} // namespace

TEST_CASE("Spatial index: empty input finds nothing", "[spatial_index]") {
    const std::vector<MercatorBox> none;
    for (const SpatialIndex& index : {SpatialIndex(), SpatialIndex(none)}) {
        CHECK(index.size() == 0);
        CHECK(index.bounds().empty());
        CHECK(index.query(MercatorBox{-1e9, -1e9, 1e9, 1e9}).empty());
        CHECK(index.nearest({0, 0}, 10).empty());
        int calls = 0;
        index.query(MercatorBox{-1e9, -1e9, 1e9, 1e9}, [&](std::uint32_t) { ++calls; });
        index.nearest({0, 0}, [&](std::uint32_t, double) { ++calls; });
        CHECK(calls == 0);
    }
}

TEST_CASE("Spatial index: empty and NaN boxes are never reported", "[spatial_index]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<MercatorBox> boxes = {MercatorBox{}, {0, 0, 1, 1}, {nan, 0, 1, 1}, {5, 5, 6, 6}};
    const SpatialIndex index(boxes);
    CHECK(index.size() == 4);
    CHECK(index.query(MercatorBox{-10, -10, 10, 10}) == std::vector<std::uint32_t>{1, 3});
    const auto near = index.nearest({0.5, 0.5}, 10);
    REQUIRE(near.size() == 2);
    CHECK(near[0] == SpatialIndex::Neighbour{1, 0.0});
    CHECK(near[1].item == 3);
    CHECK(index.query(MercatorBox{}).empty()); // an empty query box
    const std::vector<MercatorBox> onlyBad = {MercatorBox{}, {nan, nan, nan, nan}};
    CHECK(SpatialIndex(onlyBad).query(MercatorBox{-1e300, -1e300, 1e300, 1e300}).empty());
}

TEST_CASE("Spatial index: touching boxes intersect; a single item works", "[spatial_index]") {
    const std::vector<MercatorBox> one = {{0, 0, 10, 10}};
    const SpatialIndex index(one);
    CHECK(index.query(MercatorBox{10, 10, 20, 20}) == std::vector<std::uint32_t>{0});
    CHECK(index.query(MercatorBox{-5, 3, 0, 4}) == std::vector<std::uint32_t>{0});
    CHECK(index.query(MercatorBox{10.5, 0, 20, 20}).empty());
    const auto near = index.nearest({13, 14}, 1);
    REQUIRE(near.size() == 1);
    CHECK(near[0].distance == 5.0);
    CHECK(index.nearest({13, 14}, 1, 4.9).empty());
    CHECK(index.nearest({13, 14}, 1, 5.0).size() == 1);
    CHECK(index.nearest({13, 14}, 0).empty());
    CHECK(index.bounds().maxX == 10);
}

TEST_CASE("Spatial index: nearest ties come out by item index", "[spatial_index]") {
    // 100 identical boxes and 100 boxes on a ring at the same distance: order must be by index.
    std::vector<MercatorBox> boxes(100, MercatorBox{1, 1, 2, 2});
    for (int i = 0; i < 100; ++i) {
        const double x = i % 2 == 0 ? 50.0 : -50.0;
        boxes.push_back({x, 0, x, 0});
    }
    const SpatialIndex index(boxes);
    const auto near = index.nearest({1.5, 1.5}, 1000);
    REQUIRE(near.size() == 200);
    for (std::uint32_t i = 0; i < 100; ++i)
        CHECK(near[i] == SpatialIndex::Neighbour{i, 0.0});
    const auto ring = index.nearest({0, 0}, 1000, 50.0); // the 100 boxes at sqrt(2), then the ring
    REQUIRE(ring.size() == 200);
    for (std::uint32_t i = 0; i < 100; ++i) {
        CHECK(ring[i] == SpatialIndex::Neighbour{i, std::sqrt(2.0)});
        CHECK(ring[100 + i] == SpatialIndex::Neighbour{100 + i, 50.0});
    }
}

TEST_CASE("Spatial index: visitors can stop early", "[spatial_index]") {
    std::mt19937 rng(5);
    const std::vector<MercatorBox> boxes = randomBoxes(rng, 500);
    const SpatialIndex index(boxes);
    int calls = 0;
    index.query(MercatorBox{-1e9, -1e9, 1e9, 1e9}, [&](std::uint32_t) { return ++calls < 3; });
    CHECK(calls == 3);
    std::vector<std::uint32_t> seen;
    index.nearest({0, 0}, [&](std::uint32_t item, double) {
        seen.push_back(item);
        return seen.size() < 7;
    });
    CHECK(seen.size() == 7);
    const auto first7 = index.nearest({0, 0}, 7);
    REQUIRE(first7.size() == 7);
    for (std::size_t i = 0; i < 7; ++i)
        CHECK(first7[i].item == seen[i]);
}

TEST_CASE("Spatial index: query and nearest match brute force on random boxes (fixed seed)",
          "[spatial_index]") {
    std::mt19937 rng(1234567);
    std::uniform_real_distribution<double> pos(-1100, 1100), size(0, 400);
    std::uniform_int_distribution<std::size_t> count(1, 40);
    std::size_t totalHits = 0, totalNear = 0;
    for (const std::size_t n : {1u, 2u, 15u, 16u, 17u, 255u, 256u, 257u, 4097u}) {
        INFO("n=" << n);
        const std::vector<MercatorBox> boxes = randomBoxes(rng, n);
        const SpatialIndex index(boxes);
        REQUIRE(index.size() == n);
        MercatorBox all;
        for (const MercatorBox& b : boxes)
            all.add(b);
        CHECK(index.bounds().minX == all.minX);
        CHECK(index.bounds().maxY == all.maxY);
        for (int q = 0; q < 200; ++q) {
            const double x = pos(rng), y = pos(rng);
            const MercatorBox query{x, y, x + size(rng), y + size(rng)};
            const auto expected = bruteQuery(boxes, query);
            REQUIRE(index.query(query) == expected);
            std::vector<std::uint32_t> visited;
            index.query(query, [&](std::uint32_t i) { visited.push_back(i); });
            std::sort(visited.begin(), visited.end());
            REQUIRE(visited == expected); // each once
            totalHits += expected.size();

            const MercatorPoint p{pos(rng), pos(rng)};
            const std::size_t k = count(rng);
            const double maxDistance = q % 3 == 0 ? size(rng) : std::numeric_limits<double>::infinity();
            const auto near = index.nearest(p, k, maxDistance);
            const auto brute = bruteNearest(boxes, p, k, maxDistance);
            REQUIRE(near.size() == brute.size());
            for (std::size_t i = 0; i < near.size(); ++i) {
                REQUIRE(near[i].item == brute[i].item);
                REQUIRE(std::abs(near[i].distance - brute[i].distance) <= 1e-9);
            }
            totalNear += near.size();
        }
    }
    CHECK(totalHits > 1000);
    CHECK(totalNear > 1000);
}
