// The `cordon` command line: the command table, the general help and the dispatch.

#include "cordon/cli.hpp"

#include "cordon/coverage_command.hpp"
#include "cordon/figures_command.hpp"
#include "cordon/gaps_command.hpp"
#include "cordon/import_command.hpp"
#include "cordon/isochrone_command.hpp"
#include "cordon/snapshot_command.hpp"
#include "cordon/stats_command.hpp"
#include "cordon/validate_command.hpp"

#include <algorithm>
#include <functional>
#include <ostream>
#include <string_view>

namespace cordon {

namespace {

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

const std::vector<Command>& commands() {
    static const std::vector<Command> kCommands = {
        {"validate", "check feeds and list every problem", usageText(kValidateCommand), runValidateCommand},
        {"stats", "summarise feeds (counts per feed and level, extent, read time)", usageText(kStatsCommand),
         runStatsCommand},
        {"gaps", "staffing gaps of a day per post, zone and area (CSV/JSON out)", usageText(kGapsCommand),
         runGapsCommand},
        {"figures", "the figures the wall, panels and briefing show, for the same feeds and time",
         usageText(kFiguresCommand), runFiguresCommand},
        {"isochrone", "travel-time polygons (5/10/15 min) from a point, as GeoJSON",
         usageText(kIsochroneCommand), runIsochroneCommand},
        {"coverage", "travel times from teams to zones and posts, gaps, population covered (CSV, GeoJSON)",
         usageText(kCoverageCommand), runCoverageCommand},
        {"snapshot", "one offline HTML briefing file with the map, gaps and a printable summary",
         usageText(kSnapshotCommand), runSnapshotCommand},
        {"import", "convert Shapefile, GeoPackage, KML, CSV, ... (anything GDAL reads) into a feed",
         usageText(kImportCommand), importCommand},
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
