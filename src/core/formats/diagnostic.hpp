#pragma once
/// Problems found in input, returned as values so a bad feature never stops the rest of a feed
/// and nothing depends on exceptions (wasm builds cannot catch them).

#include <cstdint>
#include <string>
#include <vector>

namespace cordon {

enum class Severity : unsigned char {
    Warning, ///< the feature is kept
    Error,   ///< the feature (or the whole file, without a feature index) is skipped
};

/// What a diagnostic says, as a code the UI words in the user's language from `args`
/// (ui/diagnostic_text.hpp); `message` is the same in English (the CLI, logs). Other: only the
/// English message exists.
enum class DiagnosticCode : std::uint8_t {
    Other,
    MissingField,        ///< args: field, what it holds
    NotOneOf,            ///< args: value found, the values allowed
    MissingGeometry,     ///< args: geometry expected
    WrongGeometry,       ///< args: geometry expected
    EmptyGeometry,       ///< no args
    NotACount,           ///< args: value found
    NotAnInstant,        ///< args: value found
    NotATimeOfDay,       ///< args: value found
    NoId,                ///< no args
    DuplicateId,         ///< args: index of the kept feature that has the id
    UnknownReference,    ///< args: feed referred to, id
    NotJson,             ///< args: byte offset, line, column, what
    NoDemand,            ///< a post without demand; no args
    MissingSince,        ///< a zone without `since`; no args
    MissingParent,       ///< an area below district without `parent`; no args
    RosterNoPlace,       ///< a roster entry with neither post nor team; no args
    RosterReversed,      ///< a roster entry whose `to` is not after `from`; no args
    NotAString,          ///< args: value found
    NotAList,            ///< args: value found
    NotAnId,             ///< args: value found
    NotHouseholds,       ///< no args
    UnknownColour,       ///< args: the colours allowed
    UntilBeforeSince,    ///< no args
    DemandShape,         ///< no args
    StaffImplausible,    ///< args: the number
    Missing,             ///< no args
    DemandTwice,         ///< args: index of the other line
    DemandAllZero,       ///< no args
    MembersMissing,      ///< no args
    ModeMissing,         ///< no args
    NotAnIsoTime,        ///< no args
    RosterGeometry,      ///< no args
    EntryAddsNobody,     ///< no args
    HighwayMissing,      ///< no args
    OnewayInvalid,       ///< args: value found
    SpeedInvalid,        ///< args: value found
    ClosedInvalid,       ///< args: value found
    NameNotString,       ///< no args
    TooManyPositions,    ///< args: positions, the limit
    OutOfRange,          ///< args: the position
    LineTooShort,        ///< no args
    RingTooShort,        ///< no args
    RingNotClosed,       ///< no args
    UnknownGeometryType, ///< args: the type found
    NestedCollection,    ///< no args
    SingleCollection,    ///< no args
    ForbiddenMember,     ///< args: object type, member, its owner
    FileTooLarge,        ///< args: MiB, the limit in MiB
    NotGeoJson,          ///< args: the JSON type found
    BadBbox,             ///< no args
    NeedsMember,         ///< args: object, member
    NotAnObject,         ///< args: what
    BadIdType,           ///< args: the JSON type found
    TooManyFeatures,     ///< args: the limit
    NestedTooDeep,       ///< no args
    ManifestNoFeeds,     ///< no args
    ManifestRefresh,     ///< no args
    ManifestUnknownFeed, ///< args: the name found
    ManifestShare,       ///< no args
    ManifestEntry,       ///< no args
    NotACollection,      ///< args: the type found
    DeclaresOtherFeed,   ///< args: feed declared, feed loaded as
    NewerVersion,        ///< args: the version
    CordonNotObject,     ///< no args
    FeedUnknown,         ///< no args
    OwnParent,           ///< no args
    ParentLoop,          ///< no args
    RosterUnknownPost,   ///< args: the id
    RosterUnknownTeam,   ///< args: the id
    NoRoad,              ///< args: metres
    NoWalkRoad,          ///< args: metres
    NoDriveRoad,         ///< args: metres
    SurplusStays,        ///< no args
    TeamStays,           ///< no args
    GapUnreachable,      ///< no args
};
inline constexpr int kDiagnosticCodeCount = 76;

struct Diagnostic {
    Diagnostic() = default;
    Diagnostic(Severity severity_, std::string feed_, long featureIndex_, std::string featureId_,
               std::string path_, std::string message_, DiagnosticCode code_ = DiagnosticCode::Other,
               std::vector<std::string> args_ = {})
        : severity(severity_), feed(std::move(feed_)), featureIndex(featureIndex_),
          featureId(std::move(featureId_)), path(std::move(path_)), message(std::move(message_)), code(code_),
          args(std::move(args_)) {}

    Severity severity = Severity::Error;
    std::string feed;       ///< feed or file name, e.g. "posts"
    long featureIndex = -1; ///< index in the FeatureCollection, -1 for the file as a whole
    std::string featureId;  ///< the feature's id as text, empty when it has none
    std::string path;       ///< JSON path inside the feature, e.g. "geometry.coordinates[0][3]"
    std::string message;    ///< what is wrong, in words a person can act on (English)
    DiagnosticCode code = DiagnosticCode::Other;
    std::vector<std::string> args; ///< the values `code`'s wording needs

    /// One line: `posts[17] id=P-0042: geometry.coordinates: ...`.
    std::string toString() const;
};

/// True when any diagnostic is an error.
bool hasErrors(const std::vector<Diagnostic>& diagnostics);

} // namespace cordon
