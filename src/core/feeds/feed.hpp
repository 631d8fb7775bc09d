#pragma once
/// The seven cordon feeds (docs/feeds.md): geometry in a FeatureLayer plus typed columns for the
/// contract's fields. Column vectors run parallel to `layer.features`; only the one matching the
/// feed's kind is filled.

#include "core/feeds/travel_mode.hpp"
#include "core/formats/clock_time.hpp"
#include "core/formats/feature_layer.hpp"
#include "core/formats/id_index.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cordon {

enum class FeedKind : std::uint8_t { Areas, Zones, Posts, Teams, Roster, Roads, Facilities };
inline constexpr int kFeedKindCount = 7;

std::string_view feedKindName(FeedKind kind);
std::optional<FeedKind> feedKindFromName(std::string_view name);

enum class AreaLevel : std::uint8_t { District, Subdistrict, Community, Compound };
enum class Risk : std::uint8_t { High, Medium, Low };
enum class PostKind : std::uint8_t { CompoundGate, CityEntry, HighwayExit, ServiceStation, TestingSite };
enum class TeamKind : std::uint8_t { TaskForce, DoorTeam, VolunteerTeam, TestingTeam, SupplyTeam };
enum class FacilityKind : std::uint8_t { Hospital, IsolationSite, TestingSite, Depot, CommandPost };
enum class Oneway : std::uint8_t { No, Forward, Backward };

/// 四级五色: red (key), orange (home-isolated), yellow (returned), green (stayed), white (empty).
enum class HouseholdColour : std::uint8_t { Red, Orange, Yellow, Green, White };
inline constexpr int kHouseholdColourCount = 5;

/// -1 marks a count the feed did not give.
using Count = std::int64_t;
inline constexpr Count kUnknownCount = -1;

struct AreaFields {
    AreaLevel level = AreaLevel::District;
    std::string parent;
    Count population = kUnknownCount;
    Count households = kUnknownCount;
    std::array<Count, kHouseholdColourCount> householdsByColour{kUnknownCount, kUnknownCount, kUnknownCount,
                                                                kUnknownCount, kUnknownCount};
};

struct ZoneFields {
    Risk risk = Risk::Low;
    std::optional<Instant> since;
    std::optional<Instant> until;
    std::string area;
    Count population = kUnknownCount;
    Count households = kUnknownCount;
};

/// One line of a post's daily demand; `to <= from` crosses midnight, `to == from` is all day.
struct DemandShift {
    int fromMinute = 0;
    int toMinute = 0;
    int staff = 0;
};

struct PostFields {
    PostKind kind = PostKind::CompoundGate;
    std::string area;
    std::string zone;
    std::vector<DemandShift> demand;
};

struct TeamFields {
    TeamKind kind = TeamKind::TaskForce;
    int members = 0;
    TravelMode mode = TravelMode::Walk;
    std::vector<std::string> zones;
    std::vector<std::string> posts;
    std::string leader;
    std::string unit;
};

struct RosterFields {
    std::string post;
    std::string team;
    Instant from;
    Instant to;
    int staff = 1;
    std::string unit;
    std::string person;
};

struct RoadFields {
    std::string highway;
    Oneway oneway = Oneway::No;
    float maxspeedKmh = 0; ///< 0 when not given
    bool closed = false;
    std::string access;
};

struct FacilityFields {
    FacilityKind kind = FacilityKind::Hospital;
};

/// The `cordon` foreign member of a FeatureCollection.
struct FeedHeader {
    std::string feed;
    int version = 0;
    std::optional<Instant> generated;
};

struct Feed {
    FeedKind kind = FeedKind::Areas;
    std::string source; ///< file name or URL, for messages
    FeedHeader header;
    FeatureLayer layer;
    IdIndex idIndex; ///< feature id -> feature index

    std::vector<AreaFields> areas;
    std::vector<ZoneFields> zones;
    std::vector<PostFields> posts;
    std::vector<TeamFields> teams;
    std::vector<RosterFields> roster;
    std::vector<RoadFields> roads;
    std::vector<FacilityFields> facilities;

    std::size_t size() const { return layer.features.size(); }
    /// Feature index of an id, or nullopt.
    std::optional<std::uint32_t> find(std::string_view id) const;
};

struct FeedReadResult {
    std::optional<Feed> feed; ///< empty when the file is unusable as a whole (keep the last good one)
    std::vector<Diagnostic> diagnostics;
    /// Features the file held, kept or skipped (a skipped feature has an error naming its index).
    std::size_t featuresInFile() const;
};

/// Contract values by name (docs/feeds.md), nullopt for any other text.
std::optional<AreaLevel> areaLevelFromName(std::string_view name);
std::optional<Risk> riskFromName(std::string_view name);
std::optional<PostKind> postKindFromName(std::string_view name);
std::optional<TeamKind> teamKindFromName(std::string_view name);
std::optional<FacilityKind> facilityKindFromName(std::string_view name);
/// The contract's name of a value (the one table the readers use): "district", "high", ...
std::string_view areaLevelName(AreaLevel level);
std::string_view riskName(Risk risk);
std::string_view postKindName(PostKind kind);
std::string_view teamKindName(TeamKind kind);
std::string_view facilityKindName(FacilityKind kind);

/// The feed a file names in its `cordon.feed` member, found without reading its features.
std::optional<FeedKind> declaredFeedKind(std::string_view bytes);

/// Reads and validates one feed. Invalid features are skipped (error), doubtful ones kept
/// (warning); every diagnostic names the feed, feature index, id and JSON path.
FeedReadResult readFeed(std::string_view bytes, FeedKind kind, std::string_view source = {});

/// Reads a feed whose kind comes from the file's `cordon.feed` member, else from `nameHint`
/// (a file name such as "data/posts.geojson").
FeedReadResult readFeedDetectKind(std::string_view bytes, std::string_view nameHint);

} // namespace cordon
