#include "render/style.hpp"

#include "core/geo/mercator.hpp"

#include <algorithm>
#include <cmath>

namespace cordon {

namespace {

constexpr double kMaxOutlineZoom = 18; ///< the closest the camera goes
constexpr double kCityZoom = 9;        ///< a whole city region fits the screen from here on

// Colour-blind-safe hues (Okabe-Ito) for categories that must be told apart at a glance.
constexpr Rgba kVermillion{213, 94, 0, 255};
constexpr Rgba kOrange{230, 159, 0, 255};
constexpr Rgba kYellow{240, 228, 66, 255};
constexpr Rgba kBlue{0, 114, 178, 255};
constexpr Rgba kSkyBlue{86, 180, 233, 255};
constexpr Rgba kGreen{0, 158, 115, 255};
constexpr Rgba kPurple{204, 121, 167, 255};

Rgba withAlpha(Rgba c, std::uint8_t a) {
    return {c.r, c.g, c.b, a};
}

bool isMajorRoad(std::string_view hw) {
    return hw == "motorway" || hw == "trunk" || hw == "primary" || hw == "motorway_link" ||
           hw == "trunk_link";
}

} // namespace

StatusStyle statusStyle(StaffingStatus status) {
    switch (status) {
    case StaffingStatus::Staffed:
        return {kBlue, SymbolFill::Solid, 2.0f};
    case StaffingStatus::Short:
        return {kOrange, SymbolFill::Half, 4.0f};
    case StaffingStatus::Unstaffed:
        return {kVermillion, SymbolFill::Hollow, 6.0f};
    case StaffingStatus::NoDemand:
        break;
    }
    return {Rgba{150, 150, 150, 255}, SymbolFill::Solid, 1.0f};
}

SymbolShape postShape(PostKind kind) {
    switch (kind) {
    case PostKind::CompoundGate:
        return SymbolShape::Circle;
    case PostKind::CityEntry:
    case PostKind::HighwayExit:
        return SymbolShape::Square;
    case PostKind::ServiceStation:
    case PostKind::TestingSite:
        return SymbolShape::Diamond;
    }
    return SymbolShape::Circle;
}

SymbolShape teamShape(TeamKind) {
    return SymbolShape::Triangle;
}

double areaMinZoom(AreaLevel level) {
    switch (level) {
    case AreaLevel::District:
    case AreaLevel::Subdistrict:
        return 0;
    case AreaLevel::Community:
        return 12;
    case AreaLevel::Compound:
        return 13.5;
    }
    return 0;
}

double outlineMinZoom(double extentMetres) {
    if (!(extentMetres > 0)) return kMaxOutlineZoom;
    const double z = std::ceil(std::log2(kOutlineMinPx * 2 * mercator::kHalfWorld / (256.0 * extentMetres)));
    return z <= kCityZoom ? 0.0 : std::min(z, kMaxOutlineZoom);
}

bool isMinorRoad(const RoadFields& road) {
    if (road.closed) return false;
    const std::string_view hw = road.highway;
    return !(isMajorRoad(hw) || hw == "primary_link" || hw == "secondary" || hw == "secondary_link" ||
             hw == "tertiary");
}

int layerDrawOrder(FeedKind kind) {
    switch (kind) {
    case FeedKind::Areas:
        return 0;
    case FeedKind::Zones:
        return 1;
    case FeedKind::Roads:
        return 2;
    case FeedKind::Facilities:
        return 3;
    case FeedKind::Posts:
        return 4;
    case FeedKind::Teams:
        return 5;
    case FeedKind::Roster:
        return 6;
    }
    return 7;
}

/// The laptop's light map (defined last: the wall's starts from it).
static FeatureStyle lightStyle(const Feed& feed, std::size_t i);

Rgba riskColour(Risk risk, MapTheme theme) {
    if (theme == MapTheme::Light)
        return risk == Risk::High ? kVermillion : risk == Risk::Medium ? kOrange : kYellow;
    return risk == Risk::High     ? Rgba{236, 48, 44, 255}
           : risk == Risk::Medium ? Rgba{242, 140, 28, 255}
                                  : Rgba{226, 206, 56, 255};
}

Rgba groundColour(MapTheme theme) {
    return theme == MapTheme::Wall ? Rgba{10, 19, 36, 255} : Rgba{245, 247, 250, 255};
}

namespace {

/// The wall's dark map: navy areas, dim roads, zones in the risk colours officers use (high red,
/// medium orange, low yellow), sealed roads light.
FeatureStyle wallStyle(const Feed& feed, std::size_t i, FeatureStyle s) {
    switch (feed.kind) {
    case FeedKind::Areas: {
        const bool district = feed.areas[i].level == AreaLevel::District;
        // One opaque navy under the city: finer levels are their outlines only (a fill of the
        // same colour over it would be invisible, and each is another layer of pixels to fill).
        s.fill = district ? Rgba{24, 38, 63, 255} : Rgba{0, 0, 0, 0};
        s.stroke = district ? Rgba{104, 128, 168, 255} : Rgba{44, 61, 92, 255};
        s.strokeWidthPx = district ? 2.0f : 1.0f;
        break;
    }
    case FeedKind::Zones: {
        const Risk risk = feed.zones[i].risk;
        const Rgba c = riskColour(risk, MapTheme::Wall);
        // Only high risk is loud; medium and low are tinted ground with a thin edge.
        s.fill = withAlpha(c, risk == Risk::High ? 215 : risk == Risk::Medium ? 90 : 45);
        s.stroke = withAlpha(c, risk == Risk::High ? 255 : 150);
        s.strokeWidthPx = risk == Risk::High ? 2.5f : 1.0f;
        break;
    }
    case FeedKind::Roads: {
        const RoadFields& road = feed.roads[i];
        const bool major = isMajorRoad(road.highway);
        s.stroke = road.closed ? Rgba{205, 212, 224, 255}
                   : major     ? Rgba{58, 76, 106, 255}
                               : Rgba{38, 52, 76, 255};
        s.strokeWidthPx = road.closed ? 3.0f : major ? 2.5f : 1.5f;
        break;
    }
    case FeedKind::Teams:
        s.pointColour = kWallTeamColour;
        s.pointSizePx = 7.0f;
        break;
    case FeedKind::Facilities:
        s.pointColour = Rgba{120, 96, 140, 255};
        s.pointSizePx = 6.0f;
        break;
    case FeedKind::Posts:
        s.pointColour.a = 0; // the wall draws posts only with a problem, as status symbols
        break;
    default:
        break;
    }
    return s;
}

} // namespace

FeatureStyle styleFor(const Feed& feed, std::size_t i, MapTheme theme) {
    const FeatureStyle s = lightStyle(feed, i);
    return theme == MapTheme::Wall ? wallStyle(feed, i, s) : s;
}

static FeatureStyle lightStyle(const Feed& feed, std::size_t i) {
    FeatureStyle s;
    switch (feed.kind) {
    case FeedKind::Areas: {
        const bool district = feed.areas[i].level == AreaLevel::District;
        s.fill = district ? Rgba{226, 232, 240, 255} : Rgba{236, 240, 245, 255};
        s.stroke = Rgba{90, 105, 125, 255};
        s.strokeWidthPx = district ? 2.5f : 1.0f;
        break;
    }
    case FeedKind::Zones: {
        const Risk risk = feed.zones[i].risk;
        const Rgba c = riskColour(risk, MapTheme::Light);
        s.fill = withAlpha(c, 150);
        s.stroke = c;
        s.strokeWidthPx = 2.0f;
        break;
    }
    case FeedKind::Roads: {
        const RoadFields& road = feed.roads[i];
        const bool major = isMajorRoad(road.highway);
        s.stroke = road.closed ? Rgba{60, 60, 60, 255}
                   : major     ? Rgba{245, 170, 60, 255}
                               : Rgba{176, 184, 196, 255};
        s.strokeWidthPx = major ? 5.0f : 3.0f;
        break;
    }
    case FeedKind::Posts: {
        const PostKind kind = feed.posts[i].kind;
        const bool entry = kind == PostKind::CityEntry || kind == PostKind::HighwayExit;
        s.pointColour = entry ? kBlue : kSkyBlue;
        s.pointSizePx = entry ? 14.0f : 10.0f;
        s.pointShape = postShape(kind);
        break;
    }
    case FeedKind::Teams:
        s.pointColour = kGreen;
        s.pointSizePx = 12.0f;
        s.pointShape = teamShape(feed.teams[i].kind);
        break;
    case FeedKind::Facilities:
    case FeedKind::Roster:
        s.fill = Rgba{200, 200, 200, 120};
        s.stroke = Rgba{80, 80, 80, 255};
        s.pointColour = kPurple;
        break;
    }
    return s;
}

} // namespace cordon
