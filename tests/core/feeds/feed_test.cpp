#include "core/feeds/feed.hpp"
#include "core/feeds/feed_set.hpp"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <string>

using namespace cordon;

namespace {

std::string collection(const std::string& features, const std::string& extra = "") {
    return R"({"type":"FeatureCollection",)" + extra + R"("features":[)" + features + "]}";
}

std::string point(double lon = 113.65, double lat = 34.75) {
    return R"({"type":"Point","coordinates":[)" + std::to_string(lon) + "," + std::to_string(lat) + "]}";
}

const char* kSquare =
    R"({"type":"Polygon","coordinates":[[[113.6,34.7],[113.7,34.7],[113.7,34.8],[113.6,34.7]]]})";

std::string feature(const std::string& id, const std::string& props, const std::string& geometry) {
    return R"({"type":"Feature","id":)" + id + R"(,"properties":)" + props + R"(,"geometry":)" + geometry +
           "}";
}

/// The one-line messages of all diagnostics, for readable failures.
std::string messages(const std::vector<Diagnostic>& ds) {
    std::string s;
    for (const Diagnostic& d : ds)
        s += d.toString() + "\n";
    return s;
}

bool hasMessage(const std::vector<Diagnostic>& ds, const std::string& line) {
    return std::any_of(ds.begin(), ds.end(), [&](const Diagnostic& d) { return d.toString() == line; });
}

} // namespace

TEST_CASE("Posts: typed demand; a bad time names feed, index, id and path") {
    const std::string text = collection(
        feature(R"("P-0001")", R"({"kind":"compound_gate","name":"东门","zone":"Z-1","demand":[
            {"from":"07:00","to":"15:00","staff":2},{"from":"23:00","to":"07:00","staff":1}],"owner":"物业"})",
                point()) +
        "," +
        feature(R"("P-0042")", R"({"kind":"city_entry","demand":[{"from":"08:00","to":"18:00","staff":3},
            {"from":"25:00","to":"07:00","staff":2}]})",
                point()));
    const FeedReadResult r = readFeed(text, FeedKind::Posts, "posts.geojson");
    REQUIRE(r.feed);
    INFO(messages(r.diagnostics));
    REQUIRE(r.feed->size() == 1);
    const PostFields& p = r.feed->posts[0];
    CHECK(p.kind == PostKind::CompoundGate);
    CHECK(p.zone == "Z-1");
    REQUIRE(p.demand.size() == 2);
    CHECK(p.demand[1].fromMinute == 23 * 60);
    CHECK(p.demand[1].toMinute == 7 * 60);
    CHECK(r.feed->layer.features[0].name == "东门");
    // Unknown properties are kept for the details panel.
    CHECK(r.feed->layer.propertiesJson(0).find("\"owner\":\"物业\"") != std::string::npos);
    CHECK(hasMessage(
        r.diagnostics,
        "posts[1] id=P-0042: properties.demand[1].from: error: '25:00' is not a time of day (HH:MM)"));
    CHECK(r.feed->find("P-0001") == 0u);
    CHECK_FALSE(r.feed->find("P-0042"));
}

