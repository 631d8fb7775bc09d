#include "core/map/feature_index.hpp"

#include "core/geo/mercator.hpp"
#include "core/map/point_in_polygon.hpp"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <limits>
#include <memory>
#include <numbers>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace cordon;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

FeatureLayer layerOf(const std::string& featuresJson) {
    const GeoJsonReadResult r =
        readGeoJson(R"({"type":"FeatureCollection","features":[)" + featuresJson + "]}", "test");
    REQUIRE(r.layer);
    REQUIRE(r.diagnostics.empty());
    return *r.layer;
}

std::string feature(const std::string& geometry) {
    return R"({"type":"Feature","properties":{},"geometry":)" + geometry + "}";
}

/// Great-circle distance on the EPSG:3857 sphere: an independent yardstick for short distances.
double haversineMetres(LonLat a, LonLat b) {
    constexpr double k = std::numbers::pi / 180;
    const double dLat = (b.lat - a.lat) * k, dLon = (b.lon - a.lon) * k;
    const double h = std::pow(std::sin(dLat / 2), 2) +
                     std::cos(a.lat * k) * std::cos(b.lat * k) * std::pow(std::sin(dLon / 2), 2);
    return 2 * mercator::kEarthRadius * std::asin(std::sqrt(h));
}

/// GEOS, an independent implementation, as the reference: prepared `intersects` of a point with
/// a polygon is true inside and on the boundary, the same rule as featureContains.
class GeosReference {
  public:
    GeosReference() : m_context(GEOS_init_r()) {}
    ~GeosReference() {
        for (const GEOSPreparedGeometry* p : m_prepared)
            GEOSPreparedGeom_destroy_r(m_context, p);
        for (GEOSGeometry* g : m_owned)
            GEOSGeom_destroy_r(m_context, g);
        GEOS_finish_r(m_context);
    }
    GeosReference(const GeosReference&) = delete;
    GeosReference& operator=(const GeosReference&) = delete;

    /// Reads a GeoJSON FeatureCollection with GEOS's own reader: one geometry per feature.
    void addGeoJson(const std::string& text) {
        GEOSGeoJSONReader* reader = GEOSGeoJSONReader_create_r(m_context);
        GEOSGeometry* collection = GEOSGeoJSONReader_readGeometry_r(m_context, reader, text.c_str());
        GEOSGeoJSONReader_destroy_r(m_context, reader);
        REQUIRE(collection != nullptr);
        m_owned.push_back(collection);
        const int n = GEOSGetNumGeometries_r(m_context, collection);
        for (int i = 0; i < n; ++i)
            prepare(GEOSGetGeometryN_r(m_context, collection, i));
    }
    /// Reads one geometry from WKT.
    void addWkt(const std::string& wkt) {
        GEOSWKTReader* reader = GEOSWKTReader_create_r(m_context);
        GEOSGeometry* g = GEOSWKTReader_read_r(m_context, reader, wkt.c_str());
        GEOSWKTReader_destroy_r(m_context, reader);
        REQUIRE(g != nullptr);
        m_owned.push_back(g);
        prepare(g);
    }
    std::size_t size() const { return m_prepared.size(); }
    bool valid(std::size_t i) const { return GEOSisValid_r(m_context, m_geometries[i]) == 1; }

    /// Indices of the geometries that intersect the point, ascending.
    std::vector<std::uint32_t> containing(LonLat p) const {
        GEOSGeometry* point = GEOSGeom_createPointFromXY_r(m_context, p.lon, p.lat);
        std::vector<std::uint32_t> out;
        for (std::size_t i = 0; i < m_prepared.size(); ++i) {
            const char r = GEOSPreparedIntersects_r(m_context, m_prepared[i], point);
            REQUIRE(r != 2); // a GEOS exception
            if (r == 1) out.push_back(static_cast<std::uint32_t>(i));
        }
        GEOSGeom_destroy_r(m_context, point);
        return out;
    }

