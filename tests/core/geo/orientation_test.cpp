#include "core/geo/orientation.hpp"

#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

using namespace cordon;

namespace {

int naiveOrient(double ax, double ay, double bx, double by, double cx, double cy) {
    const double det = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    return (det > 0) - (det < 0);
}

int sign(std::int64_t v) {
    return (v > 0) - (v < 0);
}

/// Every way of asking about the same triangle must agree: cyclic rotations keep the sign,
/// swapping two points flips it.
void checkPermutations(double ax, double ay, double bx, double by, double cx, double cy, int expected) {
    CHECK(orient2d(ax, ay, bx, by, cx, cy) == expected);
    CHECK(orient2d(bx, by, cx, cy, ax, ay) == expected);
    CHECK(orient2d(cx, cy, ax, ay, bx, by) == expected);
    CHECK(orient2d(bx, by, ax, ay, cx, cy) == -expected);
    CHECK(orient2d(ax, ay, cx, cy, bx, by) == -expected);
    CHECK(orient2d(cx, cy, bx, by, ax, ay) == -expected);
}

} // namespace

TEST_CASE("orient2d gives the turn direction of plain triangles", "[orientation]") {
    checkPermutations(0, 0, 1, 0, 0, 1, 1);   // counter-clockwise
    checkPermutations(0, 0, 0, 1, 1, 0, -1);  // clockwise
    checkPermutations(0, 0, 1, 1, 2, 2, 0);   // collinear
    checkPermutations(0, 0, 1, 1, -3, -3, 0); // collinear, c behind a
    checkPermutations(5, 5, 5, 5, 7, -2, 0);  // repeated point
    CHECK(orient2d(LonLat{113.6, 34.7}, LonLat{113.7, 34.7}, LonLat{113.65, 34.8}) == 1);
    CHECK(orient2d(MercatorPoint{0, 0}, MercatorPoint{0, 10}, MercatorPoint{1, 5}) == -1);
}

TEST_CASE("orient2d is exact where the naive cross product gets the sign wrong", "[orientation]") {
    // Shewchuk's example: b and c on the line y = x, a within a few ulps of it. The exact sign of
    // orient(a, b, c) is the side of the line a lies on: sign(ay - ax).
    const double u = std::ldexp(1.0, -53); // ulp of 0.5
    int naiveWrong = 0;
    for (int i = 0; i < 128; ++i)
        for (int j = 0; j < 128; ++j) {
            const double ax = 0.5 + i * u, ay = 0.5 + j * u;
            const int expected = (j > i) - (j < i);
            checkPermutations(ax, ay, 12, 12, 24, 24, expected);
            if (naiveOrient(ax, ay, 12, 12, 24, 24) != expected) ++naiveWrong;
        }
    CHECK(naiveWrong > 1000); // the inputs really are hard: doubles alone fail often
}

TEST_CASE("orient2d matches integer arithmetic at every scale (fixed seed)", "[orientation]") {
    // Points with integer coordinates times 2^kx (x) and 2^ky (y) are exact doubles, and the
    // determinant is the integer one times 2^(kx + ky): its sign is known from int64 arithmetic.
    // The scales run from the subnormal range to near overflow, where differences and products
    // overflow or underflow in doubles; the points are nearly collinear so the filter rarely
    // decides.
    std::mt19937 rng(20240601);
    std::uniform_int_distribution<std::int64_t> base(-(std::int64_t{1} << 28), std::int64_t{1} << 28);
    std::uniform_int_distribution<std::int64_t> step(-(std::int64_t{1} << 28), std::int64_t{1} << 28);
    std::uniform_int_distribution<int> factor(-4, 4), nudge(-1, 1);
    const std::vector<int> scales = {-1074, -1060, -1000, -700, -460, -450, -420, -400, -398, -100,
                                     -30,   0,     30,    100,  400,  420,  449,  450,  700,  990};
    std::uniform_int_distribution<std::size_t> pick(0, scales.size() - 1);
    int naiveWrong = 0, zeros = 0, expansionChecked = 0;
    for (int n = 0; n < 20000; ++n) {
        const std::int64_t ax = base(rng), ay = base(rng);
        const std::int64_t ux = step(rng), uy = step(rng);
        const std::int64_t bx = ax + ux, by = ay + uy;
        const int m = factor(rng);
        const std::int64_t cx = ax + m * ux + nudge(rng), cy = ay + m * uy + nudge(rng);
        const int expected = sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
        const int kx = scales[pick(rng)], ky = n % 4 == 0 ? kx : scales[pick(rng)];
        const auto X = [&](std::int64_t v) { return std::ldexp(static_cast<double>(v), kx); };
        const auto Y = [&](std::int64_t v) { return std::ldexp(static_cast<double>(v), ky); };
        const double d[6] = {X(ax), Y(ay), X(bx), Y(by), X(cx), Y(cy)};
        INFO("n=" << n << " kx=" << kx << " ky=" << ky);
        REQUIRE(orient2d(d[0], d[1], d[2], d[3], d[4], d[5]) == expected);
        REQUIRE(detail::orient2dBigInt(d[0], d[1], d[2], d[3], d[4], d[5]) == expected);
        if (detail::inExpansionRange(d[0], d[1], d[2], d[3], d[4], d[5])) {
            REQUIRE(detail::orient2dExpansion(d[0], d[1], d[2], d[3], d[4], d[5]) == expected);
            ++expansionChecked;
        }
        if (naiveOrient(d[0], d[1], d[2], d[3], d[4], d[5]) != expected) ++naiveWrong;
        if (expected == 0) ++zeros;
    }
    CHECK(naiveWrong > 1000);
    CHECK(zeros > 1000);
    CHECK(expansionChecked > 1000);
}

