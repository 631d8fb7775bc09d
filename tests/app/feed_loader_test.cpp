#include "app/feed_loader.hpp"
#include "core/formats/gzip.hpp"
#include "core/geo/gcj02.hpp"

#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <map>
#include <string>
#include <vector>

using namespace cordon;

namespace {

const char* kZones = R"({"type":"FeatureCollection","cordon":{"feed":"zones","version":1},"features":[
  {"type":"Feature","id":"Z-1","properties":{"risk":"high","since":"2022-11-20"},
   "geometry":{"type":"Polygon","coordinates":[[[113.6,34.7],[113.7,34.7],[113.7,34.8],[113.6,34.7]]]}}]})";

/// A gzip member holding `text` in one stored (uncompressed) DEFLATE block.
std::string storedGzip(std::string_view text) {
    auto le16 = [](std::size_t v) { return std::string{char(v & 0xff), char((v >> 8) & 0xff)}; };
    auto le32 = [&](std::uint32_t v) { return le16(v & 0xffff) + le16(v >> 16); };
    std::string gz = std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
    gz += '\x01';
    gz += le16(text.size()) + le16(~text.size() & 0xffff);
    gz += text;
    return gz + le32(crc32(text)) + le32(static_cast<std::uint32_t>(text.size()));
}

} // namespace

TEST_CASE("Gzip-compressed feeds are unpacked; a damaged one is an error naming its source") {
    FeedLoader loader([](const FeedRequest&) {});
    FeedSet feeds;
    const std::string gz = storedGzip(kZones);
    loader.receive({"demo/zones.geojson.gz", gz, ""});
    CHECK(loader.processOne(feeds));
    REQUIRE(feeds.get(FeedKind::Zones));
    CHECK(feeds.get(FeedKind::Zones)->size() == 1);
    CHECK(loader.problems().empty());

    loader.receive({"demo/zones.geojson.gz", gz.substr(0, gz.size() - 30), ""});
    CHECK_FALSE(loader.processOne(feeds));
    REQUIRE_FALSE(loader.problems().empty());
    CHECK(loader.problems()[0].feed == "demo/zones.geojson.gz");
    CHECK(loader.problems()[0].message.find("gzip") != std::string::npos);
    CHECK(feeds.get(FeedKind::Zones)->size() == 1);
}

TEST_CASE("Manifests expand into requests resolved against the manifest's folder") {
    std::vector<std::string> requested;
    FeedLoader loader([&](const FeedRequest& r) { requested.push_back(r.url); });
    FeedSet feeds;
    loader.requestManifest("data/feeds.json");
    REQUIRE(requested == std::vector<std::string>{"data/feeds.json"});
    loader.receive(
        {"data/feeds.json",
         R"({"feeds":["zones.geojson",{"url":"/live/posts","feed":"posts"},{"url":"https://x.example/r.json"}]})",
         ""});
    CHECK_FALSE(loader.processOne(feeds)); // no feed changed yet
    CHECK(requested == std::vector<std::string>{"data/feeds.json", "data/zones.geojson", "/live/posts",
                                                "https://x.example/r.json"});
    CHECK(loader.problems().empty());
}

TEST_CASE("A feed that fails keeps the last good version and says so under its source") {
    FeedLoader loader([](const FeedRequest&) {});
    FeedSet feeds;
    loader.receive({"zones.geojson", kZones, ""});
    CHECK(loader.processOne(feeds));
    REQUIRE(feeds.get(FeedKind::Zones));

    loader.receive({"zones.geojson", std::string(kZones).substr(0, 40), ""}); // truncated update
    CHECK_FALSE(loader.processOne(feeds));
    REQUIRE(feeds.get(FeedKind::Zones));
    CHECK(feeds.get(FeedKind::Zones)->size() == 1);
    REQUIRE(loader.problems().size() == 2);
    CHECK(loader.problems()[0].feed == "zones.geojson: zones");
    CHECK(loader.problems()[1].message.find("last good version stays") != std::string::npos);

    loader.receive({"zones.geojson", "", "HTTP 404 Not Found"});
    CHECK_FALSE(loader.processOne(feeds));
    CHECK(loader.problems().at(0).message.find("HTTP 404") != std::string::npos);

    loader.receive({"zones.geojson", kZones, ""}); // recovered (the same bytes: nothing to redo)
    CHECK_FALSE(loader.processOne(feeds));
    CHECK(loader.problems().empty());
}

