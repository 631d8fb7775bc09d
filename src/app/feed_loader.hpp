#pragma once
/// Turns fetched bytes into feeds, one file per call so the page keeps drawing between files:
/// manifests expand into more requests, feeds are fetched again on their interval with
/// conditional requests, a new version replaces the old one only once it parsed and passed the
/// update rule of core/feeds/feed_update.hpp (a feed that fails keeps the last good version and its
/// error and time are listed; a large shrink is asked about or held until served again), every
/// replacement is summarised against the version it replaced, and each source knows its age.

#include "core/feeds/feed_change.hpp"
#include "core/feeds/feed_preview.hpp"
#include "core/feeds/feed_set.hpp"
#include "core/feeds/feed_update.hpp"
#include "core/feeds/fetched_file.hpp"
#include "core/feeds/gcj02_guess.hpp"
#include "core/map/figures.hpp"

#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cordon {

/// The file name of a source (URL, dropped or embedded file): what follows its last '/'.
std::string sourceFileName(const std::string& source);

/// A request for a URL with the validators of the version on screen, so that an unchanged feed
/// costs the server a 304 and the app nothing.
struct FeedRequest {
    std::string url;
    std::string etag;
    std::string lastModified;
};

/// What the app knows about one source (URL, dropped file or embedded file).
struct FeedSourceStatus {
    std::string source;
    bool manifest = false;
    std::optional<FeedKind> kind; ///< of the version on screen
    std::size_t features = 0;
    bool hasData = false;        ///< a version from this source is on screen (or was, see supersededBy)
    std::string supersededBy;    ///< the source whose version of this feed replaced this one's
    std::uint64_t loadedMs = 0;  ///< when the version on screen arrived
    std::uint64_t currentMs = 0; ///< last time the source confirmed it (new version, 304 or same bytes)
    std::uint64_t checkedMs = 0; ///< last answer of any kind
    std::uint64_t requestedMs = 0;
    std::string error;                  ///< why the latest attempt failed ("" when it succeeded), in English
    std::optional<UpdateCheck> refusal; ///< when the update rule refused it: the reason as values
    std::uint64_t errorMs = 0;
    int versions = 0;          ///< versions taken from this source
    int unchanged = 0;         ///< answers that were 304 or the same bytes
    int failures = 0;          ///< attempts that failed (fetch, gzip, JSON, validation)
    double refreshSeconds = 0; ///< fetched again every N seconds (0 = loaded once)
    bool inFlight = false;
    std::string etag, lastModified;
    std::size_t bytesHash = 0;
};

/// One failed attempt: a fetch error, a gzip/JSON/validation rejection, a bad mapping.
struct FeedFailureRecord {
    std::uint64_t atMs = 0;
    std::string source;
    std::string error;
    std::optional<UpdateCheck> refusal;
};

/// A file the user loaded whose feed cannot be told from its header or name: what it holds and
/// cordon's guess, shown while the user says which feed it is.
struct UnknownFile {
    std::string source;
    FeedPreview preview;
    Gcj02Guess gcj02; ///< whether its coordinates look like GCJ-02, and why
};

/// What the user said about a file of unknown kind: which feed it is, whether it is added to the
/// feed on the map or replaces it, and whether its coordinates are converted from GCJ-02.
struct ImportChoice {
    FeedKind kind = FeedKind::Areas;
    bool add = false;
    bool fromGcj02 = false;
};

/// A version that would remove most of a feed at once, from a file the user loaded: it waits
/// for the user to apply or keep the map as it is.
struct PendingUpdate {
    std::string source;
    UpdateCheck check;
};

/// Sources of the embedded demo city (fictional data) start with this.
inline constexpr std::string_view kDemoPrefix = "demo/";

/// One replacement of a feed by a newer version.
struct FeedChangeRecord {
    std::uint64_t atMs = 0;
    std::string source;
    FeedChange change;
};

/// Parsing a feed, indexing it and building its meshes takes, at its peak, about this many times
/// the file's size on top of the file itself (measured on a 200 MB zones feed; docs/SECURITY.md).
inline constexpr std::size_t kLoadMemoryFactor = 5;

/// Refuses a feed of `bytes` when `used` plus what loading it takes would pass `limit` (the wasm
/// heap's maximum): a clear error instead of running out of memory half way through.
std::optional<std::string> admitByMemory(std::size_t bytes, std::size_t used, std::size_t limit);

class FeedLoader {
  public:
    /// `request` starts loading a URL; its bytes come back through `receive`. `clock` gives
    /// milliseconds for ages and intervals.
    explicit FeedLoader(
        std::function<void(const FeedRequest&)> request,
        std::function<std::uint64_t()> clock = [] { return std::uint64_t(0); })
        : m_request(std::move(request)), m_clock(std::move(clock)) {}

