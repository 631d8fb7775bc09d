#include "cli_run.hpp"
#include "core/formats/gzip.hpp"
#include "core/formats/json.hpp"
#include "test_feeds.hpp"

#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace cordon;
using test::slurp;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

} // namespace

TEST_CASE("cordon snapshot writes one HTML file with the checked feeds, escaped text and its own size") {
    const fs::path dir = fs::temp_directory_path() / "cordon-snapshot-cli";
    fs::remove_all(dir);
    fs::create_directories(dir / "feeds");
    const fs::path mini = fs::path(CORDON_SOURCE_DIR) / "assets" / "mini-city";
    for (const char* feed : {"zones.geojson", "posts.geojson"})
        fs::copy_file(mini / feed, dir / "feeds" / feed);
    write(dir / "app.html", "<!doctype html><html><head></head><body>APP</body></html>");
    const std::string hostile = "</script><script>alert(1)</script>";
    const Run run =
        cli({"snapshot", "--feeds", (dir / "feeds").string(), "-o", (dir / "briefing.html").string(), "--app",
             (dir / "app.html").string(), "--title", "简报 " + hostile, "--note", hostile, "--now", "01:00",
             "--iso", "113.67,34.75", "--iso-mode", "drive"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    const std::string html = slurp(dir / "briefing.html");
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK(run.out.find(std::to_string(html.size()) + " bytes") != std::string::npos);

    const std::size_t open = html.find("id=\"cordon-snapshot\">") + 21;
    const JsonParseResult header = parseJson(html.substr(open, html.find("</script>", open) - open));
    REQUIRE(header.ok());
    CHECK(header.value->find("title")->string == "简报 " + hostile);
    CHECK(std::stoull(header.value->find("bytes")->string) == html.size());
    CHECK(header.value->find("params")->string == "now=01:00&iso=113.67,34.75&isomode=drive");
    const JsonValue* feeds = header.value->find("feeds");
    REQUIRE(feeds->items.size() == 2);
    CHECK(feeds->items[0].find("name")->string == "posts.geojson");
    CHECK(feeds->items[1].find("name")->string == "zones.geojson");

    // The same with each value joined to its option (--name=value).
    const Run joined = cli({"snapshot", "--feeds=" + (dir / "feeds").string(),
                            "--output=" + (dir / "j.html").string(), "--app=" + (dir / "app.html").string(),
                            "--now=01:00", "--iso=113.67,34.75", "--iso-mode=drive"});
    INFO(joined.err);
    REQUIRE(joined.code == 0);
    const std::string joinedHtml = slurp(dir / "j.html");
    const std::size_t joinedOpen = joinedHtml.find("id=\"cordon-snapshot\">") + 21;
    const JsonParseResult joinedHeader =
        parseJson(joinedHtml.substr(joinedOpen, joinedHtml.find("</script>", joinedOpen) - joinedOpen));
    REQUIRE(joinedHeader.ok());
    CHECK(joinedHeader.value->find("params")->string == "now=01:00&iso=113.67,34.75&isomode=drive");
    CHECK(joinedHeader.value->find("feeds")->items.size() == 2);

    // An unusable feed is refused, naming the file; a missing app page says how to build it.
    write(dir / "feeds" / "zones.geojson", "{\"type\":\"FeatureCollection\",\"features\":[");
    const Run bad = cli({"snapshot", "--feeds", (dir / "feeds").string(), "-o", (dir / "b2.html").string(),
                         "--app", (dir / "app.html").string()});
    CHECK(bad.code == 1);
    CHECK(bad.err.find("zones.geojson") != std::string::npos);
    const Run noApp = cli({"snapshot", "--feeds", (mini / "posts.geojson").string(), "-o",
                           (dir / "b3.html").string(), "--app", (dir / "missing.html").string()});
    CHECK(noApp.code == 2);
    CHECK(noApp.err.find("wasm-release") != std::string::npos);
    fs::remove_all(dir);
}