TEST_CASE("A feed too large for the memory left is refused before parsing; the last good one stays") {
    FeedLoader loader([](const FeedRequest&) {});
    std::size_t asked = 0;
    loader.setAdmission([&](std::size_t bytes) {
        ++asked;
        return admitByMemory(bytes, 1000, 1000 + 2000 * kLoadMemoryFactor);
    });
    FeedSet feeds;
    loader.receive({"zones.geojson", kZones, ""});
    CHECK(loader.processOne(feeds));
    const std::string big = std::string(kZones) + std::string(2000, ' ');
    loader.receive({"zones.geojson", big, ""});
    CHECK_FALSE(loader.processOne(feeds));
    REQUIRE(feeds.get(FeedKind::Zones));
    CHECK(feeds.get(FeedKind::Zones)->size() == 1);
    REQUIRE_FALSE(loader.problems().empty());
    CHECK(loader.problems()[0].message.find("needs about") != std::string::npos);
    CHECK(loader.problems()[0].message.find("last good version stays") != std::string::npos);
    CHECK(loader.sources()[0]->failures == 1);
    loader.receive({"zones.geojson", kZones, ""}); // the version on screen again: not asked
    const std::size_t before = asked;
    CHECK_FALSE(loader.processOne(feeds));
    CHECK(asked == before);

    CHECK_FALSE(admitByMemory(100, 0, 500));
    const std::optional<std::string> refused = admitByMemory(200'000'000, 1'500'000'000, 2'147'483'648);
    REQUIRE(refused);
    CHECK(*refused == "the file (200 MB) needs about 1000 MB of memory to load and only 647 MB of the "
                      "2147 MB limit are free");
    CHECK(admitByMemory(1, 10, 5)); // already over the limit
}

TEST_CASE("Kind hints from the URL parameter name win over the file name") {
    FeedLoader loader([](const FeedRequest&) {});
    FeedSet feeds;
    loader.requestFeed("/api/v1/layer?id=7", FeedKind::Zones);
    loader.receive({"/api/v1/layer?id=7", R"({"type":"FeatureCollection","features":[]})", ""});
    CHECK(loader.processOne(feeds));
    CHECK(feeds.get(FeedKind::Zones));
}

namespace {

std::string zonesWith(int highZones, int lowZones) {
    std::string text = R"({"type":"FeatureCollection","features":[)";
    for (int i = 0; i < highZones + lowZones; ++i) {
        text += i ? "," : "";
        text +=
            R"({"type":"Feature","id":"Z-)" + std::to_string(i) + R"(","properties":{"risk":")" +
            (i < highZones ? "high" : "low") +
            R"(","since":"2022-11-20"},"geometry":{"type":"Polygon","coordinates":[[[113.6,34.7],[113.7,34.7],[113.7,34.8],[113.6,34.7]]]}})";
    }
    return text + "]}";
}

} // namespace

TEST_CASE("Live feeds: refetched on their interval with validators; 304 and same bytes keep the data fresh") {
    std::uint64_t now = 1000;
    std::vector<FeedRequest> sent;
    FeedLoader loader([&](const FeedRequest& r) { sent.push_back(r); }, [&] { return now; });
    loader.setDefaultRefresh(10);
    FeedSet feeds;
    loader.requestFeed("live/zones.geojson", FeedKind::Zones);
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].etag.empty());
    loader.poll(); // still in flight: not sent twice
    CHECK(sent.size() == 1);

    FetchedFile first{"live/zones.geojson", zonesWith(2, 1), ""};
    first.etag = "\"v1\"";
    loader.receive(first);
    CHECK(loader.processOne(feeds));
    CHECK(loader.changes().empty()); // the first version is not a change
    const FeedSourceStatus& status = *loader.sources().at(0);
    CHECK(status.features == 3);
    CHECK(status.versions == 1);

    now += 9000;
    loader.poll();
    CHECK(sent.size() == 1); // interval not over
    now += 1000;
    loader.poll();
    REQUIRE(sent.size() == 2);
    CHECK(sent[1].etag == "\"v1\""); // a conditional request

    FetchedFile same{"live/zones.geojson", "", ""};
    same.notModified = true;
    loader.receive(same);
    CHECK_FALSE(loader.processOne(feeds));
    CHECK(status.unchanged == 1);
    CHECK(loader.ageSeconds(status) == 0);
    CHECK_FALSE(loader.isStale(status));

    // Three failed refreshes in a row: the data stays, it ages and turns stale after 3 intervals.
    for (int i = 0; i < 3; ++i) {
        now += 10000;
        loader.poll();
        loader.receive({"live/zones.geojson", "", "HTTP 404 Not Found"});
        CHECK_FALSE(loader.processOne(feeds));
    }
    CHECK(status.failures == 3);
    CHECK(status.error == "HTTP 404 Not Found");
    CHECK(status.errorMs == now);
    CHECK(loader.ageSeconds(status) == 30);
    CHECK_FALSE(loader.isStale(status)); // exactly 3 intervals
    now += 1;
    CHECK(loader.isStale(status));
    REQUIRE(feeds.get(FeedKind::Zones));
    CHECK(feeds.get(FeedKind::Zones)->size() == 3);

    // A new version: replaced at once, summarised against the one it replaced.
    loader.receive({"live/zones.geojson", zonesWith(5, 0), ""});
    CHECK(loader.processOne(feeds));
    CHECK_FALSE(loader.isStale(status));
    CHECK(status.error.empty());
    REQUIRE(loader.changes().size() == 1);
    const FeedChange& c = loader.changes().back().change;
    CHECK(c.added == 2);
    CHECK(c.changed == 1); // Z-2 low -> high
    CHECK(c.highRiskAdded == 3);
    CHECK(loader.changes().back().atMs == now);
    std::string problems;
    for (const Diagnostic& d : loader.problems())
        problems += d.feed + " " + d.path + " " + d.message + "\n";
    CHECK(problems == "");
}

