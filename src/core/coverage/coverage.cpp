#include "core/coverage/coverage.hpp"
#include "core/routing/tree_sweep.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace cordon {

namespace {

/// Snapping first tries a short radius: the nearest road within it is also the nearest overall,
/// and the short search looks at a few grid cells instead of hundreds.
constexpr double kNearSnapMetres = 200;
/// Speeds that guess how far a team is from its targets, to run the nearer teams first.
constexpr double kGuessDriveSpeed = 30 / 3.6;
constexpr double kGuessDetour = 1.5;
constexpr double kGuessSlackSeconds = 120;

/// The points a team travels to: per mode, where the target meets that mode's network.
struct Target {
    std::vector<EdgePoint> points[kTravelModeCount];
    bool empty() const { return points[0].empty() && points[1].empty(); }
};

struct Assignment {
    std::uint32_t team = 0;
    bool zone = false;
    std::uint32_t target = 0;
    double seconds = kUnreached;
    bool resolved = false;
};

bool isBetter(double seconds, std::uint32_t team, const TeamReach& than) {
    return seconds < than.seconds || (seconds == than.seconds && team < than.team);
}

void offer(TeamReach& reach, double seconds, std::uint32_t team) {
    if (seconds != kUnreached && isBetter(seconds, team, reach)) reach = {seconds, team};
}

std::optional<EdgePoint> snapNear(const RoadGraph& graph, LonLat p, TravelMode mode, double maxMetres) {
    const double near = std::min(kNearSnapMetres, maxMetres);
    if (std::optional<EdgePoint> s = graph.snap(p, mode, near)) return s;
    if (maxMetres > near) return graph.snap(p, mode, maxMetres);
    return std::nullopt;
}

/// Outer-ring vertices of every polygon of a feature (rings are stored open).
std::vector<LonLat> outerVertices(const FeatureLayer& layer, std::size_t feature) {
    std::vector<LonLat> out;
    const FeatureRecord& f = layer.features[feature];
    for (std::uint32_t p = f.firstPart; p < f.firstPart + f.partCount; ++p) {
        const GeometryPart& part = layer.parts[p];
        if (part.kind != PartKind::Polygon || part.ringCount == 0) continue;
        const std::size_t n = layer.ringSize(part.firstRing);
        const LonLat* ring = layer.ring(part.firstRing);
        out.insert(out.end(), ring, ring + n);
    }
    return out;
}

/// Area-weighted centroid of the largest outer ring (its vertex mean when it has no area).
std::optional<LonLat> representativePointOf(const FeatureLayer& layer, std::size_t feature) {
    const FeatureRecord& f = layer.features[feature];
    double bestArea = -1;
    std::optional<LonLat> best;
    for (std::uint32_t p = f.firstPart; p < f.firstPart + f.partCount; ++p) {
        const GeometryPart& part = layer.parts[p];
        if (part.kind != PartKind::Polygon || part.ringCount == 0) continue;
        const std::size_t n = layer.ringSize(part.firstRing);
        if (n == 0) continue;
        const LonLat* ring = layer.ring(part.firstRing);
        const LonLat o = ring[0];
        double twiceArea = 0, cx = 0, cy = 0, mx = 0, my = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const LonLat& next = ring[(i + 1) % n];
            const double x0 = ring[i].lon - o.lon, y0 = ring[i].lat - o.lat;
            const double x1 = next.lon - o.lon, y1 = next.lat - o.lat;
            const double cross = x0 * y1 - x1 * y0;
            twiceArea += cross;
            cx += (x0 + x1) * cross;
            cy += (y0 + y1) * cross;
            mx += x0;
            my += y0;
        }
        const double area = std::abs(twiceArea) / 2;
        if (area <= bestArea) continue;
        bestArea = area;
        const double count = static_cast<double>(n);
        best = twiceArea != 0 ? LonLat{o.lon + cx / (3 * twiceArea), o.lat + cy / (3 * twiceArea)}
                              : LonLat{o.lon + mx / count, o.lat + my / count};
    }
    return best;
}

