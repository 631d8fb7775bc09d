#pragma once
/// `cordon stats`: what each feed file holds and how fast it reads.

#include "cordon/option_parser.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace cordon {

int runStatsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// Its options and help (`cordon stats --help`).
extern const CommandSpec kStatsCommand;

} // namespace cordon
