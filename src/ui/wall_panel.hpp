#pragma once
/// The big-screen (wall) view: a row of large KPI tiles across the top of the map, with the clock
/// and the time the data is from. Sized from the screen, so it reads across a command centre.

#include "ui/strings.hpp"

#include <string>

namespace cordon {

struct WallModel {
    Lang lang = Lang::Zh;
    int highRiskZones = -1; ///< -1 where the data for a tile is not loaded
    int zonesWithoutTaskForce = -1;
    int postsShortNow = -1;
    double personHoursShort = -1;
    long long householdsAwaiting = -1;
    std::string clock;      ///< "HH:MM" now
    std::string dataAsOf;   ///< "HH:MM" of the last feed change
    std::string place;      ///< the district the tour shows, "" when none
    std::string lastChange; ///< what the latest feed update changed, "" before any
    std::string feedAlert;  ///< feeds that are stale or failing, "" when all are current
};

void drawWallPanel(const WallModel& model);

} // namespace cordon