    /// `refreshSeconds` > 0 fetches the URL again on that interval (0: the default interval).
    void requestFeed(const std::string& url, std::optional<FeedKind> kind = std::nullopt,
                     double refreshSeconds = 0, const UpdatePolicy& policy = {});
    void requestManifest(const std::string& url, double refreshSeconds = 0);
    /// Interval for URLs requested without their own (the page's `refresh=`); 0 = load once.
    void setDefaultRefresh(double seconds) { m_defaultRefresh = seconds; }
    /// A source is stale once its data is older than this many seconds (0: three refresh intervals).
    void setStaleAfter(int seconds) { m_staleAfter = seconds; }
    /// Asked before a feed file of `bytes` (unpacked) is parsed: an error text refuses it (the last
    /// good version stays), e.g. when the memory left could not hold what it would build.
    void setAdmission(std::function<std::optional<std::string>(std::size_t bytes)> admit) {
        m_admit = std::move(admit);
    }
    /// Whether a large shrink from a file the user loaded (dropped or picked) waits for the user
    /// (the laptop) or is held until served again like any other source (the wall: nobody to ask).
    void setAskBeforeShrink(bool ask) { m_askBeforeShrink = ask; }
    /// The version waiting for the user, if any.
    const std::optional<PendingUpdate>& pending() const { return m_pendingInfo; }
    /// Applies the waiting version; true when it replaced a feed.
    bool applyPending(FeedSet& feeds);
    /// Keeps the map as it is: the waiting version is dropped and counted as a refused update.
    void discardPending();
    /// The file waiting for the user to say which feed it is, if any.
    const std::optional<UnknownFile>& unknownFile() const { return m_unknownInfo; }
    /// Reads the waiting file as the chosen feed (its columns recognised as in core/feeds/field_guess.hpp,
    /// converted from GCJ-02 if asked), through the update rule like any other version; true when
    /// the feed changed. Added to a feed on the map, the file's features join it (core/feeds/feed_merge.hpp);
    /// the demo city's fictional data is never mixed with real data: added to it, the file replaces it.
    bool chooseKind(const ImportChoice& choice, FeedSet& feeds);
    /// The waiting file's choices as the mapping file `cordon import --mapping` reads (its
    /// recognised columns spelled out), "" when no file is waiting.
    std::string mappingFileFor(const ImportChoice& choice) const;
    /// How far a position is from the roads on the map, for telling GCJ-02 files (none: not told).
    void setRoadDistance(RoadDistance distance) { m_roadDistance = std::move(distance); }
    /// The user did not say: the file is dropped and counted as a failure.
    void dismissUnknown();
    /// Requests again every URL whose interval has passed and that is not still in flight.
    void poll();

    /// Files that arrived (fetched, dropped or embedded); parsed later by processOne. Gzip-compressed
    /// bytes (`.geojson.gz`, the embedded demo) are recognised by their magic number and unpacked.
    void receive(FetchedFile file);

    bool busy() const { return !m_queue.empty(); }
    /// Source of the file processOne will parse next ("" when idle).
    std::string nextSource() const { return m_queue.empty() ? std::string() : m_queue.front().source; }

    /// Parses the next queued file into `feeds`; true when a feed was replaced.
    bool processOne(FeedSet& feeds);

    /// Whether every source requested so far has answered at least once.
    bool allAnswered() const;
    /// Every current problem: per file, then references between feeds.
    const std::vector<Diagnostic>& problems() const { return m_flat; }
    /// Every source in the order first seen.
    std::vector<const FeedSourceStatus*> sources() const;
    /// Whether the source's data is older than the stale threshold (only sources fetched on an
    /// interval can go stale).
    bool isStale(const FeedSourceStatus& status) const;
    /// The feed a source delivers: the kind of its version on screen, else the kind it was asked
    /// for, else the kind its refused version was loaded as; nullopt for a manifest or an unknown file.
    std::optional<FeedKind> kindOf(const FeedSourceStatus& status) const;
    /// Per feed kind: whether the source holding it or a URL requested for it failed its latest
    /// attempt, or a source of it went stale, and when
    /// the data on screen was last confirmed (what a figure built on it is "as of").
    struct KindHealth {
        bool failed = false;
        bool stale = false;
        std::uint64_t confirmedMs = 0; ///< 0 when no version of the kind is on screen
        bool doubtful() const { return failed || stale; }
    };
    std::array<KindHealth, kFeedKindCount> health() const;
    /// Seconds since the source last confirmed its data.
    double ageSeconds(const FeedSourceStatus& status) const;
    /// The bytes of the version on screen for a feed kind, as they arrived (gzipped or plain), and
    /// where from: what a briefing snapshot embeds.
    struct HeldFeed {
        std::string source;
        const std::string* bytes = nullptr;
    };
    std::optional<HeldFeed> held(FeedKind kind) const;
    /// Whether any feed on screen came from a source under `prefix` ("demo/": the embedded demo city).
    bool holdsFrom(std::string_view prefix) const;
    /// Takes every feed that came from a source under `prefix` off the map in one step (each
    /// replaced by an empty version, so every view built on it follows as after any update);
    /// the number of feeds taken off.
    int unloadFrom(std::string_view prefix, FeedSet& feeds);
    /// Replacements, newest last (the last kMaxChanges).
    const std::deque<FeedChangeRecord>& changes() const { return m_changes; }
    static constexpr std::size_t kMaxChanges = 20;
    /// Every failure, newest last: the texts of the last kMaxFailures, the count of all.
    const std::deque<FeedFailureRecord>& failureLog() const { return m_failureLog; }
    std::size_t failureCount() const { return m_failureCount; }
    static constexpr std::size_t kMaxFailures = 500;

