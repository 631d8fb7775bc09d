#pragma once
/// The isochrone view: where the bands start (a clicked point or a team's base), the bands the
/// situation's travel-time engine gives for the panel's minutes and mode, and the line the map
/// panel shows about them. The app uploads `mesh()` whenever the bands or the scene's origin change.

#include "core/formats/json_writer.hpp"
#include "core/map/situation.hpp"
#include "core/routing/isochrone.hpp"
#include "render/isochrone_mesh.hpp"
#include "ui/legend_panel.hpp"
#include "ui/map_panel.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cordon {

class IsochroneView {
  public:
    /// Starts the bands at `at`; `from` names the team they start from ("" for a clicked point).
    void setOrigin(LonLat at, std::string from);
    const std::optional<LonLat>& origin() const { return m_origin; }
    /// No bands, no origin.
    void clear();
    /// The bands from the origin for the panel's minutes (1-120, comma separated) and mode, and
    /// the panel's line about them; nothing without roads or an origin.
    void compute(Situation& situation, MapPanelModel& panel);
    IsochroneMesh mesh(MercatorPoint origin) const { return buildIsochroneMesh(m_bands, origin); }
    /// The legend's rows for the bands on the map, shortest first (none without bands).
    std::vector<LegendModel::Band> legendBands(Rgba ground) const;
    /// The page state's `isochrone` member.
    void writeState(JsonWriter& out) const;

  private:
    std::optional<LonLat> m_origin;
    std::string m_from;
    std::vector<IsochroneBand> m_bands;
    double m_ms = 0;
};

} // namespace cordon
