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
    return std::string(CORDON_SOURCE_DIR) + "/assets/mini-city/" + feed + ".geojson";
}

std::string writeTemp(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / name;
    std::filesystem::create_directories(path.parent_path());
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

TEST_CASE("validate accepts the demo feeds given as files or as their folder") {
    const Run r =
        cli({"validate", demo("zones"), demo("posts"), demo("areas"), demo("roads"), demo("teams")});
    INFO(r.out << r.err);
    CHECK(r.code == kExitOk);
    CHECK(r.out.find("0 errors, 0 warnings") != std::string::npos);
    const Run folder = cli({"validate", std::string(CORDON_SOURCE_DIR) + "/assets/mini-city"});
    CHECK(folder.code == kExitOk);
    CHECK(folder.out.find("features read as zones") != std::string::npos);
}

TEST_CASE("validate names file and feature and id and path of each problem") {
    const std::string bad =
        writeTemp("cordon-cli-bad/posts.geojson", R"({"type":"FeatureCollection","features":[
        {"type":"Feature","id":"P-9","properties":{"kind":"compound_gate"},
         "geometry":{"type":"Point","coordinates":[113.6]}}]})");
    const Run r = cli({"validate", bad});
    INFO(r.out);
    CHECK(r.code == kExitProblems);
    CHECK(
        r.out.find(bad +
                   ": posts[0] id=P-9: geometry.coordinates: error: a position needs at least two numbers") !=
        std::string::npos);

    const Run j = cli({"validate", "--json", bad});
    CHECK(j.code == kExitProblems);
    CHECK(j.out.find(R"("errors":1)") != std::string::npos);
    CHECK(j.out.find(R"("id":"P-9")") != std::string::npos);
    CHECK(j.out.find(R"("path":"geometry.coordinates")") != std::string::npos);
    std::remove(bad.c_str());
}

TEST_CASE("validate reports references between the given feeds") {
    const std::string posts =
        writeTemp("cordon-cli-ref/posts.geojson", R"({"type":"FeatureCollection","features":[
        {"type":"Feature","id":"P-1","properties":{"kind":"compound_gate","zone":"Z-404",
          "demand":[{"from":"08:00","to":"18:00","staff":2}]},"geometry":{"type":"Point","coordinates":[113.6,34.7]}}]})");
    const Run r = cli({"validate", demo("zones"), posts});
    INFO(r.out);
    CHECK(r.code == kExitOk); // a dangling reference is a warning
    CHECK(r.out.find("posts[0] id=P-1: properties.zone: warning: unknown zones id 'Z-404'") !=
          std::string::npos);
    std::remove(posts.c_str());
}

TEST_CASE("validate checks files of unknown kind as plain GeoJSON") {
    const std::string plain = writeTemp("cordon-cli-plain/shapes.json",
                                        R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]})");
    const Run r = cli({"validate", plain});
    CHECK(r.code == kExitProblems);
    CHECK(r.out.find("ring needs at least four positions") != std::string::npos);
    std::remove(plain.c_str());
}

TEST_CASE("validate and stats fail cleanly on a missing file or a bad option") {
    const Run r = cli({"validate", "/nonexistent/zones.geojson"});
    CHECK(r.code == kExitUsage);
    CHECK(r.err.find("/nonexistent/zones.geojson") != std::string::npos);
    CHECK(cli({"stats", "/nonexistent/x.geojson"}).code == kExitUsage);
    CHECK(cli({"stats", "--bogus", demo("zones")}).code == kExitUsage);
    CHECK(cli({"validate", "--feed", "people", demo("zones")}).code == kExitUsage);
}

TEST_CASE("stats counts the Chengdu road network from the shared data") {
    const std::string file = std::string(CORDON_SHARED_DATA) + "/roads/chengdu.geojson";
    REQUIRE(std::filesystem::exists(file));
    const Run r = cli({"stats", "--feed", "roads", file});
    INFO(r.out << r.err);
    CHECK(r.code == kExitOk);
    CHECK(r.out.find("(roads)") != std::string::npos);
    CHECK(r.out.find("features  2268") != std::string::npos);
    CHECK(r.out.find("lines     2268") != std::string::npos);
    CHECK(r.out.find("highway residential: 465") != std::string::npos);
    CHECK(r.out.find("MB/s") != std::string::npos);
}

TEST_CASE("stats breaks areas down by level") {
    const Run r = cli({"stats", demo("areas")});
    CHECK(r.code == kExitOk);
    CHECK(r.out.find("level district: 3") != std::string::npos);
}
