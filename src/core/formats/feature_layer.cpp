#include "core/formats/feature_layer.hpp"

#include "core/formats/geojson_reader.hpp"
#include "core/geo/mercator.hpp"

#include <algorithm>

namespace cordon {

namespace {

/// Web Mercator's x grows with longitude alone and y with latitude alone: the box of projected
/// positions is the projection of their longitude-latitude box, two projections instead of one
/// per position.
class LonLatBox {
  public:
    void add(LonLat p) {
        m_min = {std::min(m_min.lon, p.lon), std::min(m_min.lat, p.lat)};
        m_max = {std::max(m_max.lon, p.lon), std::max(m_max.lat, p.lat)};
        m_empty = false;
    }
    MercatorBox projected() const {
        MercatorBox box;
        if (m_empty) return box;
        box.add(mercator::project(m_min));
        box.add(mercator::project(m_max));
        return box;
    }

  private:
    LonLat m_min{180, 90}, m_max{-180, -90};
    bool m_empty = true;
};

} // namespace

MercatorBox FeatureLayer::bounds() const {
    LonLatBox box;
    for (const LonLat& p : positions)
        box.add(p);
    return box.projected();
}

MercatorBox FeatureLayer::featureBounds(std::size_t feature) const {
    LonLatBox box;
    const FeatureRecord& f = features[feature];
    for (std::uint32_t p = f.firstPart; p < f.firstPart + f.partCount; ++p)
        for (std::uint32_t r = parts[p].firstRing; r < parts[p].firstRing + parts[p].ringCount; ++r)
            for (std::size_t i = 0; i < ringSize(r); ++i)
                box.add(ring(r)[i]);
    return box.projected();
}

std::optional<LonLat> FeatureLayer::firstPosition(std::size_t feature) const {
    const FeatureRecord& f = features[feature];
    if (f.partCount == 0) return std::nullopt;
    const GeometryPart& part = parts[f.firstPart];
    if (part.ringCount == 0 || ringSize(part.firstRing) == 0) return std::nullopt;
    return ring(part.firstRing)[0];
}

std::string_view FeatureLayer::propertiesJson(std::size_t feature) const {
    const FeatureRecord& f = features[feature];
    return std::string_view(propertiesText).substr(f.propertiesOffset, f.propertiesLength);
}

namespace {

/// Plain GeoJSON: no typed fields, everything kept as text.
class UntypedProperties final : public PropertyReader {
  public:
    bool wants(std::string_view) const override { return false; }
    void property(std::string_view, const JsonValue&, FeatureDraft&) override {}
    void endFeature(FeatureDraft&, const FeatureLayer&, const FeatureRecord&) override {}
};

} // namespace

GeoJsonReadResult readGeoJson(std::string_view bytes, std::string_view feedName,
                              const GeoJsonLimits& limits) {
    GeoJsonReadResult result;
    FeatureLayer layer;
    layer.name = std::string(feedName);
    UntypedProperties properties;
    GeoJsonTopLevel top;
    if (readGeoJsonInto(bytes, layer.name, properties, layer, result.diagnostics, top, nullptr, limits))
        result.layer = std::move(layer);
    return result;
}

} // namespace cordon