  private:
    void prepare(const GEOSGeometry* g) {
        m_geometries.push_back(g);
        m_prepared.push_back(GEOSPrepare_r(m_context, g));
    }
    GEOSContextHandle_t m_context;
    std::vector<GEOSGeometry*> m_owned;
    std::vector<const GEOSGeometry*> m_geometries;
    std::vector<const GEOSPreparedGeometry*> m_prepared;
};

std::vector<std::uint32_t> bruteContaining(const FeatureLayer& layer, LonLat p) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t f = 0; f < layer.features.size(); ++f)
        if (featureContains(layer, f, p)) out.push_back(f);
    return out;
}

/// Mercator distance from p to segment a-b, written independently of the index.
double segmentDistance(MercatorPoint p, MercatorPoint a, MercatorPoint b) {
    const double vx = b.x - a.x, vy = b.y - a.y;
    const double len2 = vx * vx + vy * vy;
    const double t =
        len2 == 0 ? 0.0 : std::max(0.0, std::min(1.0, ((p.x - a.x) * vx + (p.y - a.y) * vy) / len2));
    return std::hypot(a.x + t * vx - p.x, a.y + t * vy - p.y);
}

/// Ground distance from p to a feature, brute force over all its parts (infinity without geometry).
double bruteDistance(const FeatureLayer& layer, std::uint32_t f, LonLat p) {
    if (featureContains(layer, f, p)) return 0.0;
    const MercatorPoint pm = mercator::project(p);
    double best = std::numeric_limits<double>::infinity();
    const FeatureRecord& rec = layer.features[f];
    for (std::uint32_t i = rec.firstPart; i < rec.firstPart + rec.partCount; ++i) {
        const GeometryPart& part = layer.parts[i];
        for (std::uint32_t r = part.firstRing; r < part.firstRing + part.ringCount; ++r) {
            const std::size_t n = layer.ringSize(r);
            const LonLat* ring = layer.ring(r);
            if (n == 1)
                best = std::min(best, std::hypot(mercator::project(ring[0]).x - pm.x,
                                                 mercator::project(ring[0]).y - pm.y));
            const std::size_t edges = part.kind == PartKind::Polygon ? n : n - 1;
            for (std::size_t k = 0; k < edges; ++k)
                best = std::min(best, segmentDistance(pm, mercator::project(ring[k]),
                                                      mercator::project(ring[(k + 1) % n])));
        }
    }
    return best * mercator::scaleFactor(p.lat);
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

TEST_CASE("Feature index: empty input finds nothing", "[feature_index]") {
    const FeatureLayer empty;
    const FeatureLayer nullGeometry = layerOf(feature("null"));
    for (const FeatureIndex& index : {FeatureIndex(), FeatureIndex(empty), FeatureIndex(nullGeometry)}) {
        CHECK(index.containing({0, 0}).empty());
        CHECK(index.nearest({0, 0}, 5).empty());
        CHECK(index.inBox(MercatorBox{-1e9, -1e9, 1e9, 1e9}).empty());
    }
    CHECK(FeatureIndex(nullGeometry).featureCount() == 1);
    CHECK(FeatureIndex(nullGeometry).featureBounds(0).empty());
}

TEST_CASE("Feature index: containing, nearest and inBox on a small layer", "[feature_index]") {
    const FeatureLayer layer =
        layerOf(feature(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]})") + "," + // 0
                feature(R"({"type":"Polygon","coordinates":[[[1,0],[2,0],[2,1],[1,1],[1,0]]]})") + "," + // 1
                feature(R"({"type":"LineString","coordinates":[[3,0],[3,1]]})") + "," +                  // 2
                feature(R"({"type":"Point","coordinates":[5,0]})") + "," +                               // 3
                feature("null") + "," +                                                                  // 4
                feature(R"({"type":"Polygon","coordinates":[[[10,10],[20,10],[20,20],[10,20],[10,10]],
                    [[12,12],[12,18],[18,18],[18,12],[12,12]]]})"));                                     // 5
    const FeatureIndex index(layer);
    REQUIRE(index.featureCount() == 6);

    using V = std::vector<std::uint32_t>;
    CHECK(index.containing({0.5, 0.5}) == V{0});
    CHECK(index.containing({1, 0.5}) == V{0, 1}); // the shared border belongs to both
    CHECK(index.containing({1, 1}) == V{0, 1});
    CHECK(index.containing({1.5, 1}) == V{1});
    CHECK(index.containing({11, 11}) == V{5});
    CHECK(index.containing({15, 15}).empty()); // in the hole
    CHECK(index.containing({12, 15}) == V{5}); // on the hole's edge
    CHECK(index.containing({3, 0.5}).empty()); // lines and points never contain
    CHECK(index.containing({5, 0}).empty());
    CHECK(index.containing({std::nan(""), 0}).empty());

    const auto x = [](double lon) { return mercator::project({lon, 0.5}).x; };
    const double s = mercator::scaleFactor(0.5);
    auto near = index.nearest({0.5, 0.5}, 2);
    REQUIRE(near.size() == 2);
    CHECK(near[0] == FeatureDistance{0, 0.0});
    CHECK(near[1].feature == 1);
    CHECK_THAT(near[1].distanceMetres, WithinRel((x(1) - x(0.5)) * s, 1e-12));
    CHECK_THAT(near[1].distanceMetres, WithinRel(haversineMetres({0.5, 0.5}, {1, 0.5}), 1e-3));

    near = index.nearest({3.5, 0.5}, 10);
    REQUIRE(near.size() == 5); // every feature with geometry, nearest first
    CHECK(near[0].feature == 2);
    CHECK_THAT(near[0].distanceMetres, WithinRel((x(3.5) - x(3)) * s, 1e-12));
    CHECK(near[1].feature == 1);
    CHECK_THAT(near[1].distanceMetres, WithinRel((x(3.5) - x(2)) * s, 1e-12));
    CHECK(near[2].feature == 3); // (5, 0) is a little farther than the square's edge at lon 2
    CHECK(near[3].feature == 0);
    CHECK(near[4].feature == 5);

    near = index.nearest({3.5, 0.5}, 10, 1.01 * (x(3.5) - x(3)) * s);
    REQUIRE(near.size() == 1);
    CHECK(near[0].feature == 2);
    CHECK(index.nearest({3.5, 0.5}, 10, 0.99 * (x(3.5) - x(3)) * s).empty());
    CHECK(index.nearest({5, 0}, 1) == std::vector<FeatureDistance>{{3, 0.0}});
    CHECK(index.nearest({15, 15}, 1)[0].feature == 5); // in the hole: distance to its edge
    CHECK(index.nearest({15, 15}, 1)[0].distanceMetres > 300000);
    CHECK(index.nearest({0.5, 0.5}, 0).empty());

    const auto box = [](LonLat a, LonLat b) {
        MercatorBox m;
        m.add(mercator::project(a));
        m.add(mercator::project(b));
        return m;
    };
    CHECK(index.inBox(box({0.2, 0.2}, {0.3, 0.3})) == V{0});
    CHECK(index.inBox(box({0.5, 0.5}, {3, 0.6})) == V{0, 1, 2});
    CHECK(index.inBox(box({-100, -80}, {100, 80})) == V{0, 1, 2, 3, 5});
    CHECK(index.inBox(box({14, 14}, {16, 16})) == V{5}); // boxes, not shapes: the hole is in the box
    CHECK(index.inBox(box({30, 30}, {40, 40})).empty());
    CHECK(index.featureBounds(4).empty());
    CHECK(index.featureBounds(3).minX == mercator::project({5, 0}).x);
}

