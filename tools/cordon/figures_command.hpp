#pragma once
/// `cordon figures`: the figures the wall, the panels and the briefing show (core/map/figures.hpp), for
/// the same feeds at the same time of day, so that a report can quote exactly what the screens say.

#include "cordon/option_parser.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace cordon {

int runFiguresCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// Its options and help (`cordon figures --help`).
extern const CommandSpec kFiguresCommand;

} // namespace cordon
