#include "cli_run.hpp"
#include "cordon/cli.hpp"
#include "cordon/file_io.hpp"
#include "cordon/import_command.hpp"
#include "core/feeds/feed.hpp"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <sstream>
#include <unistd.h>

using namespace cordon;
using Catch::Matchers::WithinAbs;
namespace fs = std::filesystem;

namespace {

std::string shared(const char* path) {
    return std::string(CORDON_SHARED_DATA) + "/" + path;
}

/// A fresh folder per test case and process (other builds may run the same tests at once).
fs::path tempDir(const std::string& name) {
    const fs::path dir =
        fs::temp_directory_path() / ("cordon-import-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string readText(const fs::path& path) {
    std::string error;
    const std::optional<std::string> bytes = readFile(path.string(), error);
    INFO(error);
    REQUIRE(bytes);
    return *bytes;
}

/// Runs a shell command (ogr2ogr), failing the test when it fails.
void shell(const std::string& command) {
    INFO(command);
    REQUIRE(std::system(command.c_str()) == 0);
}

std::string quoted(const fs::path& p) {
    return "'" + p.string() + "'";
}

Feed readBack(const fs::path& path, FeedKind kind, std::size_t expectedErrors = 0) {
    FeedReadResult r = readFeed(readText(path), kind, path.string());
    std::size_t errors = 0;
    for (const Diagnostic& d : r.diagnostics)
        if (d.severity == Severity::Error) {
            ++errors;
            UNSCOPED_INFO(d.toString());
        }
    CHECK(errors == expectedErrors);
    REQUIRE(r.feed);
    return std::move(*r.feed);
}

/// Vertex average of a feature's first ring (enough to see a shift of the whole shape).
LonLat firstRingAverage(const FeatureLayer& layer, std::size_t feature) {
    const FeatureRecord& f = layer.features[feature];
    REQUIRE(f.partCount > 0);
    const GeometryPart& part = layer.parts[f.firstPart];
    const std::size_t n = layer.ringSize(part.firstRing);
    const LonLat* ring = layer.ring(part.firstRing);
    LonLat sum{};
    for (std::size_t i = 0; i < n; ++i) {
        sum.lon += ring[i].lon;
        sum.lat += ring[i].lat;
    }
    return {sum.lon / n, sum.lat / n};
}

/// East and north metres from a to b (local flat approximation).
LonLat metresEastNorth(LonLat a, LonLat b) {
    constexpr double kMetresPerDegree = 6371008.8 * std::numbers::pi / 180.0;
    return {(b.lon - a.lon) * kMetresPerDegree * std::cos(a.lat * std::numbers::pi / 180.0),
            (b.lat - a.lat) * kMetresPerDegree};
}

// Three checkpoints with field names as a foreign system might spell them.
struct SamplePost {
    const char* code;
    const char* name;
    const char* type;
    PostKind kind;
    int staff;
    double lon, lat;
};
constexpr SamplePost kSamplePosts[] = {
    {"P-0001", "丰产路小区东门", "compound_gate", PostKind::CompoundGate, 2, 113.6812345, 34.7771234},
    {"P-0002", "郑州东收费站 \"A\" 出口", "highway_exit", PostKind::HighwayExit, 6, 113.7298765, 34.7600002},
    {"P-0003", "金水区核酸检测点（文化路）", "testing_site", PostKind::TestingSite, 3, 113.6654321,
     34.7912345},
};

std::string samplePostsGeoJson() {
    std::string s = "{\"type\":\"FeatureCollection\",\"features\":[\n";
    for (const SamplePost& p : kSamplePosts) {
        std::string name = p.name;
        for (std::size_t i = 0; (i = name.find('"', i)) != std::string::npos; i += 2)
            name.insert(i, "\\");
        char coords[80];
        std::snprintf(coords, sizeof coords, "[%.7f,%.7f]", p.lon, p.lat);
        s += std::string(&p == kSamplePosts ? "" : ",\n") +
             "{\"type\":\"Feature\",\"properties\":{\"CODE\":\"" + p.code + "\",\"NAME_CN\":\"" + name +
             "\",\"TYPE\":\"" + p.type + "\",\"STAFF\":" + std::to_string(p.staff) +
             "},\"geometry\":{\"type\":\"Point\",\"coordinates\":" + coords + "}}";
    }
    return s + "\n]}\n";
}

/// The posts feed read back from an import holds the three sample posts, whatever the format.
void checkSamplePosts(const Feed& feed, bool staffIsNumber = true) {
    REQUIRE(feed.size() == std::size(kSamplePosts));
    for (const SamplePost& p : kSamplePosts) {
        INFO(p.code);
        const std::optional<std::uint32_t> i = feed.find(p.code);
        REQUIRE(i);
        const FeatureRecord& f = feed.layer.features[*i];
        CHECK(f.name == p.name);
        CHECK(feed.posts[*i].kind == p.kind);
        REQUIRE(f.partCount == 1);
        const LonLat at = feed.layer.ring(feed.layer.parts[f.firstPart].firstRing)[0];
        CHECK_THAT(at.lon, WithinAbs(p.lon, 1e-6));
        CHECK_THAT(at.lat, WithinAbs(p.lat, 1e-6));
        const std::string_view props = feed.layer.propertiesJson(*i);
        const std::string staff = staffIsNumber ? "\"STAFF\":" + std::to_string(p.staff)
                                                : "\"STAFF\":\"" + std::to_string(p.staff) + "\"";
        CHECK(props.find(staff) != std::string_view::npos);
    }
}

const std::vector<std::string> kPostMapping = {"--feed", "posts", "--id",
                                               "CODE",   "--map", "name=NAME_CN,kind=TYPE"};

Run importTo(const fs::path& out, const fs::path& in, std::vector<std::string> extra) {
    std::vector<std::string> args = {"import"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), {"-o", out.string(), in.string()});
    Run r = cli(args);
    UNSCOPED_INFO(r.out << r.err);
    return r;
}

std::vector<std::string> plus(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

} // namespace

TEST_CASE("import: Zhengzhou districts (GCJ-02, DataV) become a WGS84 areas feed", "[import]") {
    const fs::path dir = tempDir("zhengzhou");
    const fs::path in = shared("boundaries/zhengzhou-districts.geojson");
    const fs::path out = dir / "areas.geojson";
    const Run r = importTo(
        out, in, {"--feed", "areas", "--id", "adcode", "--map", "name=name,level=:district", "--from-gcj02"});
    REQUIRE(r.code == kExitOk);
    CHECK(r.out.find("0 errors") != std::string::npos);
    CHECK(r.out.find("GCJ-02 -> WGS84") != std::string::npos);

    const Feed feed = readBack(out, FeedKind::Areas);
    REQUIRE(feed.size() == 12);
    const std::optional<std::uint32_t> jinshui = feed.find("410105");
    REQUIRE(jinshui);
    CHECK(feed.layer.features[*jinshui].name == "金水区");
    CHECK(feed.areas[*jinshui].level == AreaLevel::District);
    // Unmapped fields are kept with their types: adcode a number, parent a JSON object.
    const std::string_view props = feed.layer.propertiesJson(*jinshui);
    CHECK(props.find("\"adcode\":410105") != std::string_view::npos);
    CHECK(props.find("\"parent\":{\"adcode\":410100}") != std::string_view::npos);
    CHECK(props.find("\"acroutes\":[100000,410000,410100]") != std::string_view::npos);
    CHECK(readText(out).find("{\"feed\":\"areas\",\"version\":1}") != std::string::npos);

    // Every district moved by the GCJ-02 offset: about 0.57 km, to the west and north.
    const GeoJsonReadResult original = readGeoJson(readText(in), "zhengzhou");
    REQUIRE(original.layer);
    REQUIRE(original.layer->features.size() == 12);
    for (std::size_t i = 0; i < 12; ++i) {
        const LonLat d =
            metresEastNorth(firstRingAverage(*original.layer, i), firstRingAverage(feed.layer, i));
        INFO(feed.layer.features[i].name << ": east " << d.lon << " m, north " << d.lat << " m");
        CHECK(std::hypot(d.lon, d.lat) > 450);
        CHECK(std::hypot(d.lon, d.lat) < 700);
        CHECK(d.lon < -400);
        CHECK(d.lat > 50);
    }

    SECTION("the same from a mapping file") {
        const fs::path mapping = dir / "zhengzhou.json";
        writeText(mapping, R"({"feed":"areas","id":"adcode","map":{"name":"name","level":":district"},
                               "from_gcj02":true})");
        const fs::path out2 = dir / "areas2.geojson";
        REQUIRE(importTo(out2, in, {"--mapping", mapping.string()}).code == kExitOk);
        CHECK(readText(out2) == readText(out));
    }
    SECTION("--only-mapped keeps just the mapped properties") {
        const fs::path out3 = dir / "areas3.geojson";
        REQUIRE(importTo(out3, in,
                         {"--feed", "areas", "--id", "adcode", "--map", "name=name,level=:district",
                          "--from-gcj02", "--only-mapped"})
                    .code == kExitOk);
        const Feed only = readBack(out3, FeedKind::Areas);
        CHECK(only.layer.propertiesJson(0) == "{\"name\":\"中原区\",\"level\":\"district\"}");
    }
    fs::remove_all(dir);
}

