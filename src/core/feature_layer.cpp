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

GeoJsonReadResult readGeoJson(std::string_view bytes, std::string_view feedName) {
    GeoJsonReadResult result;
    FeatureLayer layer;
    layer.name = std::string(feedName);
    UntypedProperties properties;
    GeoJsonTopLevel top;
    if (readGeoJsonInto(bytes, layer.name, properties, layer, result.diagnostics, top, nullptr))
        result.layer = std::move(layer);
    return result;
}

} // namespace cordon
