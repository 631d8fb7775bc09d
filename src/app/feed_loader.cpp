#include "app/feed_loader.hpp"

#include "core/gzip.hpp"
#include "core/manifest.hpp"

namespace cordon {
namespace {

/// Largest feed a compressed file may expand to: far above any real feed, well below a bomb.
constexpr std::size_t kMaxUnpackedBytes = std::size_t(1) << 29;

bool isGzip(std::string_view bytes) {
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
           static_cast<unsigned char>(bytes[1]) == 0x8b;
}

} // namespace

void FeedLoader::requestFeed(const std::string& url, std::optional<FeedKind> kind) {
    m_kindHints[url] = kind;
    m_request(url);
}

void FeedLoader::requestManifest(const std::string& url) {
    m_manifests[url] = true;
    m_request(url);
}

void FeedLoader::receive(FetchedFile file) {
    m_queue.push_back(std::move(file));
}

bool FeedLoader::processOne(FeedSet& feeds) {
    if (m_queue.empty()) return false;
    FetchedFile file = std::move(m_queue.front());
    m_queue.pop_front();
    std::vector<Diagnostic>& problems = m_bySource[file.source];
    problems.clear();
    bool changed = false;
    if (file.error.empty() && isGzip(file.bytes)) {
        GunzipResult unpacked = gunzip(file.bytes, kMaxUnpackedBytes);
        if (unpacked.bytes)
            file.bytes = std::move(*unpacked.bytes);
        else
            file.error = "gzip: " + unpacked.error;
    }
    if (!file.error.empty()) {
        problems.push_back({Severity::Error, file.source, -1, "", "",
                            "could not load (" + file.error + "); the last good version stays on the map"});
    } else if (m_manifests.count(file.source)) {
        ManifestReadResult m = readManifest(file.bytes, file.source);
        problems = std::move(m.diagnostics);
        if (m.manifest)
            for (const ManifestEntry& e : m.manifest->feeds)
                requestFeed(resolveUrl(file.source, e.url), e.kind);
    } else {
        const auto hint = m_kindHints.find(file.source);
        FeedReadResult r = hint != m_kindHints.end() && hint->second
                               ? readFeed(file.bytes, *hint->second, file.source)
                               : readFeedDetectKind(file.bytes, file.source);
        problems = std::move(r.diagnostics);
        for (Diagnostic& d : problems)
            d.feed = file.source + ": " + d.feed;
        if (r.feed) {
            feeds.replace(std::move(*r.feed));
            changed = true;
        } else {
            problems.push_back({Severity::Error, file.source, -1, "", "",
                                "rejected as a whole; the last good version stays on the map"});
        }
    }
    if (changed) m_references = checkReferences(feeds);
    flatten();
    return changed;
}

void FeedLoader::flatten() {
    m_flat.clear();
    for (const auto& [source, problems] : m_bySource)
        m_flat.insert(m_flat.end(), problems.begin(), problems.end());
    m_flat.insert(m_flat.end(), m_references.begin(), m_references.end());
}

} // namespace cordon
