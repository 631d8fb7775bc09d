#pragma once
/// A GeoJSON FeatureCollection held as flat arrays: all positions in one vector, rings and parts
/// as offsets into it. Compact to keep, cheap to walk when building meshes or indexes.

#include "core/formats/diagnostic.hpp"
#include "core/formats/json.hpp"
#include "core/geo/geo.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cordon {

enum class PartKind : std::uint8_t { Point, Line, Polygon };

/// One simple geometry: a point, a line, or a polygon (first ring outer, the rest holes).
struct GeometryPart {
    PartKind kind = PartKind::Point;
    std::uint32_t firstRing = 0;
    std::uint32_t ringCount = 0;
};

struct FeatureRecord {
    std::string id;   ///< the GeoJSON id as text ("" when absent)
    std::string name; ///< properties.name, the label shown on the map
    std::uint32_t firstPart = 0;
    std::uint32_t partCount = 0;        ///< 0 for a null or empty geometry
    std::uint32_t propertiesOffset = 0; ///< into FeatureLayer::propertiesText
    std::uint32_t propertiesLength = 0;

    /// What a person sees the feature called, everywhere (panels, lists, tooltips, changes): its
    /// name, else its id.
    const std::string& shownName() const { return name.empty() ? id : name; }
};

struct FeatureLayer {
    std::string name; ///< feed or file name
    std::vector<LonLat> positions;
    /// Ring r spans positions [ringOffsets[r], ringOffsets[r + 1]).
    std::vector<std::uint32_t> ringOffsets{0};
    std::vector<GeometryPart> parts;
    std::vector<FeatureRecord> features;
    /// Every feature's `properties` object as JSON text, back to back (parsed on demand for the
    /// details panel; typed fields live in the feed's columns).
    std::string propertiesText;

    std::size_t ringCount() const { return ringOffsets.size() - 1; }
    std::size_t ringSize(std::size_t ring) const { return ringOffsets[ring + 1] - ringOffsets[ring]; }
    const LonLat* ring(std::size_t r) const { return positions.data() + ringOffsets[r]; }
    /// Bounding box of every position, in Web Mercator metres.
    MercatorBox bounds() const;
    /// Bounding box of one feature's positions (empty for a feature without geometry).
    MercatorBox featureBounds(std::size_t feature) const;
    /// The feature's first position (a point's own), none without geometry.
    std::optional<LonLat> firstPosition(std::size_t feature) const;
    /// The feature's properties as JSON text ("{}" when it had none).
    std::string_view propertiesJson(std::size_t feature) const;
};

/// Caps on what one file may hold (docs/SECURITY.md, "Limits"): far above any city's feeds, low
/// enough that a hostile file gets a clear error instead of exhausting memory. JSON nesting is
/// capped by kMaxJsonDepth.
struct GeoJsonLimits {
    std::size_t maxBytes = std::size_t(256) << 20; ///< the file (after gunzip)
    std::size_t maxFeatures = 5'000'000;           ///< features in one file
    std::uint32_t maxPositionsPerLine = 1'000'000; ///< positions in one ring or line
};

struct GeoJsonReadResult {
    std::optional<FeatureLayer> layer; ///< empty when the file is unusable as a whole
    std::vector<Diagnostic> diagnostics;
};

/// Reads any GeoJSON object: a FeatureCollection, a Feature, or a bare geometry (read as one
/// feature). Bad features are skipped with an error diagnostic naming feed, index, id and path;
/// the rest of the file is kept. Malformed JSON rejects the whole file (no layer).
GeoJsonReadResult readGeoJson(std::string_view bytes, std::string_view feedName,
                              const GeoJsonLimits& limits = {});

} // namespace cordon
