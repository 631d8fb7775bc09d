#pragma once
/// Files from `assets/` compiled into the app (demo feeds, the CJK font subset), so that the app
/// and its single-file build start with no network at all.

#include <span>
#include <string_view>

namespace cordon {

/// Bytes of an embedded asset by file name ("demo/zones.geojson"), empty when absent.
std::string_view embeddedAsset(std::string_view fileName);

/// Names of all embedded assets.
std::span<const std::string_view> embeddedAssetNames();

} // namespace cordon
