#pragma once
/// Staffing gaps for one day: required staff (posts' `demand`) against staff on duty (`roster`,
/// through team assignments too) per post and time slot, the 一高风险区一专班 rule for high-risk
/// zones, door-team capacity against red+orange households, all rolled up by the area hierarchy.
/// Every rule is written down in docs/staffing.md.

#include "core/feeds/feed_set.hpp"
#include "core/formats/diagnostic.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cordon {

/// The timeline: `slotCount` slots of `slotMinutes` each, from `start`.
struct StaffingDay {
    Instant start;
    int slotMinutes = 15;
    int slotCount = 96;

    /// The local calendar day `localDay` (days since 1970-01-01) at `offsetMinutes`, cut into
    /// slots of `slotMinutes` (1440 / slotMinutes rounded up). Nullopt unless 1 <= slotMinutes <= 1440.
    static std::optional<StaffingDay> wholeDay(std::int64_t localDay, int offsetMinutes,
                                               int slotMinutes = 15);
    std::int64_t endUtcMinutes() const { return start.utcMinutes + std::int64_t(slotMinutes) * slotCount; }
    /// Local time of day (minutes after midnight, in the start's offset) at which slot `slot` begins.
    int slotMinuteOfDay(int slot) const;
};

/// The day a roster is about: the local day on which most of its entries start (ties: the
/// earliest), in the offset of the first such entry. Nullopt for an empty roster.
std::optional<StaffingDay> rosterDay(const Feed& roster, int slotMinutes = 15);

struct StaffingOptions {
    /// Fewest members a task force needs to hold a high-risk zone.
    int minTaskForceMembers = 8;
    /// Households a door team visits in a day.
    int householdsPerDoorTeam = 30;
    /// Night, as local times of day: a slot is a night slot when it begins in [from, to).
    int nightFromMinute = 23 * 60;
    int nightToMinute = 7 * 60;
};

/// One post's day, all in person-minutes (staff x minutes) so that sums are exact.
struct PostSummary {
    std::int64_t requiredPersonMinutes = 0;
    std::int64_t onDutyPersonMinutes = 0;
    std::int64_t shortPersonMinutes = 0;   ///< sum over slots of max(0, required - on duty)
    std::int64_t surplusPersonMinutes = 0; ///< sum over slots of max(0, on duty - required)
    std::int64_t nightShortPersonMinutes = 0;
    int shortSlots = 0;
    int peakShort = 0;      ///< largest shortfall in one slot, in people
    int worstGapStart = -1; ///< first slot of the longest run of short slots (-1: never short)
    int worstGapSlots = 0;  ///< its length in slots
    bool unstaffed = false; ///< demand but nobody on duty all day
    bool operator==(const PostSummary&) const = default;
};

/// Why a high-risk zone breaks 一高风险区一专班.
struct ZoneStaffing {
    std::uint32_t zone = 0;           ///< index in the zones feed
    std::vector<std::uint32_t> teams; ///< task forces assigned to it (indices in the teams feed)
    bool noTaskForce = false;         ///< none assigned
    bool understaffed = false;        ///< none of them has the minimum members
    int maxMembers = 0;               ///< largest assigned task force
    int offDutySlots = 0;             ///< slots with no assigned task force on duty
    int firstOffDutySlot = -1;
    bool isGap() const { return noTaskForce || understaffed || offDutySlots > 0; }
    bool operator==(const ZoneStaffing&) const = default;
};

/// An area's figures with everything below it (the city is the sum of the districts and of
/// whatever has no area).
struct AreaStaffing {
    int posts = 0;
    int postsShort = 0;
    int postsUnstaffed = 0;
    std::int64_t requiredPersonMinutes = 0;
    std::int64_t onDutyPersonMinutes = 0;
    std::int64_t shortPersonMinutes = 0;
    std::int64_t surplusPersonMinutes = 0;
    std::int64_t nightShortPersonMinutes = 0;
    std::vector<std::int32_t> shortBySlot; ///< people short per slot, summed over the posts
    int highRiskZones = 0;
    int zoneGaps = 0; ///< high-risk zones breaking 一高风险区一专班
    int zonesWithoutTaskForce = 0;
    int zonesUnderstaffed = 0;
    int zonesOffDuty = 0;
    Count householdsToVisit = 0; ///< red + orange
    int doorTeams = 0;
    Count doorTeamCapacity = 0; ///< households a day
    /// Red + orange households the door teams in this area cannot reach in a day (capacity is
    /// pooled inside the area, so this is not the sum of the children's shortfalls).
    Count householdsUnvisited() const {
        return householdsToVisit > doorTeamCapacity ? householdsToVisit - doorTeamCapacity : 0;
    }
    bool operator==(const AreaStaffing&) const = default;
};

/// What the map shows for a post or a high-risk zone: one status, one colour and one symbol fill.
/// For a zone "staffed" means an assigned task force with enough members on duty; "short" means
/// assigned but understaffed or off duty; "unstaffed" means no task force at all.
enum class StaffingStatus : std::uint8_t { NoDemand, Staffed, Short, Unstaffed };
inline constexpr int kStaffingStatusCount = 4;

/// The status of a post in a slot from its demand and staff on duty there.
StaffingStatus staffingStatus(std::int32_t required, std::int32_t onDuty);

