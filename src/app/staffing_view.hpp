#pragma once
/// The staffing view: the gaps panel (short posts, the day's curve, the scrubbed time, the plan),
/// the legend's staffing counts, and what staffing adds to the map (post symbols and high-risk
/// zone outlines in their status at the scrubbed time, plan arrows). It reads the situation and
/// keeps only what the panels show; the app calls it when the situation's staffing or plan changes.

#include "core/formats/json_writer.hpp"
#include "core/map/situation.hpp"
#include "render/map_labels.hpp"
#include "render/overlay_mesh.hpp"
#include "render/scene_mesh.hpp"
#include "ui/gaps_panel.hpp"
#include "ui/legend_panel.hpp"
#include "ui/map_panel.hpp"
#include "ui/workspace.hpp"

#include <utility>
#include <vector>

namespace cordon {

class StaffingView {
  public:
    /// After the situation's staffing was remade or dropped: totals, the rows of short posts
    /// (most person-hours short first) and the scrubbed count; the plan shown is cleared.
    void staffingChanged(const Situation& situation);
    /// The plan shown is gone (the situation dropped it with the roads it was made over).
    void clearPlan();
    /// Shows the situation's plan as rows and arrows (after Situation::makePlan).
    void showPlan(const Situation& situation);
    /// Moves the scrubbed time by `slots`, wrapping round the day.
    void stepScrub(const Situation& situation, int slots);
    /// Recounts the posts short at the scrubbed time.
    void updateScrub(const Situation& situation);
    /// Narrows the posts-short table, the plan and its arrows to a district and a time.
    void setFilter(const Situation& situation, const ViewFilter& filter);
    /// Scrubs to the slot of `minuteOfDay` (the wall's one clock); true when the slot changed.
    bool showTime(const Situation& situation, int minuteOfDay);
    /// The wall draws only the posts with a problem (short or unstaffed at the time shown); true
    /// when that changed (the overlay must be remade).
    bool setProblemsOnly(bool on) { return std::exchange(m_problemsOnly, on) != on; }

    /// High-risk zone outlines in their status and the plan's arrows into `overlay`; returns the
    /// post symbols in their status (the posts layer's switch and opacity applied). Counts go to
    /// the legend.
    std::vector<PointSymbol> addToMap(SceneMesh& overlay, const Situation& situation,
                                      const std::vector<LayerRow>& layers);

    /// The page state's `staffing` member (null without staffing).
    void writeState(JsonWriter& out, const Situation& situation) const;

    /// A label per plan arrow shown, at its middle: "3 人 · 12 分钟" (people and travel minutes).
    std::vector<LabelAnchor> planLabels(Lang lang) const;

    GapsPanelModel& gaps() { return m_gaps; }
    const GapsPanelModel& gaps() const { return m_gaps; }
    LegendModel& legend() { return m_legend; }
    const LegendModel& legend() const { return m_legend; }

  private:
    GapsPanelModel m_gaps;
    LegendModel m_legend;
    std::vector<PlanArrow> m_arrows;
    ViewFilter m_filter;
    std::vector<GapRow> m_allRows;      ///< every post short today, before the filter
    std::vector<PlanRow> m_allPlan;     ///< every move of the plan, before the filter
    std::vector<PlanArrow> m_allArrows; ///< parallel to m_allPlan (a move without places has none)
    std::vector<bool> m_planHasArrow;
    std::vector<std::size_t> m_arrowRow; ///< per arrow shown, its row in the shown plan
    void applyFilter(const Situation& situation);
    /// The tab's figures and strip for the filter's district, or the city without one.
    void fillFigures(const Situation& situation, Lang lang);
    bool m_problemsOnly = false;
};

} // namespace cordon
