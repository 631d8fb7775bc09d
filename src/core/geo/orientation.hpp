#pragma once
/// Exact 2D orientation predicate: on which side of the line a -> b the point c lies.
/// Point-in-polygon and every other geometric decision builds on it, so it must never give a wrong
/// sign: a naive double cross product does for nearly collinear points, which puts a point on
/// the wrong side of a zone border.

#include "core/geo/geo.hpp"

namespace cordon {

/// Sign of the cross product (b - a) x (c - a), computed exactly for every finite double input:
/// +1 when a, b, c turn counter-clockwise (c left of a -> b, with x right and y up), -1 when
/// clockwise, 0 when exactly collinear (including repeated points). Returns 0 when any input is
/// NaN or infinite (no defined answer; never throws).
/// Adaptive: a floating-point filter with a proven error bound answers almost every call; only
/// nearly collinear inputs fall through to exact expansion arithmetic (or, for inputs beyond
/// about 1e-120..1e135 in magnitude, exact big-integer arithmetic).
int orient2d(double ax, double ay, double bx, double by, double cx, double cy);

/// orient2d on lon/lat degrees (lon as x, lat as y).
inline int orient2d(LonLat a, LonLat b, LonLat c) {
    return orient2d(a.lon, a.lat, b.lon, b.lat, c.lon, c.lat);
}

/// orient2d on Web Mercator metres.
inline int orient2d(MercatorPoint a, MercatorPoint b, MercatorPoint c) {
    return orient2d(a.x, a.y, b.x, b.y, c.x, c.y);
}

namespace detail {

/// The exact stages on their own, exposed so tests can check them against each other.
/// True when every coordinate is 0 or within [2^-398, 2^450) in magnitude: then the expansion
/// stage cannot overflow or underflow and is exact.
bool inExpansionRange(double ax, double ay, double bx, double by, double cx, double cy);
/// Exact sign by error-free expansions (two-sum, two-product via fma). Requires inExpansionRange.
int orient2dExpansion(double ax, double ay, double bx, double by, double cx, double cy);
/// Exact sign by fixed-width big-integer arithmetic on the doubles' integer multiples of 2^-1074;
/// valid for every finite input, slow (only for the rare out-of-range near-degenerate case).
int orient2dBigInt(double ax, double ay, double bx, double by, double cx, double cy);

} // namespace detail

} // namespace cordon
