#include "cordon/gaps_command.hpp"

#include "cordon/cli.hpp"
#include "cordon/file_io.hpp"
#include "cordon/option_parser.hpp"
#include "core/formats/csv.hpp"
#include "core/formats/geojson_writer.hpp"
#include "core/formats/json.hpp"
#include "core/map/situation.hpp"
#include "core/staffing/reassignment.hpp"
#include "core/staffing/staffing.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <ostream>
#include <sstream>

namespace cordon {

namespace {

constexpr OptionSpec kGapsOptions[] = {
    {"--day", "YYYY-MM-DD", "the local day (+08:00); default: the day most roster entries start on"},
    {"--slot", "MINUTES", "slot length (default 15)"},
    {"--min-task-force", "N", "members a task force needs (default 8)"},
    {"--households-per-team", "N", "households a door team visits a day (default 30)"},
    {"--csv-posts", "FILE", "one row per post and slot"},
    {"--csv-areas", "FILE", "one row per area (and the city), every level"},
    {"--json", "FILE", "everything: city, areas, posts with their slots, zones, problems"},
    {"--plan-csv", "FILE",
     "suggestions: surplus staff and standby teams moved to short posts at the\n"
     "least total travel (min-cost flow; needs the roads feed), one row a move;\n"
     "prints its total travel and a greedy nearest-first plan's"},
    {"--plan-geojson", "FILE", "the same moves as lines from source to post (arrows for the map)"},
    {"--plan-max-minutes", "M", "longest move considered (default 45)"},
};

} // namespace

const CommandSpec kGapsCommand{
    "gaps", "FILE|FOLDER...",
    "  Staffing gaps of one day (docs/staffing.md): required staff (posts' demand) against staff on\n"
    "  duty (roster, team assignments) per post and slot; high-risk zones without a task force on\n"
    "  duty (一高风险区一专班); red+orange households against door-team capacity; rolled up\n"
    "  compound -> community -> subdistrict -> district -> city. Prints the city summary.",
    kGapsOptions, "0 ok, 2 bad command line, unreadable input or unwritable output."};

namespace {

namespace fs = std::filesystem;

bool parseInt(const std::string& text, int& out, int min, int max) {
    int v = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size() || v < min || v > max) return false;
    out = v;
    return true;
}

std::string hours(std::int64_t personMinutes) {
    char b[32];
    std::snprintf(b, sizeof b, "%.2f", double(personMinutes) / 60.0);
    return b;
}

std::string date(const Instant& t) {
    // Civil date from a day number (Howard Hinnant's algorithm).
    std::int64_t z = t.localDay() + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = std::int64_t(yoe) + era * 400 + (m <= 2);
    char b[32];
    std::snprintf(b, sizeof b, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
    return b;
}

std::string offset(int minutes) {
    char b[16];
    const int a = std::abs(minutes);
    std::snprintf(b, sizeof b, "%c%02d:%02d", minutes < 0 ? '-' : '+', a / 60, a % 60);
    return b;
}

std::string slotFrom(const StaffingDay& day, int slot) {
    return clockText(day.slotMinuteOfDay(slot));
}

std::string slotTo(const StaffingDay& day, int slot) {
    return clockText((day.slotMinuteOfDay(slot) + day.slotMinutes) % kMinutesPerDay);
}

/// The slot with the most people short (earliest on ties), or -1.
int worstSlot(const AreaStaffing& a) {
    int best = -1;
    for (std::size_t s = 0; s < a.shortBySlot.size(); ++s)
        if (a.shortBySlot[s] > 0 && (best < 0 || a.shortBySlot[s] > a.shortBySlot[std::size_t(best)]))
            best = int(s);
    return best;
}

std::string areaCsvRow(const StaffingModel& m, const AreaStaffing& a, std::string_view level,
                       std::string_view id, std::string_view name, std::string_view parent) {
    const int worst = worstSlot(a);
    std::ostringstream r;
    r << level << ',' << csvField(id) << ',' << csvField(name) << ',' << csvField(parent) << ',' << a.posts
      << ',' << a.postsShort << ',' << a.postsUnstaffed << ',' << hours(a.requiredPersonMinutes) << ','
      << hours(a.onDutyPersonMinutes) << ',' << hours(a.shortPersonMinutes) << ','
      << hours(a.nightShortPersonMinutes) << ',' << hours(a.surplusPersonMinutes) << ','
      << (worst >= 0 ? slotFrom(m.day(), worst) : "") << ','
      << (worst >= 0 ? a.shortBySlot[std::size_t(worst)] : 0) << ',' << a.highRiskZones << ',' << a.zoneGaps
      << ',' << a.zonesWithoutTaskForce << ',' << a.zonesUnderstaffed << ',' << a.zonesOffDuty << ','
      << a.householdsToVisit << ',' << a.doorTeams << ',' << a.doorTeamCapacity << ','
      << a.householdsUnvisited() << '\n';
    return r.str();
}

/// An area's figures as members of the open object (the city and every area share them).
void writeAreaMembers(JsonWriter& j, const StaffingModel& m, const AreaStaffing& a) {
    const int worst = worstSlot(a);
    const auto personHours = [&](const char* key, std::int64_t personMinutes) {
        j.key(key).fixed(double(personMinutes) / 60.0, 2);
    };
    j.member("posts", a.posts).member("postsShort", a.postsShort).member("postsUnstaffed", a.postsUnstaffed);
    personHours("requiredPersonHours", a.requiredPersonMinutes);
    personHours("onDutyPersonHours", a.onDutyPersonMinutes);
    personHours("shortPersonHours", a.shortPersonMinutes);
    personHours("nightShortPersonHours", a.nightShortPersonMinutes);
    personHours("surplusPersonHours", a.surplusPersonMinutes);
    j.key("worstSlot");
    if (worst >= 0)
        j.value(slotFrom(m.day(), worst));
    else
        j.null();
    j.key("shortBySlot").beginArray();
    for (const auto people : a.shortBySlot)
        j.value(people);
    j.endArray()
        .member("highRiskZones", a.highRiskZones)
        .member("zoneGaps", a.zoneGaps)
        .member("zonesWithoutTaskForce", a.zonesWithoutTaskForce)
        .member("zonesUnderstaffed", a.zonesUnderstaffed)
        .member("zonesOffDuty", a.zonesOffDuty)
        .member("householdsToVisit", a.householdsToVisit)
        .member("doorTeams", a.doorTeams)
        .member("doorTeamCapacity", a.doorTeamCapacity)
        .member("householdsUnvisited", a.householdsUnvisited());
}

std::string postsCsv(const StaffingModel& m, const FeedSet& feeds) {
    const Feed* posts = feeds.get(FeedKind::Posts);
    const Feed* areas = feeds.get(FeedKind::Areas);
    std::string out = "post_id,post_name,area_id,slot,from,to,required,on_duty,short,surplus,night\n";
    for (std::size_t p = 0; p < m.postCount(); ++p) {
        const FeatureRecord& f = posts->layer.features[p];
        const std::string prefix =
            csvField(f.id) + ',' + csvField(f.name) + ',' +
            (m.postArea(p) >= 0 ? csvField(areas->layer.features[std::size_t(m.postArea(p))].id)
                                : std::string()) +
            ',';
        const auto req = m.required(p), on = m.onDuty(p);
        for (int s = 0; s < m.slotCount(); ++s) {
            const int need = req[std::size_t(s)], have = on[std::size_t(s)];
            out += prefix + std::to_string(s) + ',' + slotFrom(m.day(), s) + ',' + slotTo(m.day(), s) + ',' +
                   std::to_string(need) + ',' + std::to_string(have) + ',' +
                   std::to_string(std::max(0, need - have)) + ',' + std::to_string(std::max(0, have - need)) +
                   ',' + (m.isNightSlot(s) ? "1" : "0") + '\n';
        }
    }
    return out;
}

std::string areasCsv(const StaffingModel& m, const FeedSet& feeds) {
    const Feed* areas = feeds.get(FeedKind::Areas);
    std::string out =
        "level,area_id,area_name,parent_id,posts,posts_short,posts_unstaffed,required_person_hours,"
        "on_duty_person_hours,short_person_hours,night_short_person_hours,surplus_person_hours,"
        "worst_slot,worst_slot_short,high_risk_zones,zone_gaps,zones_without_task_force,"
        "zones_understaffed,zones_off_duty,households_to_visit,door_teams,door_team_capacity,"
        "households_unvisited\n";
    out += areaCsvRow(m, m.city(), "city", "", "", "");
    for (int level = 0; level < 4; ++level)
        for (std::size_t a = 0; a < m.areaCount(); ++a) {
            if (int(areas->areas[a].level) != level) continue;
            const int parent = m.areaParent(a);
            out += areaCsvRow(m, m.area(a), areaLevelName(areas->areas[a].level), areas->layer.features[a].id,
                              areas->layer.features[a].name,
                              parent >= 0 ? areas->layer.features[std::size_t(parent)].id : std::string());
        }
    return out;
}

std::string fullJson(const StaffingModel& m, const FeedSet& feeds) {
    const Feed* posts = feeds.get(FeedKind::Posts);
    const Feed* areas = feeds.get(FeedKind::Areas);
    const Feed* zones = feeds.get(FeedKind::Zones);
    const Feed* teams = feeds.get(FeedKind::Teams);
    const StaffingDay& day = m.day();
    const auto personHours = [](JsonWriter& j, const char* key, std::int64_t personMinutes) {
        j.key(key).fixed(double(personMinutes) / 60.0, 2);
    };
    const auto idOrNull = [](JsonWriter& j, const Feed* feed, int index) {
        if (feed && index >= 0)
            j.value(feed->layer.features[std::size_t(index)].id);
        else
            j.null();
    };
    JsonWriter j;
    j.beginObject()
        .member("day", date(day.start))
        .member("offset", offset(day.start.offsetMinutes))
        .member("slotMinutes", day.slotMinutes)
        .member("slotCount", day.slotCount)
        .key("nightSlots")
        .beginArray();
    for (int s = 0; s < day.slotCount; ++s)
        j.value(m.isNightSlot(s) ? 1 : 0);
    j.endArray().key("city").beginObject();
    writeAreaMembers(j, m, m.city());
    j.endObject().key("areas").beginArray();
    for (std::size_t a = 0; a < m.areaCount(); ++a) {
        j.beginObject()
            .member("id", areas->layer.features[a].id)
            .member("name", areas->layer.features[a].name)
            .member("level", areaLevelName(areas->areas[a].level))
            .key("parent");
        idOrNull(j, areas, m.areaParent(a));
        writeAreaMembers(j, m, m.area(a));
        j.endObject();
    }
    j.endArray().key("posts").beginArray();
    for (std::size_t p = 0; p < m.postCount(); ++p) {
        const PostSummary& s = m.postSummary(p);
        j.beginObject()
            .member("id", posts->layer.features[p].id)
            .member("name", posts->layer.features[p].name)
            .key("area");
        idOrNull(j, areas, m.postArea(p));
        personHours(j, "requiredPersonHours", s.requiredPersonMinutes);
        personHours(j, "onDutyPersonHours", s.onDutyPersonMinutes);
        personHours(j, "shortPersonHours", s.shortPersonMinutes);
        personHours(j, "nightShortPersonHours", s.nightShortPersonMinutes);
        personHours(j, "surplusPersonHours", s.surplusPersonMinutes);
        j.member("peakShort", s.peakShort).key("worstGap");
        if (s.worstGapStart >= 0)
            j.beginObject()
                .member("from", slotFrom(day, s.worstGapStart))
                .member("to", slotTo(day, s.worstGapStart + s.worstGapSlots - 1))
                .member("slots", s.worstGapSlots)
                .endObject();
        else
            j.null();
        j.member("unstaffed", s.unstaffed).key("required").beginArray();
        for (int k = 0; k < day.slotCount; ++k)
            j.value(m.required(p)[std::size_t(k)]);
        j.endArray().key("onDuty").beginArray();
        for (int k = 0; k < day.slotCount; ++k)
            j.value(m.onDuty(p)[std::size_t(k)]);
        j.endArray().endObject();
    }
    j.endArray().key("highRiskZones").beginArray();
    for (const ZoneStaffing& z : m.highRiskZones()) {
        j.beginObject()
            .member("id", zones->layer.features[z.zone].id)
            .member("name", zones->layer.features[z.zone].name)
            .key("taskForces")
            .beginArray();
        for (std::uint32_t t : z.teams)
            j.value(teams->layer.features[t].id);
        j.endArray()
            .member("gap", z.isGap())
            .member("noTaskForce", z.noTaskForce)
            .member("understaffed", z.understaffed)
            .member("maxMembers", z.maxMembers);
        personHours(j, "offDutyHours", std::int64_t(z.offDutySlots) * day.slotMinutes);
        j.key("firstOffDuty");
        if (z.firstOffDutySlot >= 0)
            j.value(slotFrom(day, z.firstOffDutySlot));
        else
            j.null();
        // Per slot, whether one of its task forces is on duty (the wall lists the zone when not).
        j.key("taskForceOnDuty").beginArray();
        for (int k = 0; k < day.slotCount; ++k)
            j.value(std::any_of(z.teams.begin(), z.teams.end(),
                                [&](std::uint32_t t) { return m.teamOnDuty(t)[k] > 0; }));
        j.endArray().endObject();
    }
    j.endArray().key("problems").beginArray();
    for (const Diagnostic& d : m.diagnostics())
        j.value(d.toString());
    j.endArray().endObject();
    return j.take() + "\n";
}

std::string minutesText(double seconds) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", seconds / 60.0);
    return b;
}

std::string planCsv(const ReassignmentPlan& plan, const StaffingModel& m, const FeedSet& feeds) {
    const Feed* posts = feeds.get(FeedKind::Posts);
    const Feed* teams = feeds.get(FeedKind::Teams);
    std::string out = "from_kind,from_id,from_name,to_id,to_name,from,to,hours,people,travel_minutes\n";
    for (const ReassignmentMove& mv : plan.assignments) {
        const bool fromPost = mv.fromPost != kNoPlanIndex;
        const FeatureRecord& from =
            fromPost ? posts->layer.features[mv.fromPost] : teams->layer.features[mv.fromTeam];
        const FeatureRecord& to = posts->layer.features[mv.toPost];
        out += std::string(fromPost ? "post" : "team") + ',' + csvField(from.id) + ',' + csvField(from.name) +
               ',' + csvField(to.id) + ',' + csvField(to.name) + ',' + slotFrom(m.day(), mv.firstSlot) + ',' +
               slotTo(m.day(), mv.endSlot - 1) + ',' +
               hours(std::int64_t(mv.endSlot - mv.firstSlot) * m.day().slotMinutes) + ',' +
               std::to_string(mv.people) + ',' + minutesText(double(mv.seconds)) + '\n';
    }
    return out;
}

std::string planGeoJson(const ReassignmentPlan& plan, const StaffingModel& m, const FeedSet& feeds) {
    const Feed* posts = feeds.get(FeedKind::Posts);
    const Feed* teams = feeds.get(FeedKind::Teams);
    auto position = [](const Feed& f, std::size_t i) {
        const FeatureRecord& r = f.layer.features[i];
        return f.layer.ring(f.layer.parts[r.firstPart].firstRing)[0];
    };
    JsonWriter out;
    beginFeatureCollection(out);
    for (const ReassignmentMove& mv : plan.assignments) {
        const bool fromPost = mv.fromPost != kNoPlanIndex;
        const Feed& fromFeed = fromPost ? *posts : *teams;
        const std::size_t fromIndex = fromPost ? mv.fromPost : mv.fromTeam;
        const LonLat line[] = {position(fromFeed, fromIndex), position(*posts, mv.toPost)};
        out.lineBreak()
            .beginObject()
            .member("type", "Feature")
            .key("properties")
            .beginObject()
            .member("from", fromFeed.layer.features[fromIndex].id)
            .member("to", posts->layer.features[mv.toPost].id)
            .member("fromTime", slotFrom(m.day(), mv.firstSlot))
            .member("toTime", slotTo(m.day(), mv.endSlot - 1))
            .member("people", mv.people)
            .key("travelMinutes")
            .fixed(mv.seconds / 60.0, 1)
            .endObject()
            .key("geometry")
            .beginObject()
            .member("type", "LineString")
            .key("coordinates");
        writePositions(out, line);
        out.endObject().endObject();
    }
    endFeatureCollection(out);
    return out.take() + '\n';
}

void printSummary(const StaffingModel& m, const FeedSet& feeds, std::ostream& out) {
    const AreaStaffing& c = m.city();
    const StaffingDay& day = m.day();
    out << "day " << date(day.start) << " (" << offset(day.start.offsetMinutes) << "), " << day.slotCount
        << " slots of " << day.slotMinutes << " min\n";
    out << "posts: " << c.posts << ", short at some time " << c.postsShort << ", unstaffed all day "
        << c.postsUnstaffed << "\n";
    out << "person-hours: required " << hours(c.requiredPersonMinutes) << ", on duty "
        << hours(c.onDutyPersonMinutes) << ", short " << hours(c.shortPersonMinutes) << " (night "
        << clockText(m.options().nightFromMinute) << "-" << clockText(m.options().nightToMinute) << ": "
        << hours(c.nightShortPersonMinutes) << "), surplus " << hours(c.surplusPersonMinutes) << "\n";
    if (const int worst = worstSlot(c); worst >= 0)
        out << "worst slot: " << slotFrom(day, worst) << "-" << slotTo(day, worst) << ", "
            << c.shortBySlot[std::size_t(worst)] << " people short\n";
    out << "high-risk zones: " << c.highRiskZones << ", breaking 一高风险区一专班 " << c.zoneGaps
        << " (no task force " << c.zonesWithoutTaskForce << ", under " << m.options().minTaskForceMembers
        << " members " << c.zonesUnderstaffed << ", off duty at some hour " << c.zonesOffDuty << ")\n";
    out << "households to visit (red+orange): " << c.householdsToVisit << ", door teams " << c.doorTeams
        << " x " << m.options().householdsPerDoorTeam << " a day = " << c.doorTeamCapacity << ", left over "
        << c.householdsUnvisited() << "\n";
    if (const Feed* areas = feeds.get(FeedKind::Areas)) {
        out << "by district (posts short, person-hours short, of them at night, zone gaps, households left "
               "over):\n";
        for (std::size_t a = 0; a < m.areaCount(); ++a) {
            if (areas->areas[a].level != AreaLevel::District) continue;
            const AreaStaffing& d = m.area(a);
            out << "  " << areas->layer.features[a].id << " " << areas->layer.features[a].name << ": "
                << d.postsShort << ", " << hours(d.shortPersonMinutes) << ", "
                << hours(d.nightShortPersonMinutes) << ", " << d.zoneGaps << ", " << d.householdsUnvisited()
                << "\n";
        }
    }
    if (!m.diagnostics().empty()) {
        out << "problems (" << m.diagnostics().size() << "):\n";
        for (const Diagnostic& d : m.diagnostics())
            out << "  " << d.toString() << "\n";
    }
}

} // namespace