TEST_CASE("Manifest intervals: per feed, else the manifest's, else the page's") {
    std::vector<std::string> sent;
    std::uint64_t now = 0;
    FeedLoader loader([&](const FeedRequest& r) { sent.push_back(r.url); }, [&] { return now; });
    loader.setDefaultRefresh(60);
    FeedSet feeds;
    loader.requestManifest("m.json");
    loader.receive({"m.json", R"({"refresh":30,"feeds":["a.geojson",{"url":"b.geojson","refresh":5}]})", ""});
    loader.processOne(feeds);
    std::map<std::string, double> interval;
    for (const FeedSourceStatus* s : loader.sources())
        interval[s->source] = s->refreshSeconds;
    CHECK(interval == std::map<std::string, double>{{"m.json", 60}, {"a.geojson", 30}, {"b.geojson", 5}});
}

TEST_CASE("The loader holds the bytes of each feed on screen, as they arrived, for snapshots") {
    FeedLoader loader([](const FeedRequest&) {});
    FeedSet feeds;
    CHECK_FALSE(loader.held(FeedKind::Zones));
    loader.receive({"a/zones.geojson", kZones, ""});
    loader.processOne(feeds);
    REQUIRE(loader.held(FeedKind::Zones));
    CHECK(loader.held(FeedKind::Zones)->source == "a/zones.geojson");
    CHECK(*loader.held(FeedKind::Zones)->bytes == kZones);

    const std::string gz = storedGzip(zonesWith(2, 0));
    loader.receive({"dropped/zones.geojson.gz", gz, ""});
    loader.processOne(feeds);
    CHECK(loader.held(FeedKind::Zones)->source == "dropped/zones.geojson.gz");
    CHECK(*loader.held(FeedKind::Zones)->bytes == gz); // still compressed

    loader.receive({"dropped/zones.geojson.gz", "{", ""}); // a rejected version changes nothing held
    loader.processOne(feeds);
    CHECK(*loader.held(FeedKind::Zones)->bytes == gz);
}

TEST_CASE("Files converted in the page are mapped like cordon import maps them; errors name the file") {
    FeedLoader loader([](const FeedRequest&) {});
    FeedSet feeds;
    const std::string converted = R"({"type":"FeatureCollection","features":[{"type":"Feature",
      "properties":{"gid":"G-1","NAME_CN":"东门"},"geometry":{"type":"Point","coordinates":[113.6,34.7]}}]})";
    FetchedFile named{"gates/posts.kml", converted, ""};
    named.converted = true;
    named.mappingJson = R"({"id":"gid","map":{"name":"NAME_CN","kind":":compound_gate"}})";
    loader.receive(named);
    REQUIRE(loader.processOne(feeds));
    REQUIRE(feeds.get(FeedKind::Posts));
    CHECK(feeds.get(FeedKind::Posts)->layer.features[0].id == "G-1");
    CHECK(feeds.get(FeedKind::Posts)->layer.features[0].name == "东门");

    // Named after no feed: the user is asked which feed it is; not answering drops it, named.
    FetchedFile unnamed{"export.zip", converted, ""};
    unnamed.converted = true;
    loader.receive(unnamed);
    CHECK_FALSE(loader.processOne(feeds));
    REQUIRE(loader.unknownFile());
    CHECK(loader.unknownFile()->source == "export.zip");
    CHECK_FALSE(loader.unknownFile()->preview.guess); // a name and an id tell nothing
    loader.dismissUnknown();
    REQUIRE_FALSE(loader.problems().empty());
    CHECK(loader.problems().back().feed == "export.zip");
    CHECK(loader.problems().back().message.find("cannot tell which feed") != std::string::npos);
}

