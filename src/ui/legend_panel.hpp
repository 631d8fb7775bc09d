#pragma once
/// The map legend: what each symbol shape, colour and fill means, with counts per staffing
/// status at the time the map shows. The app fills it from the render styles, so legend and map
/// cannot disagree.

#include "ui/strings.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace cordon {

/// A symbol as the map draws it: shape 0 circle, 1 square, 2 diamond, 3 triangle; fill 0 solid,
/// 1 lower half, 2 hollow.
struct LegendSymbol {
    int shape = 0;
    int fill = 0;
    std::uint8_t r = 0, g = 0, b = 0;
};

struct LegendModel {
    Lang lang = Lang::Zh;
    bool visible = true;
    bool hasStaffing = false;
    bool colourByStaffing = true;
    int minuteOfDay = -1;                 ///< the time the colours are for; -1 for the whole day
    std::array<LegendSymbol, 4> kinds;    ///< compound gate, entry station, service site, team
    std::array<LegendSymbol, 4> statuses; ///< staffed, short, unstaffed, no demand
    std::array<float, 4> zoneOutlinePx{}; ///< per status, as statuses
    std::array<int, 4> postCounts{};      ///< posts per status
    std::array<int, 4> zoneCounts{};      ///< high-risk zones per status
    std::string asOf; ///< "" when the counts are current, else when their data was last good
    /// Isochrone bands on the map, shortest first: minutes and the colour seen inside the band.
    struct Band {
        double minutes = 0;
        LegendSymbol swatch;
    };
    std::vector<Band> isochrones;
    std::string isochroneMode; ///< "步行", "驾车"
    bool still = false;        ///< in a picture: no close button and no switch
};

struct LegendActions {
    bool colourToggled = false;
};

LegendActions drawLegendPanel(LegendModel& model);

/// Draws `symbol` `size` pixels across at the cursor and moves past it (the wall's legend too).
void drawLegendSymbol(const LegendSymbol& symbol, float size);

} // namespace cordon