int runGapsCommand(const std::vector<std::string>& given, std::ostream& out, std::ostream& err) {
    const ParsedArgs args = parseArgs(given, kGapsCommand);
    if (!args.error.empty()) {
        err << "cordon gaps: " << args.error << "\n";
        return kExitUsage;
    }
    std::string dayText, csvPosts, csvAreas, jsonFile, planCsvFile, planGeoJsonFile;
    double planMaxMinutes = 45;
    int slot = 15;
    StaffingOptions options;
    std::vector<std::string> files;
    for (const auto& [a, value] : args.options) {
        if (a == "--day")
            dayText = value;
        else if (a == "--slot") {
            if (!parseInt(value, slot, 1, kMinutesPerDay)) {
                err << "cordon gaps: --slot needs minutes from 1 to 1440\n";
                return kExitUsage;
            }
        } else if (a == "--min-task-force") {
            if (!parseInt(value, options.minTaskForceMembers, 0, 100000)) {
                err << "cordon gaps: --min-task-force needs a whole number\n";
                return kExitUsage;
            }
        } else if (a == "--households-per-team") {
            if (!parseInt(value, options.householdsPerDoorTeam, 0, 100000)) {
                err << "cordon gaps: --households-per-team needs a whole number\n";
                return kExitUsage;
            }
        } else if (a == "--csv-posts")
            csvPosts = value;
        else if (a == "--csv-areas")
            csvAreas = value;
        else if (a == "--json")
            jsonFile = value;
        else if (a == "--plan-csv")
            planCsvFile = value;
        else if (a == "--plan-geojson")
            planGeoJsonFile = value;
        else if (a == "--plan-max-minutes") {
            int minutes = 0;
            if (!parseInt(value, minutes, 1, 24 * 60)) {
                err << "cordon gaps: --plan-max-minutes needs minutes from 1 to 1440\n";
                return kExitUsage;
            }
            planMaxMinutes = minutes;
        }
    }
    for (const std::string& operand : args.operands)
        for (std::string& f : feedFilesIn(operand))
            files.push_back(std::move(f));
    if (files.empty()) {
        err << "cordon gaps: no input file\n";
        return kExitUsage;
    }
    std::optional<FeedSet> loaded = loadFeedSet(files, "gaps", err);
    if (!loaded) return kExitUsage;
    SituationSettings settings;
    settings.staffing = options;
    settings.slotMinutes = slot;
    settings.plan.maxTravelMinutes = planMaxMinutes;
    if (!dayText.empty()) {
        const std::optional<Instant> d = dayText.size() == 10 ? parseInstant(dayText) : std::nullopt;
        if (!d) {
            err << "cordon gaps: --day needs a date YYYY-MM-DD\n";
            return kExitUsage;
        }
        settings.day = StaffingDay::wholeDay(d->localDay(), d->offsetMinutes, slot);
    }
    Situation situation(settings);
    situation.feeds() = std::move(*loaded);
    const FeedSet& feeds = situation.feeds();
    if (!feeds.get(FeedKind::Posts)) {
        err << "cordon gaps: no posts feed among the inputs\n";
        return kExitUsage;
    }
    situation.refreshStaffing();
    if (!situation.staffing()) {
        err << "cordon gaps: no roster entries to tell the day: give --day YYYY-MM-DD\n";
        return kExitUsage;
    }
    const StaffingModel& model = *situation.staffing();
    printSummary(model, feeds, out);
    if (!csvPosts.empty() && !writeFile(csvPosts, postsCsv(model, feeds), "gaps", err)) return kExitUsage;
    if (!csvAreas.empty() && !writeFile(csvAreas, areasCsv(model, feeds), "gaps", err)) return kExitUsage;
    if (!jsonFile.empty() && !writeFile(jsonFile, fullJson(model, feeds), "gaps", err)) return kExitUsage;
    if (!planCsvFile.empty() || !planGeoJsonFile.empty()) {
        if (!feeds.get(FeedKind::Roads)) {
            err << "cordon gaps: a plan needs the roads feed among the inputs\n";
            return kExitUsage;
        }
        situation.refreshGraph();
        const auto start = std::chrono::steady_clock::now();
        situation.makePlan();
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        const ReassignmentProblem& problem = situation.plan()->problem;
        const ReassignmentPlan& best = situation.plan()->best;
        const ReassignmentPlan& greedy = situation.plan()->greedy;
        std::size_t standby = 0;
        for (const PlanSupplier& s : problem.suppliers)
            standby += s.team != kNoPlanIndex;
        out << "plan: " << problem.suppliers.size() - standby << " posts with surplus, " << standby
            << " standby teams, " << problem.gapPosts.size() << " short posts, " << problem.candidates.size()
            << " candidate pairs, " << problem.blocks.size() << " blocks, " << minutesText(ms * 60)
            << " ms\n";
        auto line = [&](const char* name, const ReassignmentPlan& p) {
            std::int64_t people = 0;
            for (const ReassignmentMove& mv : p.assignments)
                people += mv.people;
            out << "  " << name << ": " << p.assignments.size() << " moves (" << p.moves.size()
                << " by block), " << people << " person-moves, closes " << hours(p.gapPersonMinutesClosed)
                << " of " << hours(p.gapPersonMinutesBefore) << " person-hours short, travel "
                << minutesText(double(p.totalSeconds)) << " person-minutes by block, "
                << minutesText(double(p.assignmentSeconds)) << " as moved\n";
        };
        line("optimal (min-cost flow)", best);
        line("greedy nearest-first", greedy);
        for (const Diagnostic& d : problem.diagnostics)
            out << "  " << d.toString() << "\n";
        if (!planCsvFile.empty() && !writeFile(planCsvFile, planCsv(best, model, feeds), "gaps", err))
            return kExitUsage;
        if (!planGeoJsonFile.empty() &&
            !writeFile(planGeoJsonFile, planGeoJson(best, model, feeds), "gaps", err))
            return kExitUsage;
    }
    return kExitOk;
}

} // namespace cordon
