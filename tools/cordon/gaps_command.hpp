#pragma once
/// `cordon gaps`: staffing gaps of one day (posts, zones, households), rolled up by area.

#include "cordon/option_parser.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace cordon {

int runGapsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// Its options and help (`cordon gaps --help`).
extern const CommandSpec kGapsCommand;

} // namespace cordon
