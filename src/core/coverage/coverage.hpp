#pragma once
/// Coverage (docs/coverage.md): for every zone and post, the travel time from the nearest team
/// assigned to it and from the nearest team of each kind; the zones and posts beyond a threshold;
/// the population and households of compounds within the threshold of any team; and the network
/// Voronoi partition per team kind (areas of responsibility).
///
/// Every team travels in its own mode, from its base snapped to the network, towards the target.
/// Nearest-of-a-kind comes from one multi-source run per (kind, mode) with all those teams as
/// sources; the time from an assigned team is read off the same run when that team is the one
/// nearest to the target, else from a run of that team alone, bounded by the best time another
/// assigned team has there.

#include "core/feeds/feed_set.hpp"
#include "core/routing/contraction_hierarchy.hpp"
#include "core/routing/road_graph.hpp"
#include "core/routing/travel_times.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace cordon {

inline constexpr int kTeamKindCount = 5;
inline constexpr std::uint32_t kNoTeam = UINT32_MAX;

struct CoverageOptions {
    double thresholdMinutes = 15;
    /// Longest travel time searched; 0 = no limit. Anything further counts as unreachable.
    double searchLimitMinutes = 0;
    /// How far a team base, post, zone boundary vertex or compound may be from a usable road.
    double snapMetres = 1000;
    /// Boundary vertices per zone used as its targets (evenly spaced along the outer rings).
    int maxZonePoints = 32;
};

/// A travel time and the team it is from (kUnreached / kNoTeam when none).
struct TeamReach {
    double seconds = kUnreached;
    std::uint32_t team = kNoTeam; ///< feature index in the teams feed
};

/// Coverage of one zone or post.
struct TargetCoverage {
    std::uint32_t feature = 0;                           ///< feature index in the zones or posts feed
    bool onNetwork = false;                              ///< snapped to the network in at least one mode
    std::uint32_t assignedTeams = 0;                     ///< teams naming it in `zones` / `posts`
    TeamReach assigned;                                  ///< nearest assigned team (any kind)
    TeamReach assignedTaskForce;                         ///< nearest assigned task force
    std::array<TeamReach, kTeamKindCount> nearestByKind; ///< over all teams of the kind
    /// Has assigned teams but none of them within the threshold.
    bool beyondThreshold = false;
};

/// The network Voronoi partition of one team kind: per road node, the team of that kind that
/// reaches it first (each team in its own mode) and when.
struct Responsibility {
    std::vector<std::uint32_t> nodeTeam; ///< kNoTeam where no team of the kind arrives
    std::vector<double> nodeSeconds;
    std::vector<TravelMode> teamMode; ///< per team (feature index): the mode its times are in
};

/// How an edge is shared for drawing: [0, split) belongs to `fromTeam`, [split, 1] to `toTeam`
/// (fractions along the edge from its `from` node).
struct EdgeShare {
    std::uint32_t fromTeam = kNoTeam;
    std::uint32_t toTeam = kNoTeam;
    double split = 0.5;
};

struct CoverageReport {
    double thresholdSeconds = 0;
    std::vector<TargetCoverage> zones; ///< one per feature of the zones feed, in feed order
    std::vector<TargetCoverage> posts; ///< one per feature of the posts feed
    /// Indexes into `zones` / `posts`.
    std::vector<std::uint32_t> zonesBeyondThreshold, postsBeyondThreshold;
    std::vector<std::uint32_t> zonesUnassigned, postsUnassigned;
    /// High-risk zones with no assigned task force within the threshold (index into `zones`).
    std::vector<std::uint32_t> highRiskWithoutTaskForce;

    /// Compounds (areas of level compound) and their people within the threshold of any team.
    std::size_t compounds = 0, compoundsCovered = 0, compoundsOffNetwork = 0;
    Count populationTotal = 0, populationCovered = 0;
    Count householdsTotal = 0, householdsCovered = 0;

    std::array<Responsibility, kTeamKindCount> responsibility;
    /// Teams that could not be placed on the network, targets off the network (warnings).
    std::vector<Diagnostic> diagnostics;
    std::size_t groupRuns = 0;    ///< multi-source runs, one per (kind, mode) with teams
    std::size_t assignedRuns = 0; ///< single-team runs for assigned teams not nearest to their target
};

/// Contraction hierarchies of the graph per mode (each may be null, or not yet built).
using ModeHierarchies = std::array<const ContractionHierarchy*, kTravelModeCount>;

/// Computes coverage from the teams, zones, posts and areas feeds of `feeds` over `graph` (built
/// from its roads feed). Missing feeds give empty parts; never throws on bad input. With a
/// hierarchy of `graph` for a mode, the runs from all teams of a kind in that mode are tree sweeps
/// (TreeSweep) instead of Dijkstra searches: the same report, found sooner (times may differ in
/// the last bit of a double, see TreeSweep).
CoverageReport computeCoverage(const FeedSet& feeds, const RoadGraph& graph,
                               const CoverageOptions& options = {}, const ModeHierarchies& hierarchies = {});

/// Every team assigned to zone or post `target` (`kind` Zones or Posts) with its own travel time
/// there, each team searched alone in its own mode (up to `options.searchLimitMinutes`, when set):
/// nearest first, ties to the lower team index, those that cannot get there last with kUnreached.
/// What a post's or zone's details list; coverage keeps only the nearest. `times` is reused.
std::vector<TeamReach> assignedTeamTimes(const FeedSet& feeds, const RoadGraph& graph, FeedKind kind,
                                         std::uint32_t target, TravelTimes& times,
                                         const CoverageOptions& options = {});

/// Where a team in `mode` reaches zone `zone`: its outer-ring vertices (at most
/// `options.maxZonePoints`, evenly spaced) snapped to the network; the time to a zone is the least
/// time to any of them.
std::vector<EdgePoint> zoneTargetPoints(const RoadGraph& graph, const Feed& zones, std::uint32_t zone,
                                        TravelMode mode, const CoverageOptions& options = {});

/// The point a compound's people are counted at: the area-weighted centroid of its largest outer
/// ring (nullopt without a polygon).
std::optional<LonLat> areaRepresentativePoint(const FeatureLayer& layer, std::uint32_t feature);

/// Per edge of `graph`, which team of the partition holds which part, up to `maxSeconds`: the
/// split falls where the times from both ends meet; an end beyond `maxSeconds` has no team.
std::vector<EdgeShare> edgeResponsibility(const Responsibility& responsibility, const RoadGraph& graph,
                                          double maxSeconds = kUnreached);

} // namespace cordon
