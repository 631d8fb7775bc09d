#pragma once
/// The 图层 tab of the workspace: layers with counts, toggles and opacity, fit, exports, isochrones, view
/// info, data problems, help.

#include "core/feeds/travel_mode.hpp"
#include "core/formats/diagnostic.hpp"
#include "core/geo/geo.hpp"
#include "ui/strings.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cordon {

struct LayerRow {
    FeedKind kind = FeedKind::Areas;
    std::size_t featureCount = 0;
    bool visible = true;
    float opacity = 1.0f; ///< 0..1, applied to the layer's fills, lines and symbols
};

/// How large a saved picture of the map is: the map as on screen, or an A4 landscape page.
enum class PictureSize : std::uint8_t { Screen, A4At150, A4At300 };

struct MapPanelModel {
    Lang lang = Lang::Zh;
    std::vector<LayerRow> layers;
    double zoom = 0.0;
    std::optional<LonLat> cursor;
    std::vector<Diagnostic> problems;
    bool demoData = true;
    std::string status; ///< what is loading or parsing now, empty when idle
    bool hasRoads = false;
    TravelMode isochroneMode = TravelMode::Walk;
    std::string isochroneMinutes = "5,10,15";
    std::string isochroneInfo;            ///< result of the last computation
    std::optional<FeedKind> selectedFeed; ///< feed of the selected feature: its layer can be exported
    bool canImport = false;               ///< the page has a file picker (not natively, not in a snapshot)
    PictureSize pictureSize = PictureSize::Screen;
};

/// What the user asked for this frame.
struct MapPanelActions {
    bool fitToData = false;
    bool layersChanged = false;
    bool isochroneSettingsChanged = false;
    bool clearIsochrones = false;
    bool exportView = false;         ///< save the map as a PNG
    bool exportLayerGeoJson = false; ///< save the selected feature's layer
    bool exportLayerCsv = false;
    bool importFiles = false; ///< open the page's file picker
    bool unloadDemo = false;  ///< take the demo city off the map
};

MapPanelActions drawLayersTab(MapPanelModel& model);

} // namespace cordon