TEST_CASE("Every failure goes into the failure log, which keeps the last ones and counts all") {
    std::uint64_t now = 0;
    FeedLoader loader([](const FeedRequest&) {}, [&] { return now; });
    FeedSet feeds;
    for (std::size_t i = 0; i < FeedLoader::kMaxFailures + 5; ++i) {
        now = i;
        loader.receive({"live/zones.geojson", "", "HTTP 500 Internal Server Error"});
        loader.processOne(feeds);
    }
    CHECK(loader.failureCount() == FeedLoader::kMaxFailures + 5);
    REQUIRE(loader.failureLog().size() == FeedLoader::kMaxFailures);
    CHECK(loader.failureLog().back().atMs == FeedLoader::kMaxFailures + 4);
    CHECK(loader.failureLog().back().error == "HTTP 500 Internal Server Error");
    CHECK(loader.failureLog().back().source == "live/zones.geojson");
}

namespace {

std::string postsFile(int count, bool header) {
    std::string text = R"({"type":"FeatureCollection",)";
    if (header) text += R"("cordon":{"feed":"posts","version":1},)";
    text += R"("features":[)";
    for (int i = 0; i < count; ++i)
        text +=
            std::string(i ? "," : "") + R"({"type":"Feature","id":"P-)" + std::to_string(i) +
            R"(","properties":{"kind":"city_entry"},"geometry":{"type":"Point","coordinates":[113.6,34.7]}})";
    return text + "]}";
}

} // namespace

TEST_CASE("A file of another kind in a feed's slot is refused as that kind; the zones stay") {
    FeedLoader loader([](const FeedRequest&) {});
    FeedSet feeds;
    loader.requestFeed("live/zones", FeedKind::Zones);
    loader.receive({"live/zones", zonesWith(12, 0), ""});
    CHECK(loader.processOne(feeds));
    const FeedSourceStatus& status = *loader.sources().at(0);

    for (const bool header : {true, false}) {
        loader.receive({"live/zones", postsFile(40, header), ""});
        CHECK_FALSE(loader.processOne(feeds));
        CHECK(feeds.get(FeedKind::Zones)->size() == 12);
        CHECK_FALSE(feeds.get(FeedKind::Posts)); // never loaded as posts either
        REQUIRE(status.refusal);
        CHECK(status.refusal->problem == UpdateProblem::OtherKind);
        REQUIRE(status.refusal->readsAs);
        CHECK(*status.refusal->readsAs == FeedKind::Posts);
        REQUIRE(loader.failureLog().back().refusal);
        CHECK(loader.failureLog().back().refusal->problem == UpdateProblem::OtherKind);
    }
    CHECK(status.failures == 2);
    CHECK(loader.failureCount() == 2);
}

TEST_CASE("A dropped file that reads as another feed than its name says is refused") {
    FeedLoader loader([](const FeedRequest&) {});
    FeedSet feeds;
    loader.receive({"zones.geojson", zonesWith(3, 0), ""});
    CHECK(loader.processOne(feeds));
    loader.receive({"zones.geojson", postsFile(5, false), ""});
    CHECK_FALSE(loader.processOne(feeds));
    CHECK(feeds.get(FeedKind::Zones)->size() == 3);
    REQUIRE(loader.sources().at(0)->refusal);
    CHECK(loader.sources().at(0)->refusal->readsAs == FeedKind::Posts);
}

TEST_CASE("A live feed that loses most of its features is held until it is served again") {
    FeedLoader loader([](const FeedRequest&) {});
    loader.setAskBeforeShrink(true); // asks only about files the user loaded
    FeedSet feeds;
    loader.requestFeed("live/zones", FeedKind::Zones, 60);
    loader.receive({"live/zones", zonesWith(20, 10), ""});
    CHECK(loader.processOne(feeds));
    const FeedSourceStatus& status = *loader.sources().at(0);

    loader.receive({"live/zones", zonesWith(0, 0), ""}); // every zone lifted?
    CHECK_FALSE(loader.processOne(feeds));
    CHECK_FALSE(loader.pending());
    CHECK(feeds.get(FeedKind::Zones)->size() == 30);
    REQUIRE(status.refusal);
    CHECK(status.refusal->problem == UpdateProblem::LargeShrink);
    CHECK(status.refusal->change.removed == 30);
    CHECK(status.failures == 1);

    loader.receive({"live/zones", zonesWith(1, 0), ""}); // another small version: held again
    CHECK_FALSE(loader.processOne(feeds));
    CHECK(status.failures == 2);

    loader.receive({"live/zones", zonesWith(1, 0), ""}); // the same version again: it is real
    CHECK(loader.processOne(feeds));
    CHECK(feeds.get(FeedKind::Zones)->size() == 1);
    CHECK_FALSE(status.refusal);
    CHECK(status.error.empty());
    CHECK(loader.changes().back().change.removed == 29);
}

