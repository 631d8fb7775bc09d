#include "core/formats/snapshot.hpp"

#include "core/formats/deflate.hpp"
#include "core/formats/gzip.hpp"
#include "core/formats/json.hpp"

#include <cstdio>

namespace cordon {
namespace {

constexpr std::string_view kSizePlaceholder = "\"bytes\":\"0000000000\"";

} // namespace

std::string base64Encode(std::string_view bytes) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const unsigned v = unsigned(static_cast<unsigned char>(bytes[i])) << 16 |
                           unsigned(static_cast<unsigned char>(bytes[i + 1])) << 8 |
                           static_cast<unsigned char>(bytes[i + 2]);
        out += kAlphabet[v >> 18];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
    }
    if (const std::size_t rest = bytes.size() - i; rest > 0) {
        unsigned v = unsigned(static_cast<unsigned char>(bytes[i])) << 16;
        if (rest == 2) v |= unsigned(static_cast<unsigned char>(bytes[i + 1])) << 8;
        out += kAlphabet[v >> 18];
        out += kAlphabet[(v >> 12) & 63];
        out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

SnapshotResult buildSnapshot(std::string_view appHtml, const SnapshotContent& content) {
    const std::size_t body = appHtml.find("<body");
    const std::size_t bodyEnd = body == std::string_view::npos ? body : appHtml.find('>', body);
    if (bodyEnd == std::string_view::npos) return {std::nullopt, "the app page has no <body> tag"};
    std::string blocks;
    std::string feeds;
    for (std::size_t i = 0; i < content.feeds.size(); ++i) {
        const SnapshotFeed& feed = content.feeds[i];
        const std::string gz = isGzip(feed.bytes) ? feed.bytes : gzipCompress(feed.bytes);
        const std::string id = "cordon-snapshot-feed-" + std::to_string(i);
        blocks += "<script type=\"text/plain\" id=\"" + id + "\">" + base64Encode(gz) + "</script>\n";
        feeds += (i ? "," : "") + std::string("{\"name\":") + jsonQuote(feed.name) + ",\"block\":\"" + id +
                 "\",\"gzipBytes\":" + std::to_string(gz.size()) + "}";
    }
    const std::string header =
        "{\"format\":1," + std::string(kSizePlaceholder) + ",\"title\":" + jsonQuote(content.title) +
        ",\"note\":" + jsonQuote(content.note) + ",\"asOf\":" + jsonQuote(content.asOf) +
        ",\"made\":" + jsonQuote(content.made) + ",\"params\":" + jsonQuote(content.params) + ",\"feeds\":[" +
        feeds + "]}";
    std::string html;
    html.reserve(appHtml.size() + header.size() + blocks.size() + 128);
    html.append(appHtml.substr(0, bodyEnd + 1));
    html += "\n<script type=\"application/json\" id=\"cordon-snapshot\">" + header + "</script>\n" + blocks;
    html.append(appHtml.substr(bodyEnd + 1));
    // The size is written into a fixed-width field, so stating it does not change it.
    char size[32];
    std::snprintf(size, sizeof size, "\"bytes\":\"%010zu\"", html.size());
    html.replace(html.find(kSizePlaceholder, bodyEnd), kSizePlaceholder.size(), size);
    return {std::move(html), ""};
}

} // namespace cordon
