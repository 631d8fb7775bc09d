// libFuzzer target for the GeoJSON reader (`readGeoJson`) and the JSON parser (`parseJson`).
// The first input byte picks the feed name; the whole input is the file (so corpus files and
// crash inputs are plain GeoJSON that `cordon validate` can read too). Besides the sanitizers, it
// checks that a returned layer's flat arrays are consistent (every offset stays in range), since
// the renderer and the index walk them without bounds checks.

#include "core/formats/feature_layer.hpp"
#include "core/formats/json.hpp"
#include "fuzz_support.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

constexpr std::array<std::string_view, 7> kFeedNames{"areas",  "zones", "posts",     "teams",
                                                     "roster", "roads", "facilities"};

using cordon::fuzz::check;

void checkLayer(const cordon::FeatureLayer& layer, std::string_view feedName) {
    check(layer.name == feedName, "layer.name is the feed name");
    check(!layer.ringOffsets.empty() && layer.ringOffsets.front() == 0, "ringOffsets starts with 0");
    for (std::size_t r = 0; r + 1 < layer.ringOffsets.size(); ++r)
        check(layer.ringOffsets[r] <= layer.ringOffsets[r + 1], "ringOffsets never decrease");
    check(layer.ringOffsets.back() <= layer.positions.size(), "ringOffsets stay within positions");
    for (const cordon::GeometryPart& part : layer.parts)
        check(std::size_t{part.firstRing} + part.ringCount <= layer.ringCount(), "part rings in range");
    for (const cordon::FeatureRecord& f : layer.features) {
        check(std::size_t{f.firstPart} + f.partCount <= layer.parts.size(), "feature parts in range");
        check(std::size_t{f.propertiesOffset} + f.propertiesLength <= layer.propertiesText.size(),
              "feature properties in range");
    }
    for (std::size_t i = 0; i < layer.features.size(); ++i)
        (void)layer.propertiesJson(i);
    (void)layer.bounds();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view all(reinterpret_cast<const char*>(data), size);

    const cordon::JsonParseResult json = cordon::parseJson(all);
    if (!json.ok()) check(json.error.line >= 1 && json.error.column >= 1, "error line/column from 1");

    if (size == 0) return 0;
    const std::string_view feedName = kFeedNames[data[0] % kFeedNames.size()];
    const cordon::GeoJsonReadResult result = cordon::readGeoJson(all, feedName);
    if (result.layer) checkLayer(*result.layer, feedName);
    for (const cordon::Diagnostic& d : result.diagnostics) {
        check(d.feed == feedName, "diagnostics name the feed");
        (void)d.toString();
    }
    return 0;
}
