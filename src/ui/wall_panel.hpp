#pragma once
/// The big-screen (wall) view: a row of large KPI tiles across the top of the map, with the clock
/// and the time the data is from. Sized from the screen, so it reads across a command centre.

#include "ui/strings.hpp"

#include <array>
#include <string>

struct ImFont;

namespace cordon {

struct WallModel {
    Lang lang = Lang::Zh;
    int highRiskZones = -1;         ///< -1 where the data for a tile is not loaded
    int zonesWithoutTaskForce = -1; ///< figure ZonesOutOfReach
    int thresholdMinutes = 15;      ///< of that figure
    int postsShortNow = -1;
    double personHoursShort = -1;
    long long householdsAwaiting = -1;
    /// Per tile: "" when its figure is current, else when its data was last good (greyed, said).
    std::array<std::string, 5> asOf;
    std::string clock;       ///< "HH:MM" now
    std::string dataAsOf;    ///< "HH:MM" of the last feed change
    std::string place;       ///< the district the tour shows, "" when none
    std::string lastChange;  ///< what the latest feed update changed, "" before any
    std::string feedAlert;   ///< feeds that are stale, "" when all are current
    std::string feedFailure; ///< feeds whose latest update failed, with the reason (shown in red)
};

/// How much larger than the UI the wall's type is on a screen `displayHeight` logical pixels tall
/// (a 4K wall gets figures about 1/12 of its height).
float wallUnit(float displayHeight);
inline constexpr float kWallTextScale = 1.6f;   ///< labels, times of the UI type at wallUnit 1
inline constexpr float kWallFigureScale = 4.2f; ///< figures and the clock

/// Faces rasterised at the wall's sizes (see UiFont::setWallSizes); null ones fall back to the UI
/// face scaled up.
struct WallFaces {
    ImFont* text = nullptr;
    ImFont* figures = nullptr;
};

void drawWallPanel(const WallModel& model, const WallFaces& faces);

} // namespace cordon
