#pragma once
/// `cordon import`: any vector format GDAL reads (Shapefile, GeoPackage, KML, CSV, GeoJSON, ...)
/// into one cordon feed (docs/import.md). Native only; GDAL is linked into the CLI, never core.

#include "cordon/option_parser.hpp"
#include "core/feeds/feed.hpp"
#include "core/feeds/feed_mapping.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cordon {

/// Everything `cordon import` is told: the mapping (command line and mapping file) and the files.
struct ImportOptions : FeedMapping {
    std::string input;
    std::string output;
};

/// Parses the arguments after `import` (a --mapping file first, then the other options over it).
bool parseImportOptions(const std::vector<std::string>& args, ImportOptions& options, std::string& error);

/// `cordon import ...`: converts, writes the feed, reads it back with readFeed and prints the
/// validation summary. Exit code: 0 no errors, 1 errors (or features that could not be
/// converted), 2 bad command line, unreadable input or unwritable output.
int importCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// Its options and help (`cordon import --help`).
extern const CommandSpec kImportCommand;

} // namespace cordon