TEST_CASE("A dropped file that removes most of a feed waits for the user on the laptop") {
    FeedLoader loader([](const FeedRequest&) {});
    loader.setAskBeforeShrink(true);
    FeedSet feeds;
    loader.receive({"zones.geojson", zonesWith(20, 0), ""});
    CHECK(loader.processOne(feeds));

    loader.receive({"zones.geojson", zonesWith(3, 0), ""});
    CHECK_FALSE(loader.processOne(feeds));
    REQUIRE(loader.pending());
    CHECK(loader.pending()->source == "zones.geojson");
    CHECK(loader.pending()->check.change.removed == 17);
    CHECK(loader.pending()->check.change.removedNames.size() == 5);
    CHECK(feeds.get(FeedKind::Zones)->size() == 20);
    CHECK(loader.failureCount() == 0);

    loader.discardPending(); // keep the map: counted as a refused update
    CHECK_FALSE(loader.pending());
    CHECK(loader.failureCount() == 1);
    CHECK(feeds.get(FeedKind::Zones)->size() == 20);

    loader.receive({"zones.geojson", zonesWith(3, 0), ""});
    CHECK_FALSE(loader.processOne(feeds));
    REQUIRE(loader.pending());
    CHECK(loader.applyPending(feeds));
    CHECK_FALSE(loader.pending());
    CHECK(feeds.get(FeedKind::Zones)->size() == 3);
    CHECK(loader.sources().at(0)->versions == 2);
    CHECK(loader.held(FeedKind::Zones)->bytes->size() == zonesWith(3, 0).size());
}

TEST_CASE("On the wall a dropped shrink is held like a live one") {
    FeedLoader loader([](const FeedRequest&) {});
    FeedSet feeds;
    loader.receive({"zones.geojson", zonesWith(20, 0), ""});
    CHECK(loader.processOne(feeds));
    loader.receive({"zones.geojson", zonesWith(3, 0), ""});
    CHECK_FALSE(loader.processOne(feeds));
    CHECK_FALSE(loader.pending());
    CHECK(feeds.get(FeedKind::Zones)->size() == 20);
    loader.receive({"zones.geojson", zonesWith(3, 0), ""});
    CHECK(loader.processOne(feeds));
    CHECK(feeds.get(FeedKind::Zones)->size() == 3);
}

TEST_CASE("A manifest sets the share of valid features per feed") {
    std::vector<std::string> requested;
    FeedLoader loader([&](const FeedRequest& r) { requested.push_back(r.url); });
    FeedSet feeds;
    loader.requestManifest("m.json");
    loader.receive({"m.json",
                    R"({"feeds":[{"url":"z.geojson","feed":"zones","minValidShare":0.5},)"
                    R"({"url":"p.geojson","feed":"posts"}]})",
                    ""});
    loader.processOne(feeds);
    // 6 of 10 zones valid: enough for this feed's 50%.
    std::string zones = zonesWith(6, 0);
    zones.insert(zones.size() - 2,
                 std::string(R"(,{"type":"Feature","id":"X","properties":{},"geometry":null})") +
                     R"(,{"type":"Feature","id":"Y","properties":{},"geometry":null})" +
                     R"(,{"type":"Feature","id":"W","properties":{},"geometry":null})" +
                     R"(,{"type":"Feature","id":"V","properties":{},"geometry":null})");
    loader.receive({"z.geojson", zones, ""});
    CHECK(loader.processOne(feeds));
    CHECK(feeds.get(FeedKind::Zones)->size() == 6);
}

TEST_CASE("Each feed kind's health: failed or stale sources, and when its data was last confirmed") {
    std::uint64_t now = 1000;
    FeedLoader loader([](const FeedRequest&) {}, [&] { return now; });
    FeedSet feeds;
    loader.requestFeed("live/zones", FeedKind::Zones, 10);
    loader.requestFeed("live/posts", FeedKind::Posts, 10);
    loader.receive({"live/zones", zonesWith(12, 0), ""});
    CHECK(loader.processOne(feeds));
    auto h = loader.health();
    CHECK_FALSE(h[int(FeedKind::Zones)].doubtful());
    CHECK(h[int(FeedKind::Zones)].confirmedMs == 1000);

    now = 5000;
    loader.receive({"live/posts", "", "HTTP 404 Not Found"}); // never loaded: failed, nothing on screen
    loader.processOne(feeds);
    loader.receive({"live/zones", postsFile(20, false), ""}); // refused: the zones shown are as of 1000
    loader.processOne(feeds);
    h = loader.health();
    CHECK(h[int(FeedKind::Posts)].failed);
    CHECK(h[int(FeedKind::Posts)].confirmedMs == 0);
    CHECK(h[int(FeedKind::Zones)].failed);
    CHECK(h[int(FeedKind::Zones)].confirmedMs == 1000);
    CHECK_FALSE(h[int(FeedKind::Roads)].doubtful());

    loader.receive({"live/zones", zonesWith(12, 0), ""}); // the same version again: current
    loader.processOne(feeds);
    h = loader.health();
    CHECK_FALSE(h[int(FeedKind::Zones)].failed);
    CHECK(h[int(FeedKind::Zones)].confirmedMs == 5000);
    now = 5000 + 31000; // three intervals and a bit without an answer
    CHECK(loader.health()[int(FeedKind::Zones)].stale);
}

