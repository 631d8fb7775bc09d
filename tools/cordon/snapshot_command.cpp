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
#include <fstream>
#include <ostream>

#ifndef CORDON_DEFAULT_APP_HTML
#define CORDON_DEFAULT_APP_HTML "build/wasm-release/web/cordon-single.html"
#endif

namespace cordon {

const char* const kSnapshotUsage =
    "cordon snapshot --feeds FILE|FOLDER... -o BRIEFING.html [--title TEXT] [--note TEXT] [--as-of TEXT]\n"
    "                [--now HH:MM] [--lang zh|en] [--iso LON,LAT] [--iso-mode walk|drive]\n"
    "                [--iso-minutes 5,10,15] [--app cordon-single.html]\n"
    "  Writes one HTML file that opens from file:// with no network and shows the map read-only with\n"
    "  these feeds: the same layers, staffing gaps and isochrones as the app, a title, the time the\n"
    "  data is from, the author's note and a printable summary (KPIs and the top gaps). Feeds are\n"
    "  checked first and embedded gzipped; names and notes are escaped (docs/snapshot.md).\n"
    "  --feeds            feed files, or folders of .geojson/.json files\n"
    "  --now HH:MM        the time of day the gaps and statuses are shown for (default: the clock)\n"
    "  --as-of TEXT       shown as \"data as of\" (default: now, local time)\n"
    "  --iso LON,LAT      draw isochrones from this point (--iso-mode, --iso-minutes)\n"
    "  --app FILE         the single-file app page (default: the wasm-release build's)\n"
    "  Exit code: 0 written, 1 a feed is unusable, 2 bad command line or unreadable/unwritable file.";

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
    const std::vector<std::string> args = splitOptionValues(given);
    std::vector<std::string> files;
    std::string output, appPath = CORDON_DEFAULT_APP_HTML, now, lang, iso, isoMode, isoMinutes;
    SnapshotContent content;
    bool feedsFollow = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool hasValue = i + 1 < args.size();
        auto value = [&](std::string& into) {
            into = args[++i];
            feedsFollow = false;
        };
        if (a == "--feeds") {
            feedsFollow = true;
        } else if ((a == "-o" || a == "--output") && hasValue) {
            value(output);
        } else if (a == "--title" && hasValue) {
            value(content.title);
        } else if (a == "--note" && hasValue) {
            value(content.note);
        } else if (a == "--as-of" && hasValue) {
            value(content.asOf);
        } else if (a == "--now" && hasValue) {
            value(now);
            if (!parseTimeOfDay(now)) {
                err << "cordon snapshot: --now needs a time HH:MM\n";
                return kExitUsage;
            }
        } else if (a == "--lang" && hasValue) {
            value(lang);
        } else if (a == "--iso" && hasValue) {
            value(iso);
        } else if (a == "--iso-mode" && hasValue) {
            value(isoMode);
        } else if (a == "--iso-minutes" && hasValue) {
            value(isoMinutes);
        } else if (a == "--app" && hasValue) {
            value(appPath);
        } else if (a.rfind("-", 0) == 0) {
            err << "cordon snapshot: unknown option or missing value: " << a << "\n";
            return kExitUsage;
        } else if (feedsFollow) {
            for (std::string& f : feedFilesIn(a))
                files.push_back(std::move(f));
        } else {
            err << "cordon snapshot: feeds are given after --feeds: " << a << "\n";
            return kExitUsage;
        }
    }
    if (files.empty() || output.empty()) {
        err << "cordon snapshot: needs --feeds and -o\n" << kSnapshotUsage << "\n";
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
    if (content.asOf.empty()) content.asOf = localNow();
    addParam(content.params, "lang", lang);
    addParam(content.params, "now", now);
    addParam(content.params, "iso", iso);
    addParam(content.params, "isomode", isoMode);
    addParam(content.params, "isominutes", isoMinutes);
    const SnapshotResult result = buildSnapshot(*app, content);
    if (!result.html) {
        err << "cordon snapshot: " << appPath << ": " << result.error << "\n";
        return kExitUsage;
    }
    std::ofstream file(output, std::ios::binary);
    file.write(result.html->data(), static_cast<std::streamsize>(result.html->size()));
    if (!file.flush()) {
        err << "cordon snapshot: cannot write " << output << "\n";
        return kExitUsage;
    }
    char summary[200];
    std::snprintf(summary, sizeof summary, "%s: %.2f MB (%zu bytes; the app page %.2f MB, %zu feeds)\n",
                  output.c_str(), double(result.html->size()) / 1e6, result.html->size(),
                  double(app->size()) / 1e6, content.feeds.size());
    out << summary;
    return kExitOk;
}

} // namespace cordon
