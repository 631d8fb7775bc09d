#pragma once
/// Turns fetched bytes into feeds, one file per call so the page keeps drawing between files:
/// manifests expand into more requests, a feed that fails keeps the last good version of its
/// kind, and every problem stays listed under the file it came from.

#include "core/feed_set.hpp"
#include "core/fetched_file.hpp"

#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cordon {

class FeedLoader {
  public:
    /// `request` starts loading a URL; its bytes come back through `receive`.
    explicit FeedLoader(std::function<void(const std::string& url)> request)
        : m_request(std::move(request)) {}

    void requestFeed(const std::string& url, std::optional<FeedKind> kind = std::nullopt);
    void requestManifest(const std::string& url);
    /// Files that arrived (fetched, dropped or embedded); parsed later by processOne. Gzip-compressed
    /// bytes (`.geojson.gz`, the embedded demo) are recognised by their magic number and unpacked.
    void receive(FetchedFile file);

    bool busy() const { return !m_queue.empty(); }
    /// Source of the file processOne will parse next ("" when idle).
    std::string nextSource() const { return m_queue.empty() ? std::string() : m_queue.front().source; }

    /// Parses the next queued file into `feeds`; true when a feed was replaced.
    bool processOne(FeedSet& feeds);

    /// Every current problem: per file, then references between feeds.
    const std::vector<Diagnostic>& problems() const { return m_flat; }

  private:
    std::function<void(const std::string&)> m_request;
    std::map<std::string, std::optional<FeedKind>> m_kindHints;
    std::map<std::string, bool> m_manifests;
    std::deque<FetchedFile> m_queue;
    std::map<std::string, std::vector<Diagnostic>> m_bySource;
    std::vector<Diagnostic> m_references;
    std::vector<Diagnostic> m_flat;

    void flatten();
};

} // namespace cordon