TEST_CASE("A dropped file of unknown kind waits for the user with a preview and a guess") {
    FeedLoader loader([](const FeedRequest&) {});
    FeedSet feeds;
    const std::string sheet =
        R"({"type":"FeatureCollection","features":[)"
        R"({"type":"Feature","properties":{"编号":"K-1","名称":"东门","类型":"小区卡口"},"geometry":{"type":"Point","coordinates":[113.6,34.7]}},)"
        R"({"type":"Feature","properties":{"编号":"K-2","名称":"北站","类型":"入市检查站"},"geometry":{"type":"Point","coordinates":[113.7,34.8]}}]})";
    loader.receive({"导出.geojson", sheet, ""});
    CHECK_FALSE(loader.processOne(feeds));
    REQUIRE(loader.unknownFile());
    CHECK(loader.unknownFile()->source == "导出.geojson");
    CHECK(loader.unknownFile()->preview.features == 2);
    REQUIRE(loader.unknownFile()->preview.guess);
    CHECK(*loader.unknownFile()->preview.guess == FeedKind::Posts);
    CHECK(loader.failureCount() == 0);

    CHECK(loader.chooseKind(ImportChoice{FeedKind::Posts}, feeds));
    CHECK_FALSE(loader.unknownFile());
    REQUIRE(feeds.get(FeedKind::Posts));
    CHECK(feeds.get(FeedKind::Posts)->size() == 2);
    CHECK(feeds.get(FeedKind::Posts)->posts[1].kind == PostKind::CityEntry);
    CHECK(feeds.get(FeedKind::Posts)->layer.features[0].id == "K-1");

    loader.receive({"另一个.geojson", sheet, ""});
    loader.processOne(feeds);
    REQUIRE(loader.unknownFile());
    loader.dismissUnknown();
    CHECK_FALSE(loader.unknownFile());
    CHECK(loader.failureCount() == 1);
    CHECK(feeds.get(FeedKind::Posts)->size() == 2);

    // Chosen as the wrong kind, it goes through the same rule: refused as what it is.
    loader.receive({"第三个.geojson", sheet, ""});
    loader.processOne(feeds);
    CHECK_FALSE(loader.chooseKind(ImportChoice{FeedKind::Zones}, feeds));
    CHECK_FALSE(feeds.get(FeedKind::Zones));
    REQUIRE(loader.sources().back()->refusal);
    CHECK(loader.sources().back()->refusal->readsAs == FeedKind::Posts);
}