Target pointTarget(const RoadGraph& graph, std::optional<LonLat> p, double snapMetres) {
    Target t;
    if (!p) return t;
    for (int m = 0; m < kTravelModeCount; ++m)
        if (std::optional<EdgePoint> s = snapNear(graph, *p, static_cast<TravelMode>(m), snapMetres))
            t.points[m].push_back(*s);
    return t;
}

Target zoneTarget(const RoadGraph& graph, const Feed& zones, std::uint32_t zone,
                  const CoverageOptions& options) {
    Target t;
    for (int m = 0; m < kTravelModeCount; ++m)
        t.points[m] = zoneTargetPoints(graph, zones, zone, static_cast<TravelMode>(m), options);
    return t;
}

/// Nearest source of the last run (TravelTimes or TreeSweep) to any point of the target, as a team.
template <class Run>
TeamReach nearest(const Run& times, const Target& target, TravelMode mode,
                  const std::vector<std::uint32_t>& sourceTeam) {
    TeamReach best;
    for (const EdgePoint& p : target.points[static_cast<int>(mode)]) {
        std::uint32_t source = kNoSource;
        const double t = times.secondsTo(p, &source);
        if (source != kNoSource) offer(best, t, sourceTeam[source]);
    }
    return best;
}

Diagnostic offNetwork(const Feed& feed, std::uint32_t feature, const std::string& what, double snapMetres,
                      DiagnosticCode code) {
    Diagnostic d;
    d.severity = Severity::Warning;
    d.feed = std::string(feedKindName(feed.kind));
    d.featureIndex = feature;
    d.featureId = feed.layer.features[feature].id;
    d.path = "geometry";
    d.message = what + " within " + std::to_string(static_cast<int>(snapMetres)) + " m: left out of coverage";
    d.code = code;
    d.args = {std::to_string(static_cast<int>(snapMetres))};
    return d;
}

} // namespace

std::vector<EdgePoint> zoneTargetPoints(const RoadGraph& graph, const Feed& zones, std::uint32_t zone,
                                        TravelMode mode, const CoverageOptions& options) {
    std::vector<EdgePoint> points;
    const std::vector<LonLat> vertices = outerVertices(zones.layer, zone);
    if (vertices.empty()) return points;
    const std::size_t limit = static_cast<std::size_t>(std::max(1, options.maxZonePoints));
    const std::size_t stride = (vertices.size() + limit - 1) / limit;
    for (std::size_t i = 0; i < vertices.size(); i += stride) {
        const std::optional<EdgePoint> s = snapNear(graph, vertices[i], mode, options.snapMetres);
        if (s && std::none_of(points.begin(), points.end(), [&](const EdgePoint& q) {
                return q.edge == s->edge && q.fraction == s->fraction;
            }))
            points.push_back(*s);
    }
    return points;
}

std::optional<LonLat> areaRepresentativePoint(const FeatureLayer& layer, std::uint32_t feature) {
    return representativePointOf(layer, feature);
}

