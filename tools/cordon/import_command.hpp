#pragma once
/// `cordon import`: any vector format GDAL reads (Shapefile, GeoPackage, KML, CSV, GeoJSON, ...)
/// into one cordon feed (docs/import.md). Native only; GDAL is linked into the CLI, never core.

#include "core/feed.hpp"

#include <iosfwd>
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

/// Everything `cordon import` is told, from the command line and an optional mapping file.
struct ImportOptions {
    std::string input;
    std::string output;
    std::optional<FeedKind> feed;
    std::string layer;   ///< layer name; empty: the only layer
    std::string idField; ///< field giving the feature id; empty: a field named "id", else the FID
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
/// Keys: feed, layer, id, map, from_gcj02, only_mapped, encoding, open_options (object or list of
/// "KEY=VALUE"). In `map`, a string is a source field or `:constant`; any other JSON value is a
/// constant of that type. Unknown keys are an error (they are usually typos).
bool applyMappingFile(std::string_view json, ImportOptions& options, std::string& error);

/// Parses the arguments after `import` (a --mapping file first, then the other options over it).
bool parseImportOptions(const std::vector<std::string>& args, ImportOptions& options, std::string& error);

/// `cordon import ...`: converts, writes the feed, reads it back with readFeed and prints the
/// validation summary. Exit code: 0 no errors, 1 errors (or features that could not be
/// converted), 2 bad command line, unreadable input or unwritable output.
int importCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace cordon
