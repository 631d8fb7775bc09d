// `cordon snapshot`: checks the feeds, embeds them in the single-file app page with the view
// parameters and the briefing text, and writes one HTML file.

#include "cordon/snapshot_command.hpp"

#include "cordon/cli.hpp"
#include "cordon/file_io.hpp"
#include "core/feeds/feed.hpp"
#include "core/formats/clock_time.hpp"
#include "core/formats/snapshot.hpp"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <ostream>

#ifndef CORDON_DEFAULT_APP_HTML
#define CORDON_DEFAULT_APP_HTML "build/wasm-release/web/cordon-single.html"
#endif

namespace cordon {

namespace {

constexpr OptionSpec kSnapshotOptions[] = {
    {"--feeds", "FILE|FOLDER",
     "feed files, or folders of .geojson/.json files (more may follow as\noperands)", true, true},
    {"-o", "BRIEFING.html", "where to write", false, true, "--output"},
    {"--title", "TEXT", "the briefing's title"},
    {"--note", "TEXT", "the author's note"},
    {"--as-of", "TEXT",
     "shown as \"as of\": the time the figures are for (default: today at --now, else now)"},
    {"--now", "HH:MM", "the time of day the gaps and statuses are shown for (default: the clock)"},
    {"--lang", "zh|en", "the page's language (default Chinese)"},
    {"--iso", "LON,LAT", "draw isochrones from this point (--iso-mode, --iso-minutes)"},
    {"--iso-mode", "walk|drive", "how the isochrones' team travels"},
    {"--iso-minutes", "5,10,15", "the isochrones' bands"},
    {"--app", "FILE", "the single-file app page (default: the wasm-release build's)"},
};

} // namespace

const CommandSpec kSnapshotCommand{
    "snapshot", "[FILE|FOLDER...]",
    "  Writes one HTML file that opens from file:// with no network and shows the map read-only with\n"
    "  these feeds: the same layers, staffing gaps and isochrones as the app, a title, the time the\n"
    "  data is from, the author's note and a printable summary (KPIs and the top gaps). Feeds are\n"
    "  checked first and embedded gzipped; names and notes are escaped (docs/snapshot.md).",
    kSnapshotOptions, "0 written, 1 a feed is unusable, 2 bad command line or unreadable/unwritable file."};

namespace {

/// Appends `key=value` to a query string, percent-encoding what the app's parser would split on.
void addParam(std::string& params, const std::string& key, const std::string& value) {
    if (value.empty()) return;
    if (!params.empty()) params += '&';
    params += key + '=';
    for (const unsigned char c : value) {
        if (std::isalnum(c) || c == ',' || c == '.' || c == ':' || c == '-' || c == '_') {
            params += static_cast<char>(c);
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            params += hex;
        }
    }
}

std::string localNow() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    localtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &tm);
    return text;
}

} // namespace

int runSnapshotCommand(const std::vector<std::string>& given, std::ostream& out, std::ostream& err) {
    const ParsedArgs args = parseArgs(given, kSnapshotCommand);
    if (!args.error.empty()) {
        err << "cordon snapshot: " << args.error << "\n";
        return kExitUsage;
    }
    const std::string output = *args.value("-o");
    const std::string appPath = args.value("--app").value_or(CORDON_DEFAULT_APP_HTML);
    const std::string now = args.value("--now").value_or("");
    if (!now.empty() && !parseTimeOfDay(now)) {
        err << "cordon snapshot: --now needs a time HH:MM\n";
        return kExitUsage;
    }
    SnapshotContent content;
    content.title = args.value("--title").value_or("");
    content.note = args.value("--note").value_or("");
    content.asOf = args.value("--as-of").value_or("");
    std::vector<std::string> files;
    std::vector<std::string> named = args.values("--feeds");
    named.insert(named.end(), args.operands.begin(), args.operands.end());
    for (const std::string& given : named)
        for (std::string& f : feedFilesIn(given))
            files.push_back(std::move(f));
    if (files.empty()) {
        err << "cordon snapshot: no feed file in --feeds\n";
        return kExitUsage;
    }
    std::string error;
    const std::optional<std::string> app = readFile(appPath, error);
    if (!app) {
        err << "cordon snapshot: " << error
            << " (the single-file app page: build it with `cmake --build --preset wasm-release`, or pass "
               "--app)\n";
        return kExitUsage;
    }
    for (const std::string& file : files) {
        std::optional<std::string> bytes = readFile(file, error);
        if (!bytes) {
            err << "cordon snapshot: " << error << "\n";
            return kExitUsage;
        }
        // A briefing must not carry a feed the map would reject.
        const FeedReadResult r = readFeedDetectKind(*bytes, file);
        if (!r.feed) {
            err << "cordon snapshot: " << file << " is not a usable feed"
                << (r.diagnostics.empty() ? "" : ": " + r.diagnostics[0].toString()) << "\n";
            return kExitProblems;
        }
        content.feeds.push_back({std::filesystem::path(file).filename().string(), std::move(*bytes)});
    }
    // "As of" is the time the figures are for: the one `--now` sets, on today's date.
    content.made = localNow();
    if (content.asOf.empty())
        content.asOf =
            now.empty() ? content.made : content.made.substr(0, 10) + " " + clockText(*parseTimeOfDay(now));
    addParam(content.params, "lang", args.value("--lang").value_or(""));
    addParam(content.params, "now", now);
    addParam(content.params, "iso", args.value("--iso").value_or(""));
    addParam(content.params, "isomode", args.value("--iso-mode").value_or(""));
    addParam(content.params, "isominutes", args.value("--iso-minutes").value_or(""));
    const SnapshotResult result = buildSnapshot(*app, content);
    if (!result.html) {
        err << "cordon snapshot: " << appPath << ": " << result.error << "\n";
        return kExitUsage;
    }
    if (!writeFile(output, *result.html, "snapshot", err)) return kExitUsage;
    char summary[200];
    std::snprintf(summary, sizeof summary, "%s: %.2f MB (%zu bytes; the app page %.2f MB, %zu feeds)\n",
                  output.c_str(), double(result.html->size()) / 1e6, result.html->size(),
                  double(app->size()) / 1e6, content.feeds.size());
    out << summary;
    return kExitOk;
}

} // namespace cordon
