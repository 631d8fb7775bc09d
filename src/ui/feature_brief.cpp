// The 详情 tab's rows: the fields cordon knows for each feed, in words; the rest as the feed
// wrote them.

#include "ui/feature_brief.hpp"

#include "core/formats/clock_time.hpp"
#include "core/formats/json.hpp"

#include <algorithm>
#include <array>
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

} // namespace

std::vector<PropertyRow> featureBrief(const FeedSet& feeds, FeedKind kind, std::uint32_t index,
                                      const StaffingModel* staffing, int slot, Lang lang) {
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
        known.insert(known.end(), {"kind", "area", "zone", "demand"});
    } else if (kind == FeedKind::Zones && index < feed->zones.size()) {
        const ZoneFields& z = feed->zones[index];
        add(TextId::FieldRisk, std::string(tr(riskText(z.risk), lang)));
        add(TextId::FieldArea, nameOf(feeds, FeedKind::Areas, z.area));
        add(TextId::FieldPopulation, count(z.population));
        add(TextId::FieldHouseholds, count(z.households));
        // The task forces assigned to it (一高风险区一专班).
        std::vector<std::string> forces;
        if (const Feed* teams = feeds.get(FeedKind::Teams))
            for (std::size_t t = 0; t < teams->teams.size(); ++t)
                if (teams->teams[t].kind == TeamKind::TaskForce &&
                    std::find(teams->teams[t].zones.begin(), teams->teams[t].zones.end(), record.id) !=
                        teams->teams[t].zones.end())
                    forces.push_back(teams->layer.features[t].shownName());
        add(TextId::FieldTaskForces,
            forces.empty() ? std::string(tr(TextId::ZoneStatusNone, lang)) : joined(forces, lang));
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
        known.insert(known.end(), {"level", "parent", "population", "households"});
    }
    // Everything else the feed carries, as it wrote it; the id last.
    const JsonParseResult properties = parseJson(feed->layer.propertiesJson(index));
    if (properties.value && properties.value->isObject())
        for (const auto& [key, value] : properties.value->members)
            if (std::find(known.begin(), known.end(), key) == known.end())
                rows.push_back({key, displayText(value)});
    add(TextId::FieldId, record.id);
    return rows;
}

} // namespace cordon