TEST_CASE("A file of unknown kind can be added to the feed, converted from GCJ-02, and saved as a mapping") {
    FeedLoader loader([](const FeedRequest&) {});
    FeedSet feeds;
    // Roads along the two WGS84 points the checkpoints really are at: 0 m there, far elsewhere.
    const LonLat east{113.6, 34.7}, north{113.7, 34.8};
    loader.setRoadDistance([&](LonLat p) -> std::optional<double> {
        const double d = std::min(std::hypot(p.lon - east.lon, p.lat - east.lat),
                                  std::hypot(p.lon - north.lon, p.lat - north.lat)) *
                         111000;
        return d < 2000 ? std::optional<double>(d) : std::nullopt;
    });
    const auto sheet = [](const std::string& id, LonLat a, LonLat b) {
        const auto point = [](LonLat p) {
            return R"({"type":"Point","coordinates":[)" + std::to_string(p.lon) + "," +
                   std::to_string(p.lat) + "]}";
        };
        std::string text = R"({"type":"FeatureCollection","features":[)";
        for (int i = 0; i < 10; ++i)
            text += std::string(i ? "," : "") + R"({"type":"Feature","properties":{"编号":")" + id +
                    std::to_string(i) + R"(","名称":"卡口)" + std::to_string(i) +
                    R"(","类型":"小区卡口"},"geometry":)" + point(i % 2 ? a : b) + "}";
        return text + "]}";
    };
    loader.receive({"first.geojson", sheet("K-", east, north), ""});
    loader.processOne(feeds);
    REQUIRE(loader.unknownFile());
    CHECK_FALSE(loader.unknownFile()->gcj02.likely); // on the roads as given
    REQUIRE(loader.chooseKind(ImportChoice{FeedKind::Posts}, feeds));
    REQUIRE(feeds.get(FeedKind::Posts)->size() == 10);

    // A GCJ-02 export of five new checkpoints and five already on the map (K-0..K-4).
    std::string second = sheet("N-", wgs84ToGcj02(east), wgs84ToGcj02(north));
    for (int i = 0; i < 5; ++i) {
        const std::string from = "N-" + std::to_string(i) + "\"", to = "K-" + std::to_string(i) + "\"";
        second.replace(second.find(from), from.size(), to);
    }
    loader.receive({"gaode.geojson", second, ""});
    loader.processOne(feeds);
    REQUIRE(loader.unknownFile());
    const Gcj02Guess g = loader.unknownFile()->gcj02;
    CHECK(g.likely);
    CHECK(g.evidence == Gcj02Evidence::RoadOffset);
    ImportChoice choice{FeedKind::Posts, true, true};
    const std::string mapping = loader.mappingFileFor(choice);
    CHECK(mapping.find(R"("feed":"posts")") != std::string::npos);
    CHECK(mapping.find(R"("from_gcj02":true)") != std::string::npos);
    CHECK(mapping.find(R"("name":"名称")") != std::string::npos);
    CHECK(mapping.find(R"("kind":"类型")") != std::string::npos);
    REQUIRE(loader.chooseKind(choice, feeds));
    const Feed& posts = *feeds.get(FeedKind::Posts);
    CHECK(posts.size() == 15); // 10 kept or replaced, 5 added
    REQUIRE(posts.find("N-7"));
    const LonLat at = *posts.layer.firstPosition(*posts.find("N-7"));
    CHECK(std::abs(at.lon - east.lon) < 1e-5); // converted back onto the road
    CHECK(loader.changes().back().change.added == 5);

    // Replacing instead: the file alone (the five added ones go).
    loader.receive({"third.geojson", sheet("K-", east, north), ""});
    loader.processOne(feeds);
    REQUIRE(loader.chooseKind(ImportChoice{FeedKind::Posts}, feeds));
    CHECK(feeds.get(FeedKind::Posts)->size() == 10);
    CHECK_FALSE(feeds.get(FeedKind::Posts)->find("N-7"));
}

TEST_CASE("A file added to the demo city's data replaces it: fictional and real data are never mixed") {
    FeedLoader loader([](const FeedRequest&) {});
    FeedSet feeds;
    const std::string demo =
        R"({"type":"FeatureCollection","cordon":{"feed":"posts","version":1},"features":[)"
        R"({"type":"Feature","id":"D-1","properties":{"name":"演示","kind":"compound_gate"},"geometry":{"type":"Point","coordinates":[113.6,34.7]}}]})";
    loader.receive({"demo/posts.geojson", demo, ""});
    loader.processOne(feeds);
    REQUIRE(feeds.get(FeedKind::Posts)->size() == 1);
    const std::string mine =
        R"({"type":"FeatureCollection","features":[)"
        R"({"type":"Feature","properties":{"编号":"K-1","名称":"东门","类型":"小区卡口"},"geometry":{"type":"Point","coordinates":[113.6,34.7]}}]})";
    loader.receive({"mine.geojson", mine, ""});
    loader.processOne(feeds);
    REQUIRE(loader.chooseKind(ImportChoice{FeedKind::Posts, true, false}, feeds));
    CHECK(feeds.get(FeedKind::Posts)->size() == 1);
    CHECK(feeds.get(FeedKind::Posts)->find("K-1"));
    CHECK_FALSE(loader.holdsFrom(kDemoPrefix));
    // The demo source's row says what took its place.
    CHECK(loader.sources().front()->source == "demo/posts.geojson");
    CHECK(loader.sources().front()->supersededBy == "mine.geojson");
    CHECK(loader.sources().back()->supersededBy.empty());
}

TEST_CASE("A feed named after its kind but with Chinese headers is read as recognised") {
    FeedLoader loader([](const FeedRequest&) {});
    FeedSet feeds;
    loader.requestFeed("live/zones", FeedKind::Zones);
    loader.receive(
        {"live/zones",
         R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"风险等级":"高风险",)"
         R"("名称":"丰产路","划定时间":"2022-11-20"},"geometry":{"type":"Polygon","coordinates":)"
         R"([[[113.6,34.7],[113.7,34.7],[113.7,34.8],[113.6,34.7]]]}}]})",
         ""});
    CHECK(loader.processOne(feeds));
    REQUIRE(feeds.get(FeedKind::Zones));
    CHECK(feeds.get(FeedKind::Zones)->zones[0].risk == Risk::High);
    CHECK(feeds.get(FeedKind::Zones)->layer.features[0].name == "丰产路");
}