TEST_CASE("Feature index matches brute force on random layers (fixed seed)", "[feature_index]") {
    std::mt19937 rng(777);
    std::uniform_int_distribution<int> grid(0, 40), kind(0, 3), vertices(3, 9), count(1, 6);
    std::uniform_real_distribution<double> real(-2, 42);
    const auto deg = [](int v) { return 113.0 + v * 0.01; }; // a 0.4 degree square near Zhengzhou
    std::size_t containedHits = 0;
    for (int round = 0; round < 20; ++round) {
        std::string json;
        for (int f = 0; f < 30; ++f) {
            std::string coords;
            const auto pos = [&](int x, int y) {
                return "[" + std::to_string(deg(x)) + "," + std::to_string(deg(y) - 78.65) + "]";
            };
            const int k = kind(rng);
            if (k == 0) {
                coords = R"({"type":"Point","coordinates":)" + pos(grid(rng), grid(rng)) + "}";
            } else if (k == 1) {
                coords = R"({"type":"LineString","coordinates":[)";
                const int n = vertices(rng);
                for (int i = 0; i < n; ++i)
                    coords += (i ? "," : "") + pos(grid(rng), grid(rng));
                coords += "]}";
            } else {
                // A random (possibly self-intersecting) ring: even-odd still defines it exactly.
                const int n = vertices(rng);
                std::string ring;
                std::string first;
                for (int i = 0; i < n; ++i) {
                    const std::string p = pos(grid(rng), grid(rng));
                    if (i == 0) first = p;
                    ring += (i ? "," : "") + p;
                }
                coords = R"({"type":"Polygon","coordinates":[[)" + ring + "," + first + "]]}";
            }
            json += (f ? "," : "") + feature(coords);
        }
        const FeatureLayer layer = layerOf(json);
        const FeatureIndex index(layer);

        for (std::uint32_t f = 0; f < layer.features.size(); ++f) {
            MercatorBox b;
            const FeatureRecord& rec = layer.features[f];
            for (std::uint32_t i = rec.firstPart; i < rec.firstPart + rec.partCount; ++i)
                for (std::uint32_t r = layer.parts[i].firstRing;
                     r < layer.parts[i].firstRing + layer.parts[i].ringCount; ++r)
                    for (std::size_t k = 0; k < layer.ringSize(r); ++k)
                        b.add(mercator::project(layer.ring(r)[k]));
            REQUIRE(index.featureBounds(f).minX == b.minX);
            REQUIRE(index.featureBounds(f).maxY == b.maxY);
        }

        std::vector<LonLat> probes;
        for (int i = 0; i < 300; ++i)
            probes.push_back({deg(0) + real(rng) * 0.01, deg(0) - 78.65 + real(rng) * 0.01});
        for (std::size_t i = 0; i < layer.positions.size(); i += 3)
            probes.push_back(layer.positions[i]); // exactly on vertices
        for (int i = 0; i < 300;
             ++i) // grid points: on vertices, on axis-parallel edges, on rays through vertices
            probes.push_back({std::stod(std::to_string(deg(grid(rng)))),
                              std::stod(std::to_string(deg(grid(rng)) - 78.65))});

        for (const LonLat p : probes) {
            INFO("round " << round << " probe " << p.lon << "," << p.lat);
            const auto expected = bruteContaining(layer, p);
            REQUIRE(index.containing(p) == expected);
            containedHits += expected.size();

            const std::size_t n = static_cast<std::size_t>(count(rng));
            const auto near = index.nearest(p, n);
            std::vector<double> all;
            for (std::uint32_t f = 0; f < layer.features.size(); ++f)
                all.push_back(bruteDistance(layer, f, p));
            std::vector<double> sorted = all;
            std::sort(sorted.begin(), sorted.end());
            REQUIRE(near.size() == std::min(n, layer.features.size()));
            for (std::size_t i = 0; i < near.size(); ++i) {
                REQUIRE_THAT(near[i].distanceMetres, WithinAbs(sorted[i], 1e-6));
                REQUIRE_THAT(near[i].distanceMetres, WithinAbs(all[near[i].feature], 1e-6));
                if (i > 0) REQUIRE(near[i - 1].distanceMetres <= near[i].distanceMetres);
            }

            const MercatorPoint pm = mercator::project(p);
            const MercatorBox view{pm.x - 800, pm.y - 500, pm.x + 800, pm.y + 500};
            std::vector<std::uint32_t> inView;
            for (std::uint32_t f = 0; f < layer.features.size(); ++f) {
                const MercatorBox b = index.featureBounds(f);
                if (!b.empty() && b.minX <= view.maxX && view.minX <= b.maxX && b.minY <= view.maxY &&
                    view.minY <= b.maxY)
                    inView.push_back(f);
            }
            REQUIRE(index.inBox(view) == inView);
        }
    }
    CHECK(containedHits > 1000);
}

