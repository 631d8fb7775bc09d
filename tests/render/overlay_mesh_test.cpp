#include "mesh_lines.hpp"
#include "render/overlay_mesh.hpp"
#include "test_feeds.hpp"

#include "core/geo/mercator.hpp"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <cmath>

using namespace cordon;
using test::readOne;

namespace {

/// Total length of the mesh's lines in each colour.
double lengthIn(const SceneMesh& mesh, Rgba colour) {
    double total = 0;
    for (const test::MeshLine& line : test::linesOf(mesh))
        if (line.colour.r == colour.r && line.colour.g == colour.g && line.colour.b == colour.b)
            for (std::size_t i = 1; i < line.points.size(); ++i)
                total += std::hypot(line.points[i].x - line.points[i - 1].x,
                                    line.points[i].y - line.points[i - 1].y);
    return total;
}

} // namespace

TEST_CASE("Areas of responsibility split an edge where the teams' times meet, in team colours") {
    // One bent road: a --- b
    //                      |
    //                      c      (a single edge a..c with a shape point at b)
    const Feed roads = readOne(FeedKind::Roads, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":"r","properties":{"highway":"residential"},
       "geometry":{"type":"LineString","coordinates":[[113.0,34.0],[113.01,34.0],[113.01,34.01]]}}]})");
    const RoadGraph graph = RoadGraph::build(roads);
    REQUIRE(graph.edgeCount() == 1);
    const MercatorPoint origin = mercator::project({113.0, 34.0});

    const EdgeShare share{2, 5, 0.25};
    const SceneMesh mesh = buildResponsibilityMesh(graph, std::span(&share, 1), origin);
    const double first = lengthIn(mesh, teamColour(2)), second = lengthIn(mesh, teamColour(5));
    CHECK(first > 0);
    CHECK(second / first == Catch::Approx(3.0).epsilon(0.02)); // lengths differ a little by latitude

    const EdgeShare nobody{kNoTeam, kNoTeam, 0.5};
    CHECK(buildResponsibilityMesh(graph, std::span(&nobody, 1), origin).lineVertices.empty());
    const EdgeShare half{7, kNoTeam, 0.5};
    const SceneMesh halfMesh = buildResponsibilityMesh(graph, std::span(&half, 1), origin);
    CHECK(lengthIn(halfMesh, teamColour(7)) == Catch::Approx(first * 2).epsilon(0.02));
}

TEST_CASE("Neighbouring teams get different colours") {
    for (std::uint32_t t = 0; t < 50; ++t) {
        const Rgba a = teamColour(t), b = teamColour(t + 1);
        CHECK((a.r != b.r || a.g != b.g || a.b != b.b));
    }
}

TEST_CASE("The selection outlines every ring of a polygon and puts a halo under a point") {
    const Feed zones = readOne(FeedKind::Zones, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":"z","properties":{"risk":"high"},"geometry":{"type":"Polygon","coordinates":[
        [[113.0,34.0],[113.01,34.0],[113.01,34.01],[113.0,34.01],[113.0,34.0]],
        [[113.004,34.004],[113.006,34.004],[113.006,34.006],[113.004,34.004]]]}}]})");
    const SceneMesh outline = buildSelectionMesh(zones.layer, 0, mercator::project({113.0, 34.0}));
    const std::vector<test::MeshLine> rings = test::linesOf(outline);
    REQUIRE(rings.size() == 2);
    CHECK(rings[0].points.size() == 4 + 1); // closed: back at the first point
    CHECK(rings[1].points.size() == 3 + 1);
    CHECK(outline.points.empty());
    CHECK(buildSelectionMesh(zones.layer, 1, {}).lineVertices.empty()); // no such feature

    const Feed posts = readOne(FeedKind::Posts, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":"p","properties":{"kind":"testing_site","demand":[]},
       "geometry":{"type":"Point","coordinates":[113.0,34.0]}}]})");

    const SceneMesh halo = buildSelectionMesh(posts.layer, 0, mercator::project({113.0, 34.0}));
    REQUIRE(halo.points.size() == 1);
    CHECK(halo.points[0].x == 0.0f);
    CHECK(halo.points[0].sizePx > 20);
}

TEST_CASE("Plan arrows: a shaft and a two-stroke head at the target, none for a zero-length move") {
    const MercatorPoint origin = mercator::project({113.0, 34.0});
    const PlanArrow arrows[] = {{{113.0, 34.0}, {113.01, 34.0}}, {{113.0, 34.0}, {113.0, 34.0}}};
    const SceneMesh mesh = buildPlanArrows(arrows, origin);
    const std::vector<test::MeshLine> lines = test::linesOf(mesh);
    REQUIRE(lines.size() == 3); // one arrow, three segments
    const std::vector<Vec2>& shaft = lines[0].points;
    REQUIRE(shaft.size() == 2);
    CHECK(shaft[0].x == 0.0);
    CHECK(shaft[1].x > 1000.0); // about 1.1 km east (Mercator metres)
    for (int head : {1, 2}) {
        const std::vector<Vec2>& s = lines[static_cast<std::size_t>(head)].points;
        REQUIRE(s.size() == 2);
        CHECK(s[0].x == shaft[1].x);      // starts at the tip
        CHECK(s[1].x < shaft[1].x);       // points back along the shaft
        CHECK(s[1].x > shaft[1].x - 300); // a head, not a second shaft
    }
}

