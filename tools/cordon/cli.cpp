#include "cordon/cli.hpp"

#include "cordon/file_io.hpp"
#include "core/feature_layer.hpp"
#include "core/json.hpp"
#include "core/mercator.hpp"

#include <cstdio>
#include <functional>
#include <ostream>
#include <string_view>

namespace cordon {

namespace {

struct Command {
    std::string_view name;
    std::string_view summary;
    std::string_view usage;
    std::function<int(const std::vector<std::string>&, std::ostream&, std::ostream&)> run;
};

bool wantsHelp(const std::vector<std::string>& args) {
    for (const std::string& a : args)
        if (a == "--help" || a == "-h") return true;
    return false;
}

/// "data/posts.geojson" -> "posts": the feed a file holds, by its name.
std::string feedNameOf(const std::string& path) {
    std::string name = path.substr(path.find_last_of("/\\") + 1);
    return name.substr(0, name.find('.'));
}

struct Inputs {
    std::vector<std::string> files;
    std::string feed;
    bool json = false;
    std::string error;
};

Inputs parseInputs(const std::vector<std::string>& args, bool allowJson) {
    Inputs in;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json" && allowJson) {
            in.json = true;
        } else if (a == "--feed") {
            if (i + 1 >= args.size())
                in.error = "--feed needs a name";
            else
                in.feed = args[++i];
        } else if (a.rfind("--", 0) == 0) {
            in.error = "unknown option " + a;
        } else {
            in.files.push_back(a);
        }
    }
    if (in.files.empty() && in.error.empty()) in.error = "no input file";
    return in;
}

int validate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const Inputs in = parseInputs(args, true);
    if (!in.error.empty()) {
        err << "cordon validate: " << in.error << "\n";
        return kExitUsage;
    }
    int exit = kExitOk;
    std::size_t errors = 0, warnings = 0;
    std::string jsonItems;
    for (const std::string& file : in.files) {
        std::string ioError;
        const std::optional<std::string> bytes = readFile(file, ioError);
        if (!bytes) {
            err << "cordon validate: " << ioError << "\n";
            return kExitUsage;
        }
        const std::string feed = in.feed.empty() ? feedNameOf(file) : in.feed;
        const GeoJsonReadResult result = readGeoJson(*bytes, feed);
        for (const Diagnostic& d : result.diagnostics) {
            (d.severity == Severity::Error ? errors : warnings)++;
            if (in.json) {
                if (!jsonItems.empty()) jsonItems += ",\n";
                jsonItems += "  {\"file\":" + jsonQuote(file) + ",\"feed\":" + jsonQuote(d.feed) +
                             ",\"severity\":\"" + (d.severity == Severity::Error ? "error" : "warning") +
                             "\",\"feature\":" + std::to_string(d.featureIndex) +
                             ",\"id\":" + jsonQuote(d.featureId) + ",\"path\":" + jsonQuote(d.path) +
                             ",\"message\":" + jsonQuote(d.message) + "}";
            } else {
                out << file << ": " << d.toString() << "\n";
            }
        }
        if (hasErrors(result.diagnostics)) exit = kExitProblems;
        if (!in.json && result.layer)
            out << file << ": " << result.layer->features.size() << " features read\n";
    }
    if (in.json) {
        out << "{\"errors\":" << errors << ",\"warnings\":" << warnings << ",\"problems\":[\n"
            << jsonItems << (jsonItems.empty() ? "" : "\n") << "]}\n";
    } else {
        out << errors << " errors, " << warnings << " warnings\n";
    }
    return exit;
}

int stats(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const Inputs in = parseInputs(args, false);
    if (!in.error.empty()) {
        err << "cordon stats: " << in.error << "\n";
        return kExitUsage;
    }
    int exit = kExitOk;
    for (const std::string& file : in.files) {
        std::string ioError;
        const std::optional<std::string> bytes = readFile(file, ioError);
        if (!bytes) {
            err << "cordon stats: " << ioError << "\n";
            return kExitUsage;
        }
        const GeoJsonReadResult result = readGeoJson(*bytes, in.feed.empty() ? feedNameOf(file) : in.feed);
        if (hasErrors(result.diagnostics)) exit = kExitProblems;
        if (!result.layer) {
            for (const Diagnostic& d : result.diagnostics)
                err << file << ": " << d.toString() << "\n";
            continue;
        }
        const FeatureLayer& layer = *result.layer;
        std::size_t points = 0, lines = 0, polygons = 0;
        for (const GeometryPart& p : layer.parts)
            (p.kind == PartKind::Point ? points : p.kind == PartKind::Line ? lines : polygons)++;
        out << file << "\n  features  " << layer.features.size() << "\n  points    " << points
            << "\n  lines     " << lines << "\n  polygons  " << polygons << "\n  positions "
            << layer.positions.size() << "\n";
        const MercatorBox box = layer.bounds();
        if (!box.empty()) {
            const LonLat sw = mercator::unproject({box.minX, box.minY});
            const LonLat ne = mercator::unproject({box.maxX, box.maxY});
            char line[160];
            std::snprintf(line, sizeof line, "  bbox      %.6f,%.6f .. %.6f,%.6f\n", sw.lon, sw.lat, ne.lon,
                          ne.lat);
            out << line;
        }
        if (!result.diagnostics.empty()) out << "  problems  " << result.diagnostics.size() << "\n";
    }
    return exit;
}

const std::vector<Command>& commands() {
    static const std::vector<Command> kCommands = {
        {"validate", "check GeoJSON feeds and list every problem",
         "cordon validate [--feed NAME] [--json] FILE...\n"
         "  Reads each file as a cordon feed (the feed is named after the file unless --feed is given)\n"
         "  and prints one line per problem: feed[index] id=ID: path: severity: message.\n"
         "  --json   print a machine-readable report instead\n"
         "  Exit code: 0 no errors, 1 errors found, 2 bad command line or unreadable file.",
         validate},
        {"stats", "summarise GeoJSON files (counts, extent)",
         "cordon stats [--feed NAME] FILE...\n"
         "  Prints features, points, lines, polygons, positions and the lon/lat bounding box per file.\n"
         "  Exit code: 0 ok, 1 the file has errors, 2 bad command line or unreadable file.",
         stats},
    };
    return kCommands;
}

void printHelp(std::ostream& out) {
    out << "cordon: command-line tool of the cordon epidemic-control map\n\n"
           "usage: cordon <command> [options]\n\ncommands:\n";
    for (const Command& c : commands())
        out << "  " << c.name << std::string(12 - c.name.size(), ' ') << c.summary << "\n";
    out << "\n'cordon <command> --help' describes one command.\n";
}

} // namespace

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
