#pragma once
/// The map application: owns the loaded feeds, the camera, the renderer and the panels, and turns
/// SDL input into map navigation. Same code natively and in the browser.

#include "app/coverage_view.hpp"
#include "app/feed_loader.hpp"
#include "app/isochrone_view.hpp"
#include "app/options.hpp"
#include "app/staffing_view.hpp"
#include "app/wall_view.hpp"
#include "core/coverage/coverage.hpp"
#include "core/coverage/responsibility_areas.hpp"
#include "core/feeds/feed_set.hpp"
#include "core/map/feature_picker.hpp"
#include "core/map/feature_search.hpp"
#include "core/map/figures.hpp"
#include "core/map/situation.hpp"
#include "core/routing/isochrone.hpp"
#include "platform/memory.hpp"
#include "platform/window.hpp"
#include "render/camera.hpp"
#include "render/gl/map_renderer.hpp"
#include "render/map_labels.hpp"
#include "render/overlay_mesh.hpp"
#include "ui/coverage_panel.hpp"
#include "ui/details_panel.hpp"
#include "ui/feeds_panel.hpp"
#include "ui/gaps_panel.hpp"
#include "ui/kind_prompt.hpp"
#include "ui/legend_panel.hpp"
#include "ui/map_panel.hpp"
#include "ui/search_panel.hpp"
#include "ui/shortcuts.hpp"
#include "ui/snapshot_panel.hpp"
#include "ui/ui_font.hpp"
#include "ui/update_prompt.hpp"
#include "ui/wall_panel.hpp"

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

union SDL_Event;

namespace cordon {

class App {
  public:
    explicit App(AppOptions options);
    ~App();

    /// Opens the window, loads the embedded demo feeds; false (after showing the error) on failure.
    bool start();
    /// One frame: events, panels, drawing. False when the app should quit.
    bool frame();

  private:
    /// The single-file build of the app, next to the served page: the body of every snapshot.
    static constexpr const char* kSnapshotAppPage = "cordon-single.html";
    AppOptions m_options;
    Window m_window;
    Camera m_camera;
    MapRenderer m_renderer;
    /// The feeds and everything derived from them (graph, hierarchies, coverage, staffing, plan).
    Situation m_situation;
    UpdatePromptModel m_updatePrompt;
    UpdatePromptActions m_updateAnswer;
    KindPromptModel m_kindPrompt;
    KindPromptActions m_kindAnswer;
    ImportChoice m_importChoice;   ///< the boxes of the which-feed dialog as they stand
    std::string m_importChoiceFor; ///< the file they are for
    bool m_unloadDemo = false;     ///< asked for in the last frame
    Figures m_figures;             ///< computed once per drawn frame; every view reads these
    /// Per figure: "" when its inputs are current, else the time ("HH:MM", "-") of its last good data.
    std::array<std::string, kFigureCount> m_figureAsOf;
    MapPanelModel m_panel;
    bool m_imguiReady = false;
    bool m_dragging = false;
    std::map<long long, ScreenPoint> m_fingers;
    ScreenPoint m_pointer;
    bool m_pointerOnMap = false;
    int m_frameCount = 0;
    /// What the last drawn frame showed, and when: a frame is drawn only when something changed.
    struct DrawnView {
        MercatorPoint centre;
        double metresPerPixel = 0;
        int width = 0, height = 0;
        std::uint64_t atMs = 0;
    };
    DrawnView m_drawn;
    std::uint64_t m_drawUntilMs = 0;
    static constexpr std::uint64_t kDrawAfterInputMs = 500, kIdleRedrawMs = 1000;
    bool m_readySignalled = false;
    /// Milliseconds each step of the start took, until the ready signal: published in the page state
    /// (`startup`), where the frame benchmark reads where the first full frame's time went.
    struct StartupTimes {
        double atMs = 0; ///< the clock when the start began (on the web: since the page began loading)
        double windowMs = 0, fontMs = 0, readMs = 0, graphMs = 0, indexMs = 0, sceneMs = 0, coverageMs = 0,
               staffingMs = 0, framesMs = 0;
        double frameStartMs = 0; ///< the clock when the first frame began
    };
    StartupTimes m_startup;
    bool m_wasLoading = true;
    MemoryUse m_memory; ///< the heap's size and use as of the last time loading started or ended
    bool m_needsFit = true;
    std::string m_publishedState;

    FeedLoader m_loader;
    std::array<unsigned, kFeedKindCount> m_glyphVersions{}; ///< feed versions whose characters the font has
    MercatorPoint m_sceneOrigin;
    IsochroneView m_isochroneView;
    ScreenPoint m_pressAt;
    bool m_pressed = false;
    FeaturePicker m_picker;
    std::optional<PickedFeature> m_selected;
    std::string m_selectedId; ///< kept so a refreshed feed keeps the selection
    DetailsPanelModel m_details;

    CoverageView m_coverageView;

    StaffingView m_staffingView;
    FeedsModel m_feedsPanel;
    SnapshotPanelModel m_snapshotPanel;
    int m_snapshotsMade = 0;
    std::size_t m_snapshotBytes = 0;
    bool m_briefingShown = false; ///< the snapshot page's summary is up
    bool m_viewApplied = false, m_isoApplied = false;
    WallView m_wallView;
    bool m_exportView = false; ///< save the next drawn frame as a PNG
    std::vector<LabelAnchor> m_labelAnchors;
    SearchPanelModel m_search;
    std::optional<PickedFeature> m_hover; ///< under the pointer, shown as a tooltip
    ScreenPoint m_hoverAt{-1, -1};
    std::array<unsigned, kFeedKindCount> m_hoverVersions{};
    std::vector<SearchHit> m_searchHits;
    bool m_showLabels = true;
    int m_labelsPlaced = 0, m_labelDistricts = 0;
    int m_exports = 0;
    int m_dataAsOfMinute = -1;