TEST_CASE("import: Chengdu OSM roads become a roads feed with highway and oneway", "[import]") {
    const fs::path dir = tempDir("chengdu");
    const fs::path in = shared("roads/chengdu.geojson");
    const fs::path out = dir / "roads.geojson";
    REQUIRE(importTo(out, in, {"--feed", "roads"}).code == kExitOk);
    const Feed feed = readBack(out, FeedKind::Roads);
    REQUIRE(feed.size() == 2268);
    std::size_t residential = 0, forward = 0, backward = 0;
    for (const RoadFields& road : feed.roads) {
        residential += road.highway == "residential";
        forward += road.oneway == Oneway::Forward;
        backward += road.oneway == Oneway::Backward;
    }
    CHECK(residential == 465); // counts from ../shared/data/README.md
    CHECK(forward == 636);
    CHECK(backward == 20);
    // The OSM way ids survive (GDAL reads GeoJSON number ids as FIDs).
    const std::optional<std::uint32_t> way = feed.find("25373389");
    REQUIRE(way);
    CHECK(feed.layer.features[*way].name == "人民中路一段");
    // Same positions as the input (written with 7 decimals; the input has 7 at most).
    const GeoJsonReadResult original = readGeoJson(readText(in), "chengdu");
    REQUIRE(original.layer);
    REQUIRE(original.layer->positions.size() == feed.layer.positions.size());
    double worst = 0;
    for (std::size_t i = 0; i < feed.layer.positions.size(); ++i)
        worst = std::max({worst, std::abs(feed.layer.positions[i].lon - original.layer->positions[i].lon),
                          std::abs(feed.layer.positions[i].lat - original.layer->positions[i].lat)});
    CHECK(worst < 1e-9);
    fs::remove_all(dir);
}

