#include "cordon/figures_command.hpp"

#include "cordon/cli.hpp"
#include "cordon/file_io.hpp"
#include "cordon/option_parser.hpp"
#include "core/formats/clock_time.hpp"
#include "core/formats/geojson_reader.hpp"
#include "core/formats/json.hpp"
#include "core/formats/json_writer.hpp"
#include "core/map/situation.hpp"
#include "ui/figure_labels.hpp"

#include <cmath>
#include <ostream>

namespace cordon {

namespace {

constexpr OptionSpec kFiguresOptions[] = {
    {"--now", "HH:MM", "the time of day of 'posts short now' (default 00:00)"},
    {"--threshold", "MIN", "the reach threshold in minutes (default 15)"},
    {"--lang", "zh|en", "labels in Chinese (default English)"},
    {"--json", "", "one JSON object by figure key instead of labelled lines"},
};

} // namespace

const CommandSpec kFiguresCommand{
    "figures", "FILE|FOLDER...",
    "  The shared figures (docs/figures.md) as the wall, the panels and the briefing show them:\n"
    "  high-risk zones, zones breaking 一高风险区一专班, zones with no task force, zones no task\n"
    "  force reaches within the threshold (needs roads and teams), posts short now, person-hours\n"
    "  short today, red/orange households not visited today (staffing figures need posts and a\n"
    "  roster; the day is the one most roster entries start on). A figure without its feeds is '-'.",
    kFiguresOptions, "0 ok, 2 bad command line or unreadable input."};

int runFiguresCommand(const std::vector<std::string>& given, std::ostream& out, std::ostream& err) {
    const ParsedArgs args = parseArgs(given, kFiguresCommand);
    if (!args.error.empty()) {
        err << "cordon figures: " << args.error << "\n";
        return kExitUsage;
    }
    int now = 0;
    CoverageOptions coverageOptions;
    Lang lang = Lang::En;
    bool json = false;
    std::vector<std::string> files;
    for (const auto& [name, value] : args.options) {
        if (name == "--now") {
            const std::optional<int> minute = parseTimeOfDay(value);
            if (!minute) {
                err << "cordon figures: --now needs a time of day HH:MM\n";
                return kExitUsage;
            }
            now = *minute % kMinutesPerDay;
        } else if (name == "--threshold") {
            const std::optional<double> minutes = parseNumber(value);
            if (!minutes || *minutes <= 0) {
                err << "cordon figures: --threshold needs minutes above 0\n";
                return kExitUsage;
            }
            coverageOptions.thresholdMinutes = *minutes;
        } else if (name == "--lang") {
            lang = parseLang(value);
        } else if (name == "--json") {
            json = true;
        }
    }
    for (const std::string& operand : args.operands)
        for (std::string& f : feedFilesIn(operand))
            files.push_back(std::move(f));
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
        if (!figures.known(id)) return std::string("-");
        return id == FigureId::PersonHoursShort ? numberToText(figures[id])
                                                : std::to_string(std::lround(figures[id]));
    };
    if (json) {
        JsonWriter w;
        w.beginObject()
            .member("now", clockText(now))
            .member("thresholdMinutes", coverageOptions.thresholdMinutes);
        for (int i = 0; i < kFigureCount; ++i) {
            const auto id = static_cast<FigureId>(i);
            w.key(figureKey(id));
            if (!figures.known(id))
                w.null();
            else if (id == FigureId::PersonHoursShort)
                w.value(figures[id]);
            else
                w.value(std::lround(figures[id]));
        }
        out << w.endObject().text() << "\n";
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
