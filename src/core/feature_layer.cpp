#include "core/feature_layer.hpp"

#include "core/geojson_reader.hpp"
#include "core/mercator.hpp"

namespace cordon {

MercatorBox FeatureLayer::bounds() const {
    MercatorBox box;
    for (const LonLat& p : positions)
        box.add(mercator::project(p));
    return box;
}

MercatorBox FeatureLayer::featureBounds(std::size_t feature) const {
    MercatorBox box;
    const FeatureRecord& f = features[feature];
    for (std::uint32_t p = f.firstPart; p < f.firstPart + f.partCount; ++p)
        for (std::uint32_t r = parts[p].firstRing; r < parts[p].firstRing + parts[p].ringCount; ++r)
            for (std::size_t i = 0; i < ringSize(r); ++i)
                box.add(mercator::project(ring(r)[i]));
    return box;
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
