#include "render/map_labels.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace cordon {

namespace {

bool isMajor(std::string_view highway) {
    return highway == "motorway" || highway == "trunk" || highway == "primary" || highway == "secondary";
}

double lineLength(const FeatureLayer& layer, std::uint32_t ring) {
    const LonLat* p = layer.ring(ring);
    double sum = 0;
    for (std::size_t i = 1; i < layer.ringSize(ring); ++i) {
        const MercatorPoint a = mercator::project(p[i - 1]), b = mercator::project(p[i]);
        sum += std::hypot(b.x - a.x, b.y - a.y);
    }
    return sum;
}

} // namespace

MercatorPoint polygonLabelPoint(const FeatureLayer& layer, std::uint32_t feature) {
    const FeatureRecord& f = layer.features[feature];
    double bestArea = 0;
    MercatorPoint best;
    MercatorBox box;
    for (std::uint32_t p = f.firstPart; p < f.firstPart + f.partCount; ++p) {
        const GeometryPart& part = layer.parts[p];
        if (part.kind != PartKind::Polygon) continue;
        const LonLat* pts = layer.ring(part.firstRing);
        const std::size_t n = layer.ringSize(part.firstRing);
        double area = 0, cx = 0, cy = 0;
        const MercatorPoint o = n ? mercator::project(pts[0]) : MercatorPoint{};
        for (std::size_t i = 0; i < n; ++i) {
            const MercatorPoint a = mercator::project(pts[i]), b = mercator::project(pts[(i + 1) % n]);
            box.add(a);
            const double ax = a.x - o.x, ay = a.y - o.y, bx = b.x - o.x, by = b.y - o.y;
            const double c = ax * by - bx * ay;
            area += c;
            cx += (ax + bx) * c;
            cy += (ay + by) * c;
        }
        if (std::abs(area) > std::abs(bestArea)) {
            bestArea = area;
            best = {o.x + cx / (3 * area), o.y + cy / (3 * area)};
        }
    }
    return bestArea != 0 ? best : box.empty() ? MercatorPoint{} : box.centre();
}

MercatorPoint lineLabelPoint(const FeatureLayer& layer, std::uint32_t feature) {
    const FeatureRecord& f = layer.features[feature];
    std::uint32_t longest = UINT32_MAX;
    double longestLength = -1;
    for (std::uint32_t p = f.firstPart; p < f.firstPart + f.partCount; ++p)
        if (layer.parts[p].kind == PartKind::Line) {
            const double length = lineLength(layer, layer.parts[p].firstRing);
            if (length > longestLength) {
                longestLength = length;
                longest = layer.parts[p].firstRing;
            }
        }
    if (longest == UINT32_MAX) return {};
    const LonLat* pts = layer.ring(longest);
    double remaining = longestLength / 2;
    for (std::size_t i = 1; i < layer.ringSize(longest); ++i) {
        const MercatorPoint a = mercator::project(pts[i - 1]), b = mercator::project(pts[i]);
        const double step = std::hypot(b.x - a.x, b.y - a.y);
        if (step >= remaining && step > 0) {
            const double t = remaining / step;
            return {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
        }
        remaining -= step;
    }
    return mercator::project(pts[0]);
}

std::vector<LabelAnchor> buildLabelAnchors(const FeedSet& feeds) {
    std::vector<LabelAnchor> anchors;
    if (const Feed* areas = feeds.get(FeedKind::Areas))
        for (std::uint32_t i = 0; i < areas->size(); ++i) {
            const std::string& name = areas->layer.features[i].name;
            const AreaLevel level = areas->areas[i].level;
            if (name.empty() || level == AreaLevel::Compound) continue;
            const LabelKind kind = level == AreaLevel::District      ? LabelKind::District
                                   : level == AreaLevel::Subdistrict ? LabelKind::Subdistrict
                                                                     : LabelKind::Community;
            anchors.push_back({name, polygonLabelPoint(areas->layer, i), kind, i});
        }
    if (const Feed* roads = feeds.get(FeedKind::Roads)) {
        // One label per road name, on its longest feature.
        std::unordered_map<std::string_view, std::pair<std::uint32_t, double>> longest;
        for (std::uint32_t i = 0; i < roads->size(); ++i) {
            const std::string& name = roads->layer.features[i].name;
            if (name.empty()) continue;
            const FeatureRecord& f = roads->layer.features[i];
            double length = 0;
            for (std::uint32_t p = f.firstPart; p < f.firstPart + f.partCount; ++p)
                if (roads->layer.parts[p].kind == PartKind::Line)
                    length += lineLength(roads->layer, roads->layer.parts[p].firstRing);
            auto [it, inserted] = longest.try_emplace(name, i, length);
            if (!inserted && length > it->second.second) it->second = {i, length};
        }
        std::vector<std::uint32_t> chosen;
        for (const auto& [name, best] : longest)
            chosen.push_back(best.first);
        std::sort(chosen.begin(), chosen.end()); // feed order: the same every time
        for (std::uint32_t i : chosen)
            anchors.push_back({roads->layer.features[i].name, lineLabelPoint(roads->layer, i),
                               isMajor(roads->roads[i].highway) ? LabelKind::MajorRoad : LabelKind::Road, i});
    }
    return anchors;
}

double labelMinZoom(LabelKind kind) {
    switch (kind) {
    case LabelKind::District:
    case LabelKind::Selected:
    case LabelKind::PlanMove:
        return 0;
    case LabelKind::Subdistrict:
        return 11.5;
    case LabelKind::MajorRoad:
        return 12.5;
    case LabelKind::Community:
        return 14;
    case LabelKind::Road:
        return 15;
    }
    return 0;
}

int labelPriority(LabelKind kind) {
    switch (kind) {
    case LabelKind::Selected:
        return 7;
    case LabelKind::PlanMove: // asked for: over the districts' names
        return 6;
    case LabelKind::District:
        return 5;
    case LabelKind::Subdistrict:
        return 4;
    case LabelKind::MajorRoad:
        return 3;
    case LabelKind::Community:
        return 2;
    case LabelKind::Road:
        return 1;
    }
    return 0;
}

float labelScale(LabelKind kind) {
    switch (kind) {
    case LabelKind::District:
        return 1.5f;
    case LabelKind::Subdistrict:
    case LabelKind::Selected:
        return 1.2f;
    case LabelKind::Community:
    case LabelKind::MajorRoad:
    case LabelKind::PlanMove:
        return 1.0f;
    case LabelKind::Road:
        return 0.9f;
    }
    return 1.0f;
}

} // namespace cordon
