#include "cordon/coverage_command.hpp"

#include "cordon/cli.hpp"
#include "cordon/file_io.hpp"
#include "cordon/option_parser.hpp"
#include "core/coverage/coverage.hpp"
#include "core/coverage/responsibility_areas.hpp"
#include "core/feeds/manifest.hpp"
#include "core/formats/csv.hpp"
#include "core/formats/geojson_writer.hpp"
#include "core/map/situation.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <ostream>

namespace cordon {

namespace {

constexpr OptionSpec kCoverageOptions[] = {
    {"--threshold", "MIN", "minutes (default 15)"},
    {"--out-csv", "FILE", "one row per zone and post"},
    {"--out-geojson", "FILE",
     "zones and posts as points with the same properties, plus the areas of\n"
     "responsibility: road pieces each team reaches first, within the threshold,\n"
     "and the ground around them as polygons (layer responsibility_area)"},
    {"--areas", "KINDS",
     "team kinds whose areas of responsibility are written: a list such as\n"
     "task_force,door_team, or all, or none (default task_force)"},
    {"--snap", "METRES", "how far from a road a team, post or zone may be (default 1000)"},
    {"--limit", "MIN", "search no further than this (default: no limit)"},
};

} // namespace

const CommandSpec kCoverageCommand{
    "coverage", "FILE|FOLDER...",
    "  Reads the feeds (a folder stands for its .geojson/.json files; roads and teams are needed,\n"
    "  zones, posts and areas are used when given) and computes, for every zone and post, the travel\n"
    "  time from the nearest team assigned to it and from the nearest team of each kind, each team\n"
    "  in its own mode. Prints a summary: targets beyond the threshold, high-risk zones without a\n"
    "  task force within it, and the population of compounds within it of any team.",
    kCoverageOptions,
    "0 ok, 1 the feeds have errors (coverage still computed from what was read),\n"
    "  2 bad command line, a file unreadable or no feed, or no roads or teams."};

namespace {

namespace fs = std::filesystem;

std::string secondsText(double s) {
    if (s == kUnreached) return "";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", s);
    return text;
}

std::string withThousands(Count n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string percent(Count part, Count whole) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", whole > 0 ? 100.0 * part / whole : 0.0);
    return text;
}

struct Row {
    std::string kind, id, name, category;
    LonLat position;
    bool hasPosition = false;
    const TargetCoverage* coverage = nullptr;
};

/// The part of an edge's shape between two fractions of its length.
std::vector<LonLat> edgePiece(const RoadGraph& graph, std::uint32_t e, double f0, double f1) {
    const std::span<const LonLat> shape = graph.edgeShape(e);
    std::vector<double> along(shape.size(), 0);
    for (std::size_t i = 1; i < shape.size(); ++i)
        along[i] = along[i - 1] + haversineMetres(shape[i - 1], shape[i]);
    const double total = along.back();
    auto at = [&](double f) {
        const double d = f * total;
        for (std::size_t i = 1; i < shape.size(); ++i)
            if (d <= along[i] || i + 1 == shape.size()) {
                const double len = along[i] - along[i - 1];
                const double t = len > 0 ? std::clamp((d - along[i - 1]) / len, 0.0, 1.0) : 0;
                return LonLat{shape[i - 1].lon + t * (shape[i].lon - shape[i - 1].lon),
                              shape[i - 1].lat + t * (shape[i].lat - shape[i - 1].lat)};
            }
        return shape.front();
    };
    std::vector<LonLat> piece{at(f0)};
    for (std::size_t i = 1; i + 1 < shape.size(); ++i)
        if (along[i] > f0 * total && along[i] < f1 * total) piece.push_back(shape[i]);
    piece.push_back(at(f1));
    return piece;
}

} // namespace

int runCoverageCommand(const std::vector<std::string>& given, std::ostream& out, std::ostream& err) {
    const ParsedArgs args = parseArgs(given, kCoverageCommand);
    if (!args.error.empty()) {
        err << "cordon coverage: " << args.error << "\n";
        return kExitUsage;
    }
    CoverageOptions options;
    std::string csvFile, geoJsonFile;
    std::vector<std::string> files;
    std::array<bool, kTeamKindCount> areaKinds{};
    areaKinds[static_cast<int>(TeamKind::TaskForce)] = true;
    for (const auto& [a, value] : args.options) {
        if (a == "--threshold" || a == "--snap" || a == "--limit") {
            const std::optional<double> v = parseNumber(value);
            if (!v) {
                err << "cordon coverage: " << a << " needs a positive number\n";
                return kExitUsage;
            }
            (a == "--threshold" ? options.thresholdMinutes
             : a == "--snap"    ? options.snapMetres
                                : options.searchLimitMinutes) = *v;
        } else if (a == "--out-csv") {
            csvFile = value;
        } else if (a == "--out-geojson") {
            geoJsonFile = value;
        } else if (a == "--areas") {
            areaKinds.fill(value == "all");
            if (value == "all" || value == "none") continue;
            for (const std::string& name : splitFeedList(value)) {
                int k = 0;
                while (k < kTeamKindCount && teamKindName(static_cast<TeamKind>(k)) != name)
                    ++k;
                if (k == kTeamKindCount) {
                    err << "cordon coverage: unknown team kind '" << name
                        << "' (task_force, door_team, volunteer_team, testing_team, supply_team)\n";
                    return kExitUsage;
                }
                areaKinds[k] = true;
            }
        }
    }
    for (const std::string& operand : args.operands)
        for (std::string& f : feedFilesIn(operand))
            files.push_back(std::move(f));
    if (files.empty()) {
        err << "cordon coverage: no input file\n";
        return kExitUsage;
    }

    SituationSettings settings;
    settings.coverage = options;
    Situation situation(settings);
    std::size_t errors = 0;
    std::optional<FeedSet> loaded = loadFeedSet(files, "coverage", err, &errors);
    if (!loaded) return kExitUsage;
    situation.feeds() = std::move(*loaded);
    const FeedSet& feeds = situation.feeds();
    const Feed* roads = feeds.get(FeedKind::Roads);
    const Feed* teams = feeds.get(FeedKind::Teams);
    if (!roads || !teams) {
        err << "cordon coverage: needs a roads feed and a teams feed among the inputs\n";
        return kExitUsage;
    }
    const Feed* zones = feeds.get(FeedKind::Zones);
    const Feed* posts = feeds.get(FeedKind::Posts);

    const auto start = std::chrono::steady_clock::now();
    situation.refreshGraph();
    const RoadGraph& graph = *situation.graph();
    const auto built = std::chrono::steady_clock::now();
    situation.refreshCoverage();
    const CoverageReport& report = *situation.coverage();
    const auto done = std::chrono::steady_clock::now();
    const double buildMs = std::chrono::duration<double, std::milli>(built - start).count();
    const double coverageMs = std::chrono::duration<double, std::milli>(done - built).count();

    std::vector<Row> rows;
    for (const TargetCoverage& c : report.zones) {
        const FeatureRecord& f = zones->layer.features[c.feature];
        Row row{"zone", f.id, f.name, std::string(riskName(zones->zones[c.feature].risk)), {}, false, &c};
        if (const std::optional<LonLat> p = areaRepresentativePoint(zones->layer, c.feature)) {
            row.position = *p;
            row.hasPosition = true;
        }
        rows.push_back(std::move(row));
    }
    for (const TargetCoverage& c : report.posts) {
        const FeatureRecord& f = posts->layer.features[c.feature];
        Row row{"post", f.id, f.name, std::string(postKindName(posts->posts[c.feature].kind)), {}, false, &c};
        if (f.partCount > 0) {
            row.position = posts->layer.ring(posts->layer.parts[f.firstPart].firstRing)[0];
            row.hasPosition = true;
        }
        rows.push_back(std::move(row));
    }
    const auto teamId = [&](std::uint32_t t) {
        return t == kNoTeam ? std::string() : teams->layer.features[t].id;
    };

    if (!csvFile.empty()) {
        std::string csv = "kind,id,name,class,assigned_teams,assigned_team,assigned_seconds";
        for (int k = 0; k < kTeamKindCount; ++k) {
            const std::string kind(teamKindName(static_cast<TeamKind>(k)));
            csv += ",nearest_" + kind + "_team,nearest_" + kind + "_seconds";
        }
        csv += ",beyond_threshold,on_network,no_task_force_in_reach\n";
        // High-risk zones no assigned task force reaches within the threshold (the wall's list).
        std::vector<bool> noTaskForce(zones ? zones->size() : 0, false);
        for (std::uint32_t z : report.highRiskWithoutTaskForce)
            if (report.zones[z].feature < noTaskForce.size()) noTaskForce[report.zones[z].feature] = true;
        for (const Row& r : rows) {
            const TargetCoverage& c = *r.coverage;
            const bool unreached =
                r.kind == "zone" && c.feature < noTaskForce.size() && noTaskForce[c.feature];
            csv += r.kind + ',' + csvField(r.id) + ',' + csvField(r.name) + ',' + r.category + ',' +
                   std::to_string(c.assignedTeams) + ',' + csvField(teamId(c.assigned.team)) + ',' +
                   secondsText(c.assigned.seconds);
            for (int k = 0; k < kTeamKindCount; ++k)
                csv += ',' + csvField(teamId(c.nearestByKind[k].team)) + ',' +
                       secondsText(c.nearestByKind[k].seconds);
            csv += std::string(c.beyondThreshold ? ",true" : ",false") + (c.onNetwork ? ",true" : ",false") +
                   (unreached ? ",true\n" : ",false\n");
        }
        if (!writeFile(csvFile, csv, "coverage", err)) return kExitUsage;
    }

    if (!geoJsonFile.empty()) {
        JsonWriter f;
        beginFeatureCollection(f);
        const auto team = [&](std::string_view key, std::uint32_t t) {
            f.key(key);
            if (t == kNoTeam)
                f.null();
            else
                f.value(teamId(t));
        };
        const auto seconds = [&](std::string_view key, double s) {
            f.key(key);
            if (s == kUnreached)
                f.null();
            else
                f.fixed(s, 1);
        };
        for (const Row& r : rows) {
            if (!r.hasPosition) continue;
            const TargetCoverage& c = *r.coverage;
            f.lineBreak().beginObject().member("type", "Feature").key("properties").beginObject();
            f.member("layer", r.kind).member("id", r.id).member("name", r.name).member("class", r.category);
            f.member("assigned_teams", c.assignedTeams);
            team("assigned_team", c.assigned.team);
            seconds("assigned_seconds", c.assigned.seconds);
            for (int k = 0; k < kTeamKindCount; ++k) {
                const std::string kind(teamKindName(static_cast<TeamKind>(k)));
                team("nearest_" + kind + "_team", c.nearestByKind[k].team);
                seconds("nearest_" + kind + "_seconds", c.nearestByKind[k].seconds);
            }
            f.member("beyond_threshold", c.beyondThreshold).endObject();
            f.key("geometry").beginObject().member("type", "Point").key("coordinates");
            writePosition(f, r.position);
            f.endObject().endObject();
        }
        for (int k = 0; k < kTeamKindCount; ++k) {
            if (!areaKinds[k]) continue;
            const std::string_view kind = teamKindName(static_cast<TeamKind>(k));
            const std::vector<EdgeShare> shares =
                edgeResponsibility(report.responsibility[k], graph, report.thresholdSeconds);
            std::vector<std::vector<std::vector<LonLat>>> pieces(teams->size());
            for (std::uint32_t e = 0; e < shares.size(); ++e) {
                const EdgeShare& s = shares[e];
                if (s.fromTeam != kNoTeam && s.split > 0)
                    pieces[s.fromTeam].push_back(edgePiece(graph, e, 0, s.split));
                if (s.toTeam != kNoTeam && s.split < 1)
                    pieces[s.toTeam].push_back(edgePiece(graph, e, s.split, 1));
            }
            const auto properties = [&](std::string_view layer, std::uint32_t t) {
                f.lineBreak().beginObject().member("type", "Feature").key("properties").beginObject();
                f.member("layer", layer).member("kind", kind).member("team", teamId(t));
                f.member("name", teams->layer.features[t].name).endObject();
            };
            for (std::uint32_t t = 0; t < pieces.size(); ++t) {
                if (pieces[t].empty()) continue;
                properties("responsibility", t);
                f.key("geometry")
                    .beginObject()
                    .member("type", "MultiLineString")
                    .key("coordinates")
                    .beginArray();
                for (const std::vector<LonLat>& piece : pieces[t])
                    writePositions(f, piece);
                f.endArray().endObject().endObject();
            }
            // The same partition as ground: the polygons each team reaches first.
            for (const ResponsibilityArea& area :
                 buildResponsibilityAreas(report.responsibility[k], graph, report.thresholdSeconds)) {
                properties("responsibility_area", area.team);
                f.key("geometry");
                writeMultiPolygon(f, area.polygons, 6);
                f.endObject();
            }
        }
        endFeatureCollection(f);
        if (!writeFile(geoJsonFile, f.take() + '\n', "coverage", err)) return kExitUsage;
    }

    char minutes[32];
    std::snprintf(minutes, sizeof minutes, "%g min", options.thresholdMinutes);
    auto ids = [&](const std::vector<std::uint32_t>& list, const std::vector<TargetCoverage>& targets,
                   const Feed* feed) {
        std::string text;
        for (std::size_t i = 0; i < list.size() && i < 8; ++i)
            text += (i ? ", " : " (") + feed->layer.features[targets[list[i]].feature].id;
        if (list.size() > 8) text += ", ...";
        return text.empty() ? text : text + ")";
    };
    out << "coverage within " << minutes << ": " << teams->size() << " teams, " << graph.nodeCount()
        << " road nodes\n";
    if (zones)
        out << "zones: " << report.zones.size() << ", beyond " << minutes
            << " of every assigned team: " << report.zonesBeyondThreshold.size()
            << ids(report.zonesBeyondThreshold, report.zones, zones)
            << ", no team assigned: " << report.zonesUnassigned.size() << "\n"
            << "high-risk zones without an assigned task force within " << minutes << ": "
            << report.highRiskWithoutTaskForce.size()
            << ids(report.highRiskWithoutTaskForce, report.zones, zones) << "\n";
    if (posts)
        out << "posts: " << report.posts.size() << ", beyond " << minutes
            << " of every assigned team: " << report.postsBeyondThreshold.size()
            << ids(report.postsBeyondThreshold, report.posts, posts)
            << ", no team assigned: " << report.postsUnassigned.size() << "\n";
    if (report.compounds > 0)
        out << "population within " << minutes << " of any team: " << withThousands(report.populationCovered)
            << " of " << withThousands(report.populationTotal) << " ("
            << percent(report.populationCovered, report.populationTotal) << "), households "
            << withThousands(report.householdsCovered) << " of " << withThousands(report.householdsTotal)
            << " (" << percent(report.householdsCovered, report.householdsTotal) << "), "
            << report.compoundsCovered << " of " << report.compounds << " compounds\n";
    if (!report.diagnostics.empty())
        out << "off the road network: " << report.diagnostics.size()
            << " (first: " << report.diagnostics[0].toString() << ")\n";
    char timing[160];
    std::snprintf(timing, sizeof timing,
                  "graph %.1f ms; coverage %.1f ms (%zu runs per kind and mode, %zu for assigned teams)\n",
                  buildMs, coverageMs, report.groupRuns, report.assignedRuns);
    err << timing;
    return errors > 0 ? kExitProblems : kExitOk;
}

} // namespace cordon
