#pragma once
/// Overlays drawn over the map from analysis results and the selection: areas of responsibility
/// (each road edge coloured by the team that reaches it first) and the selected feature's
/// highlight. Lines and points only, in the same origin as the scene so they line up.

#include "core/coverage/coverage.hpp"
#include "core/coverage/responsibility_areas.hpp"
#include "core/routing/road_graph.hpp"
#include "render/scene_mesh.hpp"
#include "render/style.hpp"

#include <span>

namespace cordon {

/// A stable colour per team, from a colour-blind-safe palette (neighbouring teams differ).
Rgba teamColour(std::uint32_t team);

/// Every shared edge split where the teams' times meet, each part in its team's colour; edges
/// no team reaches are left out.
SceneMesh buildResponsibilityMesh(const RoadGraph& graph, std::span<const EdgeShare> shares,
                                  MercatorPoint origin);

/// A suggested move of staff: from where they are to the post that needs them.
struct PlanArrow {
    LonLat from;
    LonLat to;
};

/// Each move as a straight arrow (shaft and head); the head scales with the arrow's length.
SceneMesh buildPlanArrows(std::span<const PlanArrow> arrows, MercatorPoint origin);

/// Every post as a symbol in its staffing status (status colour and fill, its kind's shape and
/// size), one status per post feature: drawn over the plain symbols, it recolours them. With
/// `problemsOnly` (the wall) only posts short or unstaffed get a symbol.
std::vector<PointSymbol> buildStatusSymbols(const Feed& posts, std::span<const StaffingStatus> statuses,
                                            MercatorPoint origin, bool problemsOnly = false);

/// Areas of responsibility as translucent fills in each team's colour with a white border (the
/// road network coloured by team goes over them).
SceneMesh buildResponsibilityAreaMesh(std::span<const ResponsibilityArea> areas, MercatorPoint origin);

/// Appends the outline of a feature's polygons and lines to `mesh` (in its origin).
void appendOutline(SceneMesh& mesh, const FeatureLayer& layer, std::uint32_t feature, Rgba colour,
                   float widthPx);

/// A bright outline around the feature's polygons and lines, a halo under its points.
SceneMesh buildSelectionMesh(const FeatureLayer& layer, std::uint32_t feature, MercatorPoint origin);

} // namespace cordon