TEST_CASE("import: posts round trip through Shapefile, GeoPackage, KML and CSV", "[import]") {
    const fs::path dir = tempDir("formats");
    const fs::path source = dir / "posts.geojson";
    writeText(source, samplePostsGeoJson());

    SECTION("GeoJSON itself") {
        REQUIRE(importTo(dir / "out.geojson", source, kPostMapping).code == kExitOk);
        checkSamplePosts(readBack(dir / "out.geojson", FeedKind::Posts));
    }
    SECTION("Shapefile (UTF-8, with .cpg)") {
        fs::create_directories(dir / "shp");
        shell("ogr2ogr -f 'ESRI Shapefile' -lco ENCODING=UTF-8 " + quoted(dir / "shp/posts.shp") + " " +
              quoted(source));
        REQUIRE(fs::exists(dir / "shp/posts.cpg"));
        REQUIRE(importTo(dir / "out.geojson", dir / "shp/posts.shp", kPostMapping).code == kExitOk);
        checkSamplePosts(readBack(dir / "out.geojson", FeedKind::Posts));
    }
    SECTION("Shapefile in GBK without .cpg needs --encoding CP936") {
        fs::create_directories(dir / "gbk");
        shell("ogr2ogr -f 'ESRI Shapefile' -lco ENCODING=CP936 " + quoted(dir / "gbk/posts.shp") + " " +
              quoted(source));
        fs::remove(dir / "gbk/posts.cpg");
        REQUIRE(
            importTo(dir / "out.geojson", dir / "gbk/posts.shp", plus(kPostMapping, {"--encoding", "CP936"}))
                .code == kExitOk);
        checkSamplePosts(readBack(dir / "out.geojson", FeedKind::Posts));
    }
    SECTION("GeoPackage") {
        shell("ogr2ogr -f GPKG " + quoted(dir / "posts.gpkg") + " " + quoted(source));
        REQUIRE(importTo(dir / "out.geojson", dir / "posts.gpkg", kPostMapping).code == kExitOk);
        checkSamplePosts(readBack(dir / "out.geojson", FeedKind::Posts));
    }
    SECTION("KML") {
        shell("ogr2ogr -f KML " + quoted(dir / "posts.kml") + " " + quoted(source));
        REQUIRE(importTo(dir / "out.geojson", dir / "posts.kml", kPostMapping).code == kExitOk);
        checkSamplePosts(readBack(dir / "out.geojson", FeedKind::Posts));
    }
    SECTION("CSV written by ogr2ogr with X/Y columns") {
        fs::create_directories(dir / "csv");
        shell("ogr2ogr -f CSV -lco GEOMETRY=AS_XY " + quoted(dir / "csv/posts.csv") + " " + quoted(source));
        const Run r = importTo(dir / "out.geojson", dir / "csv/posts.csv",
                               plus(kPostMapping, {"--oo", "X_POSSIBLE_NAMES=X", "--oo", "Y_POSSIBLE_NAMES=Y",
                                                   "--oo", "AUTODETECT_TYPE=YES"}));
        REQUIRE(r.code == kExitOk);
        CHECK(r.err.find("assuming WGS84") != std::string::npos);
        checkSamplePosts(readBack(dir / "out.geojson", FeedKind::Posts));
    }
    SECTION("CSV with lon/lat columns (hand-written), fields stay text without AUTODETECT_TYPE") {
        std::string csv = "CODE,NAME_CN,TYPE,STAFF,lon,lat\n";
        for (const SamplePost& p : kSamplePosts) {
            std::string name = p.name;
            for (std::size_t i = 0; (i = name.find('"', i)) != std::string::npos; i += 2)
                name.insert(i, "\"");
            char row[300];
            std::snprintf(row, sizeof row, "%s,\"%s\",%s,%d,%.7f,%.7f\n", p.code, name.c_str(), p.type,
                          p.staff, p.lon, p.lat);
            csv += row;
        }
        writeText(dir / "posts.csv", csv);
        const Run r =
            importTo(dir / "out.geojson", dir / "posts.csv",
                     plus(kPostMapping, {"--oo", "X_POSSIBLE_NAMES=lon", "--oo", "Y_POSSIBLE_NAMES=lat"}));
        REQUIRE(r.code == kExitOk);
        checkSamplePosts(readBack(dir / "out.geojson", FeedKind::Posts), false);
    }
    SECTION("GeoPackage in a projected system (UTM 50N) is transformed back to lon/lat") {
        shell("ogr2ogr -f GPKG -t_srs EPSG:32649 " + quoted(dir / "utm.gpkg") + " " + quoted(source));
        const Run r = importTo(dir / "out.geojson", dir / "utm.gpkg", kPostMapping);
        REQUIRE(r.code == kExitOk);
        CHECK(r.out.find("EPSG:32649") != std::string::npos);
        checkSamplePosts(readBack(dir / "out.geojson", FeedKind::Posts));
    }
    fs::remove_all(dir);
}

