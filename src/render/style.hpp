#pragma once
/// How each feed's features look: colours (RGBA, 0xAABBGGRR in memory order r,g,b,a), widths in
/// screen pixels and point sizes. One place, so the legend and the map always agree.

#include "core/feed.hpp"

#include <cstdint>
#include <string_view>

namespace cordon {

struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
};

struct FeatureStyle {
    Rgba fill;   ///< polygon interior
    Rgba stroke; ///< polygon outline or line colour
    float strokeWidthPx = 1.0f;
    Rgba pointColour; ///< point symbol
    float pointSizePx = 8.0f;
};

/// Style for feature `index` of a feed.
FeatureStyle styleFor(const Feed& feed, std::size_t index);

/// Stacking order of a feed on the map: lower draws first (areas under zones under roads).
int layerDrawOrder(FeedKind kind);

} // namespace cordon
