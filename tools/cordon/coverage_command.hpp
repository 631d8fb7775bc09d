#pragma once
/// `cordon coverage`: travel times from teams to zones and posts, gaps, population covered and
/// areas of responsibility, as a summary, CSV and GeoJSON.

#include "cordon/option_parser.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace cordon {

int runCoverageCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
/// Its options and help (`cordon coverage --help`).
extern const CommandSpec kCoverageCommand;

} // namespace cordon
