#pragma once
/// ASCII-map road networks for tests: draw streets with characters, get a roads feed.

#include "core/feeds/feed.hpp"
#include "core/routing/road_graph.hpp"

#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cordon::testing {

/// Each character of an ASCII map is a 10 m square. Letters are nodes; `-` and `|` are two-way
/// streets, `>` `<` `v` `^` one-way streets (in the arrow's direction), `x` a sealed street,
/// `=` a motorway, `.` a footway. Every run between two letters becomes one road feature.
struct AsciiMap {
    Feed feed;
    std::map<char, LonLat> nodes;
};

inline constexpr double kCell = 10.0;
inline constexpr double kLat0 = 34.75;

inline LonLat cellPosition(int col, int row) {
    const double dLat = kCell / 111194.93;
    const double dLon = dLat / std::cos(kLat0 * 3.14159265358979 / 180);
    return {113.65 + col * dLon, kLat0 - row * dLat};
}

inline AsciiMap asciiMap(const std::vector<std::string>& rows) {
    AsciiMap map;
    std::string features;
    int id = 0;
    auto addRoad = [&](LonLat a, LonLat b, const std::string& props) {
        if (!features.empty()) features += ",";
        char coords[160];
        std::snprintf(coords, sizeof coords, "[[%.9f,%.9f],[%.9f,%.9f]]", a.lon, a.lat, b.lon, b.lat);
        features += R"({"type":"Feature","id":)" + std::to_string(++id) + R"(,"properties":{)" + props +
                    R"(},"geometry":{"type":"LineString","coordinates":)" + coords + "}}";
    };
    auto isNode = [](char c) { return c >= 'a' && c <= 'z' && c != 'v' && c != 'x'; };
    for (int r = 0; r < static_cast<int>(rows.size()); ++r)
        for (int c = 0; c < static_cast<int>(rows[r].size()); ++c)
            if (isNode(rows[r][c])) map.nodes[rows[r][c]] = cellPosition(c, r);
    auto props = [](char mark, bool forwardArrow, bool backwardArrow) {
        std::string highway = mark == '=' ? "motorway" : mark == '.' ? "footway" : "residential";
        std::string p = R"("highway":")" + highway + "\"";
        if (forwardArrow) p += R"(,"oneway":"yes")";
        if (backwardArrow) p += R"(,"oneway":"-1")";
        if (mark == 'x') p += R"(,"closed":true)";
        return p;
    };
    // Horizontal runs.
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        const std::string& row = rows[r];
        for (int c = 0; c < static_cast<int>(row.size()); ++c) {
            if (!isNode(row[c])) continue;
            int e = c + 1;
            char mark = '-';
            bool fwd = false, back = false;
            while (e < static_cast<int>(row.size()) && !isNode(row[e]) &&
                   std::string("-<>x=.").find(row[e]) != std::string::npos) {
                if (row[e] == '>')
                    fwd = true;
                else if (row[e] == '<')
                    back = true;
                else if (row[e] != '-')
                    mark = row[e];
                ++e;
            }
            if (e > c + 1 && e < static_cast<int>(row.size()) && isNode(row[e]))
                addRoad(cellPosition(c, r), cellPosition(e, r), props(mark, fwd, back));
        }
    }
    // Vertical runs (a `v` points down the map, i.e. from the upper node to the lower one).
    for (int c = 0;; ++c) {
        bool any = false;
        for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
            if (c >= static_cast<int>(rows[r].size())) continue;
            any = true;
            if (!isNode(rows[r][c])) continue;
            int e = r + 1;
            char mark = '|';
            bool fwd = false, back = false;
            auto at = [&](int rr) { return c < static_cast<int>(rows[rr].size()) ? rows[rr][c] : ' '; };
            while (e < static_cast<int>(rows.size()) &&
                   std::string("|v^x=.").find(at(e)) != std::string::npos) {
                if (at(e) == 'v')
                    fwd = true;
                else if (at(e) == '^')
                    back = true;
                else if (at(e) != '|')
                    mark = at(e);
                ++e;
            }
            if (e > r + 1 && e < static_cast<int>(rows.size()) && isNode(at(e)))
                addRoad(cellPosition(c, r), cellPosition(c, e), props(mark, fwd, back));
        }
        if (!any) break;
    }
    FeedReadResult result =
        readFeed(R"({"type":"FeatureCollection","features":[)" + features + "]}", FeedKind::Roads);
    REQUIRE(result.feed);
    map.feed = std::move(*result.feed);
    return map;
}

inline double walkSeconds(double cells) {
    return cells * kCell / kWalkSpeed;
}

inline std::uint32_t nodeAt(const RoadGraph& g, LonLat p) {
    for (std::uint32_t n = 0; n < g.nodeCount(); ++n)
        if (std::abs(g.node(n).lon - p.lon) < 1e-9 && std::abs(g.node(n).lat - p.lat) < 1e-9) return n;
    FAIL("no node at position");
    return 0;
}

inline EdgePoint at(const RoadGraph& g, const AsciiMap& m, char node, TravelMode mode) {
    const std::optional<EdgePoint> p = g.snap(m.nodes.at(node), mode, 5);
    REQUIRE(p);
    return *p;
}

} // namespace cordon::testing
