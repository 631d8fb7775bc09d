#include "cordon/cli.hpp"

#include <catch2/catch_test_macros.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace cordon;

namespace {

struct Run {
    int code;
    std::string out, err;
};

Run cli(std::vector<std::string> args) {
    std::ostringstream out, err;
    const int code = runCli(args, out, err);
    return {code, out.str(), err.str()};
}

std::string demo(const char* feed) {
    return std::string(CORDON_SOURCE_DIR) + "/assets/demo/" + feed + ".geojson";
}

std::string writeTemp(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path) << text;
    return path.string();
}

} // namespace

TEST_CASE("cordon without a command prints usage and fails") {
    const Run r = cli({});
    CHECK(r.code == kExitUsage);
    CHECK(r.err.find("validate") != std::string::npos);
    CHECK(cli({"--help"}).code == kExitOk);
    CHECK(cli({"nonsense"}).code == kExitUsage);
}

TEST_CASE("every command has --help") {
    for (const char* c : {"validate", "stats"}) {
        const Run r = cli({c, "--help"});
        CHECK(r.code == kExitOk);
        CHECK(r.out.find(std::string("cordon ") + c) != std::string::npos);
    }
}

TEST_CASE("validate accepts the demo feeds") {
    const Run r =
        cli({"validate", demo("zones"), demo("posts"), demo("areas"), demo("roads"), demo("teams")});
    INFO(r.out << r.err);
    CHECK(r.code == kExitOk);
    CHECK(r.out.find("0 errors, 0 warnings") != std::string::npos);
}

TEST_CASE("validate names file, feature, id and path of each problem") {
    const std::string bad =
        writeTemp("cordon-cli-posts.geojson",
                  R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"P-9","properties":{},
            "geometry":{"type":"Point","coordinates":[113.6]}}]})");
    const Run r = cli({"validate", bad});
    CHECK(r.code == kExitProblems);
    CHECK(r.out.find("posts[0] id=P-9: geometry.coordinates: error:") != std::string::npos);

    const Run j = cli({"validate", "--json", bad});
    CHECK(j.code == kExitProblems);
    CHECK(j.out.find(R"("errors":1)") != std::string::npos);
    CHECK(j.out.find(R"("id":"P-9")") != std::string::npos);
    std::remove(bad.c_str());
}

TEST_CASE("validate and stats fail cleanly on a missing file") {
    const Run r = cli({"validate", "/nonexistent/zones.geojson"});
    CHECK(r.code == kExitUsage);
    CHECK(r.err.find("/nonexistent/zones.geojson") != std::string::npos);
    CHECK(cli({"stats", "/nonexistent/x.geojson"}).code == kExitUsage);
    CHECK(cli({"stats", "--bogus", demo("zones")}).code == kExitUsage);
}

TEST_CASE("stats counts the Chengdu road network from the shared data") {
    const std::string file = std::string(CORDON_SHARED_DATA) + "/roads/chengdu.geojson";
    REQUIRE(std::filesystem::exists(file));
    const Run r = cli({"stats", file});
    INFO(r.out << r.err);
    CHECK(r.code == kExitOk);
    CHECK(r.out.find("features  2268") != std::string::npos);
    CHECK(r.out.find("lines     2268") != std::string::npos);
}
