// Layer export: GeoJSON through the GeoJSON writer, CSV by hand (one row per feature).

#include "core/formats/feature_export.hpp"

#include "core/formats/csv.hpp"
#include "core/formats/geojson_writer.hpp"
#include "core/geo/mercator.hpp"

#include <cstdio>

namespace cordon {

std::string layerToGeoJson(const FeatureLayer& layer) {
    JsonWriter out;
    beginFeatureCollection(out);
    for (std::size_t i = 0; i < layer.features.size(); ++i)
        writeFeature(out.lineBreak(), layer, i);
    endFeatureCollection(out);
    return out.take() + '\n';
}

std::string layerToCsv(const FeatureLayer& layer) {
    std::string out = "id,name,lon,lat,properties\n";
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        const FeatureRecord& f = layer.features[i];
        std::string lon, lat;
        if (f.partCount > 0) {
            LonLat at;
            if (f.partCount == 1 && layer.parts[f.firstPart].kind == PartKind::Point)
                at = layer.ring(layer.parts[f.firstPart].firstRing)[0];
            else
                at = mercator::unproject(layer.featureBounds(i).centre());
            char b[32];
            std::snprintf(b, sizeof b, "%.7f", at.lon);
            lon = b;
            std::snprintf(b, sizeof b, "%.7f", at.lat);
            lat = b;
        }
        out += csvField(f.id) + ',' + csvField(f.name) + ',' + lon + ',' + lat + ',' +
               csvField(layer.propertiesJson(i)) + '\n';
    }
    return out;
}

} // namespace cordon
