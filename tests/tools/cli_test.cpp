#include "cli_run.hpp"
#include "cordon/cli.hpp"
#include "core/formats/json.hpp"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace cordon;

namespace {

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
    for (const char* c : {"validate", "stats", "gaps"}) {
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

namespace {

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// One compound K1 in community C1 with a night post; the night from the 25th is one short and
/// nobody comes for the night into the 27th; one entry names an unknown post. Each test case gives
/// its own folder `name`: CTest runs test cases side by side, and one rewrote the other's files.
std::string writeGapsCity(const std::string& name) {
    const std::string dir = (std::filesystem::temp_directory_path() / name).string();
    const char* square =
        R"({"type":"Polygon","coordinates":[[[113.6,34.7],[113.7,34.7],[113.7,34.8],[113.6,34.8],[113.6,34.7]]]})";
    writeTemp(name + "/areas.geojson", std::string(R"({"type":"FeatureCollection","features":[
        {"type":"Feature","id":"C1","properties":{"level":"community","name":"荷塘, 社区"},"geometry":)") +
                                           square + R"(},
        {"type":"Feature","id":"K1","properties":{"level":"compound","parent":"C1","name":"锦华苑",
          "households_by_color":{"red":20,"orange":25}},"geometry":)" +
                                           square + "}]}");
    writeTemp(name + "/posts.geojson", R"({"type":"FeatureCollection","features":[
        {"type":"Feature","id":"P1","properties":{"kind":"compound_gate","area":"K1","name":"东门",
          "demand":[{"from":"23:00","to":"07:00","staff":2}]},"geometry":{"type":"Point","coordinates":[113.65,34.75]}}]})");
    writeTemp(name + "/roster.geojson", R"({"type":"FeatureCollection","features":[
        {"type":"Feature","id":"R1","geometry":null,"properties":{"post":"P1","staff":1,
          "from":"2022-11-25T23:00:00+08:00","to":"2022-11-26T07:00:00+08:00"}},
        {"type":"Feature","id":"R2","geometry":null,"properties":{"post":"P-404","staff":3,
          "from":"2022-11-26T23:00:00+08:00","to":"2022-11-27T07:00:00+08:00"}}]})");
    return dir;
}

} // namespace

TEST_CASE("gaps prints the city summary and writes per-slot, per-area CSV and JSON") {
    const std::string dir = writeGapsCity("cordon-cli-gaps");
    const std::string out = writeTemp("cordon-cli-gaps-out/staffing", "");
    const std::string posts = out + "-posts.csv", areas = out + "-areas.csv", json = out + ".json";
    const Run r =
        cli({"gaps", dir, "--day", "2022-11-26", "--csv-posts", posts, "--csv-areas", areas, "--json", json});
    INFO(r.out << r.err);
    REQUIRE(r.code == kExitOk);
    // Required 2 x 8 h = 16; on duty 1 x 7 h; short 1 x 7 h + 2 x 1 h = 9, all at night.
    CHECK(r.out.find("day 2022-11-26 (+08:00), 96 slots of 15 min") != std::string::npos);
    CHECK(r.out.find("posts: 1, short at some time 1, unstaffed all day 0") != std::string::npos);
    CHECK(r.out.find("required 16.00, on duty 7.00, short 9.00 (night 23:00-07:00: 9.00), surplus 0.00") !=
          std::string::npos);
    CHECK(r.out.find("worst slot: 23:00-23:15, 2 people short") != std::string::npos);
    CHECK(r.out.find("households to visit (red+orange): 45, door teams 0") != std::string::npos);
    CHECK(r.out.find("roster[1] id=R2: properties.post: warning: unknown post id 'P-404'") !=
          std::string::npos);

    const std::string postsCsv = readText(posts);
    CHECK(std::count(postsCsv.begin(), postsCsv.end(), '\n') == 1 + 96);
    CHECK(postsCsv.find("P1,东门,K1,27,06:45,07:00,2,1,1,0,1\n") != std::string::npos);
    CHECK(postsCsv.find("P1,东门,K1,28,07:00,07:15,0,0,0,0,0\n") != std::string::npos);
    CHECK(postsCsv.find("P1,东门,K1,95,23:45,00:00,2,0,2,0,1\n") != std::string::npos);

    const std::string areasCsv = readText(areas);
    CHECK(areasCsv.find("city,,,,1,1,0,16.00,7.00,9.00,9.00,0.00,23:00,2,0,0,0,0,0,45,0,0,45\n") !=
          std::string::npos);
    CHECK(areasCsv.find("community,C1,\"荷塘, 社区\",,1,1,0,16.00,7.00,9.00,9.00") != std::string::npos);
    CHECK(areasCsv.find("compound,K1,锦华苑,C1,1,1,0,") != std::string::npos);

    const JsonParseResult j = parseJson(readText(json));
    REQUIRE(j.ok());
    CHECK(j.value->find("city")->find("shortPersonHours")->number == 9);
    const JsonValue& post = j.value->find("posts")->items.at(0);
    CHECK(post.find("worstGap")->find("from")->string == "00:00");
    CHECK(post.find("worstGap")->find("to")->string == "07:00");
    CHECK(post.find("onDuty")->items.size() == 96);
    CHECK(j.value->find("areas")->items.size() == 2);
    CHECK(j.value->find("problems")->items.size() == 1);

    const Run hourly = cli({"gaps", dir, "--day", "2022-11-26", "--slot", "60"});
    CHECK(hourly.out.find("24 slots of 60 min") != std::string::npos);
    CHECK(hourly.out.find("short 9.00") != std::string::npos);
    std::filesystem::remove_all(dir);
    std::filesystem::remove_all(std::filesystem::path(out).parent_path());
}