  private:
    std::function<void(const FeedRequest&)> m_request;
    std::function<std::uint64_t()> m_clock;
    std::function<std::optional<std::string>(std::size_t)> m_admit;
    double m_defaultRefresh = 0;
    int m_staleAfter = 0;
    bool m_askBeforeShrink = false;
    RoadDistance m_roadDistance;
    std::map<std::string, std::optional<FeedKind>> m_kindHints;
    std::map<std::string, UpdatePolicy> m_policies;
    /// Per source, the hash of a large-shrink version held back: served again, it is taken.
    std::map<std::string, std::size_t> m_heldShrink;
    /// The version waiting for the user and what taking it needs.
    struct Waiting {
        Feed feed;
        std::vector<Diagnostic> problems;
        std::size_t hash = 0;
        std::string bytes;
        std::string etag, lastModified;
    };
    std::optional<Waiting> m_pending;
    std::optional<PendingUpdate> m_pendingInfo;
    struct Unknown {
        std::string bytes;
        std::string mappingJson;
        std::size_t hash = 0;
    };
    std::optional<Unknown> m_unknown;
    std::optional<UnknownFile> m_unknownInfo;
    std::deque<FetchedFile> m_queue;
    std::map<std::string, FeedSourceStatus> m_status;
    std::vector<std::string> m_order;
    std::map<std::string, std::vector<Diagnostic>> m_goodProblems;    ///< of the version on screen
    std::map<std::string, std::vector<Diagnostic>> m_attemptProblems; ///< of a failed latest attempt
    std::vector<Diagnostic> m_references;
    std::vector<Diagnostic> m_flat;
    std::deque<FeedChangeRecord> m_changes;
    std::deque<FeedFailureRecord> m_failureLog;
    std::size_t m_failureCount = 0;
    std::map<std::string, std::string> m_heldBytes;       ///< per source, of the version on screen
    std::array<std::string, kFeedKindCount> m_heldSource; ///< per kind, the source on screen

    FeedSourceStatus& statusOf(const std::string& source);
    void send(FeedSourceStatus& status);
    void fail(FeedSourceStatus& status, std::vector<Diagnostic> problems, const std::string& error,
              std::optional<UpdateCheck> refusal = std::nullopt);
    /// Reads a feed file and puts it on the map when the update rule lets it through.
    bool takeFeed(FeedSourceStatus& status, FeedSet& feeds, FetchedFile& file, std::size_t hash,
                  std::string packed, std::optional<FeedKind> chosen = std::nullopt);
    /// Problems listed for a refused version: the first ones say enough.
    static constexpr std::size_t kMaxRefusedProblems = 100;
    /// Puts a checked version on the map and logs what it changed.
    void take(FeedSourceStatus& status, FeedSet& feeds, Feed feed, std::vector<Diagnostic> problems,
              std::size_t hash, std::string heldBytes, const std::string& etag,
              const std::string& lastModified);
    void flatten();
    /// Maps a file converted in the page to a feed (its mapping file, else its name says which).
    void mapConverted(FetchedFile& file);
};

/// The time of day ("HH:MM") of `atMs` on the loader's clock, when it is `nowMs` there and
/// `nowMinute` on the wall's clock (so `now=HH:MM` moves every time the page shows with it).
std::string clockTextAt(std::uint64_t atMs, int nowMinute, std::uint64_t nowMs);

/// Per shared figure: "" when every feed it reads is current, else the time of day ("HH:MM") its
/// oldest failed or stale input last confirmed its data, "-" when none ever did. `nowMs` is on the
/// loader's clock.
std::array<std::string, kFigureCount>
figureAsOf(const std::array<FeedLoader::KindHealth, kFeedKindCount>& health, int nowMinute,
           std::uint64_t nowMs);

/// The time of day ("HH:MM") the data on screen is as of: when the source of the oldest feed in use
/// last confirmed it (the feeds' own time, never the clock); "-" before any feed.
std::string dataAsOf(const std::array<FeedLoader::KindHealth, kFeedKindCount>& health, int nowMinute,
                     std::uint64_t nowMs);

} // namespace cordon
