#include "core/formats/feature_layer.hpp"
#include "test_feeds.hpp"

#include <catch2/catch_test_macros.hpp>

#include <filesystem>

using namespace cordon;
using test::slurp;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> fixtures(const char* kind) {
    std::vector<fs::path> files;
    const fs::path root = fs::path(CORDON_SHARED_DATA) / "geojson-fixtures" / kind;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

TEST_CASE("Every valid GeoJSON fixture is accepted without errors") {
    const auto files = fixtures("valid");
    REQUIRE(files.size() == 30);
    for (const fs::path& f : files) {
        const GeoJsonReadResult r = readGeoJson(slurp(f), f.filename().string());
        std::string why;
        for (const Diagnostic& d : r.diagnostics)
            why += d.toString() + "\n";
        INFO(f.string() << "\n" << why);
        CHECK(r.layer);
        CHECK_FALSE(hasErrors(r.diagnostics));
    }
}

TEST_CASE("Every invalid GeoJSON fixture is flagged") {
    const auto files = fixtures("invalid");
    REQUIRE(files.size() == 36);
    for (const fs::path& f : files) {
        const GeoJsonReadResult r = readGeoJson(slurp(f), f.filename().string());
        INFO(f.string());
        CHECK(hasErrors(r.diagnostics));
    }
}