TEST_CASE("Status symbols: each post in its status colour and fill, in its kind's shape and size") {
    const Feed posts = readOne(FeedKind::Posts, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":"gate","properties":{"kind":"compound_gate","demand":[]},
       "geometry":{"type":"Point","coordinates":[113.0,34.0]}},
      {"type":"Feature","id":"entry","properties":{"kind":"city_entry","demand":[]},
       "geometry":{"type":"Point","coordinates":[113.01,34.0]}},
      {"type":"Feature","id":"site","properties":{"kind":"testing_site","demand":[]},
       "geometry":{"type":"Point","coordinates":[113.02,34.0]}}]})");
    const StaffingStatus statuses[] = {StaffingStatus::Unstaffed, StaffingStatus::Short,
                                       StaffingStatus::Staffed};
    const std::vector<PointSymbol> symbols =
        buildStatusSymbols(posts, statuses, mercator::project({113.0, 34.0}));
    REQUIRE(symbols.size() == 3);
    CHECK(symbols[0].x == 0.0f);
    CHECK(symbols[1].x > symbols[0].x);
    for (std::size_t i = 0; i < 3; ++i) {
        const FeatureStyle plain = styleFor(posts, i);
        const StatusStyle status = statusStyle(statuses[i]);
        CHECK(symbols[i].sizePx == plain.pointSizePx); // covers the plain symbol exactly
        CHECK(symbols[i].symbol == symbolCode(plain.pointShape, status.fill));
        CHECK((symbols[i].colour.r == status.colour.r && symbols[i].colour.g == status.colour.g &&
               symbols[i].colour.b == status.colour.b));
    }
    CHECK(symbols[0].symbol != symbols[1].symbol); // kind and status both change the symbol
    CHECK(buildStatusSymbols(posts, std::span<const StaffingStatus>(statuses, 1), {}).size() == 1);
}

TEST_CASE("Status styles: every status differs in colour and the three with demand differ in fill") {
    const StaffingStatus all[] = {StaffingStatus::NoDemand, StaffingStatus::Staffed, StaffingStatus::Short,
                                  StaffingStatus::Unstaffed};
    for (std::size_t i = 0; i < 4; ++i)
        for (std::size_t j = i + 1; j < 4; ++j) {
            const Rgba a = statusStyle(all[i]).colour, b = statusStyle(all[j]).colour;
            CHECK((a.r != b.r || a.g != b.g || a.b != b.b));
            if (i > 0) CHECK(statusStyle(all[i]).fill != statusStyle(all[j]).fill);
        }
    // Worse status, thicker zone outline.
    CHECK(statusStyle(StaffingStatus::Unstaffed).zoneOutlinePx >
          statusStyle(StaffingStatus::Short).zoneOutlinePx);
    CHECK(statusStyle(StaffingStatus::Short).zoneOutlinePx >
          statusStyle(StaffingStatus::Staffed).zoneOutlinePx);
    // Kinds told apart by shape; entry stations and highway exits are the same kind of station.
    CHECK(postShape(PostKind::CompoundGate) != postShape(PostKind::CityEntry));
    CHECK(postShape(PostKind::CityEntry) == postShape(PostKind::HighwayExit));
    CHECK(postShape(PostKind::TestingSite) != postShape(PostKind::CompoundGate));
    CHECK(teamShape(TeamKind::TaskForce) != postShape(PostKind::CompoundGate));
}

TEST_CASE(
    "Areas of responsibility as fills: triangles cover the polygon minus its hole, with white borders") {
    const MercatorPoint origin = mercator::project({113.0, 34.0});
    ResponsibilityArea area;
    area.team = 3;
    const Ring outer = {{113.0, 34.0}, {113.01, 34.0}, {113.01, 34.01}, {113.0, 34.01}, {113.0, 34.0}};
    const Ring hole = {
        {113.004, 34.004}, {113.004, 34.006}, {113.006, 34.006}, {113.006, 34.004}, {113.004, 34.004}};
    area.polygons.push_back({outer, hole});
    const SceneMesh mesh = buildResponsibilityAreaMesh(std::span(&area, 1), origin);
    auto mercatorArea = [&](const Ring& ring) {
        double sum = 0;
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const MercatorPoint a = mercator::project(ring[i]), b = mercator::project(ring[i + 1]);
            sum += a.x * b.y - b.x * a.y;
        }
        return std::abs(sum) / 2;
    };
    double triangles = 0;
    for (std::size_t i = 0; i + 3 <= mesh.fillIndices.size(); i += 3) {
        const FillVertex &a = mesh.fillVertices[mesh.fillIndices[i]],
                         &b = mesh.fillVertices[mesh.fillIndices[i + 1]],
                         &c = mesh.fillVertices[mesh.fillIndices[i + 2]];
        triangles +=
            std::abs((double(b.x) - a.x) * (double(c.y) - a.y) - (double(c.x) - a.x) * (double(b.y) - a.y)) /
            2;
    }
    CHECK(triangles == Catch::Approx(mercatorArea(outer) - mercatorArea(hole)).epsilon(1e-4));
    const Rgba team = teamColour(3);
    REQUIRE_FALSE(mesh.fillVertices.empty());
    CHECK((mesh.fillVertices[0].colour.r == team.r && mesh.fillVertices[0].colour.a < 255));
    const std::vector<test::MeshLine> rings = test::linesOf(mesh);
    REQUIRE(rings.size() == 2);
    CHECK((rings[0].colour.r == 255 && rings[0].colour.g == 255)); // white borders between areas
    CHECK(buildResponsibilityAreaMesh({}, origin).fillIndices.empty());
}
