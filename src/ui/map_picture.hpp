#pragma once
/// The frame of a picture of the map (the PNG export, the briefing's print map): the title and the
/// time the map shows top left, a north arrow top right, the scale bar and data sources bottom
/// left, the legend bottom right. Drawn in the picture's own ImGui frame, never on screen.

#include "ui/legend_panel.hpp"
#include "ui/strings.hpp"

#include <string>

namespace cordon {

struct MapPictureModel {
    Lang lang = Lang::Zh;
    std::string title;
    std::string time;          ///< "地图时间 2026-12-07 01:00": the statuses' time, or when it was made
    std::string sources;       ///< the feeds the map is made from (and 演示数据（虚构） for the demo)
    double metresPerPixel = 0; ///< on the ground per UI pixel at the picture's centre
};

/// Draws the frame over the whole display; `legend` as the map shows it (drawn still).
void drawMapPicture(const MapPictureModel& model, LegendModel legend);

} // namespace cordon