TEST_CASE("Every feed reads its contract fields") {
    SECTION("areas") {
        const FeedReadResult r = readFeed(
            collection(feature(R"("A-1")",
                               R"({"level":"community","name":"丰产路社区","parent":"S-1","population":8000,
                "households_by_color":{"red":3,"orange":10,"yellow":20,"green":2500,"white":40}})",
                               kSquare)),
            FeedKind::Areas);
        REQUIRE(r.feed);
        INFO(messages(r.diagnostics));
        CHECK(r.diagnostics.empty());
        const AreaFields& a = r.feed->areas[0];
        CHECK(a.level == AreaLevel::Community);
        CHECK(a.parent == "S-1");
        CHECK(a.population == 8000);
        CHECK(a.households == kUnknownCount);
        CHECK(a.householdsByColour[static_cast<int>(HouseholdColour::Orange)] == 10);
    }
    SECTION("zones") {
        const FeedReadResult r = readFeed(
            collection(feature(
                R"("Z-1")", R"({"risk":"high","since":"2022-11-20T00:00:00+08:00","area":"A-1"})", kSquare)),
            FeedKind::Zones);
        REQUIRE(r.feed);
        CHECK(r.diagnostics.empty());
        CHECK(r.feed->zones[0].risk == Risk::High);
        REQUIRE(r.feed->zones[0].since);
        CHECK(r.feed->zones[0].since->localMinuteOfDay() == 0);
    }
    SECTION("teams") {
        const FeedReadResult r = readFeed(
            collection(feature(
                R"(7)", R"({"kind":"task_force","members":12,"mode":"drive","zones":["Z-1",2]})", point())),
            FeedKind::Teams);
        REQUIRE(r.feed);
        CHECK(r.diagnostics.empty());
        const TeamFields& t = r.feed->teams[0];
        CHECK(t.members == 12);
        CHECK(t.mode == TravelMode::Drive);
        CHECK(t.zones == std::vector<std::string>{"Z-1", "2"});
        CHECK(r.feed->layer.features[0].id == "7");
    }
    SECTION("roster") {
        const FeedReadResult r = readFeed(
            collection(feature(
                R"("R-1")",
                R"({"post":"P-1","from":"2022-11-26T23:00:00+08:00","to":"2022-11-27T07:00:00+08:00","staff":2})",
                "null")),
            FeedKind::Roster);
        REQUIRE(r.feed);
        CHECK(r.diagnostics.empty());
        CHECK(r.feed->roster[0].to.utcMinutes - r.feed->roster[0].from.utcMinutes == 8 * 60);
        CHECK(r.feed->roster[0].staff == 2);
    }
    SECTION("roads") {
        const FeedReadResult r =
            readFeed(collection(feature(
                         R"(1)", R"({"highway":"primary","oneway":"-1","maxspeed":"50; 40","closed":true})",
                         R"({"type":"LineString","coordinates":[[113.6,34.7],[113.7,34.7]]})")),
                     FeedKind::Roads);
        REQUIRE(r.feed);
        CHECK(r.diagnostics.empty());
        const RoadFields& road = r.feed->roads[0];
        CHECK(road.oneway == Oneway::Backward);
        CHECK(road.maxspeedKmh == 50.0f);
        CHECK(road.closed);
    }
    SECTION("facilities") {
        const FeedReadResult r = readFeed(
            collection(feature(R"("F-1")", R"({"kind":"isolation_site"})", point())), FeedKind::Facilities);
        REQUIRE(r.feed);
        CHECK(r.feed->facilities[0].kind == FacilityKind::IsolationSite);
    }
}

TEST_CASE("Validation: errors skip the feature; warnings keep it; the rest of the feed survives") {
    const std::string text = collection(
        feature(R"("Z-1")", R"({"risk":"high","since":"2022-11-20"})", kSquare) + "," +
        feature(R"("Z-2")", R"({"risk":"severe","since":"2022-11-20"})", kSquare) + "," + // bad enum
        feature(R"("Z-1")", R"({"risk":"low","since":"2022-11-20"})", kSquare) + "," +    // duplicate id
        feature(R"("Z-4")", R"({"risk":"low","since":"2022-11-20"})", point()) + "," +    // wrong geometry
        feature(R"("Z-5")", R"({"risk":"low"})", kSquare) + "," + // missing since: warning
        feature(R"("Z-6")", R"({"risk":"low","since":"soon"})", R"({"type":"Polygon","coordinates":[]})") +
        "," + feature(R"("Z-7")", R"({"since":"2022-11-20"})", kSquare) + "," + // missing risk
        feature(R"("Z-8")", R"({"risk":"high"})",
                R"({"type":"Polygon","coordinates":[[[113.6,34.7],[113.7,34.7],[113.6,34.7]]]})") +
        "," +
        feature(
            R"("Z-9")", R"({"risk":"high"})",
            R"({"type":"Polygon","coordinates":[[[113.6,34.7],[113.7,34.7],[113.7,34.8],[113.6,34.8]]]})") +
        "," +
        feature(R"("Z-10")", R"({"risk":"high"})",
                R"({"type":"Polygon","coordinates":[[[113.6,34.7],[NaN,34.7],
            [113.7,34.8],[113.6,34.7]]]})") +
        "," +
        feature(R"("Z-11")", R"({"risk":"high"})",
                R"({"type":"Polygon","coordinates":[[[113.6,34.7],[213.6,34.7],
            [113.7,34.8],[113.6,34.7]]]})") +
        "," +
        feature(R"("Z-12")", R"({"risk":"high"})", R"({"type":"Polygon","coordinates":[[[113.6,34.7],[113.6],
            [113.7,34.8],[113.6,34.7]]]})") +
        "," +
        feature(R"("Z-13")", R"({"risk":"high"})",
                R"({"type":"Polygon","coordinates":[[[113.6,34.7],["113.6",34.7],
            [113.7,34.8],[113.6,34.7]]]})") +
        "," + feature(R"(true)", R"({"risk":"high"})", kSquare));
    const FeedReadResult r = readFeed(text, FeedKind::Zones);
    REQUIRE(r.feed);
    const std::vector<Diagnostic>& d = r.diagnostics;
    INFO(messages(d));
    std::vector<std::string> kept;
    for (const FeatureRecord& f : r.feed->layer.features)
        kept.push_back(f.id);
    CHECK(kept == std::vector<std::string>{"Z-1", "Z-5", "Z-6"});
    CHECK(r.feed->zones.size() == 3); // typed rows stay parallel to features
    CHECK(hasMessage(
        d,
        "zones[1] id=Z-2: properties.risk: error: 'severe' is not one of \"high\", \"medium\" or \"low\""));
    CHECK(hasMessage(
        d, "zones[2] id=Z-1: id: error: duplicate id: feature 0 (counting kept features) already has it"));
    CHECK(hasMessage(
        d, "zones[3] id=Z-4: geometry: error: wrong geometry type: expected Polygon or MultiPolygon"));
    CHECK(hasMessage(d, "zones[4] id=Z-5: properties.since: warning: missing: when the zone was declared"));
    CHECK(hasMessage(d, "zones[5] id=Z-6: geometry: warning: empty geometry: nothing to show on the map"));
    CHECK(hasMessage(d, "zones[6] id=Z-7: properties.risk: error: missing 'risk': high, medium or low"));
    CHECK(hasMessage(d, "zones[7] id=Z-8: geometry.coordinates[0]: error: a polygon ring needs at least four "
                        "positions (first repeated last)"));
    CHECK(hasMessage(d, "zones[8] id=Z-9: geometry.coordinates[0]: error: ring is not closed: its last "
                        "position must equal its first"));
    CHECK(hasMessage(
        d, "zones[9] id=Z-10: geometry.coordinates[0][1]: error: a position holds NaN or Infinity"));
    CHECK(hasMessage(
        d, "zones[10] id=Z-11: geometry.coordinates[0][1]: error: position 213.6,34.7 is outside lon "
           "-180..180 / lat -90..90 (lon first, WGS84 degrees)"));
    CHECK(hasMessage(d, "zones[11] id=Z-12: geometry.coordinates[0][1]: error: a position needs at least two "
                        "numbers [lon, lat]"));
    CHECK(hasMessage(
        d, "zones[12] id=Z-13: geometry.coordinates[0][1]: error: a position must hold only numbers"));
    CHECK(hasMessage(d, "zones[13]: id: error: id must be a string or a number, not a boolean"));
}

