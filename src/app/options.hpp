#pragma once
/// Start-up options of the app, from the page URL (`?lang=en`) or, natively, the command line
/// (`--lang=en`). Unknown keys are ignored so old links keep working.

#include "core/feeds/manifest.hpp"
#include "core/feeds/travel_mode.hpp"
#include "core/geo/geo.hpp"
#include "ui/strings.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cordon {

/// What the wall's tour visits.
enum class WallTour : std::uint8_t { Off, Districts, Problems };

struct AppOptions {
    Lang lang = Lang::Zh;
    int exitAfterFrames = 0;    ///< native smoke tests: quit after this many frames (0 = never)
    std::string screenshotPath; ///< native: write the last frame as PPM here before quitting
    /// `feeds=a.geojson,b.geojson` (kind told by each file) and `zones=url`, `roads=url`, ...
    /// (kind by name): load these instead of the demo.
    std::vector<ManifestEntry> feeds;
    std::string manifest;   ///< `manifest=feeds.json`: a list of feed URLs
    int windowWidth = 1280; ///< native window size in screen pixels
    int windowHeight = 800;
    /// `mode=wall`: the command-centre big screen: no panels, large KPI tiles, clock.
    bool wall = false;
    /// `refresh=N`: fetch the feeds again every N seconds (0 = never; the embedded demo never).
    double refreshSeconds = 0;
    /// `stale=N`: a fetched feed whose data is older than N seconds is marked stale (0 = three
    /// refresh intervals).
    int staleSeconds = 0;
    double fetchTimeoutSeconds = 0; ///< 0: the platform's default (`timeout=`)
    /// `tour=districts`: fly from district to district every `tourSeconds`; `tour=problems`: to each
    /// zone and post the wall lists, in turn.
    WallTour tour = WallTour::Off;
    int tourSeconds = 20;
    /// `tab=layers|coverage|gaps|details|feeds`: the side panel's tab to open with; `panel=0`
    /// opens with the side panel collapsed (the map fills the window).
    std::string tab;
    bool panel = true;
    /// `district=<area id>` and `time=night|slot|day`: the filter the tables and plan open with.
    std::string district;
    std::string time;
    /// `slot=HH:MM`: the staffing strip scrubbed to the slot of this time (-1 for none).
    int scrubMinute = -1;
    /// `select=posts:P-0012`: the feature selected (details shown) once its feed is loaded.
    std::string select;
    /// `plan=1`: the reassignment plan made once roads and staffing are in.
    bool plan = false;
    /// `picturesize=screen|a4-150|a4-300`: the size saved pictures of the map start with.
    std::string pictureSize;
    /// `pulse=0`: the wall's zones lacking a task force keep still (no frames drawn for the pulse).
    bool pulse = true;
    /// `now=HH:MM`: the time of day the map treats as now (briefings, tests); -1 = the clock.
    int nowMinuteOfDay = -1;
    /// `snapshot=1`: a briefing snapshot (set by its page): read-only, feeds embedded, no refresh.
    bool snapshot = false;
    /// `iso=lon,lat`: isochrones from this point once the roads are loaded, with `isomode=walk|drive`
    /// and `isominutes=5,10,15`.
    std::optional<LonLat> isoFrom;
    std::optional<TravelMode> isoMode; ///< nullopt: the panel's default
    std::string isoMinutes;
    /// `view=lon,lat,zoom`: the view to open at instead of fitting the data.
    struct View {
        LonLat centre;
        double zoom = 0;
    };
    std::optional<View> view;
    /// `opacity=areas:40,zones:70`: per-layer opacity in percent (feeds not named stay at 100).
    std::vector<std::pair<FeedKind, float>> opacity;
    /// `hide=roads,areas`: layers that start switched off.
    std::vector<FeedKind> hidden;
};

using Params = std::vector<std::pair<std::string, std::string>>;

/// Splits `a=1&b=%E4%B8%AD` into decoded key/value pairs ('+' is a space).
Params parseQueryString(std::string_view query);
/// Turns `--key=value` / `--flag` arguments into key/value pairs.
Params parseCommandLine(int argc, const char* const* argv);
AppOptions optionsFromParams(const Params& params);

} // namespace cordon
