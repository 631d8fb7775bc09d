#pragma once
/// `cordon snapshot`: the offline briefing file (one HTML, opens from file:// with no network).

#include <iosfwd>
#include <string>
#include <vector>

namespace cordon {

extern const char* const kSnapshotUsage;

int runSnapshotCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace cordon
