#pragma once
/// Answers the map's spatial questions about one FeatureLayer: which zones contain a point, which
/// features are nearest to a click, which features fall in the view rectangle. Built once per
/// layer (an R-tree over per-feature Mercator boxes plus, per polygon feature, its edges bucketed
/// by latitude), then every query touches only the few features and edges near the point.

#include "core/formats/feature_layer.hpp"
#include "core/geo/geo.hpp"
#include "core/geo/spatial_index.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace cordon {

/// One nearest-feature result.
struct FeatureDistance {
    std::uint32_t feature = 0;
    double distanceMetres = 0.0; ///< 0 when the point is inside (or on) a polygon of the feature
    friend bool operator==(const FeatureDistance&, const FeatureDistance&) = default;
};

class FeatureIndex {
  public:
    /// An empty index (every query finds nothing).
    FeatureIndex() = default;
    /// Copies the layer's geometry (positions, rings, parts, feature part ranges), so the index
    /// stays valid whatever later happens to the layer. Features without geometry, or whose
    /// offsets are inconsistent, are never found.
    explicit FeatureIndex(const FeatureLayer& layer);

    std::size_t featureCount() const { return m_featureParts.size(); }
    /// The feature's bounding box in Web Mercator metres (empty without geometry).
    MercatorBox featureBounds(std::uint32_t feature) const;

    /// Features whose polygons contain p, boundary included (a point on the shared border of two
    /// zones is in both), sorted ascending. Exact, in lon/lat degrees: the same answer as
    /// featureContains() for every feature, only faster. Point and line features never contain.
    std::vector<std::uint32_t> containing(LonLat p) const;

    /// Up to `count` features nearest to p, by distance to their geometry (to the point, to the
    /// nearest segment of a line, 0 inside a polygon and to the nearest ring edge outside),
    /// ascending, ties by feature index; features farther than maxDistanceMetres are left out.
    /// Distances are measured in Web Mercator and scaled to ground metres by
    /// mercator::scaleFactor at p's latitude: within about 0.1% for distances up to ~10 km at
    /// mid latitudes (the scale changes across the distance), so good for picking, not surveying.
    std::vector<FeatureDistance>
    nearest(LonLat p, std::size_t count,
            double maxDistanceMetres = std::numeric_limits<double>::infinity()) const;

    /// Features whose bounding boxes intersect `box` (Web Mercator metres), sorted ascending: the
    /// candidates to draw or pick in a view rectangle.
    std::vector<std::uint32_t> inBox(const MercatorBox& box) const;

  private:
    struct FeatureParts {
        std::uint32_t firstPart = 0;
        std::uint32_t partCount = 0;
    };
    struct LonLatBox {
        double minLon = std::numeric_limits<double>::infinity();
        double minLat = std::numeric_limits<double>::infinity();
        double maxLon = -std::numeric_limits<double>::infinity();
        double maxLat = -std::numeric_limits<double>::infinity();
        bool contains(LonLat p) const {
            return minLon <= p.lon && p.lon <= maxLon && minLat <= p.lat && p.lat <= maxLat;
        }
    };
    /// A polygon feature's edges bucketed into latitude bands: an edge is listed in every band
    /// its latitude range touches, so the edges that can matter for a point are all in the
    /// point's band.
    struct Bands {
        double minLat = 0.0;
        double scale = 0.0;           ///< bands per degree of latitude
        std::uint32_t count = 0;      ///< 0: the feature has no polygon
        std::uint32_t firstBound = 0; ///< band k = m_bandEdges[m_bandBounds[firstBound + k] .. + k + 1]
        std::uint32_t ringSlots = 0;  ///< rings over all the feature's polygon parts
        std::uint32_t bandOf(double lat) const;
    };
    struct BandEdge {
        std::uint32_t from = 0; ///< position index of the edge's start
        std::uint32_t to = 0;   ///< position index of its end
        std::uint32_t ringSlot = 0;
    };

    void buildBands(std::uint32_t feature);
    /// Exact containment of p by the feature's polygons, boundary included; `state` is scratch.
    bool polygonsContain(std::uint32_t feature, LonLat p, std::vector<std::uint8_t>& state) const;
    /// Web Mercator distance from P to the feature's geometry (p is P in lon/lat).
    double geometryDistance(std::uint32_t feature, LonLat p, MercatorPoint pm,
                            std::vector<std::uint8_t>& state) const;

    std::vector<LonLat> m_positions;
    std::vector<std::uint32_t> m_ringOffsets{0};
    std::vector<GeometryPart> m_parts;
    std::vector<FeatureParts> m_featureParts;
    std::vector<MercatorBox> m_boxes;        ///< per feature, Web Mercator
    std::vector<LonLatBox> m_polygonBoxes;   ///< per feature, its polygon parts in lon/lat
    std::vector<Bands> m_bands;              ///< per feature
    std::vector<std::uint32_t> m_bandBounds; ///< all features' band offsets, back to back
    std::vector<BandEdge> m_bandEdges;
    SpatialIndex m_tree;
};

} // namespace cordon
