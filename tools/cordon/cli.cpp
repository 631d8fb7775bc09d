#include "cordon/cli.hpp"

#include "cordon/coverage_command.hpp"
#include "cordon/figures_command.hpp"
#include "cordon/file_io.hpp"
#include "cordon/gaps_command.hpp"
#include "cordon/import_command.hpp"
#include "cordon/isochrone_command.hpp"
#include "cordon/snapshot_command.hpp"
#include "core/feeds/feed_set.hpp"
#include "core/formats/json.hpp"
#include "core/formats/json_writer.hpp"
#include "core/geo/mercator.hpp"
#include "ui/diagnostic_text.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <ostream>
#include <string_view>

namespace cordon {

namespace {

namespace fs = std::filesystem;

struct Command {
    std::string_view name;
    std::string_view summary;
    std::string usage; ///< `--help`: from the command's option table where it has one
    std::function<int(const std::vector<std::string>&, std::ostream&, std::ostream&)> run;
};

bool wantsHelp(const std::vector<std::string>& args) {
    return std::any_of(args.begin(), args.end(),
                       [](const std::string& a) { return a == "--help" || a == "-h"; });
}

struct Options {
    std::vector<std::string> files;
    std::optional<FeedKind> feed;
    bool json = false;
    Lang lang = Lang::En;
    std::string error;
};

/// Files and folders (a folder stands for its *.geojson and *.json files, sorted).
Options parseOptions(const std::vector<std::string>& given, bool allowJson) {
    const std::vector<std::string> args = splitOptionValues(given, {"--json"});
    Options o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json" && allowJson) {
            o.json = true;
        } else if (a == "--feed") {
            if (i + 1 >= args.size()) {
                o.error = "--feed needs a name";
            } else if (!(o.feed = feedKindFromName(args[++i]))) {
                o.error =
                    "unknown feed '" + args[i] + "' (areas, zones, posts, teams, roster, roads, facilities)";
            }
        } else if (a == "--lang") {
            if (i + 1 >= args.size())
                o.error = "--lang needs en or zh";
            else
                o.lang = parseLang(args[++i]);
        } else if (a.rfind("--", 0) == 0) {
            o.error = "unknown option " + a;
        } else {
            for (std::string& f : feedFilesIn(a))
                o.files.push_back(std::move(f));
        }
    }
    if (o.files.empty() && o.error.empty()) o.error = "no input file";
    return o;
}

/// One input file as read: a feed, or (when its kind cannot be told) plain GeoJSON.
struct Loaded {
    std::string file;
    std::size_t bytes = 0;
    double seconds = 0;
    std::optional<Feed> feed;
    std::optional<FeatureLayer> plain;
    std::vector<Diagnostic> diagnostics;
};

std::optional<Loaded> load(const std::string& file, const std::optional<FeedKind>& kind, std::string& error) {
    const std::optional<std::string> bytes = readFile(file, error);
    if (!bytes) return std::nullopt;
    Loaded l;
    l.file = file;
    l.bytes = bytes->size();
    const auto start = std::chrono::steady_clock::now();
    FeedReadResult r = kind ? readFeed(*bytes, *kind, file) : readFeedDetectKind(*bytes, file);
    const bool kindUnknown = !r.feed && !r.diagnostics.empty() && r.diagnostics[0].path == "cordon.feed" &&
                             r.diagnostics[0].featureIndex < 0 && !kind;
    if (kindUnknown) {
        GeoJsonReadResult g = readGeoJson(*bytes, fs::path(file).filename().string());
        l.plain = std::move(g.layer);
        l.diagnostics = std::move(g.diagnostics);
    } else {
        l.feed = std::move(r.feed);
        l.diagnostics = std::move(r.diagnostics);
    }
    l.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return l;
}

/// Loads every input; cross-feed references are checked when the feeds are loaded together.
bool loadAll(const Options& o, std::vector<Loaded>& out, FeedSet& set, std::vector<Diagnostic>& references,
             std::ostream& err, const char* command) {
    for (const std::string& file : o.files) {
        std::string error;
        std::optional<Loaded> l = load(file, o.feed, error);
        if (!l) {
            err << "cordon " << command << ": " << error << "\n";
            return false;
        }
        out.push_back(std::move(*l));
    }
    for (const Loaded& l : out)
        if (l.feed) set.replace(*l.feed);
    references = checkReferences(set);
    return true;
}

