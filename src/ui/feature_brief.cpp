// The 详情 tab's rows: the fields cordon knows for each feed, in words; the rest as the feed
// wrote them.

#include "ui/feature_brief.hpp"

#include "core/formats/clock_time.hpp"
#include "core/formats/json.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string_view>

namespace cordon {

namespace {

/// The name of the feature with id `id` in `kind` (the id itself when it is not loaded).
std::string nameOf(const FeedSet& feeds, FeedKind kind, std::string_view id) {
    if (id.empty()) return "-";
    if (const Feed* feed = feeds.get(kind))
        if (const std::optional<std::uint32_t> at = feed->find(id))
            return feed->layer.features[*at].shownName();
    return std::string(id);
}

std::string joined(const std::vector<std::string>& names, Lang lang) {
    std::string out;
    for (const std::string& name : names)
        out += (out.empty() ? std::string() : std::string(tr(TextId::ListSeparator, lang))) + name;
    return out;
}

std::string namesOf(const FeedSet& feeds, FeedKind kind, const std::vector<std::string>& ids, Lang lang) {
    std::vector<std::string> names;
    for (const std::string& id : ids)
        names.push_back(nameOf(feeds, kind, id));
    return names.empty() ? "-" : joined(names, lang);
}

std::string count(Count n) {
    return n == kUnknownCount ? "-" : std::to_string(n);
}

TextId postKindText(PostKind k) {
    constexpr std::array<TextId, 5> kText = {TextId::KindCompoundGate, TextId::KindCityEntry,
                                             TextId::KindHighwayExit, TextId::KindServiceStation,
                                             TextId::KindTestingSite};
    return kText[static_cast<std::size_t>(k)];
}

TextId teamKindText(TeamKind k) {
    constexpr std::array<TextId, 5> kText = {TextId::KindTaskForce, TextId::KindDoorTeam,
                                             TextId::KindVolunteerTeam, TextId::KindTestingTeam,
                                             TextId::KindSupplyTeam};
    return kText[static_cast<std::size_t>(k)];
}

TextId riskText(Risk r) {
    return r == Risk::High ? TextId::RiskHigh : r == Risk::Medium ? TextId::RiskMedium : TextId::RiskLow;
}

TextId levelText(AreaLevel l) {
    constexpr std::array<TextId, 4> kText = {TextId::LevelDistrict, TextId::LevelSubdistrict,
                                             TextId::LevelCommunity, TextId::LevelCompound};
    return kText[static_cast<std::size_t>(l)];
}

TextId statusText(StaffingStatus s) {
    constexpr std::array<TextId, 4> kText = {TextId::StatusNoDemand, TextId::StatusStaffed,
                                             TextId::StatusShort, TextId::StatusUnstaffed};
    return kText[static_cast<std::size_t>(s)];
}

std::string minutesText(double seconds) {
    char text[16];
    std::snprintf(text, sizeof text, "%.0f", seconds / 60);
    return text;
}

/// "12 分钟（金水一专班）", or that no assigned team gets there.
std::string reachText(const FeedSet& feeds, const TeamReach& reach, Lang lang) {
    const Feed* teams = feeds.get(FeedKind::Teams);
    if (reach.team == kNoTeam || reach.seconds >= kUnreached || !teams || reach.team >= teams->size())
        return std::string(tr(TextId::ReachNone, lang));
    return fillText(tr(TextId::ReachBy, lang),
                    {minutesText(reach.seconds), teams->layer.features[reach.team].shownName()});
}

/// The teams assigned to a feature that `wanted` accepts, by name: "金水一组 6 分钟；二组 12 分钟"
/// (nearest first) when each team's own time is known, else in feed order; with staffing at a
/// slot, whether each is on duty then (who holds a zone 24 h).
std::string assignedText(const FeedSet& feeds, std::string_view id, bool zone, const BriefContext& context,
                         Lang lang, bool (*wanted)(const TeamFields&)) {
    const Feed* teams = feeds.get(FeedKind::Teams);
    if (!teams) return {};
    const StaffingModel* staffing = context.staffing;
    const bool counted = zone && staffing && context.slot >= 0 && context.slot < staffing->slotCount();
    const auto duty = [&](std::uint32_t team, std::string text) {
        if (!counted || team >= teams->size()) return text;
        const std::int32_t people = staffing->teamOnDuty(team)[context.slot];
        return people > 0 ? fillText(tr(TextId::TeamOnDutyNow, lang), {text, std::to_string(people)})
                          : fillText(tr(TextId::TeamOffDutyNow, lang), {text});
    };
    std::vector<std::string> listed;
    if (!context.teamTimes.empty()) {
        for (const TeamReach& r : context.teamTimes)
            if (r.team < teams->teams.size() && wanted(teams->teams[r.team])) {
                const std::string name = teams->layer.features[r.team].shownName();
                listed.push_back(
                    duty(r.team, r.seconds < kUnreached
                                     ? fillText(tr(TextId::TeamMinutes, lang), {name, minutesText(r.seconds)})
                                     : fillText(tr(TextId::TeamCannotReach, lang), {name})));
            }
        return joined(listed, lang);
    }
    for (std::size_t t = 0; t < teams->teams.size(); ++t) {
        const std::vector<std::string>& named = zone ? teams->teams[t].zones : teams->teams[t].posts;
        if (wanted(teams->teams[t]) && std::find(named.begin(), named.end(), id) != named.end())
            listed.push_back(duty(static_cast<std::uint32_t>(t), teams->layer.features[t].shownName()));
    }
    return joined(listed, lang);
}

/// The roster's entries for post `id`, earliest first: "07:00-15:00 金水一组 2 人".
std::string rosterText(const FeedSet& feeds, std::string_view id, Lang lang) {
    const Feed* roster = feeds.get(FeedKind::Roster);
    if (!roster) return {};
    std::vector<const RosterFields*> entries;
    for (const RosterFields& r : roster->roster)
        if (r.post == id) entries.push_back(&r);
    std::stable_sort(entries.begin(), entries.end(), [](const RosterFields* a, const RosterFields* b) {
        return a->from.utcMinutes < b->from.utcMinutes;
    });
    constexpr std::size_t kShown = 6;
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < entries.size() && i < kShown; ++i) {
        const RosterFields& r = *entries[i];
        std::string who = !r.team.empty()    ? nameOf(feeds, FeedKind::Teams, r.team)
                          : r.person.empty() ? r.unit
                                             : r.person;
        lines.push_back(clockText(r.from.localMinuteOfDay()) + "-" + clockText(r.to.localMinuteOfDay()) +
                        " " + (who.empty() ? std::string() : who + " ") +
                        fillText(tr(TextId::PeopleCount, lang), {std::to_string(r.staff)}));
    }
    if (entries.size() > kShown)
        lines.push_back(fillText(tr(TextId::RosterMore, lang), {std::to_string(entries.size())}));
    return joined(lines, lang);
}

/// The shown name of feature `index` of `kind`, or "-".
std::string nameAt(const FeedSet& feeds, FeedKind kind, std::uint32_t index) {
    const Feed* feed = feeds.get(kind);
    return feed && index < feed->size() ? feed->layer.features[index].shownName() : std::string("-");
}

/// The plan's moves into (`in`) or out of post `post`: "2 人 来自 X（07:00-15:00）".
std::string movesText(const FeedSet& feeds, const BriefContext& context, std::uint32_t post, bool in,
                      Lang lang) {
    if (!context.plan || !context.staffing || context.staffing->slotCount() == 0) return {};
    const StaffingDay& day = context.staffing->day();
    std::vector<std::string> lines;
    for (const ReassignmentMove& m : context.plan->moves) {
        if (in ? m.toPost != post : m.fromPost != post) continue;
        const std::string other = !in                          ? nameAt(feeds, FeedKind::Posts, m.toPost)
                                  : m.fromPost != kNoPlanIndex ? nameAt(feeds, FeedKind::Posts, m.fromPost)
                                                               : nameAt(feeds, FeedKind::Teams, m.fromTeam);
        const std::string hours = clockText(day.slotMinuteOfDay(m.firstSlot)) + "-" +
                                  clockText(day.slotMinuteOfDay(m.endSlot % context.staffing->slotCount()));
        lines.push_back(fillText(tr(in ? TextId::MoveIn : TextId::MoveOut, lang),
                                 {std::to_string(m.people), other, hours}));
    }
    return joined(lines, lang);
}

/// "12 / 30 / 5 / 100 / 20" for the area with id `id`, or "" when it gives no colours.
std::string colourText(const FeedSet& feeds, std::string_view id) {
    const Feed* areas = feeds.get(FeedKind::Areas);
    const std::optional<std::uint32_t> at = areas ? areas->find(id) : std::nullopt;
    if (!at || *at >= areas->areas.size()) return {};
    const auto& colours = areas->areas[*at].householdsByColour;
    if (std::all_of(colours.begin(), colours.end(), [](Count c) { return c == kUnknownCount; })) return {};
    std::string out;
    for (const Count c : colours)
        out += (out.empty() ? "" : " / ") + count(c);
    return out;
}

} // namespace

