#include "cordon/figures_command.hpp"

#include "cordon/cli.hpp"
#include "cordon/file_io.hpp"
#include "core/formats/clock_time.hpp"
#include "core/formats/geojson_reader.hpp"
#include "core/formats/json.hpp"
#include "core/map/situation.hpp"
#include "ui/figure_labels.hpp"

#include <cmath>
#include <ostream>

namespace cordon {

const char* const kFiguresUsage =
    "cordon figures [--now HH:MM] [--threshold MIN] [--lang en|zh] [--json] FILE|FOLDER...\n"
    "  The shared figures (docs/figures.md) as the wall, the panels and the briefing show them:\n"
    "  high-risk zones, zones breaking 一高风险区一专班, zones with no task force, zones no task\n"
    "  force reaches within the threshold (needs roads and teams), posts short now, person-hours\n"
    "  short today, red/orange households not visited today (staffing figures need posts and a\n"
    "  roster; the day is the one most roster entries start on). A figure without its feeds is '-'.\n"
    "  --now HH:MM       the time of day of 'posts short now' (default 00:00)\n"
    "  --threshold MIN   the reach threshold in minutes (default 15)\n"
    "  --lang zh         labels in Chinese (default English)\n"
    "  --json            one JSON object by figure key instead of labelled lines\n"
    "  Exit code: 0 ok, 2 bad command line or unreadable input.";

int runFiguresCommand(const std::vector<std::string>& given, std::ostream& out, std::ostream& err) {
    const std::vector<std::string> args = splitOptionValues(given, {"--json"});
    int now = 0;
    CoverageOptions coverageOptions;
    Lang lang = Lang::En;
    bool json = false;
    std::vector<std::string> files;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool hasValue = i + 1 < args.size();
        if (a == "--now" && hasValue) {
            const std::optional<int> minute = parseTimeOfDay(args[++i]);
            if (!minute) {
                err << "cordon figures: --now needs a time of day HH:MM\n";
                return kExitUsage;
            }
            now = *minute % kMinutesPerDay;
        } else if (a == "--threshold" && hasValue) {
            const std::optional<double> minutes = parseNumber(args[++i]);
            if (!minutes || *minutes <= 0) {
                err << "cordon figures: --threshold needs minutes above 0\n";
                return kExitUsage;
            }
            coverageOptions.thresholdMinutes = *minutes;
        } else if (a == "--lang" && hasValue) {
            lang = parseLang(args[++i]);
        } else if (a == "--json") {
            json = true;
        } else if (a.rfind("--", 0) == 0) {
            err << "cordon figures: unknown option or missing value: " << a << "\n";
            return kExitUsage;
        } else {
            for (std::string& f : feedFilesIn(a))
                files.push_back(std::move(f));
        }
    }
    if (files.empty()) {
        err << "cordon figures: no input file\n";
        return kExitUsage;
    }
    std::optional<FeedSet> loaded = loadFeedSet(files, "figures", err);
    if (!loaded) return kExitUsage;
    // The derived state as the app builds it: the roster's day in 15-minute slots, coverage at the
    // threshold from every team.
    SituationSettings settings;
    settings.coverage = coverageOptions;
    Situation situation(settings);
    situation.feeds() = std::move(*loaded);
    situation.refresh();
    const Figures figures = situation.figures(now);

    const auto value = [&](FigureId id) {
        if (!figures.known(id)) return std::string(json ? "null" : "-");
        return id == FigureId::PersonHoursShort ? numberToText(figures[id])
                                                : std::to_string(std::lround(figures[id]));
    };
    if (json) {
        out << "{\"now\":" << jsonQuote(clockText(now))
            << ",\"thresholdMinutes\":" << numberJson(coverageOptions.thresholdMinutes);
        for (int i = 0; i < kFigureCount; ++i)
            out << ",\"" << figureKey(static_cast<FigureId>(i)) << "\":" << value(static_cast<FigureId>(i));
        out << "}\n";
        return kExitOk;
    }
    for (int i = 0; i < kFigureCount; ++i) {
        const auto id = static_cast<FigureId>(i);
        out << figureLabel(id, lang, coverageOptions.thresholdMinutes) << (lang == Lang::En ? ": " : "：")
            << value(id) << "\n";
    }
    return kExitOk;
}

} // namespace cordon
