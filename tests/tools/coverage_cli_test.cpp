#include "cli_run.hpp"
#include "cordon/cli.hpp"
#include "core/formats/feature_layer.hpp"
#include "core/routing/road_graph.hpp"
#include "test_feeds.hpp"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace cordon;
using test::slurp;

namespace {

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

std::vector<std::string> splitCsv(const std::string& line) {
    std::vector<std::string> fields(1);
    for (char c : line)
        if (c == ',')
            fields.emplace_back();
        else
            fields.back() += c;
    return fields;
}

/// A 1 km street west to east, a walking task force at its west end assigned to a post at its east
/// end and to a zone around that post, and a driving one 10 m east of the west end assigned to nothing.
/// A folder of this process's own: CTest runs the test cases in parallel processes.
std::filesystem::path scratchDir(const char* name) {
    static const std::string suffix = std::to_string(std::random_device{}());
    return std::filesystem::temp_directory_path() / (std::string(name) + "-" + suffix);
}

std::filesystem::path writeFeeds() {
    const auto dir = scratchDir("cordon-coverage-cli");
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "roads.geojson") << R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":"W-1","properties":{"highway":"residential"},
       "geometry":{"type":"LineString","coordinates":[[113.65,34.75],[113.66,34.75]]}}]})";
    std::ofstream(dir / "teams.geojson") << R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":"T-1","properties":{"kind":"task_force","name":"A, west","members":9,"mode":"walk",
       "zones":["Z-1"],"posts":["P-1"]},"geometry":{"type":"Point","coordinates":[113.65,34.75]}},
      {"type":"Feature","id":"T-2","properties":{"kind":"supply_team","name":"B","members":3,"mode":"drive"},
       "geometry":{"type":"Point","coordinates":[113.6501,34.75]}}]})";
    std::ofstream(dir / "posts.geojson") << R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":"P-1","properties":{"kind":"city_entry","name":"East"},
       "geometry":{"type":"Point","coordinates":[113.66,34.75]}}]})";
    std::ofstream(dir / "zones.geojson") << R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":"Z-1","properties":{"risk":"high","name":"Z","since":"2022-11-20"},
       "geometry":{"type":"Polygon","coordinates":[[[113.659,34.7495],[113.661,34.7495],[113.661,34.7505],
       [113.659,34.7505],[113.659,34.7495]]]}}]})";
    return dir;
}

} // namespace

TEST_CASE("cordon coverage writes CSV and GeoJSON and summarises gaps") {
    const auto dir = writeFeeds();
    const auto outDir = scratchDir("cordon-coverage-cli-out");
    std::filesystem::create_directories(outDir);
    const auto csv = outDir / "out.csv", geojson = outDir / "out.geojson";
    const double walk = haversineMetres({113.65, 34.75}, {113.66, 34.75}) / kWalkSpeed; // about 11 min

    Run r = cli({"coverage", dir.string(), "--threshold", "10", "--out-csv", csv.string(), "--out-geojson",
                 geojson.string()});
    INFO(r.out << r.err);
    REQUIRE(r.code == kExitOk);
    CHECK(r.out.find("posts: 1, beyond 10 min of every assigned team: 1 (P-1)") != std::string::npos);
    CHECK(r.out.find("high-risk zones without an assigned task force within 10 min: 0") != std::string::npos);

    const std::vector<std::string> lines = splitLines(slurp(csv));
    REQUIRE(lines.size() == 3);
    const std::vector<std::string> header = splitCsv(lines[0]);
    CHECK(header[0] == "kind");
    CHECK(header[header.size() - 2] == "on_network");
    CHECK(header.back() == "no_task_force_in_reach");
    const std::vector<std::string> post = splitCsv(lines[2]);
    REQUIRE(post.size() == header.size());
    CHECK(post[0] == "post");
    CHECK(post[1] == "P-1");
    CHECK(post[5] == "T-1");
    CHECK_THAT(std::stod(post[6]), Catch::Matchers::WithinAbs(walk, 0.1));
    CHECK(post[7] == "T-1");  // nearest task force
    CHECK(post[15] == "T-2"); // nearest supply team: by car
    CHECK(std::stod(post[16]) < walk / 2);
    CHECK(post[header.size() - 3] == "true"); // beyond the threshold
    CHECK(post.back() == "false");            // a post is never a zone out of reach
    const std::vector<std::string> zone = splitCsv(lines[1]);
    CHECK(zone[0] == "zone");
    CHECK(zone[3] == "high");
    CHECK(zone.back() == "false");                  // its task force is within the threshold
    CHECK(std::stod(zone[6]) < std::stod(post[6])); // the zone's edge comes before the post inside it

    const std::string text = slurp(geojson);
    const GeoJsonReadResult g = readGeoJson(text, "coverage");
    REQUIRE(g.layer);
    CHECK(g.diagnostics.empty());
    CHECK(g.layer->features.size() == 4); // zone, post, T-1's area of responsibility as roads and as ground
    CHECK(text.find(R"("layer":"responsibility","kind":"task_force","team":"T-1")") != std::string::npos);
    CHECK(text.find(R"("layer":"responsibility_area","kind":"task_force","team":"T-1")") !=
          std::string::npos);
    CHECK(text.find(R"("type":"MultiPolygon")") != std::string::npos);
    CHECK(text.find(R"("beyond_threshold":true)") != std::string::npos);

    // Within 12 minutes the post is covered.
    r = cli({"coverage", dir.string(), "--threshold", "12", "--out-csv", csv.string()});
    CHECK(r.out.find("posts: 1, beyond 12 min of every assigned team: 0") != std::string::npos);
    r = cli({"coverage", dir.string(), "--threshold=12", "--out-csv=" + csv.string()});
    CHECK(r.code == kExitOk);
    CHECK(r.out.find("posts: 1, beyond 12 min of every assigned team: 0") != std::string::npos);
}

TEST_CASE("cordon coverage rejects bad command lines and missing feeds") {
    const auto dir = writeFeeds();
    CHECK(cli({"coverage", "--help"}).out.find("cordon coverage") != std::string::npos);
    CHECK(cli({"coverage"}).code == kExitUsage);
    CHECK(cli({"coverage", dir.string(), "--threshold", "soon"}).code == kExitUsage);
    CHECK(cli({"coverage", dir.string(), "--areas", "firemen"}).code == kExitUsage);
    const Run noRoads = cli({"coverage", (dir / "teams.geojson").string()});
    CHECK(noRoads.code == kExitUsage);
    CHECK(noRoads.err.find("needs a roads feed") != std::string::npos);
}
