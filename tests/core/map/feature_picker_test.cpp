#include "core/map/feature_details.hpp"
#include "core/map/feature_picker.hpp"
#include "test_feeds.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>

using namespace cordon;
using test::add;

namespace {

std::string collection(const char* feed, const std::string& features) {
    return std::string(R"({"type":"FeatureCollection","cordon":{"feed":")") + feed +
           R"(","version":1},"features":[)" + features + "]}";
}

std::string square(const char* id, const std::string& properties, double x0, double y0, double x1,
                   double y1) {
    auto pos = [](double x, double y) { return "[" + std::to_string(x) + "," + std::to_string(y) + "]"; };
    return std::string(R"({"type":"Feature","id":")") + id + R"(","properties":)" + properties +
           R"(,"geometry":{"type":"Polygon","coordinates":[[)" + pos(x0, y0) + "," + pos(x1, y0) + "," +
           pos(x1, y1) + "," + pos(x0, y1) + "," + pos(x0, y0) + "]]}}";
}

std::string point(const char* id, const std::string& properties, double x, double y) {
    return std::string(R"({"type":"Feature","id":")") + id + R"(","properties":)" + properties +
           R"(,"geometry":{"type":"Point","coordinates":[)" + std::to_string(x) + "," + std::to_string(y) +
           "]}}";
}

// Map (0.001 degrees ~ 90-110 m):
//
//   34.010 +--------------------------- district D --------------------------+
//          |   +----- compound C -----+                                      |
//          |   |  +--- Z-low ------+  |                                      |
//          |   |  |  +- Z-high -+  |  |        T (34.005, 113.008)           |
//          |   |  |  |   P      |  |  |                                      |
//   ====== road R along lat 34.002 ======================================== |
//   34.000 +-------------------------------------------------------------------+
//        113.000                                                          113.010
FeedSet makeCity() {
    FeedSet set;
    add(set, FeedKind::Areas,
        collection("areas", square("D", R"({"level":"district","name":"区"})", 113.0, 34.0, 113.01, 34.01) +
                                "," +
                                square("C", R"({"level":"compound","name":"院","parent":"D"})", 113.001,
                                       34.003, 113.005, 34.009)));
    add(set, FeedKind::Zones,
        collection("zones",
                   square("Z-low", R"({"risk":"low","name":"低"})", 113.0015, 34.0035, 113.0045, 34.0085) +
                       "," +
                       square("Z-high", R"({"risk":"high","name":"高"})", 113.002, 34.004, 113.004, 34.008)));
    add(set, FeedKind::Posts,
        collection(
            "posts",
            point(
                "P",
                R"({"kind":"compound_gate","name":"门","demand":[{"from":"08:00","to":"18:00","staff":2},{"from":"18:00","to":"08:00","staff":1}]})",
                113.003, 34.006)));
    add(set, FeedKind::Teams,
        collection("teams", point("T", R"({"kind":"task_force","name":"专班","members":12,"mode":"walk"})",
                                  113.008, 34.005)));
    add(set, FeedKind::Roads,
        collection("roads",
                   R"({"type":"Feature","id":"R","properties":{"highway":"residential","name":"路"},)"
                   R"("geometry":{"type":"LineString","coordinates":[[112.999,34.002],[113.011,34.002]]}})"));
    return set;
}

FeedMask all() {
    FeedMask m;
    m.fill(true);
    return m;
}

} // namespace

TEST_CASE("A click picks the feature drawn on top: points, then zones by risk, roads, smallest area") {
    const FeedSet city = makeCity();
    FeaturePicker picker;
    picker.update(city);
    auto pick = [&](double lon, double lat, double radius = 30, FeedMask mask = all()) {
        return picker.pick(city, {lon, lat}, radius, mask);
    };
    CHECK(pick(113.0031, 34.0061) == PickedFeature{FeedKind::Posts, 0});    // ~15 m from the post
    CHECK(pick(113.0081, 34.0049) == PickedFeature{FeedKind::Teams, 0});    // ~15 m from the team
    CHECK(pick(113.0025, 34.0045) == PickedFeature{FeedKind::Zones, 1});    // in both zones: high risk wins
    CHECK(pick(113.0017, 34.0037) == PickedFeature{FeedKind::Zones, 0});    // only in the low-risk zone
    CHECK(pick(113.007, 34.0021) == PickedFeature{FeedKind::Roads, 0});     // ~11 m from the road
    CHECK(pick(113.0012, 34.0088) == PickedFeature{FeedKind::Areas, 1});    // compound inside the district
    CHECK(pick(113.009, 34.009) == PickedFeature{FeedKind::Areas, 0});      // district only
    CHECK_FALSE(pick(113.02, 34.02));                                       // off the map
    CHECK(pick(113.0031, 34.0061, 5) == PickedFeature{FeedKind::Zones, 1}); // post beyond a small radius

    FeedMask noZones = all();
    noZones[static_cast<int>(FeedKind::Zones)] = false;
    CHECK(pick(113.0025, 34.0045, 30, noZones) == PickedFeature{FeedKind::Areas, 1}); // hidden layer
}

TEST_CASE("The picker follows feed replacements") {
    FeedSet city = makeCity();
    FeaturePicker picker;
    picker.update(city);
    add(city, FeedKind::Posts,
        collection("posts", point("P2", R"({"kind":"testing_site","demand":[]})", 113.009, 34.009) + "," +
                                point("P3", R"({"kind":"testing_site","demand":[]})", 113.0091, 34.0091)));
    // Before update the posts index is stale and is not used rather than giving a wrong answer.
    CHECK(picker.pick(city, {113.0031, 34.0061}, 30, all()) == PickedFeature{FeedKind::Zones, 1});
    picker.update(city);
    CHECK(picker.pick(city, {113.00909, 34.00909}, 30, all()) == PickedFeature{FeedKind::Posts, 1});
}

TEST_CASE("Feature details list the id and every property in file order, as readable text") {
    const FeedSet city = makeCity();
    const auto rows = featureDetails(*city.get(FeedKind::Posts), 0);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].key == "id");
    CHECK(rows[0].value == "P");
    CHECK(rows[1].key == "kind");
    CHECK(rows[1].value == "compound_gate");
    CHECK(rows[2].value == "门");
    CHECK(rows[3].key == "demand");
    CHECK(rows[3].value == "{from: 08:00, to: 18:00, staff: 2}, {from: 18:00, to: 08:00, staff: 1}");
    CHECK(featureDetails(*city.get(FeedKind::Teams), 0)[4].value == "walk");
    CHECK(featureDetails(*city.get(FeedKind::Teams), 1).empty());

    const JsonParseResult v = parseJson(R"([null,true,2.5,-3,1e20,[]])");
    REQUIRE(v.value);
    CHECK(displayText(*v.value) == "-, true, 2.5, -3, 1e+20, ");
}