CoverageReport computeCoverage(const FeedSet& feeds, const RoadGraph& graph, const CoverageOptions& options,
                               const ModeHierarchies& hierarchies) {
    CoverageReport report;
    report.thresholdSeconds = options.thresholdMinutes * 60;
    const double limit = options.searchLimitMinutes > 0 ? options.searchLimitMinutes * 60 : kUnreached;
    const Feed* teams = feeds.get(FeedKind::Teams);
    const Feed* zones = feeds.get(FeedKind::Zones);
    const Feed* posts = feeds.get(FeedKind::Posts);
    const Feed* areas = feeds.get(FeedKind::Areas);
    const std::size_t teamCount = teams ? teams->size() : 0;
    const std::size_t zoneCount = zones ? zones->size() : 0;
    const std::size_t postCount = posts ? posts->size() : 0;

    // Where everything meets the network.
    std::vector<std::optional<EdgePoint>> base(teamCount);
    for (std::uint32_t t = 0; t < teamCount; ++t) {
        const std::optional<LonLat> p = teams->layer.firstPosition(t);
        const TravelMode mode = teams->teams[t].mode;
        if (p) base[t] = snapNear(graph, *p, mode, options.snapMetres);
        if (!base[t])
            report.diagnostics.push_back(offNetwork(
                *teams, t, mode == TravelMode::Walk ? "no road usable on foot" : "no road usable by car",
                options.snapMetres,
                mode == TravelMode::Walk ? DiagnosticCode::NoWalkRoad : DiagnosticCode::NoDriveRoad));
    }
    std::vector<Target> zoneTargets(zoneCount), postTargets(postCount);
    report.zones.resize(zoneCount);
    report.posts.resize(postCount);
    for (std::uint32_t z = 0; z < zoneCount; ++z) {
        zoneTargets[z] = zoneTarget(graph, *zones, z, options);
        report.zones[z].feature = z;
        report.zones[z].onNetwork = !zoneTargets[z].empty();
        if (zoneTargets[z].empty())
            report.diagnostics.push_back(
                offNetwork(*zones, z, "no usable road", options.snapMetres, DiagnosticCode::NoRoad));
    }
    for (std::uint32_t p = 0; p < postCount; ++p) {
        postTargets[p] = pointTarget(graph, posts->layer.firstPosition(p), options.snapMetres);
        report.posts[p].feature = p;
        report.posts[p].onNetwork = !postTargets[p].empty();
        if (postTargets[p].empty())
            report.diagnostics.push_back(
                offNetwork(*posts, p, "no usable road", options.snapMetres, DiagnosticCode::NoRoad));
    }
    std::vector<std::uint32_t> compounds;
    std::vector<Target> compoundTargets;
    if (areas)
        for (std::uint32_t a = 0; a < areas->size(); ++a) {
            if (areas->areas[a].level != AreaLevel::Compound) continue;
            compounds.push_back(a);
            compoundTargets.push_back(
                pointTarget(graph, representativePointOf(areas->layer, a), options.snapMetres));
        }
    std::vector<double> compoundSeconds(compounds.size(), kUnreached);

    // Who is assigned to what (a team naming a target twice counts once).
    std::vector<Assignment> assignments;
    std::vector<std::vector<std::uint32_t>> byTeam(teamCount), byZone(zoneCount), byPost(postCount);
    auto assign = [&](std::uint32_t team, bool isZone, std::uint32_t target) {
        std::vector<std::uint32_t>& list = isZone ? byZone[target] : byPost[target];
        for (std::uint32_t i : list)
            if (assignments[i].team == team) return;
        const auto index = static_cast<std::uint32_t>(assignments.size());
        assignments.push_back({team, isZone, target, kUnreached, !base[team]});
        list.push_back(index);
        byTeam[team].push_back(index);
    };
    for (std::uint32_t t = 0; t < teamCount; ++t) {
        for (const std::string& id : teams->teams[t].zones)
            if (const std::optional<std::uint32_t> z = zones ? zones->find(id) : std::nullopt)
                assign(t, true, *z);
        for (const std::string& id : teams->teams[t].posts)
            if (const std::optional<std::uint32_t> p = posts ? posts->find(id) : std::nullopt)
                assign(t, false, *p);
    }
    const auto targetOf = [&](const Assignment& a) -> const Target& {
        return a.zone ? zoneTargets[a.target] : postTargets[a.target];
    };

    // One multi-source run per (kind, mode): nearest of the kind, the Voronoi partition, and the
    // assigned teams that are the nearest of their group to their target.
    for (Responsibility& r : report.responsibility)
        if (teamCount > 0) {
            r.nodeTeam.assign(graph.nodeCount(), kNoTeam);
            r.nodeSeconds.assign(graph.nodeCount(), kUnreached);
        }
    TravelTimes times(graph);
    std::optional<TreeSweep> sweeps[kTravelModeCount];
    for (int m = 0; m < kTravelModeCount; ++m)
        if (hierarchies[m] && &hierarchies[m]->graph() == &graph &&
            hierarchies[m]->mode() == static_cast<TravelMode>(m))
            sweeps[m].emplace(*hierarchies[m]);
    std::vector<EdgePoint> sources;
    std::vector<std::uint32_t> sourceTeam;
    // What a group run (TravelTimes or TreeSweep) tells: each target's nearest team of the kind,
    // the times of assigned teams that are that nearest one, compounds reached, responsibility.
    const auto readGroupRun = [&](const auto& run, int k, TravelMode mode) {
        auto visit = [&](const Target& target, TargetCoverage& coverage,
                         const std::vector<std::uint32_t>& assigned) {
            const TeamReach r = nearest(run, target, mode, sourceTeam);
            offer(coverage.nearestByKind[k], r.seconds, r.team);
            // The group's nearest team answers for itself, and no other team of the group can
            // beat it; no team of the group reaching the target means none of them does.
            const bool answered = r.team == kNoTeam ||
                                  std::any_of(assigned.begin(), assigned.end(),
                                              [&](std::uint32_t i) { return assignments[i].team == r.team; });
            if (!answered) return;
            for (std::uint32_t i : assigned) {
                Assignment& a = assignments[i];
                if (a.resolved || static_cast<int>(teams->teams[a.team].kind) != k ||
                    teams->teams[a.team].mode != mode)
                    continue;
                a.seconds = r.team == a.team ? r.seconds : kUnreached;
                a.resolved = true;
            }
        };
        for (std::uint32_t z = 0; z < zoneCount; ++z)
            visit(zoneTargets[z], report.zones[z], byZone[z]);
        for (std::uint32_t p = 0; p < postCount; ++p)
            visit(postTargets[p], report.posts[p], byPost[p]);
        for (std::size_t c = 0; c < compounds.size(); ++c)
            compoundSeconds[c] =
                std::min(compoundSeconds[c], nearest(run, compoundTargets[c], mode, sourceTeam).seconds);
        Responsibility& resp = report.responsibility[k];
        run.forEachReached([&](std::uint32_t n) {
            const double t = run.seconds(n);
            const std::uint32_t team = sourceTeam[run.label(n)];
            if (isBetter(t, team, {resp.nodeSeconds[n], resp.nodeTeam[n]})) {
                resp.nodeSeconds[n] = t;
                resp.nodeTeam[n] = team;
            }
        });
    };
    for (int k = 0; k < kTeamKindCount; ++k)
        for (int m = 0; m < kTravelModeCount; ++m) {
            const TravelMode mode = static_cast<TravelMode>(m);
            sources.clear();
            sourceTeam.clear();
            for (std::uint32_t t = 0; t < teamCount; ++t)
                if (static_cast<int>(teams->teams[t].kind) == k && teams->teams[t].mode == mode && base[t]) {
                    sources.push_back(*base[t]);
                    sourceTeam.push_back(t);
                }
            if (sources.empty()) continue;
            ++report.groupRuns;
            if (sweeps[m]) {
                sweeps[m]->run(sources, limit);
                readGroupRun(*sweeps[m], k, mode);
            } else {
                times.run(mode, sources, limit);
                readGroupRun(times, k, mode);
            }
        }
    for (Responsibility& r : report.responsibility) {
        r.teamMode.resize(teamCount);
        for (std::uint32_t t = 0; t < teamCount; ++t)
            r.teamMode[t] = teams->teams[t].mode;
    }

    // Assigned teams that are not the nearest of their group: a run of that team alone. Its cutoff
    // is the best time another assigned team already has there (the best task force's, for a task
    // force), and it stops once its targets are settled. Nearby teams (by straight-line distance)
    // go first, so their times bound the runs of far ones.
    const auto isTaskForce = [&](std::uint32_t t) { return teams->teams[t].kind == TeamKind::TaskForce; };
    std::vector<double> bestAll(zoneCount + postCount, kUnreached),
        bestTaskForce(zoneCount + postCount, kUnreached);
    const auto slot = [&](const Assignment& a) { return a.zone ? a.target : zoneCount + a.target; };
    const auto record = [&](const Assignment& a) {
        bestAll[slot(a)] = std::min(bestAll[slot(a)], a.seconds);
        if (isTaskForce(a.team)) bestTaskForce[slot(a)] = std::min(bestTaskForce[slot(a)], a.seconds);
    };
    const auto cap = [&](const Assignment& a) {
        return isTaskForce(a.team) ? bestTaskForce[slot(a)] : bestAll[slot(a)];
    };
    for (const Assignment& a : assignments)
        if (a.resolved) record(a);
    std::vector<std::pair<double, std::uint32_t>> order; // (guessed seconds to the farthest target, team)
    for (std::uint32_t team = 0; team < teamCount; ++team) {
        const TravelMode mode = teams->teams[team].mode;
        double farthest = -1;
        for (std::uint32_t i : byTeam[team])
            if (!assignments[i].resolved)
                for (const EdgePoint& p : targetOf(assignments[i]).points[static_cast<int>(mode)])
                    farthest = std::max(farthest, haversineMetres(base[team]->position, p.position));
        const double speed = mode == TravelMode::Walk ? kWalkSpeed : kGuessDriveSpeed;
        if (farthest >= 0) order.emplace_back(kGuessDetour * farthest / speed + kGuessSlackSeconds, team);
    }
    std::sort(order.begin(), order.end());
    std::vector<std::uint32_t> pending, stopNodes;
    for (const auto& [guess, team] : order) {
        const TravelMode mode = teams->teams[team].mode;
        const int m = static_cast<int>(mode);
        const std::vector<std::uint32_t> own{team};
        pending.clear();
        stopNodes.clear();
        double need = 0;
        for (std::uint32_t i : byTeam[team])
            if (!assignments[i].resolved) {
                pending.push_back(i);
                need = std::max(need, cap(assignments[i]));
                for (const EdgePoint& p : targetOf(assignments[i]).points[m]) {
                    stopNodes.push_back(graph.edge(p.edge).from);
                    stopNodes.push_back(graph.edge(p.edge).to);
                }
            }
        // Bounded by the best time another assigned team has, and stopped as soon as both ends of
        // every target edge are settled: the times to the targets are then final.
        times.run(mode, std::span(&*base[team], 1), std::min(need, limit), stopNodes);
        ++report.assignedRuns;
        for (std::uint32_t i : pending) {
            Assignment& a = assignments[i];
            const TeamReach r = nearest(times, targetOf(a), mode, own);
            a.resolved = true; // else not nearer than the best one, or not reachable at all
            if (r.team != kNoTeam) {
                a.seconds = r.seconds;
                record(a);
            }
        }
    }

    // Per target: the nearest assigned team, overall and per kind; gaps.
    auto summarise = [&](TargetCoverage& c, const std::vector<std::uint32_t>& assigned) {
        c.assignedTeams = static_cast<std::uint32_t>(assigned.size());
        for (std::uint32_t i : assigned) {
            const Assignment& a = assignments[i];
            if (isTaskForce(a.team)) offer(c.assignedTaskForce, a.seconds, a.team);
            offer(c.assigned, a.seconds, a.team);
        }
        c.beyondThreshold = c.assignedTeams > 0 && !(c.assigned.seconds <= report.thresholdSeconds);
    };
    for (std::uint32_t z = 0; z < zoneCount; ++z) {
        TargetCoverage& c = report.zones[z];
        summarise(c, byZone[z]);
        if (c.assignedTeams == 0) report.zonesUnassigned.push_back(z);
        if (c.beyondThreshold) report.zonesBeyondThreshold.push_back(z);
        if (zones->zones[z].risk == Risk::High && !(c.assignedTaskForce.seconds <= report.thresholdSeconds))
            report.highRiskWithoutTaskForce.push_back(z);
    }
    for (std::uint32_t p = 0; p < postCount; ++p) {
        TargetCoverage& c = report.posts[p];
        summarise(c, byPost[p]);
        if (c.assignedTeams == 0) report.postsUnassigned.push_back(p);
        if (c.beyondThreshold) report.postsBeyondThreshold.push_back(p);
    }

    // People within the threshold of any team.
    report.compounds = compounds.size();
    for (std::size_t c = 0; c < compounds.size(); ++c) {
        const AreaFields& a = areas->areas[compounds[c]];
        const bool covered = compoundSeconds[c] <= report.thresholdSeconds;
        if (compoundTargets[c].empty()) ++report.compoundsOffNetwork;
        if (covered) ++report.compoundsCovered;
        if (a.population != kUnknownCount) {
            report.populationTotal += a.population;
            if (covered) report.populationCovered += a.population;
        }
        if (a.households != kUnknownCount) {
            report.householdsTotal += a.households;
            if (covered) report.householdsCovered += a.households;
        }
    }
    return report;
}

