// Telling GCJ-02 files from WGS84 ones: by the roads on the map first, then by what the file says
// about itself.

#include "core/feeds/gcj02_guess.hpp"
#include "core/formats/geojson_reader.hpp"
#include "core/geo/gcj02.hpp"

#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <string>
#include <vector>

using namespace cordon;

namespace {

/// Road "vertices" on a grid around central Zhengzhou (WGS84), 300 m apart by default; each moved
/// by up to a third of the spacing, as real streets are no lattice (a lattice could line up with
/// the GCJ-02 shift).
std::vector<LonLat> roadPoints(double spacing = 1.0) {
    std::vector<LonLat> out;
    unsigned seed = 12345;
    const auto jitter = [&seed] {
        seed = seed * 1103515245u + 12345u;
        return (static_cast<double>((seed >> 8) % 1000) / 1000.0 - 0.5) * 0.66;
    };
    for (int i = 0; i < 20; ++i)
        for (int j = 0; j < 20; ++j)
            out.push_back(
                {113.60 + (i + jitter()) * 0.0033 * spacing, 34.72 + (j + jitter()) * 0.0027 * spacing});
    return out;
}

double metres(LonLat a, LonLat b) {
    const double k = 111320.0;
    const double dx = (a.lon - b.lon) * k * std::cos(a.lat * 3.14159265358979 / 180);
    const double dy = (a.lat - b.lat) * k;
    return std::sqrt(dx * dx + dy * dy);
}

/// Distance to the nearest road point within 2 km.
RoadDistance distanceTo(std::vector<LonLat> roads) {
    return [roads = std::move(roads)](LonLat p) -> std::optional<double> {
        double best = 1e18;
        for (LonLat r : roads)
            best = std::min(best, metres(p, r));
        if (best > 2000) return std::nullopt;
        return best;
    };
}

/// Checkpoints at every 7th road point, moved by `shift`, as GeoJSON with an optional crs member.
std::string checkpoints(LonLat (*shift)(LonLat), const std::string& crs = "", double spacing = 1.0) {
    std::string text = R"({"type":"FeatureCollection",)" + crs + R"("features":[)";
    const std::vector<LonLat> roads = roadPoints(spacing);
    for (std::size_t i = 0; i < roads.size(); i += 7) {
        const LonLat p = shift(roads[i]);
        text += std::string(i ? "," : "") + R"({"type":"Feature","properties":{"名称":"卡口"},"geometry":)" +
                R"({"type":"Point","coordinates":[)" + std::to_string(p.lon) + "," + std::to_string(p.lat) +
                "]}}";
    }
    return text + "]}";
}

LonLat same(LonLat p) {
    return p;
}

FeatureLayer layerOf(const std::string& bytes) {
    GeoJsonReadResult r = readGeoJson(bytes, "test");
    REQUIRE(r.layer);
    return std::move(*r.layer);
}

} // namespace

TEST_CASE("Positions a few hundred metres off every road that land on them converted are GCJ-02") {
    const std::string bytes = checkpoints(wgs84ToGcj02);
    const Gcj02Guess g = guessGcj02(bytes, "checkpoints.geojson", layerOf(bytes), distanceTo(roadPoints()));
    CHECK(g.likely);
    CHECK(g.evidence == Gcj02Evidence::RoadOffset);
    REQUIRE(g.asGivenMetres);
    CHECK(*g.asGivenMetres > 100);
    CHECK(*g.convertedMetres < 5);
    CHECK(g.sampled >= 8);
}

TEST_CASE("In a dense street grid an offset still shows: converted, the positions are clearly closer") {
    // Roads every 70 m or so: shifted a few hundred metres, a point is still near some road.
    const std::string bytes = checkpoints(wgs84ToGcj02, "", 0.23);
    const Gcj02Guess g = guessGcj02(bytes, "export.geojson", layerOf(bytes), distanceTo(roadPoints(0.23)));
    INFO(*g.asGivenMetres << " " << *g.convertedMetres);
    CHECK(*g.asGivenMetres < 60);
    CHECK(*g.convertedMetres < 5);
    CHECK(g.likely);
}

TEST_CASE("Positions on the roads as given are WGS84, whatever the file is called") {
    const std::string bytes = checkpoints(same);
    const Gcj02Guess g = guessGcj02(bytes, "高德导出.geojson", layerOf(bytes), distanceTo(roadPoints()));
    CHECK_FALSE(g.likely);
    CHECK(g.evidence == Gcj02Evidence::None);
    CHECK(*g.asGivenMetres < 5);
}

TEST_CASE("Without roads to compare with, a crs member or the file name says GCJ-02") {
    const std::string declared = checkpoints(same, R"("crs":{"type":"name","properties":{"name":"GCJ02"}},)");
    CHECK(guessGcj02(declared, "a.geojson", layerOf(declared)).evidence == Gcj02Evidence::Declared);
    const std::string plain = checkpoints(same);
    CHECK(guessGcj02(plain, "amap-export.geojson", layerOf(plain)).evidence == Gcj02Evidence::Named);
    const Gcj02Guess none = guessGcj02(plain, "checkpoints.geojson", layerOf(plain));
    CHECK_FALSE(none.likely);
    CHECK_FALSE(none.asGivenMetres);
    // Roads far away from the file decide nothing: the name still does.
    const Gcj02Guess far = guessGcj02(plain, "datav.json", layerOf(plain), distanceTo({{104.06, 30.66}}));
    CHECK(far.evidence == Gcj02Evidence::Named);
    CHECK(far.sampled == 0);
}
