#include "core/feeds/manifest.hpp"

#include "core/feeds/fetched_file.hpp"
#include "core/formats/json.hpp"

namespace cordon {

ManifestReadResult readManifest(std::string_view bytes, std::string_view source) {
    ManifestReadResult result;
    const std::string name(source);
    auto problem = [&](Severity severity, std::string path, std::string message, DiagnosticCode code,
                       std::vector<std::string> args = {}) {
        result.diagnostics.push_back(
            {severity, name, -1, "", std::move(path), std::move(message), code, std::move(args)});
    };
    const JsonParseResult parsed = parseJson(bytes);
    if (!parsed.ok()) {
        problem(Severity::Error, "",
                "not valid JSON at byte " + std::to_string(parsed.error.offset) + " (line " +
                    std::to_string(parsed.error.line) + ", column " + std::to_string(parsed.error.column) +
                    "): " + parsed.error.message,
                DiagnosticCode::NotJson,
                {std::to_string(parsed.error.offset), std::to_string(parsed.error.line),
                 std::to_string(parsed.error.column), parsed.error.message});
        return result;
    }
    const JsonValue* feeds = parsed.value->find("feeds");
    if (!feeds || !feeds->isArray()) {
        problem(Severity::Error, "feeds", "a manifest needs \"feeds\": [\"zones.geojson\", ...]",
                DiagnosticCode::ManifestNoFeeds);
        return result;
    }
    Manifest m;
    const auto readRefresh = [&](const JsonValue& holder, const std::string& path) {
        const JsonValue* refresh = holder.find("refresh");
        if (!refresh) return 0;
        if (!refresh->isNumber() || !(refresh->number >= 0) || refresh->number > 86400) {
            problem(Severity::Warning, path + "refresh", "should be seconds between 0 and 86400; ignored",
                    DiagnosticCode::ManifestRefresh);
            return 0;
        }
        return static_cast<int>(refresh->number);
    };
    m.refreshSeconds = readRefresh(*parsed.value, "");
    for (std::size_t i = 0; i < feeds->items.size(); ++i) {
        const JsonValue& item = feeds->items[i];
        const std::string path = "feeds[" + std::to_string(i) + "]";
        ManifestEntry e;
        if (item.isString()) {
            e.url = item.string;
        } else if (const JsonValue* url = item.find("url"); url && url->isString()) {
            e.url = url->string;
            if (const JsonValue* kind = item.find("feed"); kind && kind->isString()) {
                e.kind = feedKindFromName(kind->string);
                if (!e.kind)
                    problem(Severity::Warning, path + ".feed", "unknown feed '" + kind->string + "'; ignored",
                            DiagnosticCode::ManifestUnknownFeed, {kind->string});
            }
            e.refreshSeconds = readRefresh(item, path + ".");
            if (const JsonValue* share = item.find("minValidShare")) {
                if (share->isNumber() && share->number >= 0 && share->number <= 1)
                    e.minValidShare = share->number;
                else
                    problem(Severity::Warning, path + ".minValidShare",
                            "should be a share between 0 and 1 (0.9 = 90%); ignored",
                            DiagnosticCode::ManifestShare);
            }
        } else {
            problem(Severity::Warning, path, "should be a URL or {\"url\": ..., \"feed\": ...}; skipped",
                    DiagnosticCode::ManifestEntry);
            continue;
        }
        if (e.url.empty()) {
            problem(Severity::Warning, path, "empty URL; skipped", DiagnosticCode::ManifestEntry);
            continue;
        }
        m.feeds.push_back(std::move(e));
    }
    result.manifest = std::move(m);
    return result;
}

std::vector<std::string> splitFeedList(std::string_view list) {
    std::vector<std::string> urls;
    while (!list.empty()) {
        const std::size_t comma = list.find(',');
        const std::string_view item = list.substr(0, comma);
        if (!item.empty()) urls.emplace_back(item);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
    return urls;
}

std::string resolveUrl(const std::string& base, const std::string& relative) {
    if (relative.find("://") != std::string::npos || relative.rfind("/", 0) == 0 ||
        relative.rfind("data:", 0) == 0)
        return relative;
    const std::size_t slash = base.find_last_of('/');
    return slash == std::string::npos ? relative : base.substr(0, slash + 1) + relative;
}

} // namespace cordon