TEST_CASE("gaps refuses a bad day or slot and needs a day when there is no roster") {
    const std::string dir = writeGapsCity("cordon-cli-gaps-refused");
    CHECK(cli({"gaps", dir, "--day", "26/11/2022"}).code == kExitUsage);
    CHECK(cli({"gaps", dir, "--slot", "0"}).code == kExitUsage);
    CHECK(cli({"gaps", dir, "--bogus"}).code == kExitUsage);
    std::filesystem::remove(dir + "/roster.geojson");
    const Run r = cli({"gaps", dir});
    CHECK(r.code == kExitUsage);
    CHECK(r.err.find("--day") != std::string::npos);
    CHECK(cli({"gaps", dir, "--day", "2022-11-26"}).code == kExitOk);
    std::filesystem::remove_all(dir);
}

TEST_CASE("an option's value may follow it as --name=value and may begin with '-'") {
    const Run spaced =
        cli({"isochrone", "--roads", demo("roads"), "--from", "113.65,34.79", "--minutes", "5"});
    const Run joined = cli({"isochrone", "--roads=" + demo("roads"), "--from=113.65,34.79", "--minutes=5"});
    INFO(joined.err);
    REQUIRE(spaced.code == kExitOk);
    CHECK(joined.code == kExitOk);
    CHECK(joined.out == spaced.out);
    CHECK(joined.out.find("MultiPolygon") != std::string::npos);

    // West of Greenwich: a negative longitude, given either way.
    const std::string roads =
        writeTemp("cordon-cli-west/roads.geojson", R"({"type":"FeatureCollection","features":[
        {"type":"Feature","id":1,"properties":{"highway":"residential"},"geometry":{"type":"LineString","coordinates":[[-1.81,51.5],[-1.79,51.5]]}},
        {"type":"Feature","id":2,"properties":{"highway":"residential"},"geometry":{"type":"LineString","coordinates":[[-1.8,51.49],[-1.8,51.51]]}}]})");
    const Run west = cli({"isochrone", "--roads", roads, "--from=-1.8,51.5", "--minutes=5,10"});
    INFO(west.err);
    REQUIRE(west.code == kExitOk);
    CHECK(west.out.find("MultiPolygon") != std::string::npos);
    CHECK(cli({"isochrone", "--roads", roads, "--from", "-1.8,51.5", "--minutes", "5,10"}).out == west.out);
    const Run far = cli({"isochrone", "--roads=" + demo("roads"), "--from=-1.8,51.5"});
    CHECK(far.code == kExitProblems);
    CHECK(far.err.find("within 2 km of -1.8,51.5") != std::string::npos);
    std::filesystem::remove_all(std::filesystem::path(roads).parent_path());

    const Run validate = cli({"validate", "--feed=zones", demo("zones")});
    CHECK(validate.code == kExitOk);
    CHECK(validate.out.find("features read as zones") != std::string::npos);
    const Run flagWithValue = cli({"validate", "--json=yes", demo("zones")});
    CHECK(flagWithValue.code == kExitUsage);
    CHECK(flagWithValue.err.find("unknown option --json=yes") != std::string::npos);

    const std::string dir = writeGapsCity("cordon-cli-gaps-joined");
    const Run gaps = cli({"gaps", dir, "--day=2022-11-26", "--slot=60"});
    CHECK(gaps.code == kExitOk);
    CHECK(gaps.out.find("day 2022-11-26 (+08:00), 24 slots of 60 min") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("gaps, figures and coverage load their feeds the same way and name the file they cannot use") {
    const std::string notAFeed =
        writeTemp("cordon-cli/unknown-kind.geojson", R"({"type":"FeatureCollection","features":[]})");
    const std::string badPost =
        writeTemp("cordon-cli/posts.geojson",
                  R"({"type":"FeatureCollection","cordon":{"feed":"posts","version":1},"features":[)"
                  R"({"type":"Feature","id":"P-1","properties":{"kind":"city_entry","demand":[]},)"
                  R"("geometry":{"type":"Point","coordinates":[113.6,34.7]}},)"
                  R"({"type":"Feature","id":"P-2","properties":{"kind":"gate"},)"
                  R"("geometry":{"type":"Point","coordinates":[113.6,34.7]}}]})");
    for (const char* command : {"gaps", "figures", "coverage"}) {
        INFO(command);
        const Run missing = cli({command, "/nonexistent/posts.geojson"});
        CHECK(missing.code == kExitUsage);
        CHECK(missing.err.find(std::string("cordon ") + command + ": /nonexistent/posts.geojson") == 0);
        const Run unusable = cli({command, notAFeed});
        CHECK(unusable.code == kExitUsage);
        CHECK(unusable.err.find("unknown-kind.geojson is not a usable feed: ") != std::string::npos);
        CHECK(unusable.err.find("cannot tell which feed this is") != std::string::npos);
        // A usable feed's dropped features are named on stderr, whatever the command does next.
        const Run dropped = cli({command, badPost});
        CHECK(dropped.err.find("posts.geojson: posts[1] id=P-2: properties.kind: error") !=
              std::string::npos);
    }
}
