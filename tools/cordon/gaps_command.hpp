#pragma once
/// `cordon gaps`: staffing gaps of one day (posts, zones, households), rolled up by area.

#include <iosfwd>
#include <string>
#include <vector>

namespace cordon {

int runGapsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

extern const char* const kGapsUsage;

} // namespace cordon
