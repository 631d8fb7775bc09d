#include "cordon/isochrone_command.hpp"

#include "cordon/cli.hpp"
#include "cordon/file_io.hpp"
#include "cordon/option_parser.hpp"
#include "core/feeds/manifest.hpp"
#include "core/routing/isochrone.hpp"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <ostream>

namespace cordon {

namespace {

constexpr OptionSpec kIsochroneOptions[] = {
    {"--roads", "FILE", "the roads feed", false, true},
    {"--from", "LON,LAT", "where the bands start", false, true},
    {"--mode", "walk|drive", "how the team travels (default walk)"},
    {"--minutes", "5,10,15", "the bands' minutes (default 5,10,15)"},
    {"-o", "OUT.geojson", "where to write (default: standard output)"},
};

} // namespace

const CommandSpec kIsochroneCommand{
    "isochrone", "",
    "  Snaps LON,LAT to the nearest usable road (exact projection onto the edge), runs a bounded\n"
    "  Dijkstra and writes one MultiPolygon per contour (outer rings counter-clockwise, holes\n"
    "  clockwise) as a GeoJSON FeatureCollection to OUT (default: standard output).\n"
    "  Sealed roads (closed: true) are never used; walking avoids motorways and trunk roads.",
    kIsochroneOptions, "0 ok, 1 the point is not near a usable road, 2 bad command line or unreadable file."};

namespace {

bool parseNumbers(const std::string& text, std::vector<double>& out) {
    out.clear();
    for (const std::string& item : splitFeedList(text)) {
        char* end = nullptr;
        const double v = std::strtod(item.c_str(), &end);
        if (!end || *end != '\0') return false;
        out.push_back(v);
    }
    return !out.empty();
}

} // namespace

int runIsochroneCommand(const std::vector<std::string>& given, std::ostream& out, std::ostream& err) {
    const ParsedArgs args = parseArgs(given, kIsochroneCommand);
    if (!args.error.empty()) {
        err << "cordon isochrone: " << args.error << "\n";
        return kExitUsage;
    }
    if (!args.operands.empty()) {
        err << "cordon isochrone: unexpected argument " << args.operands[0] << "\n";
        return kExitUsage;
    }
    std::string roadsFile, outFile;
    std::vector<double> from, minutes{5, 10, 15};
    TravelMode mode = TravelMode::Walk;
    for (const auto& [a, value] : args.options) {
        if (a == "--roads")
            roadsFile = value;
        else if (a == "--from") {
            if (!parseNumbers(value, from) || from.size() != 2) {
                err << "cordon isochrone: --from needs LON,LAT\n";
                return kExitUsage;
            }
        } else if (a == "--minutes") {
            if (!parseNumbers(value, minutes)) {
                err << "cordon isochrone: --minutes needs numbers, e.g. 5,10,15\n";
                return kExitUsage;
            }
        } else if (a == "--mode") {
            const std::optional<TravelMode> m = travelModeFromName(value);
            if (!m) {
                err << "cordon isochrone: --mode is walk or drive\n";
                return kExitUsage;
            }
            mode = *m;
        } else if (a == "-o")
            outFile = value;
    }
    std::string ioError;
    const std::optional<std::string> bytes = readFile(roadsFile, ioError);
    if (!bytes) {
        err << "cordon isochrone: " << ioError << "\n";
        return kExitUsage;
    }
    const FeedReadResult roads = readFeed(*bytes, FeedKind::Roads, roadsFile);
    if (!roads.feed) {
        err << "cordon isochrone: " << roadsFile
            << " is not a usable roads feed: " << roads.diagnostics.at(0).toString() << "\n";
        return kExitUsage;
    }
    const auto start = std::chrono::steady_clock::now();
    const RoadGraph graph = RoadGraph::build(*roads.feed);
    const std::optional<EdgePoint> source = graph.snap({from[0], from[1]}, mode);
    if (!source) {
        err << "cordon isochrone: no road usable by " << (mode == TravelMode::Walk ? "walking" : "car")
            << " within 2 km of " << from[0] << "," << from[1] << "\n";
        return kExitProblems;
    }
    TravelTimes times(graph);
    double maxMinutes = 0;
    for (double m : minutes)
        maxMinutes = std::max(maxMinutes, m);
    times.run(mode, std::span(&*source, 1), maxMinutes * 60);
    const std::string json = isochronesToGeoJson(buildIsochrones(times, minutes), mode);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (outFile.empty()) {
        out << json << "\n";
    } else if (!writeFile(outFile, json + "\n", "isochrone", err)) {
        return kExitUsage;
    }
    err << "snapped " << source->distanceMetres << " m to the road; graph " << graph.nodeCount() << " nodes, "
        << times.reached().size() << " reached; " << ms << " ms\n";
    return kExitOk;
}

} // namespace cordon