std::string diagnosticJson(const std::string& file, const Diagnostic& d) {
    JsonWriter w;
    w.beginObject()
        .member("file", file)
        .member("feed", d.feed)
        .member("severity", d.severity == Severity::Error ? "error" : "warning")
        .member("feature", d.featureIndex)
        .member("id", d.featureId)
        .member("path", d.path)
        .member("message", d.message)
        .member("code", static_cast<int>(d.code))
        .endObject();
    return w.take();
}

int validate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const Options o = parseOptions(args, true);
    if (!o.error.empty()) {
        err << "cordon validate: " << o.error << "\n";
        return kExitUsage;
    }
    std::vector<Loaded> loaded;
    FeedSet set;
    std::vector<Diagnostic> references;
    if (!loadAll(o, loaded, set, references, err, "validate")) return kExitUsage;

    std::size_t errors = 0, warnings = 0;
    std::vector<std::string> items;
    auto report = [&](const std::string& file, const Diagnostic& d) {
        (d.severity == Severity::Error ? errors : warnings)++;
        if (o.json)
            items.push_back(diagnosticJson(file, d));
        else
            out << file << ": " << diagnosticText(d, o.lang) << "\n";
    };
    for (const Loaded& l : loaded) {
        for (const Diagnostic& d : l.diagnostics)
            report(l.file, d);
        if (!o.json && (l.feed || l.plain)) {
            const std::size_t n = l.feed ? l.feed->size() : l.plain->features.size();
            out << l.file << ": " << n << " features read"
                << (l.feed ? " as " + std::string(feedKindName(l.feed->kind)) : "") << "\n";
        }
        if (!o.json && !l.feed && !l.plain) out << l.file << ": rejected as a whole\n";
    }
    for (const Diagnostic& d : references) {
        const auto it = std::find_if(loaded.begin(), loaded.end(), [&](const Loaded& l) {
            return l.feed && feedKindName(l.feed->kind) == d.feed;
        });
        report(it != loaded.end() ? it->file : d.feed, d);
    }
    if (o.json) {
        out << "{\"errors\":" << errors << ",\"warnings\":" << warnings << ",\"problems\":[";
        for (std::size_t i = 0; i < items.size(); ++i)
            out << (i ? ",\n  " : "\n  ") << items[i];
        out << (items.empty() ? "" : "\n") << "]}\n";
    } else {
        out << errors << " errors, " << warnings << " warnings\n";
    }
    return errors > 0 ? kExitProblems : kExitOk;
}

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

