#pragma once
/// How a team moves, walking or driving: one enum for a team's `mode` in the feeds, the graph
/// built per mode in routing, the isochrone panel and the CLI, with one name table.

#include <cstdint>
#include <optional>
#include <string_view>

namespace cordon {

enum class TravelMode : std::uint8_t { Walk, Drive };
inline constexpr int kTravelModeCount = 2;

/// The names feeds, URLs and the CLI use ("walk", "drive"), in enum order.
inline constexpr std::string_view kTravelModeNames[kTravelModeCount] = {"walk", "drive"};

constexpr std::string_view travelModeName(TravelMode mode) {
    return kTravelModeNames[static_cast<int>(mode)];
}

/// The mode of a name, nullopt for any other text.
constexpr std::optional<TravelMode> travelModeFromName(std::string_view name) {
    for (int m = 0; m < kTravelModeCount; ++m)
        if (kTravelModeNames[m] == name) return static_cast<TravelMode>(m);
    return std::nullopt;
}

} // namespace cordon
