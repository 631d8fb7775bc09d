#pragma once
/// Tells whether a file's coordinates are GCJ-02 (高德 / DataV / Tencent exports) rather than
/// WGS84, so the import dialog can offer to convert them: a `crs` member that says so, a file name
/// that says so, or, most telling, the roads already on the map (positions that sit clearly closer
/// to the roads once converted than as given).

#include "core/formats/feature_layer.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>

namespace cordon {

enum class Gcj02Evidence : std::uint8_t {
    None,       ///< nothing suggests GCJ-02
    Declared,   ///< the file's `crs` member names GCJ-02
    Named,      ///< the file name does (gcj, amap, gaode, 高德, datav)
    RoadOffset, ///< clearly closer to the roads once converted than as given
};

struct Gcj02Guess {
    bool likely = false;
    Gcj02Evidence evidence = Gcj02Evidence::None;
    /// Median distance from a sampled position to the nearest road, as given and converted
    /// (metres; measured only when roads were there to compare with).
    std::optional<double> asGivenMetres, convertedMetres;
    std::size_t sampled = 0; ///< positions compared with the roads
};

/// Distance in metres from a WGS84 position to the nearest road, nullopt when none is near.
using RoadDistance = std::function<std::optional<double>(LonLat)>;

/// Positions compared with the roads: enough for a steady median, few enough to stay instant.
inline constexpr std::size_t kGcj02Sample = 200;

/// Looks at `file` (read as plain GeoJSON from `bytes`, named `source`) and, when `roadDistance` is
/// given, at how its positions sit against the roads. The road comparison decides when at least a
/// few positions are near roads; otherwise a declared `crs` or the name does.
Gcj02Guess guessGcj02(std::string_view bytes, std::string_view source, const FeatureLayer& file,
                      const RoadDistance& roadDistance = {});

} // namespace cordon
