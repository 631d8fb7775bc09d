#pragma once
/// How each feed's features look: colours (RGBA, 0xAABBGGRR in memory order r,g,b,a), widths in
/// screen pixels and point sizes. One place, so the legend and the map always agree.

#include "core/feeds/feed.hpp"
#include "core/staffing/staffing.hpp"

#include <cstdint>
#include <string_view>

namespace cordon {

struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
};

/// Symbol outline: which kind of post or team a point is, readable without colour.
enum class SymbolShape : std::uint8_t { Circle, Square, Diamond, Triangle };
/// Symbol interior: solid, lower half, or hollow (a ring), so a status reads without colour too.
/// Ring is a band with nothing inside (the wall's pulse, drawn over what it marks).
enum class SymbolFill : std::uint8_t { Solid, Half, Hollow, Ring };

/// The per-instance symbol code the point shader reads: shape + 4 * fill.
inline float symbolCode(SymbolShape shape, SymbolFill fill) {
    return static_cast<float>(static_cast<int>(shape) + 4 * static_cast<int>(fill));
}

struct FeatureStyle {
    Rgba fill;   ///< polygon interior
    Rgba stroke; ///< polygon outline or line colour
    float strokeWidthPx = 1.0f;
    Rgba pointColour; ///< point symbol
    float pointSizePx = 8.0f;
    SymbolShape pointShape = SymbolShape::Circle;
};

/// How a staffing status is drawn (Okabe-Ito colours, safe for the common colour-blindnesses,
/// and a fill per status so it reads in greyscale too). Map and legend both use this.
struct StatusStyle {
    Rgba colour;
    SymbolFill fill = SymbolFill::Solid;
    float zoneOutlinePx = 2.0f; ///< outline width of a high-risk zone in this status
};
StatusStyle statusStyle(StaffingStatus status);

SymbolShape postShape(PostKind kind);
SymbolShape teamShape(TeamKind kind);

/// The map's look: the laptop's light map, or the wall's dark one, where areas and roads are quiet
/// context and only the problems (high-risk zones, posts short, zones lacking a task force) are
/// loud.
enum class MapTheme : std::uint8_t { Light, Wall };

/// Style for feature `index` of a feed.
FeatureStyle styleFor(const Feed& feed, std::size_t index, MapTheme theme = MapTheme::Light);
/// Teams on the wall's map: present, not a signal.
inline constexpr Rgba kWallTeamColour{64, 140, 124, 255};
/// The wall's marks for what needs attention (pulse rings, edge markers): alarm where nobody
/// holds a zone or post now, warning where help is only too far.
inline constexpr Rgba kWallAlarmColour{236, 48, 44, 255};
inline constexpr Rgba kWallWarnColour{230, 159, 0, 255};

/// A zone's colour by its risk (the wall: high red, medium orange, low yellow).
Rgba riskColour(Risk risk, MapTheme theme);
/// The ground the map is drawn on.
Rgba groundColour(MapTheme theme);

/// Streets below the main network (residential, service, paths, ...) that are open: drawn only
/// from `minorRoadsMinZoom` on, so the whole city stays readable and fast. Sealed streets always
/// show: they are what the map is about.
bool isMinorRoad(const RoadFields& road);
inline constexpr double kMinorRoadsMinZoom = 12.5;
/// The wall's street zoom: from here on (a problem's stop, not a district's) it shows every post
/// in its status and the minor streets; above it only the problems and the main roads, as quiet
/// context that a district stop does not fill with service roads and footpaths.
inline constexpr double kWallStreetZoom = 14;
/// The zoom minor streets are drawn from in `theme`.
inline constexpr double minorRoadsMinZoom(MapTheme theme) {
    return theme == MapTheme::Wall ? kWallStreetZoom : kMinorRoadsMinZoom;
}

/// Least zoom at which areas of a level are drawn: districts and sub-districts always,
/// communities and compounds once they are more than a few pixels across.
double areaMinZoom(AreaLevel level);

/// Least zoom at which a polygon's outline is drawn: once the polygon (`extentMetres` across, Web
/// Mercator) is `kOutlineMinPx` wide, in whole zoom steps; 0 for any size at the city's zooms.
/// Its fill always shows, so a small high-risk zone stays a red dot on the whole-city view, but
/// a city of compounds does not draw millions of outline segments no one can see.
double outlineMinZoom(double extentMetres);
inline constexpr double kOutlineMinPx = 4;

/// Stacking order of a feed on the map: lower draws first (areas under zones under roads).
int layerDrawOrder(FeedKind kind);

} // namespace cordon