std::vector<TeamReach> assignedTeamTimes(const FeedSet& feeds, const RoadGraph& graph, FeedKind kind,
                                         std::uint32_t target, TravelTimes& times,
                                         const CoverageOptions& options) {
    std::vector<TeamReach> out;
    const Feed* teams = feeds.get(FeedKind::Teams);
    const Feed* targets = feeds.get(kind);
    if (!teams || !targets || target >= targets->size() ||
        (kind != FeedKind::Zones && kind != FeedKind::Posts))
        return out;
    const std::string& id = targets->layer.features[target].id;
    const double limit = options.searchLimitMinutes > 0 ? options.searchLimitMinutes * 60 : kUnreached;
    const Target where = kind == FeedKind::Zones
                             ? zoneTarget(graph, *targets, target, options)
                             : pointTarget(graph, targets->layer.firstPosition(target), options.snapMetres);
    std::vector<std::uint32_t> stopNodes;
    for (std::uint32_t t = 0; t < teams->size(); ++t) {
        const TeamFields& team = teams->teams[t];
        const std::vector<std::string>& named = kind == FeedKind::Zones ? team.zones : team.posts;
        if (std::find(named.begin(), named.end(), id) == named.end()) continue;
        TeamReach reach{kUnreached, t};
        const std::optional<LonLat> at = teams->layer.firstPosition(t);
        const std::vector<EdgePoint>& points = where.points[static_cast<int>(team.mode)];
        if (const std::optional<EdgePoint> base =
                at ? snapNear(graph, *at, team.mode, options.snapMetres) : std::nullopt;
            base && !points.empty()) {
            stopNodes.clear();
            for (const EdgePoint& p : points) {
                stopNodes.push_back(graph.edge(p.edge).from);
                stopNodes.push_back(graph.edge(p.edge).to);
            }
            times.run(team.mode, std::span(&*base, 1), limit, stopNodes);
            reach.seconds = nearest(times, where, team.mode, {t}).seconds;
        }
        out.push_back(reach);
    }
    std::sort(out.begin(), out.end(),
              [](const TeamReach& a, const TeamReach& b) { return isBetter(a.seconds, a.team, b); });
    return out;
}

