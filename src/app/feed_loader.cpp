#include "app/feed_loader.hpp"

#include "core/feeds/feed_mapping.hpp"
#include "core/feeds/feed_merge.hpp"
#include "core/feeds/feed_preview.hpp"
#include "core/feeds/field_guess.hpp"
#include "core/feeds/manifest.hpp"
#include "core/formats/clock_time.hpp"
#include "core/formats/geojson_reader.hpp"
#include "core/formats/gzip.hpp"

#include <string_view>

namespace cordon {
namespace {

/// Largest feed a compressed file may expand to: far above any real feed, well below a bomb.
constexpr std::size_t kMaxUnpackedBytes = std::size_t(1) << 29;

Diagnostic sourceError(const std::string& source, std::string message) {
    return {Severity::Error, source, -1, "", "", std::move(message)};
}

} // namespace

FeedSourceStatus& FeedLoader::statusOf(const std::string& source) {
    auto [it, inserted] = m_status.try_emplace(source);
    if (inserted) {
        it->second.source = source;
        m_order.push_back(source);
    }
    return it->second;
}

void FeedLoader::send(FeedSourceStatus& status) {
    status.inFlight = true;
    status.requestedMs = m_clock();
    m_request({status.source, status.etag, status.lastModified});
}

void FeedLoader::requestFeed(const std::string& url, std::optional<FeedKind> kind, double refreshSeconds,
                             const UpdatePolicy& policy) {
    m_kindHints[url] = kind;
    m_policies[url] = policy;
    FeedSourceStatus& status = statusOf(url);
    status.refreshSeconds = refreshSeconds > 0 ? refreshSeconds : m_defaultRefresh;
    if (!status.inFlight) send(status);
}

void FeedLoader::requestManifest(const std::string& url, double refreshSeconds) {
    FeedSourceStatus& status = statusOf(url);
    status.manifest = true;
    status.refreshSeconds = refreshSeconds > 0 ? refreshSeconds : m_defaultRefresh;
    if (!status.inFlight) send(status);
}

void FeedLoader::poll() {
    const std::uint64_t now = m_clock();
    for (const std::string& source : m_order) {
        FeedSourceStatus& status = m_status[source];
        if (status.refreshSeconds > 0 && !status.inFlight &&
            double(now - status.requestedMs) >= status.refreshSeconds * 1000)
            send(status);
    }
}

std::optional<std::string> admitByMemory(std::size_t bytes, std::size_t used, std::size_t limit) {
    const std::size_t need = bytes * kLoadMemoryFactor;
    const std::size_t free = limit > used ? limit - used : 0;
    if (need <= free) return std::nullopt;
    const auto mb = [](std::size_t n) { return std::to_string((n + 500'000) / 1'000'000) + " MB"; };
    return "the file (" + mb(bytes) + ") needs about " + mb(need) + " of memory to load and only " +
           mb(free) + " of the " + mb(limit) + " limit are free";
}

void FeedLoader::receive(FetchedFile file) {
    m_queue.push_back(std::move(file));
}

void FeedLoader::fail(FeedSourceStatus& status, std::vector<Diagnostic> problems, const std::string& error,
                      std::optional<UpdateCheck> refusal) {
    status.error = error;
    status.refusal = refusal;
    status.errorMs = status.checkedMs;
    ++status.failures;
    ++m_failureCount;
    m_failureLog.push_back({status.checkedMs, status.source, error, std::move(refusal)});
    if (m_failureLog.size() > kMaxFailures) m_failureLog.pop_front();
    m_attemptProblems[status.source] = std::move(problems);
}

void FeedLoader::take(FeedSourceStatus& status, FeedSet& feeds, Feed feed, std::vector<Diagnostic> problems,
                      std::size_t hash, std::string heldBytes, const std::string& etag,
                      const std::string& lastModified) {
    if (const Feed* before = feeds.get(feed.kind)) {
        m_changes.push_back({status.checkedMs, status.source, diffFeeds(*before, feed)});
        if (m_changes.size() > kMaxChanges) m_changes.pop_front();
    }
    status.kind = feed.kind;
    status.features = feed.size();
    status.hasData = true;
    status.loadedMs = status.currentMs = status.checkedMs;
    status.bytesHash = hash;
    status.etag = etag;
    status.lastModified = lastModified;
    status.error.clear();
    status.refusal.reset();
    ++status.versions;
    m_attemptProblems.erase(status.source);
    m_goodProblems[status.source] = std::move(problems);
    m_heldShrink.erase(status.source);
    status.supersededBy.clear();
    if (std::string& previous = m_heldSource[static_cast<int>(feed.kind)];
        !previous.empty() && previous != status.source) {
        // Its version is off the map: its row says by what, and its problems are no longer listed.
        statusOf(previous).supersededBy = status.source;
        m_goodProblems.erase(previous);
        m_heldBytes.erase(previous);
    }
    m_heldSource[static_cast<int>(feed.kind)] = status.source;
    feeds.replace(std::move(feed));
    m_heldBytes[status.source] = std::move(heldBytes);
    m_references = checkReferences(feeds);
}

bool FeedLoader::applyPending(FeedSet& feeds) {
    if (!m_pending) return false;
    Waiting w = std::move(*m_pending);
    const std::string source = m_pendingInfo->source;
    m_pending.reset();
    m_pendingInfo.reset();
    FeedSourceStatus& status = statusOf(source);
    status.checkedMs = m_clock();
    take(status, feeds, std::move(w.feed), std::move(w.problems), w.hash, std::move(w.bytes), w.etag,
         w.lastModified);
    flatten();
    return true;
}

void FeedLoader::discardPending() {
    if (!m_pending) return;
    const PendingUpdate info = std::move(*m_pendingInfo);
    m_pending.reset();
    m_pendingInfo.reset();
    FeedSourceStatus& status = statusOf(info.source);
    status.checkedMs = m_clock();
    const std::string why = describeUpdate(info.check);
    fail(status, {sourceError(info.source, why)}, why, info.check);
    flatten();
}

bool FeedLoader::chooseKind(const ImportChoice& choice, FeedSet& feeds) {
    if (!m_unknown) return false;
    Unknown u = std::move(*m_unknown);
    const std::string source = m_unknownInfo->source;
    m_unknown.reset();
    m_unknownInfo.reset();
    FeedSourceStatus& status = statusOf(source);
    status.checkedMs = m_clock();
    FeedMapping mapping;
    std::string error;
    if (!u.mappingJson.empty() && !applyMappingFile(u.mappingJson, mapping, error)) {
        fail(status, {sourceError(source, "mapping file: " + error)}, "mapping file: " + error);
        flatten();
        return false;
    }
    mapping.feed = choice.kind;
    mapping.fromGcj02 = mapping.fromGcj02 || choice.fromGcj02;
    MappedFeed mapped = mapGeoJsonToFeed(u.bytes, mapping, source);
    if (!mapped.geojson) {
        fail(status, {sourceError(source, mapped.error)}, mapped.error);
        flatten();
        return false;
    }
    FetchedFile file(source, std::move(*mapped.geojson), "");
    const Feed* current = feeds.get(choice.kind);
    const std::string& holder = m_heldSource[static_cast<int>(choice.kind)];
    if (choice.add && current && current->size() > 0 && !holder.starts_with(kDemoPrefix)) {
        // The file alone must pass the rule; merged, it goes through it again as the new version.
        const FeedReadResult addition = readFeed(file.bytes, choice.kind, source);
        const auto policy = m_policies.find(source);
        if (addition.feed && checkUpdate(file.bytes, addition, choice.kind, nullptr,
                                         policy == m_policies.end() ? UpdatePolicy{} : policy->second)
                                 .accepted())
            file.bytes = mergeFeeds(*current, *addition.feed).geojson;
    }
    const bool changed =
        takeFeed(status, feeds, file, std::hash<std::string_view>{}(file.bytes), {}, choice.kind);
    flatten();
    return changed;
}

std::string FeedLoader::mappingFileFor(const ImportChoice& choice) const {
    if (!m_unknown) return {};
    FeedMapping mapping;
    std::string error;
    if (!m_unknown->mappingJson.empty()) applyMappingFile(m_unknown->mappingJson, mapping, error);
    mapping.feed = choice.kind;
    mapping.fromGcj02 = mapping.fromGcj02 || choice.fromGcj02;
    recogniseFields(mapping, m_unknownInfo->preview.propertyNames);
    return mappingFileJson(mapping);
}

void FeedLoader::dismissUnknown() {
    if (!m_unknown) return;
    const std::string source = m_unknownInfo->source;
    m_unknown.reset();
    m_unknownInfo.reset();
    FeedSourceStatus& status = statusOf(source);
    status.checkedMs = m_clock();
    const std::string why = "cannot tell which feed this is: no feed chosen";
    fail(status, {sourceError(source, why)}, why);
    flatten();
}

bool FeedLoader::processOne(FeedSet& feeds) {
    if (m_queue.empty()) return false;
    FetchedFile file = std::move(m_queue.front());
    m_queue.pop_front();
    FeedSourceStatus& status = statusOf(file.source);
    status.inFlight = false;
    status.checkedMs = m_clock();
    bool changed = false;
    const auto confirm = [&] {
        ++status.unchanged;
        status.currentMs = status.checkedMs;
        status.error.clear();
        status.refusal.reset();
        m_attemptProblems.erase(status.source);
    };
    // A new good version (feed or manifest): held from now on, with the problems it came with.
    const auto accept = [&](std::size_t hash, std::vector<Diagnostic> problems) {
        status.hasData = true;
        status.loadedMs = status.currentMs = status.checkedMs;
        status.bytesHash = hash;
        status.etag = file.etag;
        status.lastModified = file.lastModified;
        status.error.clear();
        ++status.versions;
        m_attemptProblems.erase(file.source);
        m_goodProblems[file.source] = std::move(problems);
    };
    std::string packed; // the bytes as they arrived, when gzipped (kept small for snapshots)
    if (file.error.empty() && isGzip(file.bytes)) {
        packed = file.bytes;
        GunzipResult unpacked = gunzip(file.bytes, kMaxUnpackedBytes);
        if (unpacked.bytes)
            file.bytes = std::move(*unpacked.bytes);
        else
            file.error = "gzip: " + unpacked.error;
    }
    if (file.error.empty() && file.converted) mapConverted(file);
    const std::size_t hash = std::hash<std::string_view>{}(file.bytes);
    const bool sameBytes = status.hasData && hash == status.bytesHash;
    if (file.error.empty() && !file.notModified && !sameBytes && !status.manifest && m_admit)
        if (std::optional<std::string> refused = m_admit(file.bytes.size())) file.error = std::move(*refused);
    if (file.notModified && file.error.empty() && status.hasData) {
        confirm();
    } else if (!file.error.empty() || file.notModified) {
        const std::string error = file.notModified ? "HTTP 304 for a feed not held" : file.error;
        fail(status,
             {sourceError(file.source,
                          "could not load (" + error + "); the last good version stays on the map")},
             error);
    } else if (sameBytes) {
        confirm();
    } else if (status.manifest) {
        ManifestReadResult m = readManifest(file.bytes, file.source);
        if (m.manifest) {
            accept(hash, std::move(m.diagnostics));
            const std::string manifestUrl = file.source;
            for (const ManifestEntry& e : m.manifest->feeds) {
                const std::string url = resolveUrl(manifestUrl, e.url);
                const int refresh = e.refreshSeconds > 0 ? e.refreshSeconds : m.manifest->refreshSeconds;
                UpdatePolicy policy;
                if (e.minValidShare) policy.minValidShare = *e.minValidShare;
                if (!m_status.count(url)) requestFeed(url, e.kind, refresh, policy);
            }
        } else {
            fail(statusOf(file.source), std::move(m.diagnostics), "manifest rejected");
        }
    } else {
        changed = takeFeed(status, feeds, file, hash, std::move(packed));
    }
    flatten();
    return changed;
}

bool FeedLoader::takeFeed(FeedSourceStatus& status, FeedSet& feeds, FetchedFile& file, std::size_t hash,
                          std::string packed, std::optional<FeedKind> chosen) {
    const auto hint = m_kindHints.find(file.source);
    const bool userFile = hint == m_kindHints.end(); // dropped or picked, not requested by URL
    const std::optional<FeedKind> asked = chosen ? chosen : userFile ? std::nullopt : hint->second;
    const auto refuse = [&](const UpdateCheck& check, std::vector<Diagnostic> problems) {
        if (problems.size() > kMaxRefusedProblems) problems.resize(kMaxRefusedProblems);
        const std::string why = describeUpdate(check);
        problems.push_back(sourceError(file.source, why));
        fail(status, std::move(problems), why, check);
        return false;
    };
    if (asked)
        if (const std::optional<FeedKind> declared = declaredFeedKind(file.bytes);
            declared && *declared != *asked)
            return refuse(otherKindCheck(*asked, *declared), {});
    FeedReadResult r =
        asked ? readFeed(file.bytes, *asked, file.source) : readFeedDetectKind(file.bytes, file.source);
    for (Diagnostic& d : r.diagnostics)
        d.feed = file.source + ": " + d.feed;
    const bool kindUnknown = !r.feed && !r.diagnostics.empty() &&
                             r.diagnostics.front().path == "cordon.feed" &&
                             r.diagnostics.front().featureIndex < 0 && !asked;
    if (kindUnknown && userFile) {
        // Which feed is it? The user is shown what the file holds and cordon's guess.
        FeedPreview preview = previewFeed(file.bytes);
        if (preview.readable) {
            if (m_unknown) dismissUnknown();
            Gcj02Guess gcj02;
            if (const GeoJsonReadResult plain = readGeoJson(file.bytes, file.source); plain.layer)
                gcj02 = guessGcj02(file.bytes, file.source, *plain.layer, m_roadDistance);
            m_unknown = Unknown{std::move(file.bytes), file.mappingJson, hash};
            m_unknownInfo = UnknownFile{file.source, std::move(preview), gcj02};
            return false;
        }
    }
    if (!r.feed) {
        const std::string why = r.diagnostics.empty() ? "rejected" : r.diagnostics.front().message;
        r.diagnostics.push_back(
            sourceError(file.source, "rejected as a whole; the last good version stays on the map"));
        fail(status, std::move(r.diagnostics), why);
        return false;
    }
    const FeedKind kind = r.feed->kind;
    const auto policy = m_policies.find(file.source);
    const UpdatePolicy rule = policy == m_policies.end() ? UpdatePolicy{} : policy->second;
    UpdateCheck check = checkUpdate(file.bytes, r, kind, feeds.get(kind), rule);
    if (check.problem == UpdateProblem::FewValid && !declaredFeedKind(file.bytes)) {
        // A file without a cordon header may name its fields as exports do (名称, 类型, 风险等级):
        // read as recognised, it may be a good version after all.
        FeedMapping mapping;
        mapping.feed = kind;
        if (MappedFeed mapped = mapGeoJsonToFeed(file.bytes, mapping, file.source); mapped.geojson) {
            FeedReadResult again = readFeed(*mapped.geojson, kind, file.source);
            for (Diagnostic& d : again.diagnostics)
                d.feed = file.source + ": " + d.feed;
            if (again.feed) {
                UpdateCheck recheck = checkUpdate(*mapped.geojson, again, kind, feeds.get(kind), rule);
                if (recheck.problem != UpdateProblem::FewValid) {
                    r = std::move(again);
                    check = std::move(recheck);
                    file.bytes = std::move(*mapped.geojson);
                    packed.clear();
                }
            }
        }
    }
    if (check.problem == UpdateProblem::LargeShrink) {
        if (userFile && m_askBeforeShrink) {
            if (m_pending) discardPending();
            m_pending = Waiting{std::move(*r.feed),
                                std::move(r.diagnostics),
                                hash,
                                packed.empty() ? std::move(file.bytes) : std::move(packed),
                                file.etag,
                                file.lastModified};
            m_pendingInfo = PendingUpdate{file.source, std::move(check)};
            return false;
        }
        // Served (or dropped) again unchanged: the feed really shrank.
        const auto held = m_heldShrink.find(file.source);
        if (held == m_heldShrink.end() || held->second != hash) {
            m_heldShrink[file.source] = hash;
            return refuse(check, {});
        }
    } else if (!check.accepted()) {
        return refuse(check, std::move(r.diagnostics));
    }
    take(status, feeds, std::move(*r.feed), std::move(r.diagnostics), hash,
         packed.empty() ? std::move(file.bytes) : std::move(packed), file.etag, file.lastModified);
    return true;
}

void FeedLoader::mapConverted(FetchedFile& file) {
    FeedMapping mapping;
    if (!file.mappingJson.empty() && !applyMappingFile(file.mappingJson, mapping, file.error)) {
        file.error = "mapping file: " + file.error;
        return;
    }
    if (!mapping.feed) {
        // "posts.zip", "data/zones.kml": the feed named by the file.
        std::string stem = file.source.substr(file.source.find_last_of('/') + 1);
        stem = stem.substr(0, stem.find('.'));
        mapping.feed = feedKindFromName(stem);
    }
    if (!mapping.feed) return; // plain GeoJSON of unknown kind: the user is asked which feed it is
    MappedFeed mapped = mapGeoJsonToFeed(file.bytes, mapping, file.source);
    if (mapped.geojson)
        file.bytes = std::move(*mapped.geojson);
    else
        file.error = std::move(mapped.error);
}

std::optional<FeedLoader::HeldFeed> FeedLoader::held(FeedKind kind) const {
    const std::string& source = m_heldSource[static_cast<int>(kind)];
    const auto it = m_heldBytes.find(source);
    if (source.empty() || it == m_heldBytes.end()) return std::nullopt;
    return HeldFeed{source, &it->second};
}

bool FeedLoader::holdsFrom(std::string_view prefix) const {
    for (const std::string& source : m_heldSource)
        if (!source.empty() && std::string_view(source).substr(0, prefix.size()) == prefix) return true;
    return false;
}

int FeedLoader::unloadFrom(std::string_view prefix, FeedSet& feeds) {
    int unloaded = 0;
    for (int k = 0; k < kFeedKindCount; ++k) {
        const std::string source = m_heldSource[k];
        if (source.empty() || std::string_view(source).substr(0, prefix.size()) != prefix) continue;
        Feed empty;
        empty.kind = static_cast<FeedKind>(k);
        empty.source = source;
        empty.layer.name = std::string(feedKindName(empty.kind));
        if (const Feed* before = feeds.get(empty.kind)) {
            m_changes.push_back({m_clock(), source, diffFeeds(*before, empty)});
            if (m_changes.size() > kMaxChanges) m_changes.pop_front();
        }
        feeds.replace(std::move(empty));
        FeedSourceStatus& status = statusOf(source);
        status.hasData = false;
        status.features = 0;
        m_heldSource[k].clear();
        m_heldBytes.erase(source);
        m_goodProblems.erase(source);
        ++unloaded;
    }
    if (unloaded > 0) {
        m_references = checkReferences(feeds);
        flatten();
    }
    return unloaded;
}

bool FeedLoader::allAnswered() const {
    for (const auto& [source, status] : m_status)
        if (status.checkedMs == 0 && status.inFlight) return false;
    return true;
}

std::vector<const FeedSourceStatus*> FeedLoader::sources() const {
    std::vector<const FeedSourceStatus*> out;
    out.reserve(m_order.size());
    for (const std::string& source : m_order)
        out.push_back(&m_status.at(source));
    return out;
}

std::optional<FeedKind> FeedLoader::kindOf(const FeedSourceStatus& status) const {
    if (status.kind) return status.kind;
    if (const auto hint = m_kindHints.find(status.source); hint != m_kindHints.end() && hint->second)
        return hint->second;
    if (status.refusal) return status.refusal->loadedAs;
    return std::nullopt;
}

std::array<FeedLoader::KindHealth, kFeedKindCount> FeedLoader::health() const {
    std::array<KindHealth, kFeedKindCount> out{};
    for (const auto& [source, status] : m_status) {
        const std::optional<FeedKind> kind = kindOf(status);
        if (!kind) continue;
        KindHealth& h = out[static_cast<std::size_t>(*kind)];
        // A failure casts doubt on the data shown only from the source that holds it, or from a
        // requested URL (a live feed): a refused drop leaves the map's data as current as it was.
        const bool holds = m_heldSource[static_cast<std::size_t>(*kind)] == source;
        h.failed |= !status.error.empty() && (holds || m_kindHints.count(source) > 0);
        h.stale |= isStale(status);
        if (status.hasData && m_heldSource[static_cast<std::size_t>(*kind)] == source)
            h.confirmedMs = status.currentMs;
    }
    return out;
}

double FeedLoader::ageSeconds(const FeedSourceStatus& status) const {
    if (!status.hasData) return 0;
    return static_cast<double>(m_clock() - status.currentMs) / 1000.0;
}

bool FeedLoader::isStale(const FeedSourceStatus& status) const {
    if (!status.hasData || status.refreshSeconds <= 0) return false;
    const double after = m_staleAfter > 0 ? m_staleAfter : 3 * status.refreshSeconds;
    return ageSeconds(status) > after;
}

void FeedLoader::flatten() {
    m_flat.clear();
    for (const std::string& source : m_order) {
        for (const auto* problems : {&m_goodProblems, &m_attemptProblems})
            if (const auto it = problems->find(source); it != problems->end())
                m_flat.insert(m_flat.end(), it->second.begin(), it->second.end());
    }
    m_flat.insert(m_flat.end(), m_references.begin(), m_references.end());
}

std::string clockTextAt(std::uint64_t atMs, int nowMinute, std::uint64_t nowMs) {
    const int minutesAgo = static_cast<int>((nowMs - atMs) / 60000);
    return clockText(((nowMinute - minutesAgo) % kMinutesPerDay + kMinutesPerDay) % kMinutesPerDay);
}

std::array<std::string, kFigureCount>
figureAsOf(const std::array<FeedLoader::KindHealth, kFeedKindCount>& health, int nowMinute,
           std::uint64_t nowMs) {
    std::array<std::string, kFigureCount> times;
    for (int i = 0; i < kFigureCount; ++i) {
        std::uint64_t asOf = 0;
        bool doubtful = false;
        for (FeedKind kind : figureInputs(static_cast<FigureId>(i))) {
            const FeedLoader::KindHealth& h = health[static_cast<std::size_t>(kind)];
            if (!h.doubtful()) continue;
            doubtful = true;
            if (h.confirmedMs > 0 && (asOf == 0 || h.confirmedMs < asOf)) asOf = h.confirmedMs;
        }
        if (!doubtful) continue;
        if (asOf == 0) {
            times[i] = "-";
            continue;
        }
        times[i] = clockTextAt(asOf, nowMinute, nowMs);
    }
    return times;
}

std::string dataAsOf(const std::array<FeedLoader::KindHealth, kFeedKindCount>& health, int nowMinute,
                     std::uint64_t nowMs) {
    std::uint64_t oldest = 0;
    for (const FeedLoader::KindHealth& h : health)
        if (h.confirmedMs > 0 && (oldest == 0 || h.confirmedMs < oldest)) oldest = h.confirmedMs;
    if (oldest == 0) return "-";
    return clockTextAt(oldest, nowMinute, nowMs);
}

std::string sourceFileName(const std::string& source) {
    const std::size_t slash = source.find_last_of('/');
    return slash == std::string::npos ? source : source.substr(slash + 1);
}

} // namespace cordon