TEST_CASE("Feature index and point in polygon agree with GEOS on grid polygons, boundaries included",
          "[feature_index][geos]") {
    // Random star-shaped polygons with a square hole, all on an integer grid, probed at every grid
    // and half-grid point: thousands of probes lie exactly on vertices and edges or on rays
    // through vertices. Only polygons GEOS calls valid are used (invalid ones have no agreed
    // meaning).
    std::mt19937 rng(31337);
    std::uniform_int_distribution<int> coord(0, 17);
    std::size_t probes = 0, agree = 0, onBoundary = 0, inside = 0, polygons = 0;
    for (int round = 0; round < 30; ++round) {
        GeosReference geos;
        std::string json;
        std::vector<std::string> wkts;
        for (int f = 0; f < 3; ++f) {
            std::vector<std::pair<int, int>> pts;
            while (pts.size() < 10) {
                const int x = coord(rng), y = coord(rng);
                if (std::hypot(x - 8.5, y - 8.5) < 3) continue;
                if (std::find(pts.begin(), pts.end(), std::pair{x, y}) == pts.end()) pts.push_back({x, y});
            }
            std::sort(pts.begin(), pts.end(), [](auto a, auto b) {
                return std::atan2(a.second - 8.5, a.first - 8.5) < std::atan2(b.second - 8.5, b.first - 8.5);
            });
            pts.push_back(pts.front());
            std::string ring, wkt;
            for (std::size_t i = 0; i < pts.size(); ++i) {
                ring += (i ? ",[" : "[") + std::to_string(pts[i].first) + "," +
                        std::to_string(pts[i].second) + "]";
                wkt += (i ? ", " : "") + std::to_string(pts[i].first) + " " + std::to_string(pts[i].second);
            }
            const std::string hole = "[[7,7],[7,10],[10,10],[10,7],[7,7]]";
            json +=
                (f ? "," : "") + feature(R"({"type":"Polygon","coordinates":[[)" + ring + "]," + hole + "]}");
            geos.addWkt("POLYGON((" + wkt + "), (7 7, 7 10, 10 10, 10 7, 7 7))");
        }
        bool allValid = true;
        for (std::size_t f = 0; f < geos.size(); ++f)
            allValid = allValid && geos.valid(f);
        if (!allValid) continue;
        polygons += geos.size();
        const FeatureLayer layer = layerOf(json);
        const FeatureIndex index(layer);
        for (int x = -2; x <= 36; ++x)
            for (int y = -2; y <= 36; ++y) {
                const LonLat p{x / 2.0, y / 2.0};
                const auto expected = geos.containing(p);
                const auto ours = index.containing(p);
                ++probes;
                if (ours == expected && bruteContaining(layer, p) == expected) ++agree;
                for (std::uint32_t f = 0; f < layer.features.size(); ++f) {
                    const Containment c = locateInFeature(layer, f, p);
                    onBoundary += c == Containment::Boundary;
                    inside += c == Containment::Inside;
                }
            }
    }
    CHECK(polygons >= 30);
    CHECK(agree == probes);
    CHECK(onBoundary > 1000);
    CHECK(inside > 1000);
}

