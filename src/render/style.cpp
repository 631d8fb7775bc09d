#include "render/style.hpp"

#include <iterator>
#include <string_view>

namespace cordon {

namespace {

std::string_view textProperty(const FeatureRecord& f, std::string_view key) {
    const JsonValue* v = f.properties.find(key);
    return v && v->isString() ? std::string_view(v->string) : std::string_view();
}

// Colour-blind-safe hues (Okabe-Ito) for categories that must be told apart at a glance.
constexpr Rgba kVermillion{213, 94, 0, 255};
constexpr Rgba kOrange{230, 159, 0, 255};
constexpr Rgba kYellow{240, 228, 66, 255};
constexpr Rgba kBlue{0, 114, 178, 255};
constexpr Rgba kSkyBlue{86, 180, 233, 255};
constexpr Rgba kGreen{0, 158, 115, 255};
constexpr Rgba kPurple{204, 121, 167, 255};

Rgba withAlpha(Rgba c, std::uint8_t a) {
    return {c.r, c.g, c.b, a};
}

} // namespace

int layerDrawOrder(std::string_view feed) {
    constexpr std::string_view kOrder[] = {"areas", "zones", "roads", "facilities", "posts", "teams"};
    for (int i = 0; i < int(std::size(kOrder)); ++i)
        if (kOrder[i] == feed) return i;
    return int(std::size(kOrder));
}

FeatureStyle styleFor(const FeatureLayer& layer, const FeatureRecord& feature) {
    FeatureStyle s;
    const std::string_view feed = layer.name;
    if (feed == "areas") {
        const std::string_view level = textProperty(feature, "level");
        s.fill = level == "district" ? Rgba{226, 232, 240, 255} : Rgba{236, 240, 245, 255};
        s.stroke = Rgba{90, 105, 125, 255};
        s.strokeWidthPx = level == "district" ? 2.5f : 1.0f;
    } else if (feed == "zones") {
        const std::string_view risk = textProperty(feature, "risk");
        const Rgba c = risk == "high" ? kVermillion : risk == "medium" ? kOrange : kYellow;
        s.fill = withAlpha(c, 150);
        s.stroke = c;
        s.strokeWidthPx = 2.0f;
    } else if (feed == "roads") {
        const std::string_view hw = textProperty(feature, "highway");
        const bool major = hw == "motorway" || hw == "trunk" || hw == "primary";
        const bool closed = [&] {
            const JsonValue* v = feature.properties.find("closed");
            return v && v->type == JsonType::Bool && v->boolean;
        }();
        s.stroke = closed  ? Rgba{60, 60, 60, 255}
                   : major ? Rgba{245, 170, 60, 255}
                           : Rgba{255, 255, 255, 255};
        s.strokeWidthPx = major ? 5.0f : 3.0f;
    } else if (feed == "posts") {
        const std::string_view kind = textProperty(feature, "kind");
        s.pointColour = kind == "city_entry" || kind == "highway_exit" ? kBlue : kSkyBlue;
        s.pointSizePx = kind == "city_entry" ? 14.0f : 10.0f;
    } else if (feed == "teams") {
        s.pointColour = kGreen;
        s.pointSizePx = 12.0f;
    } else {
        s.fill = Rgba{200, 200, 200, 120};
        s.stroke = Rgba{80, 80, 80, 255};
        s.pointColour = kPurple;
    }
    return s;
}

} // namespace cordon