int stats(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const Options o = parseOptions(args, false);
    if (!o.error.empty()) {
        err << "cordon stats: " << o.error << "\n";
        return kExitUsage;
    }
    std::vector<Loaded> loaded;
    FeedSet set;
    std::vector<Diagnostic> references;
    if (!loadAll(o, loaded, set, references, err, "stats")) return kExitUsage;
    int exit = kExitOk;
    for (const Loaded& l : loaded) {
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
    if (!references.empty()) out << "unknown references between feeds: " << references.size() << "\n";
    return exit;
}

const std::vector<Command>& commands() {
    static const std::vector<Command> kCommands = {
        {"validate", "check feeds and list every problem",
         "cordon validate [--feed NAME] [--json] [--lang zh] FILE|FOLDER...\n"
         "  Reads each file as a cordon feed: its kind comes from its \"cordon\": {\"feed\": ...} member,\n"
         "  else from its name (zones.geojson), else --feed; files of no known kind are checked as plain\n"
         "  GeoJSON. A folder stands for its .geojson/.json files. References between the given feeds\n"
         "  are checked too. One line per problem: file: feed[index] id=ID: path: severity: message.\n"
         "  --json   print a machine-readable report instead\n"
         "  --lang zh  problems in Chinese (default English)\n"
         "  Exit code: 0 no errors (warnings allowed), 1 errors found, 2 bad command line or unreadable "
         "file.",
         validate},
        {"stats", "summarise feeds (counts per feed and level, extent, read time)",
         "cordon stats [--feed NAME] FILE|FOLDER...\n"
         "  Prints features, points, lines, polygons, positions, counts per level/risk/kind, the lon/lat\n"
         "  bounding box and the time taken to read and validate each file.\n"
         "  Exit code: 0 ok, 1 a file has errors, 2 bad command line or unreadable file.",
         stats},
        {"gaps", "staffing gaps of a day per post, zone and area (CSV/JSON out)", usageText(kGapsCommand),
         runGapsCommand},
        {"figures", "the figures the wall, panels and briefing show, for the same feeds and time",
         usageText(kFiguresCommand), runFiguresCommand},
        {"isochrone", "travel-time polygons (5/10/15 min) from a point, as GeoJSON",
         usageText(kIsochroneCommand), runIsochroneCommand},
        {"coverage", "travel times from teams to zones and posts, gaps, population covered (CSV, GeoJSON)",
         usageText(kCoverageCommand), runCoverageCommand},
        {"snapshot", "one offline HTML briefing file with the map, gaps and a printable summary",
         kSnapshotUsage, runSnapshotCommand},
        {"import", "convert Shapefile, GeoPackage, KML, CSV, ... (anything GDAL reads) into a feed",
         "cordon import --feed NAME [--layer NAME] [--map target=SOURCE,target=:constant,...] [--mapping "
         "FILE]\n"
         "              [--id FIELD] [--from-gcj02] [--only-mapped] [--oo KEY=VALUE]... [--encoding CP936]\n"
         "              -o OUT.geojson INPUT\n"
         "  Reads one layer of INPUT with GDAL, transforms it to WGS84 lon/lat and writes a cordon feed\n"
         "  (7 decimals), then reads that back and prints the validation summary. See docs/import.md.\n"
         "  --feed NAME        areas, zones, posts, teams, roster, roads or facilities\n"
         "  --layer NAME       which layer, when INPUT has several\n"
         "  --map LIST         target=SOURCE copies a field (numbers stay numbers), target=:text sets a\n"
         "                     constant (level=:district); fields not named stay as they are\n"
         "  --mapping FILE     the same as JSON: {\"feed\":\"areas\",\"id\":\"adcode\",\"map\":{...}}\n"
         "  --id FIELD         feature id from this field (default: a field named id, else the FID)\n"
         "  --from-gcj02       the coordinates are GCJ-02 (Amap, DataV): convert them to WGS84\n"
         "  --only-mapped      drop the fields that --map does not name\n"
         "  --oo KEY=VALUE     GDAL open option, e.g. CSV: --oo X_POSSIBLE_NAMES=lon --oo "
         "Y_POSSIBLE_NAMES=lat\n"
         "  --encoding CP936   code page of a shapefile without .cpg (open option ENCODING)\n"
         "  Exit code: 0 no errors, 1 errors in the result, 2 bad command line or unreadable file.",
         importCommand},
    };
    return kCommands;
}

void printHelp(std::ostream& out) {
    out << "cordon: command-line tool of the cordon epidemic-control map\n\n"
           "usage: cordon <command> [options]\n\ncommands:\n";
    for (const Command& c : commands())
        out << "  " << c.name << std::string(12 - c.name.size(), ' ') << c.summary << "\n";
    out << "\n'cordon <command> --help' describes one command. An option's value follows it as\n"
           "'--name value' or '--name=value', and may begin with '-' (--from -1.8,51.5).\n";
}

} // namespace

std::vector<std::string> splitOptionValues(const std::vector<std::string>& args,
                                           std::initializer_list<std::string_view> flags) {
    std::vector<std::string> split;
    split.reserve(args.size());
    bool valueNext = false;
    for (const std::string& a : args) {
        const bool isValue = valueNext;
        valueNext = false;
        if (isValue || a.size() < 2 || a[0] != '-') {
            split.push_back(a);
            continue;
        }
        const std::size_t eq = a.find('=');
        const std::string_view name = std::string_view(a).substr(0, eq);
        const bool isFlag = std::find(flags.begin(), flags.end(), name) != flags.end();
        if (eq == std::string::npos || a[1] != '-' || isFlag) {
            split.push_back(a);
            valueNext = eq == std::string::npos && !isFlag;
            continue;
        }
        split.emplace_back(name);
        split.push_back(a.substr(eq + 1));
    }
    return split;
}

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printHelp(args.empty() ? err : out);
        return args.empty() ? kExitUsage : kExitOk;
    }
    for (const Command& c : commands()) {
        if (c.name != args[0]) continue;
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        if (wantsHelp(rest)) {
            out << c.usage << "\n";
            return kExitOk;
        }
        return c.run(rest, out, err);
    }
    err << "cordon: unknown command '" << args[0] << "'\n";
    printHelp(err);
    return kExitUsage;
}

} // namespace cordon