TEST_CASE("Feature index and point in polygon agree with GEOS within an ulp of edges crossing 0,0",
          "[feature_index][geos]") {
    // Polygons around lon 0 / lat 0, where differences of coordinates round and a naive cross
    // product often says "on the edge" for a point an ulp beside it. Probes are interpolated
    // along the edges and moved by -1, 0 or +1 ulp.
    std::mt19937 rng(8080);
    std::uniform_real_distribution<double> coord(-1.0, 1.0), t(0.0, 1.0);
    std::uniform_int_distribution<int> nudge(-1, 1);
    const auto step = [](double v, int n) { return n == 0 ? v : std::nextafter(v, n > 0 ? 2.0 : -2.0); };
    std::size_t probes = 0, agree = 0, inside = 0, outside = 0;
    for (int round = 0; round < 40; ++round) {
        // A random triangle, written with 17 significant digits so both readers get the same doubles.
        std::vector<LonLat> tri(3);
        for (LonLat& v : tri)
            v = {coord(rng), coord(rng)};
        std::ostringstream json, wkt;
        json.precision(17);
        wkt.precision(17);
        json << R"({"type":"Polygon","coordinates":[[)";
        wkt << "POLYGON((";
        for (int i = 0; i <= 3; ++i) {
            const LonLat v = tri[i % 3];
            json << (i ? "," : "") << "[" << v.lon << "," << v.lat << "]";
            wkt << (i ? ", " : "") << v.lon << " " << v.lat;
        }
        json << "]]}";
        wkt << "))";
        GeosReference geos;
        geos.addWkt(wkt.str());
        const FeatureLayer layer = layerOf(feature(json.str()));
        REQUIRE(layer.positions.size() == 3);
        for (int i = 0; i < 3; ++i)
            REQUIRE(layer.positions[i] == tri[i]); // the text round-trips exactly
        const FeatureIndex index(layer);
        for (int k = 0; k < 500; ++k) {
            const LonLat a = tri[k % 3], b = tri[(k + 1) % 3];
            const double u = t(rng);
            const LonLat p{step(a.lon + u * (b.lon - a.lon), nudge(rng)),
                           step(a.lat + u * (b.lat - a.lat), nudge(rng))};
            const auto expected = geos.containing(p);
            ++probes;
            if (index.containing(p) == expected && bruteContaining(layer, p) == expected) ++agree;
            const Containment c = locateInFeature(layer, 0, p);
            inside += c == Containment::Inside;
            outside += c == Containment::Outside;
        }
    }
    CHECK(agree == probes);
    CHECK(inside > 1000);
    CHECK(outside > 1000);
}

