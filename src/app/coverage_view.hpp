#pragma once
/// The coverage view: the coverage panel (threshold, the zones no task force reaches, targets
/// beyond the threshold, population covered) and what coverage adds to the map (task forces'
/// areas of responsibility, when shown). It reads the situation, asks it for coverage at the
/// panel's threshold, and keeps only what the panel and the map show.

#include "core/coverage/responsibility_areas.hpp"
#include "core/formats/json_writer.hpp"
#include "core/map/situation.hpp"
#include "render/scene_mesh.hpp"
#include "ui/coverage_panel.hpp"

#include <optional>
#include <vector>

namespace cordon {

class CoverageView {
  public:
    /// Asks the situation for coverage at the panel's threshold; when it was remade, refills the
    /// panel and forgets the areas of responsibility built from the old report. True when remade.
    bool update(Situation& situation);
    /// The panel's list: zones out of reach (in force today) first, then zones and posts beyond
    /// the threshold. Again when staffing's day changes which zones are in force.
    void fillGaps(const Situation& situation);
    /// The list narrowed to one district's zones and posts (nullopt: the city).
    void setDistrict(const Situation& situation, std::optional<std::uint32_t> district);
    /// The task forces' areas of responsibility and road shares into `overlay`, when shown (the
    /// areas are built once per report: it rasterises the whole partition).
    void addToMap(SceneMesh& overlay, const Situation& situation);
    /// The page state's `coverage` member (null without coverage).
    void writeState(JsonWriter& out, const Situation& situation) const;

    CoveragePanelModel& panel() { return m_panel; }
    const CoveragePanelModel& panel() const { return m_panel; }

  private:
    CoveragePanelModel m_panel;
    std::optional<std::vector<ResponsibilityArea>> m_areas;
    std::optional<std::uint32_t> m_district;
};

} // namespace cordon
