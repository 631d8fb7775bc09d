// The wall's attention lists on the demo city: the posts listed are exactly those short at the
// slot of now, ranked as the wall shows them; the zones listed are the rule breakers and the ones
// out of reach, each with its reason; a district's lists are the city's restricted to it.
#include "core/map/attention.hpp"

#include "core/map/figures.hpp"
#include "core/map/situation.hpp"

#include "test_feeds.hpp"

#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace cordon;
using cordon::test::demoFeed;

namespace {

Feed areasFeed(std::string_view json) {
    FeedReadResult r = readFeed(json, FeedKind::Areas, "areas.geojson");
    REQUIRE(r.feed);
    return std::move(*r.feed);
}

} // namespace

TEST_CASE("Attention lists name the posts short now and the zones breaking the rule or out of reach") {
    Situation s;
    for (FeedKind kind : {FeedKind::Areas, FeedKind::Zones, FeedKind::Posts, FeedKind::Teams,
                          FeedKind::Roster, FeedKind::Roads})
        s.feeds().replace(demoFeed(kind));
    s.refresh();
    REQUIRE(s.staffing());
    REQUIRE(s.coverage());
    const StaffingModel& staffing = *s.staffing();
    const int now = 23 * 60 + 30;
    const AttentionLists lists = attentionAt(s.feeds(), s.coverage(), &staffing, now);
    const Figures figures = s.figures(now);
    REQUIRE(lists.slot == figures.slot);

    // Posts: exactly those short in the slot, entry stations first, each district's posts together.
    CHECK(lists.posts.size() == static_cast<std::size_t>(figures[FigureId::PostsShortNow]));
    REQUIRE_FALSE(lists.posts.empty());
    std::set<std::uint32_t> listed;
    for (const PostAttention& p : lists.posts) {
        listed.insert(p.post);
        CHECK(p.peopleShort == staffing.required(p.post)[lists.slot] - staffing.onDuty(p.post)[lists.slot]);
        CHECK(p.peopleShort > 0);
    }
    CHECK(listed.size() == lists.posts.size());
    bool seenOther = false;
    std::set<std::optional<std::uint32_t>> finished;
    for (std::size_t i = 0; i < lists.posts.size(); ++i) {
        const PostAttention& p = lists.posts[i];
        if (p.entryStation) {
            CHECK_FALSE(seenOther);
            continue;
        }
        seenOther = true;
        CHECK_FALSE(finished.count(p.district)); // a district's posts are not split
        if (i + 1 < lists.posts.size() && lists.posts[i + 1].district != p.district)
            finished.insert(p.district);
        if (i + 1 < lists.posts.size() && lists.posts[i + 1].district == p.district)
            CHECK(lists.posts[i + 1].peopleShort <= p.peopleShort);
    }

    // Zones: every rule breaker at the slot and every zone out of reach, no other.
    std::set<std::uint32_t> want;
    for (const ZoneStaffing& z : staffing.highRiskZones())
        if (staffing.zoneStatus(z, lists.slot) != StaffingStatus::Staffed) want.insert(z.zone);
    for (std::uint32_t z : zonesOutOfReach(*s.coverage(), &staffing))
        want.insert(s.coverage()->zones[z].feature);
    std::set<std::uint32_t> got;
    int noTaskForce = 0;
    for (const ZoneAttention& z : lists.zones) {
        got.insert(z.zone);
        noTaskForce += z.problem == ZoneProblem::NoTaskForce;
        if (z.problem == ZoneProblem::OutOfReach) CHECK(z.minutes > figures.thresholdMinutes);
    }
    CHECK(got == want);
    CHECK(got.size() == lists.zones.size());
    CHECK(noTaskForce == static_cast<int>(figures[FigureId::ZonesWithoutTaskForce]));
    for (std::size_t i = 1; i < lists.zones.size(); ++i)
        CHECK(lists.zones[i - 1].problem <= lists.zones[i].problem);

    // A district's lists are the city's entries in that district, in the same order.
    const Feed& areas = *s.feeds().get(FeedKind::Areas);
    std::size_t posts = 0, zones = 0;
    for (std::uint32_t a = 0; a < areas.size(); ++a) {
        if (areas.areas[a].level != AreaLevel::District) continue;
        const AttentionLists d = attentionAt(s.feeds(), s.coverage(), &staffing, now, a);
        for (const PostAttention& p : d.posts)
            CHECK(p.district == a);
        posts += d.posts.size();
        zones += d.zones.size();
    }
    std::size_t postsWithout = 0, zonesWithout = 0;
    for (const PostAttention& p : lists.posts)
        postsWithout += !p.district;
    for (const ZoneAttention& z : lists.zones)
        zonesWithout += !z.district;
    CHECK(posts + postsWithout == lists.posts.size());
    CHECK(zones + zonesWithout == lists.zones.size());
    CHECK(postsWithout < lists.posts.size()); // the demo's posts lie in districts
}

TEST_CASE("An area's district is found up its parents; a loop or a missing parent gives none") {
    const std::string square =
        R"({"type":"Polygon","coordinates":[[[113,34],[113.1,34],[113.1,34.1],[113,34]]]})";
    std::string json = R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":"d","properties":{"name":"金水区","level":"district"},"geometry":SQUARE},
      {"type":"Feature","id":"s","properties":{"name":"街道","level":"subdistrict","parent":"d"},"geometry":SQUARE},
      {"type":"Feature","id":"c","properties":{"name":"社区","level":"community","parent":"s"},"geometry":SQUARE},
      {"type":"Feature","id":"x","properties":{"name":"环","level":"community","parent":"y"},"geometry":SQUARE},
      {"type":"Feature","id":"y","properties":{"name":"环2","level":"subdistrict","parent":"x"},"geometry":SQUARE},
      {"type":"Feature","id":"o","properties":{"name":"孤","level":"community","parent":"nowhere"},"geometry":SQUARE}]})";
    for (std::size_t at; (at = json.find("SQUARE")) != std::string::npos;)
        json.replace(at, 6, square);
    const Feed areas = areasFeed(json);
    REQUIRE(areas.size() == 6);
    CHECK(districtOf(areas, "c") == 0u);
    CHECK(districtOf(areas, "d") == 0u);
    CHECK_FALSE(districtOf(areas, "x"));
    CHECK_FALSE(districtOf(areas, "o"));
    CHECK_FALSE(districtOf(areas, "unknown"));
    // Within: itself and every area up its parents (a sub-district filter); loops end.
    CHECK(areaWithin(areas, "c", 1)); // the community in its sub-district
    CHECK(areaWithin(areas, "c", 0)); // and in its district
    CHECK(areaWithin(areas, "s", 1));
    CHECK_FALSE(areaWithin(areas, "d", 1)); // a district is not in its sub-district
    CHECK_FALSE(areaWithin(areas, "x", 0));
    CHECK(areaWithin(areas, "x", 4)); // inside a loop, still found
    CHECK_FALSE(areaWithin(areas, "unknown", 0));
}
