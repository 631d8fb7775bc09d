#include "core/geo/orientation.hpp"
#include "core/geo/double_bits.hpp"

#include <array>
#include <cmath>
#include <cstdint>

namespace cordon {

namespace {

// ---- Stage 1: floating-point filter -------------------------------------------------------------
// det = (ax - cx)(by - cy) - (ay - cy)(bx - cx) evaluated in doubles has an absolute error below
// (3 + 16 eps) eps (|detLeft| + |detRight|), eps = 2^-53, as long as nothing overflows or
// underflows. 4 eps leaves a margin (also covers an fma contraction the compiler may make), and
// an absolute 2^-1070 covers the at most two subnormal roundings of the products (2^-1075 each).
// Overflow gives inf or NaN, which never passes the comparison and falls through.
constexpr double kFilterBound = 0x1p-51;
constexpr double kUnderflowSlack = 0x1p-1070;

// ---- Stage 2: error-free expansions -------------------------------------------------------------

/// a + b = s + e exactly (Knuth's two-sum; exact for all finite inputs unless s overflows, since
/// an addition that lands in the subnormal range is exact).
inline void twoSum(double a, double b, double& s, double& e) {
    s = a + b;
    const double bVirtual = s - a;
    const double aVirtual = s - bVirtual;
    e = (a - aVirtual) + (b - bVirtual);
}

/// a * b = p + e exactly, provided the exact error is representable (checked by the range rule).
inline void twoProduct(double a, double b, double& p, double& e) {
    p = a * b;
    e = std::fma(a, b, -p);
}

/// Adds b to the nonoverlapping expansion h[0..n) (increasing magnitude) in place, dropping zero
/// components; returns the new length. The result is again nonoverlapping and increasing, so its
/// sign is the sign of its last component.
int growExpansion(double* h, int n, double b) {
    double q = b;
    int out = 0;
    for (int i = 0; i < n; ++i) {
        double sum = 0, err = 0;
        twoSum(q, h[i], sum, err);
        q = sum;
        if (err != 0) h[out++] = err;
    }
    if (q != 0 || out == 0) h[out++] = q;
    return out;
}

int signOf(double v) {
    return (v > 0) - (v < 0);
}

// ---- Stage 3: fixed-width big integers ----------------------------------------------------------
// Every finite double is an integer multiple of 2^-1074 below 2^1024, so it is an integer N below
// 2^2098 in units of 2^-1074. Differences stay below 2^2099 and the determinant below 2^4199, so
// 132 limbs of 32 bits (4224 bits, two's complement) hold every intermediate value.
constexpr int kLimbs = 132;
using BigInt = std::array<std::uint32_t, kLimbs>;

void orShifted(BigInt& r, std::uint32_t word, unsigned bitPos) {
    const unsigned limb = bitPos / 32, bit = bitPos % 32;
    r[limb] |= word << bit;
    if (bit != 0) r[limb + 1] |= word >> (32 - bit);
}

void negate(BigInt& r) {
    std::uint64_t carry = 1;
    for (std::uint32_t& limb : r) {
        const std::uint64_t t = static_cast<std::uint64_t>(~limb) + carry;
        limb = static_cast<std::uint32_t>(t);
        carry = t >> 32;
    }
}

bool isNegative(const BigInt& r) {
    return (r[kLimbs - 1] >> 31) != 0;
}

/// The finite double v as an integer in units of 2^-1074.
BigInt fromDouble(double v) {
    BigInt r{};
    const std::uint64_t bits = bitsOf(v);
    const unsigned exponentField = static_cast<unsigned>((bits >> 52) & 0x7ff);
    std::uint64_t mantissa = bits & ((std::uint64_t{1} << 52) - 1);
    unsigned shift = 0; // v = mantissa * 2^(shift - 1074)
    if (exponentField != 0) {
        mantissa |= std::uint64_t{1} << 52;
        shift = exponentField - 1;
    }
    orShifted(r, static_cast<std::uint32_t>(mantissa), shift);
    orShifted(r, static_cast<std::uint32_t>(mantissa >> 32), shift + 32);
    if ((bits >> 63) != 0) negate(r);
    return r;
}

BigInt subtract(const BigInt& a, const BigInt& b) {
    BigInt r{};
    std::int64_t borrow = 0;
    for (int i = 0; i < kLimbs; ++i) {
        const std::int64_t t = static_cast<std::int64_t>(a[i]) - static_cast<std::int64_t>(b[i]) - borrow;
        r[i] = static_cast<std::uint32_t>(t);
        borrow = t < 0 ? 1 : 0;
    }
    return r;
}

int usedLimbs(const BigInt& r) {
    int n = kLimbs;
    while (n > 0 && r[n - 1] == 0)
        --n;
    return n;
}

/// Exact product of two values whose magnitudes are below 2^2111 (true for the differences).
BigInt multiply(BigInt a, BigInt b) {
    const bool negative = isNegative(a) != isNegative(b);
    if (isNegative(a)) negate(a);
    if (isNegative(b)) negate(b);
    const int na = usedLimbs(a), nb = usedLimbs(b);
    BigInt r{};
    for (int i = 0; i < na; ++i) {
        std::uint64_t carry = 0;
        for (int j = 0; j < nb && i + j < kLimbs; ++j) {
            const std::uint64_t t = static_cast<std::uint64_t>(a[i]) * b[j] + r[i + j] + carry;
            r[i + j] = static_cast<std::uint32_t>(t);
            carry = t >> 32;
        }
        if (i + nb < kLimbs) r[i + nb] = static_cast<std::uint32_t>(carry);
    }
    if (negative) negate(r);
    return r;
}

int signOf(const BigInt& r) {
    if (isNegative(r)) return -1;
    return usedLimbs(r) > 0 ? 1 : 0;
}

bool allFinite(double ax, double ay, double bx, double by, double cx, double cy) {
    return std::isfinite(ax) && std::isfinite(ay) && std::isfinite(bx) && std::isfinite(by) &&
           std::isfinite(cx) && std::isfinite(cy);
}

bool expansionSafe(double v) {
    const double m = std::fabs(v);
    return m == 0 || (m >= 0x1p-398 && m < 0x1p450);
}

} // namespace

namespace detail {

bool inExpansionRange(double ax, double ay, double bx, double by, double cx, double cy) {
    return expansionSafe(ax) && expansionSafe(ay) && expansionSafe(bx) && expansionSafe(by) &&
           expansionSafe(cx) && expansionSafe(cy);
}

// With every coordinate a multiple of 2^-450 below 2^450, every difference component is a multiple
// of 2^-450 below 2^451 and every product a multiple of 2^-900 below 2^902: two-product errors are
// representable (no underflow) and no sum overflows, so all 16 terms and their sum are exact.
int orient2dExpansion(double ax, double ay, double bx, double by, double cx, double cy) {
    double acx = 0, acxTail = 0, bcx = 0, bcxTail = 0, acy = 0, acyTail = 0, bcy = 0, bcyTail = 0;
    twoSum(ax, -cx, acx, acxTail);
    twoSum(bx, -cx, bcx, bcxTail);
    twoSum(ay, -cy, acy, acyTail);
    twoSum(by, -cy, bcy, bcyTail);
    const double left[2] = {acx, acxTail}, right[2] = {bcy, bcyTail};
    const double up[2] = {acy, acyTail}, across[2] = {bcx, bcxTail};
    std::array<double, 17> h{};
    int n = 0;
    for (double l : left)
        for (double r : right) {
            double p = 0, e = 0;
            twoProduct(l, r, p, e);
            n = growExpansion(h.data(), n, e);
            n = growExpansion(h.data(), n, p);
        }
    for (double u : up)
        for (double a : across) {
            double p = 0, e = 0;
            twoProduct(u, a, p, e);
            n = growExpansion(h.data(), n, -e);
            n = growExpansion(h.data(), n, -p);
        }
    return signOf(h[n - 1]);
}

int orient2dBigInt(double ax, double ay, double bx, double by, double cx, double cy) {
    if (!allFinite(ax, ay, bx, by, cx, cy)) return 0;
    const BigInt x = fromDouble(cx), y = fromDouble(cy);
    const BigInt acx = subtract(fromDouble(ax), x), bcx = subtract(fromDouble(bx), x);
    const BigInt acy = subtract(fromDouble(ay), y), bcy = subtract(fromDouble(by), y);
    return signOf(subtract(multiply(acx, bcy), multiply(acy, bcx)));
}

} // namespace detail

int orient2d(double ax, double ay, double bx, double by, double cx, double cy) {
    if (!allFinite(ax, ay, bx, by, cx, cy)) return 0;
    const double acx = ax - cx, bcx = bx - cx, acy = ay - cy, bcy = by - cy;
    const double detLeft = acx * bcy;
    const double detRight = acy * bcx;
    const double det = detLeft - detRight;
    const double bound = kFilterBound * (std::fabs(detLeft) + std::fabs(detRight)) + kUnderflowSlack;
    if (det > bound) return 1;
    if (-det > bound) return -1;
    if (detail::inExpansionRange(ax, ay, bx, by, cx, cy))
        return detail::orient2dExpansion(ax, ay, bx, by, cx, cy);
    return detail::orient2dBigInt(ax, ay, bx, by, cx, cy);
}

} // namespace cordon