TEST_CASE("The loader tells whether demo data is still on the map") {
    FeedLoader loader([](const FeedRequest&) {});
    FeedSet feeds;
    loader.receive({"demo/zones.geojson", zonesWith(2, 0), ""});
    loader.receive({"demo/posts.geojson", postsFile(2, true), ""});
    loader.processOne(feeds);
    loader.processOne(feeds);
    CHECK(loader.holdsFrom("demo/"));
    loader.receive({"zones.geojson", zonesWith(3, 0), ""});
    loader.processOne(feeds);
    CHECK(loader.holdsFrom("demo/")); // the demo's posts are still there
    loader.receive({"posts.geojson", postsFile(3, true), ""});
    loader.processOne(feeds);
    CHECK_FALSE(loader.holdsFrom("demo/"));
}

TEST_CASE("The demo city comes off the map in one step; other feeds stay") {
    FeedLoader loader([](const FeedRequest&) {});
    FeedSet feeds;
    loader.receive({"demo/zones.geojson", zonesWith(12, 0), ""});
    loader.receive({"demo/posts.geojson", postsFile(4, true), ""});
    loader.receive({"teams.geojson", R"({"type":"FeatureCollection","features":[]})", ""});
    while (loader.busy())
        loader.processOne(feeds);
    const unsigned zonesVersion = feeds.versions[int(FeedKind::Zones)];
    CHECK(loader.unloadFrom("demo/", feeds) == 2);
    REQUIRE(feeds.get(FeedKind::Zones));
    CHECK(feeds.get(FeedKind::Zones)->size() == 0);
    CHECK(feeds.get(FeedKind::Posts)->size() == 0);
    CHECK(feeds.versions[int(FeedKind::Zones)] == zonesVersion + 1); // views rebuild as after an update
    CHECK(feeds.get(FeedKind::Teams));
    CHECK_FALSE(loader.holdsFrom("demo/"));
    CHECK_FALSE(loader.held(FeedKind::Zones));
    CHECK(loader.changes().back().change.removed == 4);
    CHECK(loader.unloadFrom("demo/", feeds) == 0);

    // A file loaded afterwards is not asked about as a shrink: there is nothing to lose.
    loader.setAskBeforeShrink(true);
    loader.receive({"zones.geojson", zonesWith(3, 0), ""});
    CHECK(loader.processOne(feeds));
    CHECK(feeds.get(FeedKind::Zones)->size() == 3);
}

TEST_CASE("A refused drop does not cast doubt on the data on the map") {
    FeedLoader loader([](const FeedRequest&) {});
    FeedSet feeds;
    loader.receive({"demo/zones.geojson", zonesWith(12, 0), ""});
    loader.processOne(feeds);
    loader.receive({"zones.geojson", postsFile(20, false), ""}); // refused as posts
    CHECK_FALSE(loader.processOne(feeds));
    CHECK(loader.failureCount() == 1);
    CHECK_FALSE(loader.health()[int(FeedKind::Zones)].doubtful());
}

TEST_CASE("A figure is as of its oldest doubtful input's last confirmation, on the clock of the day") {
    std::array<FeedLoader::KindHealth, kFeedKindCount> health{};
    // Every input current: no time shown.
    for (const std::string& t : figureAsOf(health, 9 * 60, 3'600'000))
        CHECK(t.empty());
    // Zones failed, last confirmed 25 minutes before now (09:00): zone figures are as of 08:35.
    health[int(FeedKind::Zones)].failed = true;
    health[int(FeedKind::Zones)].confirmedMs = 3'600'000 - 25 * 60'000;
    // Posts stale with nothing ever confirmed: "-".
    health[int(FeedKind::Posts)].stale = true;
    const auto times = figureAsOf(health, 9 * 60, 3'600'000);
    CHECK(times[int(FigureId::HighRiskZones)] == "08:35");
    CHECK(times[int(FigureId::PostsShortNow)] == "-");
    // Just after midnight, 25 minutes ago was yesterday evening.
    CHECK(figureAsOf(health, 10, 3'600'000)[int(FigureId::HighRiskZones)] == "23:45");
}

TEST_CASE("Data is as of the oldest feed's last confirmation, whatever its health") {
    std::array<FeedLoader::KindHealth, kFeedKindCount> health{};
    CHECK(dataAsOf(health, 9 * 60, 36'000'000) == "-");
    health[int(FeedKind::Zones)].confirmedMs = 36'000'000 - 5 * 60'000;
    health[int(FeedKind::Posts)].confirmedMs = 36'000'000 - 70 * 60'000;
    CHECK(dataAsOf(health, 9 * 60, 36'000'000) == "07:50");
    CHECK(clockTextAt(36'000'000 - 5 * 60'000, 9 * 60, 36'000'000) == "08:55");
    CHECK(clockTextAt(36'000'000, 0, 36'000'000) == "00:00");
}
