// `cordon stats`: what each feed file holds (counts per kind and level, extent) and how fast it
// was read.

#include "cordon/stats_command.hpp"

#include "cordon/checked_inputs.hpp"
#include "cordon/cli.hpp"
#include "core/geo/mercator.hpp"

#include <cstdio>
#include <map>
#include <ostream>

namespace cordon {

namespace {

constexpr OptionSpec kStatsOptions[] = {
    {"--feed", "NAME",
     "read every file as this feed (areas, zones, posts, teams, roster, roads,\nfacilities)"},
};

} // namespace

const CommandSpec kStatsCommand{
    "stats", "FILE|FOLDER...",
    "  Prints features, points, lines, polygons, positions, counts per level/risk/kind, the lon/lat\n"
    "  bounding box and the time taken to read and validate each file.",
    kStatsOptions, "0 ok, 1 a file has errors, 2 bad command line or unreadable file."};

namespace {

/// "level: 6 district, 70 subdistrict" style breakdowns of a feed.
std::map<std::string, std::size_t> breakdown(const Feed& f) {
    std::map<std::string, std::size_t> counts;
    for (const AreaFields& a : f.areas)
        ++counts["level " + std::string(areaLevelName(a.level))];
    for (const ZoneFields& z : f.zones)
        ++counts["risk " + std::string(riskName(z.risk))];
    for (const PostFields& p : f.posts)
        ++counts["kind " + std::string(postKindName(p.kind))];
    for (const TeamFields& t : f.teams)
        ++counts["kind " + std::string(teamKindName(t.kind))];
    for (const FacilityFields& x : f.facilities)
        ++counts["kind " + std::string(facilityKindName(x.kind))];
    for (const RoadFields& r : f.roads)
        ++counts["highway " + (r.highway.empty() ? std::string("?") : r.highway)];
    return counts;
}

} // namespace

int runStatsCommand(const std::vector<std::string>& given, std::ostream& out, std::ostream& err) {
    const ParsedArgs args = parseArgs(given, kStatsCommand);
    if (!args.error.empty()) {
        err << "cordon stats: " << args.error << "\n";
        return kExitUsage;
    }
    const std::optional<CheckedInputs> inputs = readCheckedInputs(args, "stats", err);
    if (!inputs) return kExitUsage;
    int exit = kExitOk;
    for (const CheckedFile& l : inputs->files) {
        if (hasErrors(l.diagnostics)) exit = kExitProblems;
        const FeatureLayer* layer = l.feed ? &l.feed->layer : l.plain ? &*l.plain : nullptr;
        out << l.file << (l.feed ? " (" + std::string(feedKindName(l.feed->kind)) + ")" : "") << "\n";
        if (!layer) {
            out << "  rejected as a whole: " << (l.diagnostics.empty() ? "" : l.diagnostics[0].toString())
                << "\n";
            continue;
        }
        std::size_t points = 0, lines = 0, polygons = 0;
        for (const GeometryPart& p : layer->parts)
            (p.kind == PartKind::Point ? points : p.kind == PartKind::Line ? lines : polygons)++;
        out << "  features  " << layer->features.size() << "\n  points    " << points << "\n  lines     "
            << lines << "\n  polygons  " << polygons << "\n  positions " << layer->positions.size() << "\n";
        if (l.feed)
            for (const auto& [what, n] : breakdown(*l.feed))
                out << "  " << what << ": " << n << "\n";
        const MercatorBox box = layer->bounds();
        char line[200];
        if (!box.empty()) {
            const LonLat sw = mercator::unproject({box.minX, box.minY});
            const LonLat ne = mercator::unproject({box.maxX, box.maxY});
            std::snprintf(line, sizeof line, "  bbox      %.6f,%.6f .. %.6f,%.6f\n", sw.lon, sw.lat, ne.lon,
                          ne.lat);
            out << line;
        }
        std::snprintf(line, sizeof line, "  read      %.1f ms (%.0f MB/s)\n", l.seconds * 1e3,
                      l.seconds > 0 ? l.bytes / 1e6 / l.seconds : 0.0);
        out << line;
        if (!l.diagnostics.empty()) out << "  problems  " << l.diagnostics.size() << "\n";
    }
    if (!inputs->references.empty())
        out << "unknown references between feeds: " << inputs->references.size() << "\n";
    return exit;
}

} // namespace cordon
