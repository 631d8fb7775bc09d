#pragma once
/// Which names the map can show and where: districts and sub-districts at their centroid, each
/// named road once at the middle of its longest piece. Built once per feed change; each frame the
/// app keeps those its zoom level shows and lets placeLabels drop the ones that would collide.

#include "core/feeds/feed_set.hpp"
#include "core/geo/mercator.hpp"

#include <string>
#include <vector>

namespace cordon {

/// PlanMove: a suggested move's people and minutes at its arrow's middle (while the plan shows).
enum class LabelKind : std::uint8_t { District, Subdistrict, Community, MajorRoad, Road, Selected, PlanMove };

struct LabelAnchor {
    std::string text;
    MercatorPoint at;
    LabelKind kind = LabelKind::Road;
    std::uint32_t feature = 0; ///< index in its feed
    /// A note about a line (a plan arrow): the line's length in metres. The note shows only when
    /// the line is long enough on screen to carry it, so a city-wide plan is not a carpet of boxes.
    double spanMetres = 0;
};

std::vector<LabelAnchor> buildLabelAnchors(const FeedSet& feeds);

/// Least zoom level at which a kind is labelled (the whole city is about 10).
double labelMinZoom(LabelKind kind);
/// Higher wins a collision.
int labelPriority(LabelKind kind);
/// Text size relative to the UI text.
float labelScale(LabelKind kind);

/// Centroid of a polygon feature's largest outer ring (its bounding-box centre when degenerate).
MercatorPoint polygonLabelPoint(const FeatureLayer& layer, std::uint32_t feature);
/// The point half-way along a line feature's longest part.
MercatorPoint lineLabelPoint(const FeatureLayer& layer, std::uint32_t feature);

} // namespace cordon
