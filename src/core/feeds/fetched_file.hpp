#pragma once
/// Bytes of a file as they arrived from a URL, a path or a drop, or why they did not.

#include <string>
#include <utility>

namespace cordon {

struct FetchedFile {
    FetchedFile() = default;
    FetchedFile(std::string source_, std::string bytes_, std::string error_)
        : source(std::move(source_)), bytes(std::move(bytes_)), error(std::move(error_)) {}

    std::string source; ///< URL, path or dropped file name
    std::string bytes;
    std::string error;        ///< non-empty when the load failed (HTTP status, network error, unreadable)
    bool notModified = false; ///< HTTP 304: the version already held is still current
    std::string etag;         ///< validators of this response, sent back on the next request
    std::string lastModified;
    /// Converted from another format in the page (gdal3.js): GeoJSON still to be mapped to a feed,
    /// with the mapping file dropped alongside (`mappingJson`, "" for none: the feed is told by name).
    bool converted = false;
    std::string mappingJson;
};

/// `relative` resolved against the folder of `base` ("data/feeds.json" + "zones.geojson" ->
/// "data/zones.geojson"); absolute URLs and paths are returned unchanged.
std::string resolveUrl(const std::string& base, const std::string& relative);

} // namespace cordon
