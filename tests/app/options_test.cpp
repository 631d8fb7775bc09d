#include "app/options.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace cordon;

TEST_CASE("Query strings decode percent escapes and plus signs") {
    const Params p = parseQueryString("?lang=en&name=%E9%87%91%E6%B0%B4+%E5%8C%BA&flag&&bad=%zz");
    REQUIRE(p.size() == 4);
    CHECK(p[0] == std::pair<std::string, std::string>{"lang", "en"});
    CHECK(p[1].second == "金水 区");
    CHECK(p[2] == std::pair<std::string, std::string>{"flag", ""});
    CHECK(p[3].second == "%zz");
    CHECK(parseQueryString("").empty());
}

TEST_CASE("Options come from the URL or the command line alike") {
    const char* argv[] = {"cordon_app", "--lang=en", "--frames=30", "--screenshot=out.ppm", "stray"};
    const AppOptions o = optionsFromParams(parseCommandLine(5, argv));
    CHECK(o.lang == Lang::En);
    CHECK(o.exitAfterFrames == 30);
    CHECK(o.screenshotPath == "out.ppm");
    const AppOptions web = optionsFromParams(parseQueryString("lang=zh&frames=x&unknown=1"));
    CHECK(web.lang == Lang::Zh);
    CHECK(web.exitAfterFrames == 0);
}

TEST_CASE("Big-screen options: wall mode, refresh, district tour and a fixed time of day") {
    const AppOptions wall = optionsFromParams(
        parseQueryString("?mode=wall&refresh=60&stale=200&tour=districts&tourseconds=1&now=23:30"));
    CHECK(wall.wall);
    CHECK(wall.refreshSeconds == 60);
    CHECK(wall.staleSeconds == 200);
    CHECK(wall.tour == WallTour::Districts);
    CHECK(wall.tourSeconds == 3); // clamped: a tour faster than that cannot be read
    CHECK(wall.nowMinuteOfDay == 23 * 60 + 30);
    const AppOptions plain = optionsFromParams(parseQueryString("?mode=laptop&refresh=-5&tour=x&now=25:00"));
    CHECK_FALSE(plain.wall);
    CHECK(plain.refreshSeconds == 0);
    CHECK(plain.tour == WallTour::Off);
    CHECK(optionsFromParams(parseQueryString("?tour=problems")).tour == WallTour::Problems);
    CHECK(plain.nowMinuteOfDay == -1); // not a time: the clock
    CHECK(optionsFromParams(parseQueryString("?now=24:00")).nowMinuteOfDay == 0);
    CHECK(wall.pulse); // the wall pulses unless told not to
    const AppOptions laptop = optionsFromParams(parseQueryString("?tab=gaps&panel=0"));
    CHECK(laptop.tab == "gaps");
    CHECK_FALSE(laptop.panel);
    CHECK(plain.panel);
    CHECK_FALSE(optionsFromParams(parseQueryString("?mode=wall&pulse=0")).pulse);
}

TEST_CASE("Briefing options: snapshot, isochrones from a point, and a saved view") {
    const AppOptions o = optionsFromParams(
        parseQueryString("snapshot=1&iso=113.67,34.75&isomode=drive&isominutes=5,10&view=113.6,34.7,12.5"));
    CHECK(o.snapshot);
    REQUIRE(o.isoFrom);
    CHECK(o.isoFrom->lon == 113.67);
    CHECK(o.isoFrom->lat == 34.75);
    CHECK(o.isoMode == TravelMode::Drive);
    CHECK(o.isoMinutes == "5,10");
    REQUIRE(o.view);
    CHECK(o.view->zoom == 12.5);
    const AppOptions bad = optionsFromParams(parseQueryString("iso=200,1&view=1,2&isomode=fly&snapshot=0"));
    CHECK_FALSE(bad.isoFrom);
    CHECK_FALSE(bad.view);
    CHECK_FALSE(bad.isoMode);
    CHECK_FALSE(bad.snapshot);
}

TEST_CASE("Briefing options keep the scrubbed time, the selection, the plan and the picture size") {
    const AppOptions o = optionsFromParams(
        parseQueryString("slot=02:15&select=zones:Z-003&plan=1&picturesize=a4-300&district=D-01&time=night"));
    CHECK(o.scrubMinute == 135);
    CHECK(o.select == "zones:Z-003");
    CHECK(o.plan);
    CHECK(o.pictureSize == "a4-300");
    CHECK(o.district == "D-01");
    CHECK(o.time == "night");
    const AppOptions bad = optionsFromParams(parseQueryString("slot=25:99&plan=0"));
    CHECK(bad.scrubMinute == -1);
    CHECK_FALSE(bad.plan);
}

TEST_CASE("Refresh intervals may be fractions of a second, down to 50 ms") {
    CHECK(optionsFromParams(parseQueryString("refresh=0.25")).refreshSeconds == 0.25);
    CHECK(optionsFromParams(parseQueryString("refresh=0.001")).refreshSeconds == 0.05);
    CHECK(optionsFromParams(parseQueryString("refresh=abc")).refreshSeconds == 0);
}

TEST_CASE("Layer options: opacity per layer in percent, layers hidden at start; unknown names ignored") {
    const AppOptions o = optionsFromParams(
        parseQueryString("opacity=areas:40,zones:150,posts,nonsense:20,roads:x&hide=roads,teams,moon"));
    REQUIRE(o.opacity.size() == 2);
    CHECK(o.opacity[0].first == FeedKind::Areas);
    CHECK(o.opacity[0].second == 0.4f);
    CHECK(o.opacity[1].first == FeedKind::Zones);
    CHECK(o.opacity[1].second == 1.0f); // clamped
    REQUIRE(o.hidden.size() == 2);
    CHECK(o.hidden[0] == FeedKind::Roads);
    CHECK(o.hidden[1] == FeedKind::Teams);
}
