#pragma once
/// Suggestions (docs/staffing.md, "Suggestions"): a plan that moves surplus staff (people on duty
/// beyond a post's demand, standby teams) to posts that are short, closing as much of the gap as
/// the candidates allow at the least total travel time. The day is cut into blocks in which no
/// post's surplus or shortfall changes; each block is one transportation problem, solved exactly as
/// a min-cost flow (primal-dual: Dijkstra with potentials, then every shortest augmenting path of
/// that length), or greedily nearest-first for comparison.

#include "core/feeds/feed_set.hpp"
#include "core/formats/diagnostic.hpp"
#include "core/routing/road_graph.hpp"
#include "core/staffing/staffing.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace cordon {

inline constexpr std::uint32_t kNoPlanIndex = UINT32_MAX;

struct ReassignmentOptions {
    /// How staff moved from one post to another travel (standby teams use their own mode).
    TravelMode postMode = TravelMode::Drive;
    /// Longest move considered, in minutes.
    double maxTravelMinutes = 45;
    /// Sources kept per short post: the nearest ones by travel time.
    int candidatesPerGap = 12;
    /// How far a post or team base may be from a usable road.
    double snapMetres = 1000;
    /// A standby team of m members fields m / standbyShifts people at a time (at least one).
    int standbyShifts = 3;
};

enum class PlanMethod : std::uint8_t { MinCostFlow, GreedyNearest };

/// Where people can come from: a post with surplus at some time of the day, or a standby team.
struct PlanSupplier {
    std::uint32_t post = kNoPlanIndex; ///< index in the posts feed, or kNoPlanIndex
    std::uint32_t team = kNoPlanIndex; ///< index in the teams feed (standby team), or kNoPlanIndex
    TravelMode mode = TravelMode::Drive;
    EdgePoint at;
};

/// A supplier within reach of a short post.
struct PlanCandidate {
    std::uint32_t supplier = 0; ///< index in ReassignmentProblem::suppliers
    std::uint32_t gap = 0;      ///< index in ReassignmentProblem::gapPosts
    std::int64_t seconds = 0;   ///< travel time, whole seconds
};

/// Everything both methods share: suppliers, short posts, candidate pairs, blocks.
struct ReassignmentProblem {
    int slotCount = 0;
    int slotMinutes = 15;
    std::vector<PlanSupplier> suppliers;
    std::vector<std::uint32_t> gapPosts;     ///< posts short in some slot and on the network
    std::vector<std::int32_t> supplyBySlot;  ///< supplier x slot: people it can give
    std::vector<std::int32_t> gapBySlot;     ///< gap post x slot: people short
    std::vector<PlanCandidate> candidates;   ///< by gap post, nearest first
    std::vector<std::pair<int, int>> blocks; ///< [first, end) slots
    std::int64_t shortPersonMinutes = 0;     ///< the city's gap before any move
    std::vector<Diagnostic> diagnostics;     ///< posts and standby teams off the network
};

/// `people` people go from a post (or standby team) to a short post for one block.
struct ReassignmentMove {
    std::uint32_t fromPost = kNoPlanIndex; ///< index in the posts feed, or kNoPlanIndex
    std::uint32_t fromTeam = kNoPlanIndex; ///< index in the teams feed, or kNoPlanIndex
    std::uint32_t toPost = 0;
    int firstSlot = 0, endSlot = 0; ///< [first, end)
    int people = 0;
    std::int64_t seconds = 0; ///< travel time per person
};

/// One block's result. `unitSeconds` (min-cost flow only) holds the travel of each extra person in
/// the order the solver placed them (non-decreasing): the cheapest way to move n people in the
/// block costs the sum of the first n.
struct PlanBlock {
    int firstSlot = 0, endSlot = 0;
    int people = 0;
    std::int64_t seconds = 0; ///< person-seconds of travel
    std::vector<std::int64_t> unitSeconds;
};

struct ReassignmentPlan {
    PlanMethod method = PlanMethod::MinCostFlow;
    std::vector<ReassignmentMove> moves; ///< by block, then target post, then source
    /// What people are told: `moves` with a person's consecutive blocks between the same two places
    /// joined into one move (mergeConsecutiveMoves), by start, then target post, then source.
    std::vector<ReassignmentMove> assignments;
    std::int64_t assignmentSeconds = 0; ///< travel of `assignments`: each person travels once per move
    std::vector<PlanBlock> blocks;
    std::int64_t totalSeconds = 0;           ///< sum of people x travel seconds
    std::int64_t gapPersonMinutesBefore = 0; ///< the city's shortfall
    std::int64_t gapPersonMinutesClosed = 0;
    std::int64_t remainingPersonMinutes() const { return gapPersonMinutesBefore - gapPersonMinutesClosed; }
};

/// Suppliers, short posts, the candidates within reach (one k-nearest multi-source Dijkstra per
/// travel mode) and the blocks, from a built staffing model, its feeds and the road graph.
ReassignmentProblem buildReassignmentProblem(const StaffingModel& model, const FeedSet& feeds,
                                             const RoadGraph& graph, const ReassignmentOptions& options = {});

/// The plan by `method`. Both close the most gap their rule allows: min-cost flow the maximum with
/// the least travel, greedy whatever nearest-first pairing gives.
ReassignmentPlan solveReassignment(const ReassignmentProblem& problem, PlanMethod method);

/// Joins moves between the same two places in back-to-back blocks: people who stay on into the next
/// block keep their move (the people who arrived last leave first when fewer are needed), so each
/// person's unbroken stay is one move and is travelled once. Person-slots are unchanged.
std::vector<ReassignmentMove> mergeConsecutiveMoves(std::span<const ReassignmentMove> moves);

/// The least travel the min-cost-flow plan's blocks allow for moving `peoplePerBlock[b]` people in
/// block b (at most what the plan moves there): to compare with another plan that closes less.
std::int64_t cheapestSecondsFor(const ReassignmentPlan& optimal, const std::vector<int>& peoplePerBlock);

} // namespace cordon
