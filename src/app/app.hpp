#pragma once
/// The map application: owns the loaded feeds, the camera, the renderer and the panels, and turns
/// SDL input into map navigation. Same code natively and in the browser.

#include "app/coverage_view.hpp"
#include "app/feed_loader.hpp"
#include "app/feed_status_view.hpp"
#include "app/isochrone_view.hpp"
#include "app/label_view.hpp"
#include "app/map_input.hpp"
#include "app/options.hpp"
#include "app/selection_view.hpp"
#include "app/staffing_view.hpp"
#include "app/wall_view.hpp"
#include "core/feeds/feed_set.hpp"
#include "core/map/figures.hpp"
#include "core/map/situation.hpp"
#include "platform/memory.hpp"
#include "platform/window.hpp"
#include "render/camera.hpp"
#include "render/gl/map_renderer.hpp"
#include "ui/map_panel.hpp"
#include "ui/shortcuts.hpp"
#include "ui/snapshot_panel.hpp"
#include "ui/ui_font.hpp"
#include "ui/workspace.hpp"

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

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
    FeedStatusView m_feedStatus;
    bool m_unloadDemo = false; ///< asked for in the last frame
    Figures m_figures;         ///< computed once per drawn frame; every view reads these
    /// Per figure: "" when its inputs are current, else the time ("HH:MM", "-") of its last good data.
    std::array<std::string, kFigureCount> m_figureAsOf;
    MapPanelModel m_panel;
    WorkspaceModel m_workspace; ///< the laptop's docked side panel and its open tab
    bool m_imguiReady = false;
    MapInput m_input;
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
    bool m_editingText = false;                         ///< a text field had the keyboard in the last frame
    std::uint64_t m_wallTextsNoted = ~std::uint64_t(0); ///< the wall lists' texts the font has
    /// The least time between two frames drawn only for the wall's pulse: three times the last
    /// drawn frame's, so that a slow screen is never kept busy by it.
    double m_pulseFrameMs = kPulseMinFrameMs;
    static constexpr double kPulseMinFrameMs = 50, kPulseMaxFrameMs = 500;
    /// The briefing's print map: the width of an A4 landscape page inside 10 mm margins (277 mm)
    /// by 125 mm, at 150 dpi.
    static constexpr int kPrintMapWidth = 1636, kPrintMapHeight = 738;
    static constexpr std::uint64_t kPulsePeriodMs = 1600;
    static constexpr std::uint64_t kDrawAfterInputMs = 500, kIdleRedrawMs = 1000;
    static constexpr float kUiFontSize = 16.0f; ///< CSS pixels
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
    SelectionView m_selection;
    LabelView m_labels;

    CoverageView m_coverageView;

    StaffingView m_staffingView;
    SnapshotPanelModel m_snapshotPanel;
    int m_snapshotsMade = 0;
    std::size_t m_snapshotBytes = 0;
    bool m_briefingShown = false; ///< the snapshot page's summary is up
    bool m_viewApplied = false, m_isoApplied = false;
    WallView m_wallView;
    /// What a picture of the map is for: a PNG download, or the briefing page's print map.
    enum class PictureUse : std::uint8_t { Png, Print };
    struct PictureRequest {
        PictureUse use = PictureUse::Png;
        int width = 0, height = 0; ///< device pixels; 0 for the map's part of the window
    };
    std::optional<PictureRequest> m_pictureRequest; ///< made at the start of the next drawn frame
    struct PictureMade {
        int width = 0, height = 0;
        std::string title;
        float typeDensity = 1; ///< device pixels per UI pixel its type was rasterised at
    } m_lastPicture;           ///< for the page state
    int m_exports = 0;
    MapTheme m_theme = MapTheme::Light; ///< the wall's is dark

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
    /// The feature a click or hover at `at` (device pixels) means, among visible layers.
    std::optional<PickedFeature> pickAt(ScreenPoint at) const;
    /// The laptop panels (map, details, coverage, gaps, legend) and what they ask for.
    void drawPanels();
    /// Starts an ImGui frame and lays out the labels and the panels (or the wall) in it.
    void buildUi();
    /// The wall's KPI tiles, feed refresh and district tour, once per frame.
    void updateWall();
    /// The wall's pulse outlines again (lists remade, or a new scene origin).
    void uploadPulse();
    /// Minutes after local midnight now (`now=` overrides the clock).
    int nowMinuteOfDay() const;
    /// Offers the selected feature's whole layer as GeoJSON or CSV.
    void exportSelectedLayer(bool csv);
    /// The districts the filter offers, from the areas feed (and the URL's district once loaded).
    void updateFilterChoices();
    /// Narrows the tables, the plan and the map's highlight (the workspace's filter row).
    void setFilter(const ViewFilter& filter);
    /// The filtered district's outline into the map overlay.
    void addFilterOutline(SceneMesh& overlay) const;
    /// A table as a CSV download named `what`-HHMM.csv.
    void exportTable(std::string_view what, const std::string& csv);
    void flyTo(FeedKind kind, std::uint32_t feature);
    /// Fits the camera to `box`: with a margin on the laptop, inside the wall's panels on the wall.
    void fitCamera(const MercatorBox& box);
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
    /// Isochrones from team `feature`'s base in its own mode (a click on it, or its details' button).
    void showTeamReach(std::uint32_t feature);
    void select(std::optional<PickedFeature> picked);
    /// The selection on the map and in the map panel (its layer's export), after it changed.
    void showSelection();
    bool m_parseAnnounced = false;
    bool m_hadData = false;

    /// Unloads the demo or carries out the feed questions' answers, as asked in the last frame.
    void answerPendingUpdate();
    /// Fills the KPI figures (the wall's tiles, the snapshot's summary) from the current data.
    void updateKpis();
    /// Asks for the single-file app page; the snapshot is built when it arrives.
    void requestSnapshot();
    /// Builds the briefing snapshot from the app page and the feeds on screen, and offers it.
    void finishSnapshot(const FetchedFile& appPage);
    /// The options that reopen the current view: language, time, camera, layers, filter, scrubbed
    /// time, selection, isochrones and plan.
    std::string viewParams() const;
    /// The URL's (a briefing's) scrubbed time, selection and plan, each applied once its data is in.
    void applyOpeningState();
    /// Labels, KPI tiles and the top gaps for a snapshot page's printable summary.
    std::string briefingJson() const;
    void startLoading();
    void pumpLoading();
    void feedsChanged();
    void rebuildScene();
    /// Carries out a shortcut (ui/shortcuts.hpp) pressed on the map.
    void runCommand(Command command);
    void zoomKeys(int direction);
    /// The page state (page_state.cpp): what the test hook, the frame benchmark and tests read.
    std::string stateJson() const;
    /// Parts of the page state. Every shared figure by its key (core/map/figures.hpp), null where not known.
    void writeFigures(JsonWriter& out) const;
    void writeStartup(JsonWriter& out) const;
    void writeScreenshot(const std::string& path, int width, int height) const;
    /// Pictures of the map (app_picture.cpp): the request's picture made and delivered (a PNG
    /// download, or the print map handed to the briefing page).
    void makePicture(const PictureRequest& request, int windowWidth, int windowHeight);
    /// The map's part of the window (right of the side panel) drawn off the screen at `width` x
    /// `height` device pixels showing at least what the screen shows, with the picture's frame
    /// (title, time, legend, scale, north arrow, sources); RGBA, or empty when GL cannot.
    std::vector<std::uint8_t> renderPicture(int width, int height, int windowWidth, int windowHeight);
    /// Where the map starts in a window `windowWidth` device pixels wide: right of the side panel
    /// (0 on the wall).
    int mapLeftPixels(int windowWidth) const;
    /// The picture's size in device pixels for the layers tab's size choice (0, 0: the screen's map).
    std::pair<int, int> pictureSize() const;
};

} // namespace cordon
