#pragma once
/// How a source layer's fields become a feed's properties: the mapping `cordon import` takes on the
/// command line or from a mapping file, and the same mapping applied in the browser to GeoJSON
/// converted by gdal3.js (docs/import.md).

#include "core/feeds/feed.hpp"
#include "core/formats/diagnostic.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cordon {

/// One output property: copied from a source field (typed) or a constant.
struct FieldMapping {
    std::string target;      ///< property name in the feed
    std::string source;      ///< source field name; empty for a constant
    std::string literalJson; ///< the constant as JSON text (e.g. "\"district\""); empty for a field
    bool isLiteral() const { return !literalJson.empty(); }
};

/// What a mapping file can say (keys feed, layer, id, map, from_gcj02, only_mapped, encoding,
/// open_options).
struct FeedMapping {
    std::optional<FeedKind> feed;
    std::string layer;   ///< layer name; empty: the only layer
    std::string idField; ///< field giving the feature id; empty: a field named "id", else the source id
    std::vector<FieldMapping> map;
    std::vector<std::string> openOptions; ///< GDAL open options, KEY=VALUE
    std::string encoding;                 ///< shapefile/DBF encoding (open option ENCODING)
    bool fromGcj02 = false;               ///< input coordinates are GCJ-02: convert to WGS84
    bool onlyMapped = false;              ///< drop source fields that no mapping names
};

/// Adds "target=SOURCE,target=:literal,..." to `map`; a target given again replaces the earlier
/// entry. `:text` is the string constant "text". False with a reason in `error`.
bool parseFieldMappings(std::string_view list, std::vector<FieldMapping>& map, std::string& error);

/// Applies a mapping file, e.g. `{"feed":"areas","id":"adcode","map":{"name":"name","level":":district"}}`.
/// In `map`, a string is a source field or `:constant`; any other JSON value is a constant of that
/// type. Unknown keys are an error (they are usually typos).
bool applyMappingFile(std::string_view json, FeedMapping& mapping, std::string& error);

/// The mapping as a mapping file that applyMappingFile (and `cordon import --mapping`) reads back
/// to the same mapping: what the import dialog saves.
std::string mappingFileJson(const FeedMapping& mapping);

struct MappedFeed {
    std::optional<std::string> geojson; ///< the feed as GeoJSON text, with its `cordon` header
    std::string error;                  ///< why not (names the source and the field)
};

/// Maps a GeoJSON FeatureCollection in WGS84 (or GCJ-02 with `fromGcj02`) to a feed the way
/// `cordon import` does: mapped properties first, then the unmapped ones (unless `onlyMapped`),
/// the id from `idField`, else a property `id`, else the feature's own id. `mapping.feed` must be
/// set. A mapped source field that no feature has is an error listing the fields there are.
MappedFeed mapGeoJsonToFeed(std::string_view geojson, const FeedMapping& mapping, std::string_view source);

} // namespace cordon
