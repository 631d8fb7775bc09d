#include "core/feeds/gcj02_guess.hpp"

#include "core/geo/gcj02.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace cordon {
namespace {

std::string lowered(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool mentionsGcj02(std::string_view text) {
    const std::string l = lowered(text);
    for (const char* word : {"gcj", "amap", "gaode", "高德", "datav", "火星"})
        if (l.find(word) != std::string::npos) return true;
    return false;
}

/// A top-level `crs` member that names GCJ-02: it comes before the features in every export seen,
/// so the head of the file is enough (a 200 MB file is not scanned for it).
bool declaresGcj02(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, 4096);
    const std::size_t crs = head.find("\"crs\"");
    if (crs == std::string_view::npos) return false;
    const std::string_view member = head.substr(crs, 300);
    const std::size_t features = member.find("\"features\"");
    const std::string_view text = member.substr(0, features);
    const std::string l = lowered(text);
    return l.find("gcj") != std::string::npos;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

/// Fewest positions near roads for the comparison to decide.
constexpr std::size_t kMinNearRoads = 8;
/// Converting moves a position a few hundred metres: whichever of the two readings is the true one
/// sits as close to the roads as the data really is, the other as close as a random point (in a
/// dense city, only a few tens of metres more). The converted reading must be this much closer,
/// as a share and in metres, to be called GCJ-02.
constexpr double kCloserShare = 0.6;
constexpr double kCloserMetres = 10;

} // namespace

Gcj02Guess guessGcj02(std::string_view bytes, std::string_view source, const FeatureLayer& file,
                      const RoadDistance& roadDistance) {
    Gcj02Guess g;
    if (declaresGcj02(bytes)) {
        g.likely = true;
        g.evidence = Gcj02Evidence::Declared;
    }
    if (roadDistance) {
        // The first position of features spread evenly through the file.
        const std::size_t n = file.features.size();
        const std::size_t step = std::max<std::size_t>(1, n / kGcj02Sample);
        std::vector<double> given, converted;
        for (std::size_t i = 0; i < n && given.size() < kGcj02Sample; i += step) {
            const std::optional<LonLat> p = file.firstPosition(i);
            if (!p || !gcj02::inChina(*p)) continue;
            const std::optional<double> a = roadDistance(*p);
            const std::optional<double> b = roadDistance(gcj02ToWgs84(*p));
            if (!a && !b) continue; // nowhere near the roads on the map
            given.push_back(a.value_or(1e9));
            converted.push_back(b.value_or(1e9));
        }
        g.sampled = given.size();
        if (g.sampled >= kMinNearRoads) {
            g.asGivenMetres = median(given);
            g.convertedMetres = median(converted);
            if (g.evidence != Gcj02Evidence::Declared) {
                g.likely = *g.convertedMetres<*g.asGivenMetres * kCloserShare&& * g.asGivenMetres -
                                              *g.convertedMetres>
                                kCloserMetres;
                g.evidence = g.likely ? Gcj02Evidence::RoadOffset : Gcj02Evidence::None;
            }
            return g;
        }
    }
    if (g.evidence == Gcj02Evidence::None && mentionsGcj02(source)) {
        g.likely = true;
        g.evidence = Gcj02Evidence::Named;
    }
    return g;
}

} // namespace cordon
