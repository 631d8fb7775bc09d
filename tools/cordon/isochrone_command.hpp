#pragma once
/// `cordon isochrone`: travel-time polygons from a point over a roads feed, as GeoJSON.

#include "cordon/option_parser.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace cordon {

int runIsochroneCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// Its options and help (`cordon isochrone --help`).
extern const CommandSpec kIsochroneCommand;

} // namespace cordon