std::vector<PropertyRow> featureBrief(const FeedSet& feeds, FeedKind kind, std::uint32_t index,
                                      const BriefContext& context, Lang lang) {
    const StaffingModel* staffing = context.staffing;
    const int slot = context.slot;
    const Feed* feed = feeds.get(kind);
    if (!feed || index >= feed->size()) return {};
    const FeatureRecord& record = feed->layer.features[index];
    std::vector<PropertyRow> rows;
    const auto add = [&](TextId field, std::string value) {
        rows.push_back({std::string(tr(field, lang)), std::move(value)});
    };
    // The properties these rows already say in words; any other follows under its own key.
    std::vector<std::string_view> known = {"name"};
    if (kind == FeedKind::Posts && index < feed->posts.size()) {
        const PostFields& p = feed->posts[index];
        add(TextId::FieldKind, std::string(tr(postKindText(p.kind), lang)));
        add(TextId::FieldArea, nameOf(feeds, FeedKind::Areas, p.area));
        if (!p.zone.empty()) add(TextId::FieldZone, nameOf(feeds, FeedKind::Zones, p.zone));
        std::string demand;
        for (const DemandShift& s : p.demand)
            demand += (demand.empty() ? std::string() : std::string(tr(TextId::ListSeparator, lang))) +
                      clockText(s.fromMinute) + "-" + clockText(s.toMinute) + " " +
                      fillText(tr(TextId::PeopleCount, lang), {std::to_string(s.staff)});
        add(TextId::FieldDemand, demand.empty() ? "-" : demand);
        if (staffing && index < staffing->postCount() && slot >= 0 && slot < staffing->slotCount()) {
            const int required = staffing->required(index)[slot], onDuty = staffing->onDuty(index)[slot];
            add(TextId::FieldStatusNow,
                fillText(tr(TextId::StatusWithCounts, lang),
                         {tr(statusText(staffing->postStatus(index, slot)), lang),
                          fillText(tr(TextId::RequiredOnDuty, lang),
                                   {std::to_string(required), std::to_string(onDuty)})}));
        }
        if (const std::string roster = rosterText(feeds, record.id, lang); !roster.empty())
            add(TextId::FieldRoster, roster);
        if (const std::string assigned =
                assignedText(feeds, record.id, false, context, lang, [](const TeamFields&) { return true; });
            !assigned.empty())
            add(TextId::FieldAssignedTeams, assigned);
        if (context.coverage && index < context.coverage->posts.size() &&
            context.coverage->posts[index].assignedTeams > 0)
            add(TextId::FieldReach, reachText(feeds, context.coverage->posts[index].assigned, lang));
        if (const std::string in = movesText(feeds, context, index, true, lang); !in.empty())
            add(TextId::FieldMovesIn, in);
        if (const std::string out = movesText(feeds, context, index, false, lang); !out.empty())
            add(TextId::FieldMovesOut, out);
        known.insert(known.end(), {"kind", "area", "zone", "demand"});
    } else if (kind == FeedKind::Zones && index < feed->zones.size()) {
        const ZoneFields& z = feed->zones[index];
        add(TextId::FieldRisk, std::string(tr(riskText(z.risk), lang)));
        add(TextId::FieldArea, nameOf(feeds, FeedKind::Areas, z.area));
        add(TextId::FieldPopulation, count(z.population));
        add(TextId::FieldHouseholds, count(z.households));
        // The task forces assigned to it (一高风险区一专班).
        const std::string forces =
            assignedText(feeds, record.id, true, context, lang,
                         [](const TeamFields& t) { return t.kind == TeamKind::TaskForce; });
        add(TextId::FieldTaskForces, forces.empty() ? std::string(tr(TextId::ZoneStatusNone, lang)) : forces);
        if (context.coverage && index < context.coverage->zones.size() && !forces.empty())
            add(TextId::FieldReach, reachText(feeds, context.coverage->zones[index].assignedTaskForce, lang));
        if (const std::string colours = colourText(feeds, z.area); !colours.empty())
            add(TextId::FieldHouseholdColours, colours);
        known.insert(known.end(), {"risk", "area", "population", "households"});
    } else if (kind == FeedKind::Teams && index < feed->teams.size()) {
        const TeamFields& t = feed->teams[index];
        add(TextId::FieldKind, std::string(tr(teamKindText(t.kind), lang)));
        add(TextId::FieldMembers, fillText(tr(TextId::PeopleCount, lang), {std::to_string(t.members)}));
        add(TextId::FieldMode,
            std::string(tr(t.mode == TravelMode::Walk ? TextId::Walk : TextId::Drive, lang)));
        add(TextId::FieldZones, namesOf(feeds, FeedKind::Zones, t.zones, lang));
        add(TextId::FieldPosts, namesOf(feeds, FeedKind::Posts, t.posts, lang));
        if (!t.leader.empty()) add(TextId::FieldLeader, t.leader);
        if (!t.unit.empty()) add(TextId::FieldUnit, t.unit);
        known.insert(known.end(), {"kind", "members", "mode", "zones", "posts", "leader", "unit"});
    } else if (kind == FeedKind::Areas && index < feed->areas.size()) {
        const AreaFields& a = feed->areas[index];
        add(TextId::FieldLevel, std::string(tr(levelText(a.level), lang)));
        if (!a.parent.empty()) add(TextId::FieldParent, nameOf(feeds, FeedKind::Areas, a.parent));
        add(TextId::FieldPopulation, count(a.population));
        add(TextId::FieldHouseholds, count(a.households));
        if (const std::string colours = colourText(feeds, record.id); !colours.empty())
            add(TextId::FieldHouseholdColours, colours);
        known.insert(known.end(), {"level", "parent", "population", "households"});
    }
    // Everything else the feed carries, as it wrote it (under the field's name where cordon knows
    // it); the id last.
    const JsonParseResult properties = parseJson(feed->layer.propertiesJson(index));
    if (properties.value && properties.value->isObject())
        for (const auto& [key, value] : properties.value->members) {
            if (std::find(known.begin(), known.end(), key) != known.end()) continue;
            const bool zone = kind == FeedKind::Zones;
            rows.push_back({zone && key == "since"   ? std::string(tr(TextId::FieldSince, lang))
                            : zone && key == "until" ? std::string(tr(TextId::FieldUntil, lang))
                                                     : key,
                            displayText(value)});
        }
    add(TextId::FieldId, record.id);
    return rows;
}

} // namespace cordon
