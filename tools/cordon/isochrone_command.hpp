#pragma once
/// `cordon isochrone`: travel-time polygons from a point over a roads feed, as GeoJSON.

#include <iosfwd>
#include <string>
#include <vector>

namespace cordon {

int runIsochroneCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

extern const char* const kIsochroneUsage;

} // namespace cordon
