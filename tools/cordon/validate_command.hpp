#pragma once
/// `cordon validate`: every problem of every feed file given, as text or JSON.

#include "cordon/option_parser.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace cordon {

int runValidateCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// Its options and help (`cordon validate --help`).
extern const CommandSpec kValidateCommand;

} // namespace cordon