    std::string m_fontBytes;
    std::unique_ptr<UiFont> m_font;

    void computeIsochrones();
    /// Remakes coverage if its inputs or threshold changed, and the coverage panel with it.
    void updateCoverage();
    /// Builds the hierarchies on for at most kHierarchySliceMs (in frames that draw nothing, after
    /// the first full frame).
    void advanceHierarchies();
    /// Uploads the overlay: task-force areas of responsibility (if shown) and the selection.
    void rebuildOverlay();
    /// Names on the map for the current zoom, placed without overlaps (`T` hides them).
    void drawLabels();
    /// The feature a click or hover at `at` (device pixels) means, among visible layers.
    std::optional<PickedFeature> pickAt(ScreenPoint at) const;
    /// Tooltip with the name of the feature under the pointer.
    void updateHover();
    /// Finds the features matching the search text (the hits stay for clicks and Enter).
    void runSearch();
    /// The laptop panels (map, details, coverage, gaps, legend) and what they ask for.
    void drawPanels();
    /// Starts an ImGui frame and lays out the labels and the panels (or the wall) in it.
    void buildUi();
    /// The wall's KPI tiles, feed refresh and district tour, once per frame.
    void updateWall();
    /// Minutes after local midnight now (`now=` overrides the clock).
    int nowMinuteOfDay() const;
    /// Reads the frame just drawn and offers it as a PNG download (natively: a file).
    void exportView(int width, int height);
    /// Offers the selected feature's whole layer as GeoJSON or CSV.
    void exportSelectedLayer(bool csv);
    void flyTo(FeedKind kind, std::uint32_t feature);
    /// Remakes the staffing model when posts, roster, teams, zones or areas changed, and the gaps
    /// panel with it.
    void updateStaffing();
    /// Posts short at the scrubbed time, for the gaps panel and the map.
    void updateScrub();
    void stepScrub(int slots);
    /// Suggests moves of surplus staff to the gaps (min-cost flow) and draws them as arrows.
    void makePlan();
    /// Adds the characters of the loaded feeds and problems to the UI font, rebuilding it if needed.
    void addGlyphs();
    /// Whether this frame must be drawn: input (and a moment after), a moved camera, loading,
    /// or a second since the last one. Otherwise the page keeps showing the last frame.
    bool needsDrawing(bool input);
    /// Draws the next frames for a moment (after input or new data).
    void redrawSoon();
    /// Rebuilds the font atlas and uploads it again (between frames).
    void rebuildFonts();
    /// Sets the wall faces' sizes for the screen and notes the wall's texts; true when the atlas
    /// must be rebuilt.
    bool noteWallType(int drawableHeight);
    void clickAt(ScreenPoint at);
    void select(std::optional<PickedFeature> picked);
    bool m_parseAnnounced = false;
    bool m_hadData = false;

    /// Feed ages, states and change history from the loader, for the panel, the wall and tests.
    void updateFeedStatus();
    /// A failed attempt in the user's language: the refusal's reason, else the load error.
    std::string failureText(const std::string& error, const std::optional<UpdateCheck>& refusal) const;
    /// The question about a version that would remove most of a feed, and its answer.
    void drawPendingUpdate();
    /// The question about a file whose feed cannot be told, and its answer.
    void drawUnknownFile();
    /// Applies or drops the waiting version as the user answered in the last frame.
    void answerPendingUpdate();
    /// Fills the KPI figures (the wall's tiles, the snapshot's summary) from the current data.
    void updateKpis();
    /// Offers the which-feed dialog's choices as a mapping file download.
    void saveMappingFile(const ImportChoice& choice);
    std::string m_lastMappingFile; ///< the last one offered (page state `feeds.mappingFile`)
    /// Asks for the single-file app page; the snapshot is built when it arrives.
    void requestSnapshot();
    /// Builds the briefing snapshot from the app page and the feeds on screen, and offers it.
    void finishSnapshot(const FetchedFile& appPage);
    /// The options that reopen the current view: language, time, camera, isochrones.
    std::string viewParams() const;
    /// Labels, KPI tiles and the top gaps for a snapshot page's printable summary.
    std::string briefingJson() const;
    void startLoading();
    void pumpLoading();
    void feedsChanged();
    void rebuildScene();
    void handleEvent(const SDL_Event& event);
    /// Carries out a shortcut (ui/shortcuts.hpp) pressed on the map.
    void runCommand(Command command);
    void zoomKeys(int direction);
    /// The page state (page_state.cpp): what the test hook, the frame benchmark and tests read.
    std::string stateJson() const;
    /// Parts of the page state.
    /// Sources, the change log, the waiting questions.
    void writeFeeds(JsonWriter& out) const;
    /// The file waiting for the user to say which feed it is (null when none).
    void writeUnknownFile(JsonWriter& out) const;
    /// Every shared figure by its key (core/map/figures.hpp), null where not known.
    void writeFigures(JsonWriter& out) const;
    void writeHover(JsonWriter& out) const;
    void writeStartup(JsonWriter& out) const;
    void writeScreenshot(const std::string& path, int width, int height) const;
};

} // namespace cordon
