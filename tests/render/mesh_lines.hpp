#pragma once
/// Reads a SceneMesh's line strip back as lines: where each starts, how many vertices it has and
/// the points it runs through (for checking meshes by geometry, not by vertex counts).

#include "render/scene_mesh.hpp"

#include <cstring>
#include <vector>

namespace cordon::test {

struct MeshLine {
    std::size_t first = 0, count = 0; ///< its vertices, the doubled first and last included
    std::vector<Vec2> points;         ///< distinct consecutive points (a ring ends where it began)
    Rgba colour;
};

inline bool sameVertex(const LineVertex& a, const LineVertex& b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

/// Splits the strip at its doubled vertices; an empty result when the strip is malformed.
inline std::vector<MeshLine> linesOf(const SceneMesh& mesh) {
    const std::vector<LineVertex>& v = mesh.lineVertices;
    std::vector<MeshLine> lines;
    std::size_t i = 0;
    while (i < v.size()) {
        if (i + 1 >= v.size() || !sameVertex(v[i], v[i + 1])) return {};
        std::size_t last = i + 1;
        while (last + 1 < v.size() && !sameVertex(v[last], v[last + 1]))
            ++last;
        if (last + 1 >= v.size()) return {};
        MeshLine line{i, last + 2 - i, {}, v[i].colour};
        for (std::size_t k = i + 1; k <= last; ++k) {
            const Vec2 p{v[k].x, v[k].y};
            if (line.points.empty() || p.x != line.points.back().x || p.y != line.points.back().y)
                line.points.push_back(p);
        }
        lines.push_back(std::move(line));
        i = last + 2;
    }
    return lines;
}

} // namespace cordon::test
