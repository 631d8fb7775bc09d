#pragma once
/// `cordon snapshot`: the offline briefing file (one HTML, opens from file:// with no network).

#include "cordon/option_parser.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace cordon {

int runSnapshotCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// Its options and help (`cordon snapshot --help`).
extern const CommandSpec kSnapshotCommand;

} // namespace cordon
