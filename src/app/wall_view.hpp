#pragma once
/// The wall view: the KPI tiles from the shared figures (each greyed with the time of its last
/// good data when its inputs failed or went stale), the lists that name what needs attention now
/// (core/map/attention), today's people short, the clock and data time, the feed ticker, and the
/// district tour, during which tiles and lists are the district's. It keeps the wall panel's
/// model; the app draws it in wall mode and flies to the district the tour names.

#include "app/options.hpp"
#include "core/formats/json_writer.hpp"
#include "core/map/attention.hpp"
#include "core/map/figures.hpp"
#include "core/map/situation.hpp"
#include "render/camera.hpp"
#include "render/scene_mesh.hpp"
#include "ui/wall_panel.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cordon {

/// Where a tour step flies: a district, or a listed zone or post.
struct TourStop {
    FeedKind kind = FeedKind::Areas;
    std::uint32_t feature = 0;
};

class WallView {
  public:
    /// Seconds a page of a long list stays up.
    static constexpr int kPageSeconds = 8;

    /// The tiles from `figures`; `asOf` per figure: "" when current, else the time of its data.
    void setFigures(const Figures& figures, const std::array<std::string, kFigureCount>& asOf);
    /// The lists, the chart and (on a tour stop) the district's tiles, at `nowMinute`; true when
    /// the lists were made again (kept while the results, the slot, the stop and the language are).
    bool setAttention(const Situation& situation, Lang lang, int nowMinute);
    /// The ticker: stale feeds, failed feeds with their reasons, recent changes newest first.
    void setFeedStrip(std::string stale, std::string failed, std::vector<std::string> recent);
    /// Clock and data time; pages of the lists; with a tour on, where to fly now (the first stop
    /// at once, then the next every `tourSeconds`), named on the wall: the next district, or the
    /// next zone or post of the lists (zones first). `nowMs` is monotonic.
    std::optional<TourStop> tick(const Situation& situation, Lang lang, int nowMinute,
                                 const std::string& dataAsOf, std::uint64_t nowMs, WallTour tour,
                                 int tourSeconds);
    /// Marks at the edge of the map's frame for listed zones and posts outside the city's areas
    /// and beyond the frame, seen through `camera` (device pixels; `pixelScale` device pixels per
    /// UI pixel).
    void placeEdgeMarkers(const Situation& situation, const Camera& camera, double pixelScale);
    /// The rings the wall pulses: one on each listed zone (those lacking a task force now), red
    /// where none holds it, amber where one is only too far. pulsingZones() counts them.
    std::vector<PointSymbol> pulseRings(const Situation& situation, MercatorPoint origin);
    std::size_t pulsingZones() const { return m_pulsingZones; }
    /// What the panel showed in the last frame (the pages, for the page state).
    void setShown(const WallShown& shown) { m_shown = shown; }

    /// The five tiles' numbers as members of the open object (the wall and the `kpis` member).
    void writeKpiMembers(JsonWriter& out) const;
    /// The page state's `wall` member; the type sizes are the font's.
    void writeState(JsonWriter& out, const Situation& situation, long textPx, long figuresPx) const;

    /// Goes up whenever the lists' texts change (the font notes their characters then).
    std::uint64_t textsVersion() const { return m_textsVersion; }

    WallModel& model() { return m_model; }
    const WallModel& model() const { return m_model; }

  private:
    /// What the lists are made from.
    struct AttentionKey {
        std::array<unsigned, kFeedKindCount> versions{};
        std::uint64_t results = 0;
        int slot = -1;
        std::optional<std::uint32_t> district;
        Lang lang = Lang::Zh;
        bool operator==(const AttentionKey&) const = default;
    };
    /// A tour stop's tiles (zones without a task force -1 without coverage).
    struct DistrictTiles {
        int highRiskZones = 0, zonesWithoutTaskForce = -1, postsShortNow = 0;
        double personHoursShort = 0;
        long long householdsAwaiting = 0;
    };

    void applyDistrictTiles();

    WallModel m_model;
    std::optional<AttentionKey> m_attentionKey;
    std::optional<DistrictTiles> m_districtTiles;
    std::uint64_t m_textsVersion = 0;
    std::size_t m_pulsingZones = 0;
    std::uint64_t m_lastTourMs = 0;
    std::size_t m_tourStop = 0;
    std::optional<std::uint32_t> m_district; ///< the district tour's stop
    WallTour m_tour = WallTour::Off;
    AttentionLists m_lists;
    std::vector<std::string> m_edgeIds; ///< the features the edge markers point to (page state)
    WallShown m_shown;
    /// The city's tiles, kept while a tour stop shows the district's.
    std::array<std::string, 5> m_cityTiles;
};

} // namespace cordon