/// The staffing model of one day, built from the feeds; roster changes update it in place.
class StaffingModel {
  public:
    /// Builds the model from the loaded feeds (any may be missing) and computes everything.
    /// Roster entries naming an unknown post or team are ignored and reported in diagnostics().
    static StaffingModel build(const FeedSet& feeds, const StaffingDay& day,
                               const StaffingOptions& options = {});

    /// Recomputes on-duty staff, summaries, zones and roll-ups from a whole roster, in
    /// O(roster + posts x slots). `rosterFeed`, when given, supplies entry ids for diagnostics.
    void recompute(std::span<const RosterFields> roster, const Feed* rosterFeed = nullptr);

    /// Replaces one roster entry by another (either may be null: an entry added or removed),
    /// touching only the posts and zones they concern. `before` must have been counted already.
    /// False when `after` names an unknown post or team (it is then ignored).
    bool applyRosterChange(const RosterFields* before, const RosterFields* after);

    const StaffingDay& day() const { return m_day; }
    const StaffingOptions& options() const { return m_options; }
    int slotCount() const { return m_day.slotCount; }
    std::size_t postCount() const { return m_posts.size(); }
    std::size_t areaCount() const { return m_areas.size(); }

    /// Required staff of post `post` in each slot.
    std::span<const std::int32_t> required(std::size_t post) const;
    /// Staff on duty at post `post` in each slot.
    std::span<const std::int32_t> onDuty(std::size_t post) const;
    /// People on duty with team `team` (roster entries naming it) in each slot.
    std::span<const std::int32_t> teamOnDuty(std::size_t team) const;
    const PostSummary& postSummary(std::size_t post) const { return m_postSummaries[post]; }
    /// Area of the post (index in the areas feed), or -1 when it has none.
    int postArea(std::size_t post) const { return m_posts[post].area; }
    bool isNightSlot(int slot) const { return m_night[static_cast<std::size_t>(slot)] != 0; }

    /// Post `post` in slot `slot`, or over the whole day when `slot` is out of range (its worst:
    /// unstaffed if nobody ever comes while needed, short if short in any slot).
    StaffingStatus postStatus(std::size_t post, int slot) const;
    /// A high-risk zone (an entry of highRiskZones()) in slot `slot`, or over the whole day.
    StaffingStatus zoneStatus(const ZoneStaffing& zone, int slot) const;

    const std::vector<ZoneStaffing>& highRiskZones() const { return m_zones; }
    const AreaStaffing& area(std::size_t area) const { return m_areaTotals[area]; }
    const AreaStaffing& city() const { return m_city; }
    /// Parent of an area (index), or -1.
    int areaParent(std::size_t area) const { return m_areas[area].parent; }
    /// Problems met while building: unknown ids in the roster, areas whose parents loop.
    const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }

  private:
    struct PostInfo {
        int area = -1;
    };
    struct AreaInfo {
        int parent = -1;
        std::uint32_t chainBegin = 0; ///< the area and its ancestors, nearest first, in m_chains
        std::uint32_t chainEnd = 0;
    };
    struct TeamInfo {
        bool taskForce = false;
        int members = 0;
        std::vector<std::uint32_t> posts; ///< staffed posts (teams.posts)
        std::vector<std::uint32_t> zones; ///< indices into m_zones (high-risk zones it holds)
    };
    /// Where one roster entry's people go (slots [firstSlot, endSlot)); unresolved when it names
    /// an unknown post or team.
    struct Placement {
        int firstSlot = 0;
        int endSlot = 0;
        int staff = 0;
        int post = -1;
        int team = -1;
        bool resolved = true;
    };

    Placement place(const RosterFields& entry) const;
    void addPlacement(const Placement& p, int sign);
    PostSummary summarise(std::size_t post) const;
    void summariseZone(ZoneStaffing& z) const;
    std::span<const int> chain(int area) const;
    void addPost(AreaStaffing& to, std::size_t post, int sign) const;
    void addZone(AreaStaffing& to, std::size_t zone, int sign) const;
    void addPostToAreas(std::size_t post, int sign);
    void addZoneToAreas(std::size_t zone, int sign);
    void rollUpAll();

    StaffingDay m_day;
    StaffingOptions m_options;
    std::unordered_map<std::string, std::uint32_t> m_postIds;
    std::unordered_map<std::string, std::uint32_t> m_teamIds;
    std::vector<PostInfo> m_posts;
    std::vector<AreaInfo> m_areas;
    std::vector<int> m_chains;
    std::vector<std::uint32_t> m_bottomUp; ///< areas, deepest first
    std::vector<TeamInfo> m_teams;
    std::vector<int> m_zoneArea; ///< per entry of m_zones
    std::vector<std::uint8_t> m_night;
    std::vector<std::int32_t> m_required; ///< post x slot
    std::vector<std::int32_t> m_onDuty;   ///< post x slot
    std::vector<std::int32_t> m_teamDuty; ///< team x slot
    std::vector<PostSummary> m_postSummaries;
    std::vector<ZoneStaffing> m_zones;
    std::vector<AreaStaffing> m_areaTotals;
    std::vector<AreaStaffing> m_areaHouseholds; ///< households and door teams only, rolled up
    AreaStaffing m_cityHouseholds;
    AreaStaffing m_city;
    std::vector<Diagnostic> m_diagnostics;
};

} // namespace cordon