TEST_CASE("orient2d's exact stages agree on nearly collinear full-precision inputs (fixed seed)",
          "[orientation]") {
    // Lon/lat-like points on a line, then moved by up to two ulps. Odd rounds build the line from
    // steps of 2^-20 degrees, so the sums are exact and unmoved points exactly collinear; even
    // rounds interpolate at a random parameter, which rounds off the line by a fraction of an ulp.
    // Two independent exact methods must agree.
    std::mt19937 rng(99);
    std::uniform_real_distribution<double> lon(113.0, 114.5), lat(34.0, 35.0), t(-0.5, 1.5);
    std::uniform_int_distribution<int> ulps(-2, 2), multiple(-3, 3);
    std::uniform_int_distribution<int> stepUnits(-(1 << 20), 1 << 20);
    int nonZero = 0, zero = 0;
    for (int n = 0; n < 20000; ++n) {
        const double ax = lon(rng), ay = lat(rng);
        double bx = 0, by = 0, cx = 0, cy = 0;
        if (n % 2 == 1) {
            const double dx = std::ldexp(stepUnits(rng), -20), dy = std::ldexp(stepUnits(rng), -20);
            const int k = multiple(rng);
            bx = ax + dx;
            by = ay + dy;
            cx = ax + k * dx;
            cy = ay + k * dy;
        } else {
            bx = lon(rng);
            by = lat(rng);
            const double s = t(rng);
            cx = ax + s * (bx - ax);
            cy = ay + s * (by - ay);
        }
        for (int k = ulps(rng); k != 0; k += k > 0 ? -1 : 1)
            cy = std::nextafter(cy, k > 0 ? 90.0 : -90.0);
        const int exact = detail::orient2dBigInt(ax, ay, bx, by, cx, cy);
        REQUIRE(detail::orient2dExpansion(ax, ay, bx, by, cx, cy) == exact);
        REQUIRE(orient2d(ax, ay, bx, by, cx, cy) == exact);
        (exact == 0 ? zero : nonZero)++;
    }
    CHECK(nonZero > 1000);
    CHECK(zero > 100);
}

TEST_CASE("orient2d is exact at the ends of the double range", "[orientation]") {
    const double big = std::numeric_limits<double>::max();
    const double tiny = std::numeric_limits<double>::denorm_min();
    // b -> c runs along y = x across the whole range; differences and products overflow.
    checkPermutations(-big, -big, big, big, 0, tiny, 1);
    checkPermutations(-big, -big, big, big, tiny, 0, -1);
    checkPermutations(-big, -big, big, big, 0, 0, 0);
    checkPermutations(-big, -big, big, big, big, std::nextafter(big, 0.0), -1);
    checkPermutations(-big, -big, big, big, -tiny, -tiny, 0);
    // Everything subnormal: the line x + y = tiny through (tiny, 0) and (0, tiny).
    checkPermutations(tiny, 0, 0, tiny, -tiny, 2 * tiny, 0);
    checkPermutations(tiny, 0, 0, tiny, -tiny, 3 * tiny, -1); // beyond the line: right of a -> b
    checkPermutations(tiny, 0, 0, tiny, -tiny, tiny, 1);
    // Huge x with subnormal y: the sign comes from the y offsets alone.
    checkPermutations(-big, 0, big, 0, 1, tiny, 1);
    checkPermutations(-big, 0, big, 0, 1, -tiny, -1);
    checkPermutations(-big, tiny, big, tiny, 0.5, tiny, 0);
}

TEST_CASE("orient2d returns 0 for NaN or infinite input", "[orientation]") {
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK(orient2d(0, 0, 1, 0, 0, inf) == 0);
    CHECK(orient2d(nan, 0, 1, 0, 0, 1) == 0);
    CHECK(orient2d(0, 0, -inf, 0, 0, 1) == 0);
}