TEST_CASE("import: polygon rings are written counter-clockwise outside, clockwise inside", "[import]") {
    const fs::path dir = tempDir("rings");
    // Outer ring clockwise, hole counter-clockwise: both the wrong way round for RFC 7946.
    writeText(dir / "in.geojson",
              R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"risk":"high",
              "since":"2022-11-20"},"geometry":{"type":"Polygon","coordinates":[
              [[0,0],[0,10],[10,10],[10,0],[0,0]],[[2,2],[4,2],[4,4],[2,4],[2,2]]]}}]})");
    REQUIRE(importTo(dir / "out.geojson", dir / "in.geojson", {"--feed", "zones"}).code == kExitOk);
    const std::string text = readText(dir / "out.geojson");
    CHECK(text.find("[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[2,4],[4,4],[4,2],[2,2]]]") !=
          std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("import: mapping constants, typed values and JSON escaping", "[import]") {
    const fs::path dir = tempDir("mapping");
    writeText(
        dir / "in.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名称":"a\"b\\c\n<d>",
              "n":1.25,"big":9007199254740993,"flag":true},"geometry":{"type":"Point","coordinates":[1.5,2.5]}}]})");
    const fs::path mapping = dir / "m.json";
    writeText(mapping, R"({"feed":"facilities","map":{"name":"名称","kind":":hospital","beds":120,
                           "tags":["a","b"],"note":"::colon"},"only_mapped":true})");
    const Run r = importTo(dir / "out.geojson", dir / "in.geojson", {"--mapping", mapping.string()});
    REQUIRE(r.code == kExitOk);
    const Feed feed = readBack(dir / "out.geojson", FeedKind::Facilities);
    REQUIRE(feed.size() == 1);
    CHECK(feed.layer.features[0].name == "a\"b\\c\n<d>");
    CHECK(feed.facilities[0].kind == FacilityKind::Hospital);
    CHECK(feed.layer.features[0].id == "0"); // the source FID (GeoJSON counts from 0)
    const std::string_view props = feed.layer.propertiesJson(0);
    CHECK(props.find("\"beds\":120") != std::string_view::npos);
    CHECK(props.find("\"tags\":[\"a\",\"b\"]") != std::string_view::npos);
    CHECK(props.find("\"note\":\":colon\"") != std::string_view::npos);
    CHECK(props.find("\"n\"") == std::string_view::npos); // --only-mapped

    // Without --only-mapped the other fields keep their types.
    REQUIRE(importTo(dir / "out2.geojson", dir / "in.geojson",
                     {"--feed", "facilities", "--map", "name=名称,kind=:depot"})
                .code == kExitOk);
    const Feed all = readBack(dir / "out2.geojson", FeedKind::Facilities);
    const std::string_view props2 = all.layer.propertiesJson(0);
    CHECK(props2.find("\"n\":1.25") != std::string_view::npos);
    CHECK(props2.find("\"big\":9007199254740993") != std::string_view::npos);
    CHECK(props2.find("\"flag\":true") != std::string_view::npos);
    CHECK(props2.find("名称") == std::string_view::npos); // renamed to name
    fs::remove_all(dir);
}

