#pragma once
/// A feed manifest: one JSON file listing the feed URLs a deployment publishes, so a single
/// `?manifest=` link opens the whole picture.
///
///     {"refresh": 60, "feeds": ["zones.geojson", {"url": "https://.../p.json", "feed": "posts",
///                                                "refresh": 10}]}

#include "core/feeds/feed.hpp"
#include "core/formats/diagnostic.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cordon {

struct ManifestEntry {
    std::string url;              ///< as written (relative URLs are resolved by the page)
    std::optional<FeedKind> kind; ///< when given; else told from the file itself
    int refreshSeconds = 0; ///< fetch again every N seconds; 0 = the manifest's (or the page's) interval
    /// `"minValidShare"`: share of a version's features that must be valid for it to be taken
    /// (0..1; unset: the default of UpdatePolicy).
    std::optional<double> minValidShare;
};

struct Manifest {
    std::vector<ManifestEntry> feeds;
    int refreshSeconds = 0; ///< default interval of its feeds (0 = the page's `refresh=`)
};

struct ManifestReadResult {
    std::optional<Manifest> manifest;
    std::vector<Diagnostic> diagnostics;
};

ManifestReadResult readManifest(std::string_view bytes, std::string_view source);

/// Splits a `feeds=` parameter ("a.geojson,b.geojson") into URLs.
std::vector<std::string> splitFeedList(std::string_view list);

} // namespace cordon
