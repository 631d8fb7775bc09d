#pragma once
/// The selection view: what the user points at and looks for. The feature a click picked (its
/// details panel and outline on the map), the one under the pointer (a tooltip) and the search
/// (its text, hits and panel). Hits and the selection are feature indices, so each new version of
/// the feeds finds them again: the selection by its id, dropped when the id is gone.

#include "core/formats/json_writer.hpp"
#include "core/map/feature_picker.hpp"
#include "core/map/feature_search.hpp"
#include "core/map/situation.hpp"
#include "render/camera.hpp"
#include "render/scene_mesh.hpp"
#include "ui/details_panel.hpp"
#include "ui/feature_brief.hpp"
#include "ui/search_panel.hpp"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cordon {

class SelectionView {
  public:
    /// The feature under a point of the screen among the shown layers (the app knows the camera).
    using PickAt = std::function<std::optional<PickedFeature>(ScreenPoint)>;

    /// After new feeds: the pick index, the search hits, the selection kept by id. True when the
    /// selection changed (the map's outline must be remade).
    bool feedsChanged(const FeedSet& feeds, Lang lang);
    /// The feature at `at` (longitude/latitude) within `radiusMetres`, among `pickable` feeds.
    std::optional<PickedFeature> pick(const FeedSet& feeds, LonLat at, double radiusMetres,
                                      const FeedMask& pickable) const;
    /// Selects `picked` (nothing for nullopt) and fills the details panel.
    void select(const FeedSet& feeds, std::optional<PickedFeature> picked);
    /// The 详情 rows of the selection in the officers' terms (ui/feature_brief), with what the
    /// context knows (staffing at its slot, coverage, the plan); a post's day as a chart.
    void describe(const FeedSet& feeds, const BriefContext& context, Lang lang);
    const std::optional<PickedFeature>& selected() const { return m_selected; }
    /// Each team assigned to the selected post or zone with its own travel time there (empty for
    /// other selections); searched again only when the selection or the situation's results change.
    std::span<const TeamReach> teamTimes(Situation& situation);

    /// Finds the features matching the search text (the hits stay for clicks and Enter).
    void runSearch(const FeedSet& feeds, Lang lang);
    /// Where the map starts (UI pixels): the search results and the page's box centre on the rest.
    void setMapLeft(float left);
    /// The 详情 tab's contents; true when the selection was dropped there.
    DetailsActions drawDetails(Lang lang);
    /// The district the selected feature lies in (itself, for a district), as an areas index.
    std::optional<std::uint32_t> selectedDistrict() const { return m_selectedDistrict; }
    /// The search panel, the text typed in the page's search box and the tooltip of the feature
    /// under `pointer` (none when the pointer is not over the map). Returns the search hit chosen.
    std::optional<PickedFeature> drawSearch(const FeedSet& feeds, Lang lang,
                                            std::optional<ScreenPoint> pointer, const PickAt& pickAt);
    /// The outline of the selected feature, into `overlay`.
    void addToMap(SceneMesh& overlay, const FeedSet& feeds) const;

    /// The page state's `selected`, `hover` and `search` members.
    void writeSelected(JsonWriter& out) const;
    void writeHover(JsonWriter& out, const FeedSet& feeds) const;
    void writeSearch(JsonWriter& out) const;

  private:
    FeaturePicker m_picker;
    std::optional<PickedFeature> m_selected;
    std::optional<std::uint32_t> m_selectedDistrict;
    std::string m_selectedId; ///< kept so a refreshed feed keeps the selection
    DetailsPanelModel m_details;
    SearchPanelModel m_search;
    std::vector<SearchHit> m_searchHits;
    std::vector<TeamReach> m_teamTimes;
    std::optional<PickedFeature> m_teamTimesFor;
    std::uint64_t m_teamTimesVersion = 0;
    std::optional<PickedFeature> m_hover; ///< under the pointer, shown as a tooltip
    ScreenPoint m_hoverAt{-1, -1};
    std::array<unsigned, kFeedKindCount> m_hoverVersions{};

    void drawHover(const FeedSet& feeds, Lang lang, std::optional<ScreenPoint> pointer, const PickAt& pickAt);
};

} // namespace cordon
