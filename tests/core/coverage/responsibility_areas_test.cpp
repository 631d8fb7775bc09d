#include "core/ascii_map.hpp"
#include "core/coverage/coverage.hpp"
#include "core/coverage/responsibility_areas.hpp"
#include "core/map/point_in_polygon.hpp"
#include "core/routing/isochrone.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>

using namespace cordon;
using namespace cordon::testing;

namespace {

std::string doorTeam(const std::string& id, LonLat at) {
    char text[300];
    std::snprintf(
        text, sizeof text,
        R"({"type":"Feature","id":"%s","properties":{"kind":"door_team","members":3,"mode":"walk"},)"
        R"("geometry":{"type":"Point","coordinates":[%.9f,%.9f]}})",
        id.c_str(), at.lon, at.lat);
    return text;
}

/// Whether `p` lies inside one of the polygons (outer ring, not in a hole).
bool inside(const std::vector<Polygon>& polygons, LonLat p) {
    for (const Polygon& polygon : polygons) {
        if (polygon.empty() || locateInRing(polygon[0].data(), polygon[0].size(), p) != Containment::Inside)
            continue;
        bool inHole = false;
        for (std::size_t h = 1; h < polygon.size(); ++h)
            inHole = inHole || locateInRing(polygon[h].data(), polygon[h].size(), p) == Containment::Inside;
        if (!inHole) return true;
    }
    return false;
}

LonLat between(LonLat a, LonLat b, double f) {
    return {a.lon + f * (b.lon - a.lon), a.lat + f * (b.lat - a.lat)};
}

} // namespace

TEST_CASE("Areas of responsibility: each team's polygon holds its own roads and none of the other's") {
    // Two door teams at the ends of a 500 m street with a side street; a third team far off
    // on its own street, beyond the time limit from everything else.
    //  a---------b--------------c----------d
    //            |
    //            |
    //            e
    const AsciiMap m = asciiMap({
        "a---------b--------------c----------d",
        "          |                          ",
        "          |                          ",
        "          e                          ",
    });
    FeedReadResult teams =
        readFeed(R"({"type":"FeatureCollection","features":[)" + doorTeam("T-a", m.nodes.at('a')) + "," +
                     doorTeam("T-d", m.nodes.at('d')) + "]}",
                 FeedKind::Teams);
    REQUIRE(teams.feed);
    FeedSet feeds;
    feeds.replace(std::move(*teams.feed));
    const RoadGraph graph = RoadGraph::build(m.feed);
    const CoverageReport report = computeCoverage(feeds, graph);
    const Responsibility& door = report.responsibility[static_cast<int>(TeamKind::DoorTeam)];

    ResponsibilityAreaOptions options;
    options.cellMetres = 5; // the map's streets are 10 m a character
    options.offRoadMetres = 10;
    options.minRingCells = 1;
    const std::vector<ResponsibilityArea> areas = buildResponsibilityAreas(door, graph, kUnreached, options);
    REQUIRE(areas.size() == 2);
    CHECK(areas[0].team == 0);
    CHECK(areas[1].team == 1);
    for (const ResponsibilityArea& area : areas)
        for (const Polygon& polygon : area.polygons) {
            REQUIRE_FALSE(polygon.empty());
            CHECK(ringArea(polygon[0]) > 0); // outer rings counter-clockwise
            CHECK(polygon[0].front().lon == polygon[0].back().lon);
        }
    const LonLat a = m.nodes.at('a'), b = m.nodes.at('b'), c = m.nodes.at('c'), d = m.nodes.at('d'),
                 e = m.nodes.at('e');
    // T-a holds a..b, the side street and b..c up to where the times meet; T-d the rest.
    // From a: 100 m to b then 150 m to c; from d: 110 m to c: they meet 80 m past b.
    for (const LonLat p : {between(a, b, 0.3), between(a, b, 0.9), between(b, e, 0.5), between(b, c, 0.3)}) {
        CHECK(inside(areas[0].polygons, p));
        CHECK_FALSE(inside(areas[1].polygons, p));
    }
    for (const LonLat p : {between(b, c, 0.8), between(c, d, 0.5), between(c, d, 0.95)}) {
        CHECK(inside(areas[1].polygons, p));
        CHECK_FALSE(inside(areas[0].polygons, p));
    }
    // Far from every road is nobody's.
    const LonLat off = cellPosition(30, 3);
    CHECK_FALSE(inside(areas[0].polygons, off));
    CHECK_FALSE(inside(areas[1].polygons, off));

    // Within 50 m of walking only the ground near each team is held.
    const std::vector<ResponsibilityArea> near =
        buildResponsibilityAreas(door, graph, 50 / kWalkSpeed, options);
    REQUIRE(near.size() == 2);
    CHECK(inside(near[0].polygons, between(a, b, 0.2)));
    CHECK_FALSE(inside(near[0].polygons, between(a, b, 0.9)));
    CHECK_FALSE(inside(near[1].polygons, between(b, c, 0.8)));

    // No teams, no areas.
    CHECK(buildResponsibilityAreas(Responsibility{}, graph, kUnreached).empty());
}
