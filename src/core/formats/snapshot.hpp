#pragma once
/// The briefing snapshot: one HTML file that opens from `file://` with no network. It is the
/// single-file build of the app with the feeds (gzipped, base64) and a small JSON header embedded
/// as inert `<script type="text/plain">` / `application/json` blocks, which the page hands to the
/// app instead of fetching. No feed text reaches the HTML unescaped: feeds are base64 and every
/// header string is JSON with `<`, `>` and `&` escaped, so names such as `</script>` stay text.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cordon {

struct SnapshotFeed {
    std::string name;  ///< file name, tells the feed kind when the file does not ("zones.geojson")
    std::string bytes; ///< the feed as loaded (plain or gzipped GeoJSON)
};

struct SnapshotContent {
    std::string title;
    std::string note;   ///< the author's note, shown with the title
    std::string asOf;   ///< "2026-11-23 14:05": the time the statuses and figures are for
    std::string made;   ///< "2026-11-23 14:12": when the file was made
    std::string params; ///< the app's options for the view (`now=01:00&lang=en&iso=...`)
    std::vector<SnapshotFeed> feeds;
};

struct SnapshotResult {
    std::optional<std::string> html;
    std::string error;
};

/// Embeds `content` into `appHtml` (the single-file app page; must have a `<body>` tag). The
/// header states the file's own size in bytes.
SnapshotResult buildSnapshot(std::string_view appHtml, const SnapshotContent& content);

/// Standard base64 with padding.
std::string base64Encode(std::string_view bytes);

} // namespace cordon
