#pragma once
/// What needs attention now, by name: the high-risk zones lacking a task force (and why), and the
/// posts short at the slot of now, ranked. The wall's side columns and its page state show these
/// lists; they hold the same zones and posts that the coverage report and the staffing model give
/// (`cordon coverage`, `cordon gaps`) for the same feeds and time.

#include "core/coverage/coverage.hpp"
#include "core/feeds/feed_set.hpp"
#include "core/staffing/staffing.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace cordon {

/// Why a high-risk zone in force today is listed, the most urgent first.
enum class ZoneProblem : std::uint8_t {
    NoTaskForce,  ///< no task force assigned at all
    OffDutyNow,   ///< assigned, but none on duty in the slot of now
    Understaffed, ///< assigned, but none with the members a task force needs
    OutOfReach,   ///< assigned and on duty, but none reaches it within the threshold
};

/// The problem's key in page state and JSON ("noTaskForce", "offDuty", "understaffed", "outOfReach").
std::string_view zoneProblemKey(ZoneProblem problem);

struct ZoneAttention {
    std::uint32_t zone = 0; ///< index in the zones feed
    ZoneProblem problem = ZoneProblem::NoTaskForce;
    /// Minutes from the nearest assigned task force (OutOfReach), else from the nearest task force
    /// of any assignment; negative when no task force reaches it or coverage is not known.
    double minutes = -1;
    std::optional<std::uint32_t> district; ///< index in the areas feed
};

struct PostAttention {
    std::uint32_t post = 0; ///< index in the posts feed
    int peopleShort = 0;    ///< required minus on duty in the slot of now
    int required = 0;
    bool entryStation = false; ///< a city entry station or highway exit: listed apart
    std::optional<std::uint32_t> district;
};

struct AttentionLists {
    /// Zones by problem (NoTaskForce first), then by minutes, farthest first, then by feed order.
    std::vector<ZoneAttention> zones;
    /// Entry stations first, then by district (the district with the most people short first),
    /// inside each by people short, most first, then by feed order.
    std::vector<PostAttention> posts;
    int slot = -1; ///< the staffing slot of now (-1 without staffing)
};

/// The lists at `minuteOfDay`. Zones need the staffing model (which zones are in force today and
/// their task forces); `coverage` adds the ones out of reach and the minutes. Posts need staffing.
/// `district` restricts both lists to one district (an index in the areas feed).
AttentionLists attentionAt(const FeedSet& feeds, const CoverageReport* coverage,
                           const StaffingModel* staffing, int minuteOfDay,
                           std::optional<std::uint32_t> district = std::nullopt);

/// The district (level District, an index in the areas feed) that area `areaId` lies in, following
/// `parent` ids; nullopt when it has none or the chain loops.
std::optional<std::uint32_t> districtOf(const Feed& areas, std::string_view areaId);

/// Whether area `areaId` is area `ancestor` (an index in the areas feed) or lies in it, following
/// `parent` ids (a compound in its sub-district, a sub-district in its district).
bool areaWithin(const Feed& areas, std::string_view areaId, std::uint32_t ancestor);

} // namespace cordon
