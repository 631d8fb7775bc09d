#pragma once
/// Bytes of a file as they arrived from a URL, a path or a drop, or why they did not.

#include <string>

namespace cordon {

struct FetchedFile {
    std::string source; ///< URL, path or dropped file name
    std::string bytes;
    std::string error; ///< non-empty when the load failed (HTTP status, network error, unreadable)
};

/// `relative` resolved against the folder of `base` ("data/feeds.json" + "zones.geojson" ->
/// "data/zones.geojson"); absolute URLs and paths are returned unchanged.
std::string resolveUrl(const std::string& base, const std::string& relative);

} // namespace cordon
