#include "app/options.hpp"

#include "core/feeds/manifest.hpp"
#include "core/formats/clock_time.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace cordon {

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percentDecode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%' && i + 2 < s.size() && hexValue(s[i + 1]) >= 0 && hexValue(s[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

int toInt(const std::string& s, int fallback) {
    char* end = nullptr;
    const long v = std::strtol(s.c_str(), &end, 10);
    return end && *end == '\0' && !s.empty() && v >= 0 && v < 1000000 ? static_cast<int>(v) : fallback;
}

/// "113.6,34.7,12" -> {113.6, 34.7, 12}; empty when any item is not a finite number.
std::vector<double> numberList(const std::string& s) {
    std::vector<double> out;
    for (const std::string& item : splitFeedList(s)) {
        char* end = nullptr;
        const double v = std::strtod(item.c_str(), &end);
        if (!end || *end != '\0' || !std::isfinite(v)) return {};
        out.push_back(v);
    }
    return out;
}

} // namespace

Params parseQueryString(std::string_view query) {
    Params params;
    if (!query.empty() && query.front() == '?') query.remove_prefix(1);
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view item = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (item.empty()) continue;
        const std::size_t eq = item.find('=');
        params.emplace_back(percentDecode(item.substr(0, eq)), eq == std::string_view::npos
                                                                   ? std::string()
                                                                   : percentDecode(item.substr(eq + 1)));
    }
    return params;
}

Params parseCommandLine(int argc, const char* const* argv) {
    Params params;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg.substr(0, 2) != "--") continue;
        arg.remove_prefix(2);
        const std::size_t eq = arg.find('=');
        params.emplace_back(std::string(arg.substr(0, eq)),
                            eq == std::string_view::npos ? std::string() : std::string(arg.substr(eq + 1)));
    }
    return params;
}

AppOptions optionsFromParams(const Params& params) {
    AppOptions o;
    for (const auto& [key, value] : params) {
        if (key == "lang")
            o.lang = parseLang(value);
        else if (key == "frames")
            o.exitAfterFrames = toInt(value, 0);
        else if (key == "screenshot")
            o.screenshotPath = value;
        else if (key == "feeds")
            for (std::string& url : splitFeedList(value))
                o.feeds.push_back({std::move(url), std::nullopt, 0, std::nullopt});
        else if (const std::optional<FeedKind> kind = feedKindFromName(key); kind && !value.empty())
            o.feeds.push_back({value, kind, 0, std::nullopt});
        else if (key == "manifest")
            o.manifest = value;
        else if (key == "width")
            o.windowWidth = toInt(value, o.windowWidth);
        else if (key == "height")
            o.windowHeight = toInt(value, o.windowHeight);
        else if (key == "mode")
            o.wall = value == "wall";
        else if (key == "refresh") {
            // Fractions of a second for tests (fault injection); at most 20 fetches a second per feed.
            if (const std::vector<double> v = numberList(value); v.size() == 1 && v[0] > 0)
                o.refreshSeconds = std::clamp(v[0], 0.05, 24.0 * 3600);
        } else if (key == "timeout") {
            if (const std::vector<double> v = numberList(value); v.size() == 1 && v[0] > 0)
                o.fetchTimeoutSeconds = std::clamp(v[0], 0.1, 3600.0);
        } else if (key == "stale")
            o.staleSeconds = std::clamp(toInt(value, 0), 0, 7 * 24 * 3600);
        else if (key == "tour")
            o.tour = value == "districts"  ? WallTour::Districts
                     : value == "problems" ? WallTour::Problems
                                           : WallTour::Off;
        else if (key == "tourseconds")
            o.tourSeconds = std::clamp(toInt(value, o.tourSeconds), 3, 3600);
        else if (key == "tab")
            o.tab = value;
        else if (key == "district")
            o.district = value;
        else if (key == "time")
            o.time = value;
        else if (key == "slot")
            o.scrubMinute = parseTimeOfDay(value).value_or(-1) % kMinutesPerDay;
        else if (key == "select")
            o.select = value;
        else if (key == "picturesize")
            o.pictureSize = value;
        else if (key == "plan")
            o.plan = value == "1" || value == "true";
        else if (key == "panel")
            o.panel = !(value == "0" || value == "false" || value == "off");
        else if (key == "pulse")
            o.pulse = !(value == "0" || value == "false" || value == "off");
        else if (key == "snapshot")
            o.snapshot = value == "1" || value == "true";
        else if (key == "iso") {
            const std::vector<double> v = numberList(value);
            if (v.size() == 2 && std::abs(v[0]) <= 180 && std::abs(v[1]) <= 90)
                o.isoFrom = LonLat{v[0], v[1]};
        } else if (key == "isomode")
            o.isoMode = travelModeFromName(value);
        else if (key == "isominutes")
            o.isoMinutes = value;
        else if (key == "view") {
            const std::vector<double> v = numberList(value);
            if (v.size() == 3 && std::abs(v[0]) <= 180 && std::abs(v[1]) <= 85 && v[2] >= 0 && v[2] <= 24)
                o.view = AppOptions::View{{v[0], v[1]}, v[2]};
        } else if (key == "opacity") {
            for (const std::string& item : splitFeedList(value)) {
                const std::size_t colon = item.find(':');
                if (colon == std::string::npos) continue;
                const std::optional<FeedKind> kind = feedKindFromName(item.substr(0, colon));
                const std::vector<double> v = numberList(item.substr(colon + 1));
                if (kind && v.size() == 1)
                    o.opacity.emplace_back(*kind, static_cast<float>(std::clamp(v[0], 0.0, 100.0) / 100));
            }
        } else if (key == "hide") {
            for (const std::string& name : splitFeedList(value))
                if (const std::optional<FeedKind> kind = feedKindFromName(name)) o.hidden.push_back(*kind);
        } else if (key == "now")
            o.nowMinuteOfDay = parseTimeOfDay(value).value_or(-1) % kMinutesPerDay;
    }
    return o;
}

} // namespace cordon
