#pragma once
/// Whether a new version of a feed may replace the one on the map: one rule for drops, file
/// picks, URL parameters, manifests and live refresh (docs/feeds.md, "When a new version is
/// taken"). A version is taken when it parsed, reads as the kind it was loaded as, has enough
/// valid features, and does not remove most of the features on the map at once; otherwise the
/// last good version stays and the reason is reported as a value the UI words in either language.

#include "core/feeds/feed.hpp"
#include "core/feeds/feed_change.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cordon {

/// Thresholds of the rule; a manifest may set `minValidShare` per feed.
struct UpdatePolicy {
    double minValidShare = 0.9;   ///< at least this share of the file's features must be valid
    double maxShrinkShare = 0.5;  ///< removing more than this share of the features on the map at once...
    std::size_t shrinkFloor = 10; ///< ...counts only when the map held at least this many
};

enum class UpdateProblem : std::uint8_t {
    None,
    OtherKind,   ///< the file reads as another feed than the one it was loaded as
    FewValid,    ///< too few of its features are valid
    LargeShrink, ///< most of the features on the map would go at once: asked or held
};

/// The verdict with the values its message needs (feed, counts, names).
struct UpdateCheck {
    UpdateProblem problem = UpdateProblem::None;
    FeedKind loadedAs = FeedKind::Areas;
    std::optional<FeedKind> readsAs; ///< OtherKind: what the file holds
    std::size_t total = 0;           ///< features in the file
    std::size_t valid = 0;           ///< of them valid (kept)
    double minValidShare = 0;        ///< FewValid: the share that was needed
    std::size_t before = 0;          ///< features of the version on the map
    FeedChange change; ///< ids against the version on the map (+N / -M and names; `changed` not counted)

    bool accepted() const { return problem == UpdateProblem::None; }
};

/// Judges `read` (a file read as `loadedAs`, whose whole-file checks passed) against `before`,
/// the version on the map (null when there is none). `bytes` are read again, only when the file
/// is refused for too few valid features, to tell whether it is another kind of feed.
UpdateCheck checkUpdate(std::string_view bytes, const FeedReadResult& read, FeedKind loadedAs,
                        const Feed* before, const UpdatePolicy& policy = {});

/// A refusal of a file that names another feed in its `cordon` member than the one it was loaded as.
UpdateCheck otherKindCheck(FeedKind loadedAs, FeedKind declared);

/// "otherKind", "fewValid", "largeShrink" ("" for None): the reason in page state and CLI JSON.
std::string_view updateProblemName(UpdateProblem problem);

/// The verdict in English, for the CLI and logs; the UI words it from its string table.
std::string describeUpdate(const UpdateCheck& check);

} // namespace cordon
