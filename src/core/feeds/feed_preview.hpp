#pragma once
/// What a GeoJSON file holds, read without any feed's contract: feature count, geometry types,
/// property names, a few names, and which of the seven feeds it reads as. A file loaded as one feed
/// that reads as another is refused with that said ("这是道路数据，不是风险区"), and a file whose
/// kind cannot be told is shown to the user with this preview and guess.

#include "core/feeds/feed.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cordon {

/// Geometry of a feature as the preview counts it.
enum class PreviewGeometry : std::uint8_t { Point, Line, Polygon, None };
inline constexpr int kPreviewGeometryCount = 4;

struct FeedPreview {
    bool readable = false;                                     ///< the bytes are GeoJSON at all
    std::size_t features = 0;                                  ///< features kept by the plain GeoJSON reader
    std::array<std::size_t, kPreviewGeometryCount> geometry{}; ///< features by their first part's type
    std::vector<std::string> propertyNames; ///< most frequent first (in the sample), at most 16
    std::vector<std::string> names;         ///< the first few `properties.name` values
    std::size_t sampled = 0;                ///< features looked at for the guess
    /// Share of sampled features that fit each feed's contract (geometry and its telling field).
    std::array<double, kFeedKindCount> fit{};
    std::optional<FeedKind> guess; ///< the best fit, when at least half the sample fits it
};

/// Features looked at to tell a file's kind: enough to be sure, few enough to stay quick on a
/// 100,000-feature roads file.
inline constexpr std::size_t kPreviewSample = 400;

/// Reads `bytes` as plain GeoJSON and tells what it holds.
FeedPreview previewFeed(std::string_view bytes, std::size_t sample = kPreviewSample);

} // namespace cordon