TEST_CASE("import: command-line problems exit 2, data errors exit 1", "[import]") {
    const fs::path dir = tempDir("errors");
    const fs::path roads = shared("roads/chengdu.geojson");
    const fs::path out = dir / "out.geojson";
    CHECK(cli({"import", "--help"}).code == kExitOk);
    CHECK(cli({"import", "--help"}).out.find("--feed NAME") != std::string::npos);
    CHECK(importTo(out, roads, {}).code == kExitUsage);                                // no --feed
    CHECK(importTo(out, roads, {"--feed", "bogus"}).code == kExitUsage);               // unknown feed
    CHECK(importTo(out, dir / "missing.shp", {"--feed", "roads"}).code == kExitUsage); // unreadable
    const Run noField = importTo(out, roads, {"--feed", "roads", "--map", "kind=nope"});
    CHECK(noField.code == kExitUsage);
    CHECK(noField.err.find("highway") != std::string::npos); // lists the fields there are
    CHECK(importTo(out, roads, {"--feed", "roads", "--map", "broken"}).code == kExitUsage);
    CHECK(importTo(out, roads, {"--feed", "roads", "--id", "nope"}).code == kExitUsage);
    CHECK(importTo(out, roads, {"--feed", "roads", "--layer", "nope"}).code == kExitUsage);
    CHECK(cli({"import", "--feed", "roads", roads.string()}).code == kExitUsage); // no -o
    writeText(dir / "bad-mapping.json", R"({"feed":"roads","mapp":{}})");
    CHECK(importTo(out, roads, {"--mapping", (dir / "bad-mapping.json").string()}).code == kExitUsage);

    // Roads read as posts: every feature has the wrong geometry and no kind.
    const Run wrong = importTo(out, roads, {"--feed", "posts"});
    CHECK(wrong.code == kExitProblems);
    CHECK(wrong.out.find("errors") != std::string::npos);
    CHECK(wrong.out.find("posts[0]") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("import: parseFieldMappings", "[import]") {
    std::vector<FieldMapping> map;
    std::string error;
    REQUIRE(parseFieldMappings("name=NAME,level=:district,,note=::x", map, error));
    REQUIRE(map.size() == 3);
    CHECK(map[0].target == "name");
    CHECK(map[0].source == "NAME");
    CHECK(map[1].literalJson == "\"district\"");
    CHECK(map[2].literalJson == "\":x\"");
    REQUIRE(parseFieldMappings("name=OTHER", map, error)); // replaces, keeps the order
    CHECK(map.size() == 3);
    CHECK(map[0].source == "OTHER");
    CHECK_FALSE(parseFieldMappings("name", map, error));
    CHECK_FALSE(parseFieldMappings("=x", map, error));
    CHECK_FALSE(parseFieldMappings("x=", map, error));
}
