#pragma once
/// The command wall (大屏): a title banner (the command map's name, the district on tour, the clock
/// and the time of the data), a row of KPI tiles, the map in the middle, and side columns that name
/// what needs attention now (high-risk zones lacking a task force; posts short now, entry stations
/// first) with today's people short over 24 hours, and a ticker of feed changes and failures along
/// the bottom. Sized from the screen, so it reads across a command centre at 1080p, 4K and 32:9.

#include "ui/legend_panel.hpp"
#include "ui/strings.hpp"

#include <array>
#include <string>
#include <vector>

struct ImFont;

namespace cordon {

/// One line of a wall list: a name, where and why, and the figure that ranks it.
struct WallRow {
    std::string name;    ///< the zone's or post's name
    std::string detail;  ///< its district, and for a zone why it is listed
    std::string figure;  ///< "23 分钟", "缺 3 人"
    bool severe = false; ///< drawn in the alarm red (no task force at all, nobody on duty)
};

/// A side column's list; longer than its column, it pages itself (the page turns with `pageTick`).
struct WallList {
    std::string title;
    std::vector<WallRow> rows;
};

/// The wall's compact legend: the symbols as the map draws them (filled from the render styles).
struct WallLegend {
    std::array<LegendSymbol, 3> risks; ///< high, medium, low risk zones
    LegendSymbol postShort, postUnstaffed, team;
};

/// A listed post or zone beyond the map's frame (a far entry station): a mark at the frame's edge
/// pointing towards it.
struct WallEdgeMarker {
    float x = 0, y = 0;   ///< on the frame's edge, UI pixels
    float dx = 0, dy = 0; ///< unit direction towards the feature
    bool severe = false;
};

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
    /// During a tour stop, the city's figure of each tile, shown small beside the district's ("" off tour).
    std::array<std::string, 5> cityFigures;
    std::string title;               ///< "疫情防控指挥图"
    std::string clock;               ///< "HH:MM" now
    std::string dataAsOf;            ///< "HH:MM" of the oldest feed on screen, "-" before any
    std::string place;               ///< the district the tour shows, "" when none
    std::string lastChange;          ///< what the latest feed update changed, "" before any
    std::string feedAlert;           ///< feeds that are stale, "" when all are current
    std::string feedFailure;         ///< feeds whose latest update failed, with the reason (shown in red)
    std::vector<std::string> ticker; ///< recent feed changes, newest first ("14:05 高风险区 +2")
    WallList zones;                  ///< high-risk zones lacking a task force
    WallList posts;                  ///< posts short now
    std::string chartTitle;          ///< "今日缺员（人）"
    std::vector<float> shortBySlot;  ///< people short in each slot of the day, city or district
    int nowSlot = -1;                ///< marked on the chart
    int pageTick = 0;                ///< lists show page pageTick % pages
    WallLegend legend;
    std::vector<WallEdgeMarker> edgeMarkers;
    double metresPerPixel = 0; ///< on the ground per UI pixel at the map's centre (the scale bar); 0 hides it
};

/// Where the wall's parts go on a screen `width` x `height` (UI pixels): the map's free rectangle
/// is what the banner, tiles, columns and ticker leave.
struct WallLayout {
    float unit = 1;            ///< wallUnit of the screen
    float margin = 0, gap = 0; ///< around and between panels
    float bannerHeight = 0, tileHeight = 0, tickerHeight = 0;
    float columnWidth = 0;                                      ///< each side column
    float mapLeft = 0, mapTop = 0, mapRight = 0, mapBottom = 0; ///< insets of the map's free rectangle
};
WallLayout wallLayout(float width, float height);

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

/// What the wall showed: the page of each list and how many there are (for the page state).
struct WallShown {
    int zonePage = 0, zonePages = 1;
    int postPage = 0, postPages = 1;
    int rowsPerPage = 0;
};

WallShown drawWallPanel(const WallModel& model, const WallFaces& faces);

} // namespace cordon