TEST_CASE("Feature index agrees with GEOS on the Zhengzhou districts (fixed seed)", "[feature_index][geos]") {
    const std::string text =
        readFile(std::string(CORDON_SHARED_DATA) + "/boundaries/zhengzhou-districts.geojson");
    const GeoJsonReadResult read = readGeoJson(text, "zhengzhou-districts");
    REQUIRE(read.layer);
    const FeatureLayer& layer = *read.layer;
    REQUIRE(layer.features.size() == 12);
    GeosReference geos;
    geos.addGeoJson(text); // GEOS parses the file itself
    REQUIRE(geos.size() == layer.features.size());
    for (std::size_t f = 0; f < geos.size(); ++f)
        REQUIRE(geos.valid(f));
    const FeatureIndex index(layer);

    double minLon = 180, minLat = 90, maxLon = -180, maxLat = -90;
    for (const LonLat p : layer.positions) {
        minLon = std::min(minLon, p.lon);
        minLat = std::min(minLat, p.lat);
        maxLon = std::max(maxLon, p.lon);
        maxLat = std::max(maxLat, p.lat);
    }
    // Per-feature lon/lat boxes, so brute-force point in polygon only runs where it can matter.
    std::vector<std::array<double, 4>> boxes(layer.features.size(), {180, 90, -180, -90});
    for (std::uint32_t f = 0; f < layer.features.size(); ++f) {
        const FeatureRecord& rec = layer.features[f];
        for (std::uint32_t i = rec.firstPart; i < rec.firstPart + rec.partCount; ++i)
            for (std::uint32_t r = layer.parts[i].firstRing;
                 r < layer.parts[i].firstRing + layer.parts[i].ringCount; ++r)
                for (std::size_t k = 0; k < layer.ringSize(r); ++k) {
                    const LonLat p = layer.ring(r)[k];
                    boxes[f] = {std::min(boxes[f][0], p.lon), std::min(boxes[f][1], p.lat),
                                std::max(boxes[f][2], p.lon), std::max(boxes[f][3], p.lat)};
                }
    }
    const auto brute = [&](LonLat p) {
        std::vector<std::uint32_t> out;
        for (std::uint32_t f = 0; f < layer.features.size(); ++f)
            if (boxes[f][0] <= p.lon && p.lon <= boxes[f][2] && boxes[f][1] <= p.lat &&
                p.lat <= boxes[f][3] && featureContains(layer, f, p))
                out.push_back(f);
        return out;
    };

    struct Tally {
        std::size_t probes = 0, agree = 0, inAny = 0, inTwoOrMore = 0;
    };
    const auto run = [&](const std::vector<LonLat>& points) {
        Tally t;
        for (const LonLat p : points) {
            const auto expected = geos.containing(p);
            const auto ours = index.containing(p);
            ++t.probes;
            if (ours == expected && brute(p) == expected) {
                ++t.agree;
            } else {
                UNSCOPED_INFO("disagreement at " << p.lon << "," << p.lat);
            }
            t.inAny += !expected.empty();
            t.inTwoOrMore += expected.size() >= 2;
        }
        return t;
    };

    std::mt19937 rng(20220101);
    std::uniform_real_distribution<double> lon(minLon, maxLon), lat(minLat, maxLat);
    std::vector<LonLat> random(100000);
    for (LonLat& p : random)
        p = {lon(rng), lat(rng)};
    const Tally r = run(random);
    CHECK(r.probes == 100000);
    CHECK(r.agree == r.probes);
    CHECK(r.inAny > 50000); // the districts fill most of their box

    // Every vertex (on a boundary: in at least one district, on shared borders in two), and
    // points level with a vertex, whose rays pass exactly through it.
    std::vector<LonLat> special(layer.positions);
    std::uniform_int_distribution<std::size_t> vertex(0, layer.positions.size() - 1);
    for (int i = 0; i < 20000; ++i)
        special.push_back({lon(rng), layer.positions[vertex(rng)].lat});
    for (int i = 0; i < 20000; ++i)
        special.push_back({layer.positions[vertex(rng)].lon, lat(rng)});
    const Tally s = run(special);
    CHECK(s.agree == s.probes);
    CHECK(s.inAny > layer.positions.size());
    CHECK(s.inTwoOrMore > 1000); // shared borders belong to both districts

    // Points interpolated along edges: rounded to doubles they lie within an ulp or so of the
    // edge, on it, left or right, where only exact arithmetic gets every answer right.
    std::vector<LonLat> onEdges;
    std::uniform_int_distribution<std::size_t> ring(0, layer.ringCount() - 1);
    std::uniform_real_distribution<double> t(0.0, 1.0);
    while (onEdges.size() < 50000) {
        const std::size_t r = ring(rng), n = layer.ringSize(r);
        const std::size_t k = std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
        const LonLat a = layer.ring(r)[k], b = layer.ring(r)[(k + 1) % n];
        const double u = t(rng);
        onEdges.push_back({a.lon + u * (b.lon - a.lon), a.lat + u * (b.lat - a.lat)});
    }
    const Tally e = run(onEdges);
    CHECK(e.agree == e.probes);
    CHECK(e.inAny > 20000);
}