TEST_CASE("Validation: demand and roster sanity") {
    const FeedReadResult posts = readFeed(
        collection(feature(R"("P-1")", R"({"kind":"compound_gate"})", point()) + "," +
                   feature(R"("P-2")",
                           R"({"kind":"compound_gate","demand":[{"from":"08:00","to":"18:00","staff":3},
                       {"from":"08:00","to":"18:00","staff":3}]})",
                           point()) +
                   "," +
                   feature(R"("P-3")",
                           R"({"kind":"compound_gate","demand":[{"from":"08:00","to":"18:00","staff":-1}]})",
                           point()) +
                   "," + feature(R"("P-4")", R"({"kind":"compound_gate","demand":"all day"})", point())),
        FeedKind::Posts);
    REQUIRE(posts.feed);
    INFO(messages(posts.diagnostics));
    CHECK(posts.feed->size() == 2);
    CHECK(hasMessage(posts.diagnostics, "posts[0] id=P-1: properties.demand: warning: no demand: this post "
                                        "will never show as short of staff"));
    CHECK(hasMessage(posts.diagnostics,
                     "posts[1] id=P-2: properties.demand[1]: warning: same hours as demand[0]: "
                     "counted twice (copy error?)"));
    CHECK(hasMessage(posts.diagnostics,
                     "posts[2] id=P-3: properties.demand[0].staff: error: -1 is not a staff count "
                     "(a whole number >= 0)"));
    CHECK(posts.diagnostics.back().featureIndex == 3);

    const FeedReadResult roster = readFeed(
        collection(
            feature(R"("R-1")",
                    R"({"post":"P-1","from":"2022-11-27T07:00:00+08:00","to":"2022-11-26T23:00:00+08:00"})",
                    "null") +
            "," +
            feature(R"("R-2")", R"({"from":"2022-11-26T07:00:00+08:00","to":"2022-11-26T15:00:00+08:00"})",
                    "null") +
            "," +
            feature(R"("R-3")",
                    R"({"team":"T-1","from":"2022-11-26T07:00","to":"2022-11-26T15:00:00+08:00"})", "null")),
        FeedKind::Roster);
    REQUIRE(roster.feed);
    INFO(messages(roster.diagnostics));
    CHECK(roster.feed->size() == 0);
    CHECK(hasMessage(roster.diagnostics,
                     "roster[0] id=R-1: properties.to: error: the interval is reversed or empty: "
                     "'to' must be after 'from'"));
    CHECK(hasMessage(roster.diagnostics,
                     "roster[1] id=R-2: properties.post: error: a roster entry needs 'post' or "
                     "'team' (who is on duty where)"));
    CHECK(hasMessage(roster.diagnostics,
                     "roster[2] id=R-3: properties.from: error: is not an ISO 8601 time with offset"));
}

