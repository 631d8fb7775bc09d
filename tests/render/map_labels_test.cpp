#include "render/map_labels.hpp"
#include "test_feeds.hpp"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <string>

using namespace cordon;
using test::add;

TEST_CASE("Label anchors: areas at their centroid, each road name once on its longest piece") {
    FeedSet set;
    add(set, FeedKind::Areas, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":"D1","properties":{"level":"district","name":"金水区"},
       "geometry":{"type":"Polygon","coordinates":[[[113.0,34.0],[113.02,34.0],[113.02,34.02],[113.0,34.02],[113.0,34.0]]]}},
      {"type":"Feature","id":"S1","properties":{"level":"subdistrict","name":"Street A","parent":"D1"},
       "geometry":{"type":"Polygon","coordinates":[[[113.0,34.0],[113.01,34.0],[113.01,34.01],[113.0,34.01],[113.0,34.0]]]}},
      {"type":"Feature","id":"C1","properties":{"level":"compound","name":"Compound","parent":"S1"},
       "geometry":{"type":"Polygon","coordinates":[[[113.0,34.0],[113.001,34.0],[113.001,34.001],[113.0,34.0]]]}},
      {"type":"Feature","id":"X","properties":{"level":"district"},
       "geometry":{"type":"Polygon","coordinates":[[[114.0,34.0],[114.01,34.0],[114.01,34.01],[114.0,34.0]]]}}]})");
    add(set, FeedKind::Roads, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":"r1","properties":{"highway":"primary","name":"花园路"},
       "geometry":{"type":"LineString","coordinates":[[113.0,34.0],[113.01,34.0]]}},
      {"type":"Feature","id":"r2","properties":{"highway":"primary","name":"花园路"},
       "geometry":{"type":"LineString","coordinates":[[113.01,34.0],[113.01,34.01],[113.01,34.03]]}},
      {"type":"Feature","id":"r3","properties":{"highway":"residential","name":"Lane"},
       "geometry":{"type":"LineString","coordinates":[[113.0,34.01],[113.002,34.01]]}},
      {"type":"Feature","id":"r4","properties":{"highway":"residential"},
       "geometry":{"type":"LineString","coordinates":[[113.0,34.02],[113.002,34.02]]}}]})");
    const std::vector<LabelAnchor> anchors = buildLabelAnchors(set);
    REQUIRE(anchors.size() == 4); // no compound, no nameless area or road, 花园路 once
    CHECK(anchors[0].text == "金水区");
    CHECK(anchors[0].kind == LabelKind::District);
    const MercatorPoint centre = mercator::project({113.01, 34.01});
    CHECK(anchors[0].at.x == Catch::Approx(centre.x).margin(1.0));
    CHECK(anchors[0].at.y ==
          Catch::Approx(mercator::project({113.0, 34.0}).y / 2 + mercator::project({113.0, 34.02}).y / 2)
              .margin(1.0));
    CHECK(anchors[1].kind == LabelKind::Subdistrict);
    CHECK(anchors[2].text == "花园路");
    CHECK(anchors[2].kind == LabelKind::MajorRoad);
    CHECK(anchors[2].feature == 1); // the longer piece
    const MercatorPoint mid = mercator::project({113.01, 34.015});
    CHECK(anchors[2].at.x == Catch::Approx(mid.x).margin(1.0));
    CHECK(anchors[2].at.y == Catch::Approx(mid.y).margin(30.0)); // half-way by length
    CHECK(anchors[3].kind == LabelKind::Road);
    // Districts outrank everything but the selection and show at every zoom; streets only close up.
    CHECK(labelPriority(LabelKind::District) > labelPriority(LabelKind::MajorRoad));
    CHECK(labelPriority(LabelKind::Selected) > labelPriority(LabelKind::District));
    CHECK(labelMinZoom(LabelKind::District) < labelMinZoom(LabelKind::Subdistrict));
    CHECK(labelMinZoom(LabelKind::MajorRoad) < labelMinZoom(LabelKind::Road));
    CHECK(buildLabelAnchors(FeedSet{}).empty());
}