std::vector<EdgeShare> edgeResponsibility(const Responsibility& responsibility, const RoadGraph& graph,
                                          double maxSeconds) {
    std::vector<EdgeShare> shares(graph.edgeCount());
    if (responsibility.nodeTeam.size() != graph.nodeCount()) return shares;
    for (std::uint32_t e = 0; e < graph.edgeCount(); ++e) {
        const RoadEdge& edge = graph.edge(e);
        EdgeShare& s = shares[e];
        const double tA = responsibility.nodeSeconds[edge.from], tB = responsibility.nodeSeconds[edge.to];
        s.fromTeam = tA <= maxSeconds ? responsibility.nodeTeam[edge.from] : kNoTeam;
        s.toTeam = tB <= maxSeconds ? responsibility.nodeTeam[edge.to] : kNoTeam;
        if (s.fromTeam == kNoTeam && s.toTeam == kNoTeam) continue;
        // Seconds each team needs for the whole edge, going inwards from its end (< 0: cannot).
        const auto traverse = [&](std::uint32_t team, int direction) {
            if (team == kNoTeam || team >= responsibility.teamMode.size()) return -1.0;
            return static_cast<double>(
                edge.seconds[static_cast<int>(responsibility.teamMode[team])][direction]);
        };
        const double sA = traverse(s.fromTeam, 0), sB = traverse(s.toTeam, 1);
        if (s.fromTeam == s.toTeam) {
            s.split = 1;
        } else if (sA >= 0 && sB >= 0) {
            s.split = sA + sB > 0 ? (tB + sB - tA) / (sA + sB) : 0.5;
        } else if (sA >= 0) {
            s.split = sA > 0 ? (maxSeconds - tA) / sA : 1;
        } else if (sB >= 0) {
            s.split = sB > 0 ? 1 - (maxSeconds - tB) / sB : 0;
        }
        s.split = std::clamp(s.split, 0.0, 1.0);
    }
    return shares;
}

} // namespace cordon