TEST_CASE("Whole-file problems keep nothing, so the last good version stays") {
    SECTION("truncated") {
        const std::string full = collection(feature(R"("P-1")", R"({"kind":"compound_gate"})", point()));
        const FeedReadResult r = readFeed(full.substr(0, full.size() - 5), FeedKind::Posts);
        CHECK_FALSE(r.feed);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].message.find("truncated") != std::string::npos);
        CHECK(r.diagnostics[0].message.find("line 1, column") != std::string::npos);
    }
    SECTION("not JSON") {
        const FeedReadResult r = readFeed("<html>404</html>", FeedKind::Posts);
        CHECK_FALSE(r.feed);
        CHECK(r.diagnostics.at(0).message.find("not valid JSON at byte 0") != std::string::npos);
    }
    SECTION("wrong feed kind") {
        const FeedReadResult r =
            readFeed(collection("", R"("cordon":{"feed":"zones","version":1},)"), FeedKind::Posts);
        CHECK_FALSE(r.feed);
        CHECK(r.diagnostics.at(0).path == "cordon.feed");
    }
    SECTION("a bare Feature is not a feed") {
        const FeedReadResult r =
            readFeed(feature(R"("P-1")", R"({"kind":"compound_gate"})", point()), FeedKind::Posts);
        CHECK_FALSE(r.feed);
    }
}

TEST_CASE("Feed kind comes from the cordon member, else the file name") {
    const std::string zones =
        collection(feature(R"("Z-1")", R"({"risk":"high","since":"2022-11-20"})", kSquare),
                   R"("cordon":{"feed":"zones","version":1,"generated":"2022-11-26T08:00:00+08:00"},)");
    const FeedReadResult byMember = readFeedDetectKind(zones, "upload-3.json");
    REQUIRE(byMember.feed);
    CHECK(byMember.feed->kind == FeedKind::Zones);
    REQUIRE(byMember.feed->header.generated);
    const FeedReadResult byName = readFeedDetectKind(
        collection(feature(R"("F-1")", R"({"kind":"depot"})", point())), "data/facilities.geojson");
    REQUIRE(byName.feed);
    CHECK(byName.feed->kind == FeedKind::Facilities);
    const FeedReadResult unknown = readFeedDetectKind(collection(""), "upload.json");
    CHECK_FALSE(unknown.feed);
    CHECK(unknown.diagnostics.at(0).message.find("cannot tell which feed") != std::string::npos);
}

TEST_CASE("References between feeds that point nowhere are warnings") {
    FeedSet set;
    set.replace(
        *readFeed(collection(feature(R"("A-1")", R"({"level":"district"})", kSquare)), FeedKind::Areas).feed);
    set.replace(*readFeed(collection(feature(
                              R"("Z-1")", R"({"risk":"high","since":"2022-11-20","area":"A-9"})", kSquare)),
                          FeedKind::Zones)
                     .feed);
    set.replace(*readFeed(collection(feature(R"("T-1")", R"({"kind":"task_force","members":5,"mode":"walk",
                              "zones":["Z-1","Z-404"],"posts":["P-1"]})",
                                             point())),
                          FeedKind::Teams)
                     .feed);
    const std::vector<Diagnostic> d = checkReferences(set);
    INFO(messages(d));
    CHECK(hasMessage(d, "zones[0] id=Z-1: properties.area: warning: unknown areas id 'A-9'"));
    CHECK(hasMessage(d, "teams[0] id=T-1: properties.zones[1]: warning: unknown zones id 'Z-404'"));
    CHECK(d.size() == 2); // posts not loaded: T-1's post is not checked
}

TEST_CASE("A feed version of any number is read safely; a newer one is a warning") {
    const auto versionOf = [](const std::string& v) {
        return readFeed(R"({"type":"FeatureCollection","cordon":{"feed":"zones","version":)" + v +
                            R"(},"features":[]})",
                        FeedKind::Zones);
    };
    for (const char* huge : {"8.88889e90", "-3", "1e300", "2147483648"}) {
        const FeedReadResult r = versionOf(huge);
        REQUIRE(r.feed);
        CHECK(r.feed->header.version == 0);
    }
    const FeedReadResult two = versionOf("2");
    REQUIRE(two.feed);
    CHECK(two.feed->header.version == 2);
    REQUIRE(two.diagnostics.size() == 1);
    CHECK(two.diagnostics[0].path == "cordon.version");
}
