#include "core/staffing/staffing.hpp"

#include "core/formats/json.hpp"

#include <algorithm>
#include <map>

namespace cordon {

namespace {

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

std::int64_t ceilDiv(std::int64_t a, std::int64_t b) {
    return -floorDiv(-a, b);
}

/// Slots [first, end) whose middle lies in [from, to) (minutes after the day's start).
std::pair<int, int> slotsCovered(std::int64_t from, std::int64_t to, const StaffingDay& day) {
    const std::int64_t l = day.slotMinutes;
    const std::int64_t first = std::clamp<std::int64_t>(ceilDiv(2 * from - l, 2 * l), 0, day.slotCount);
    const std::int64_t end = std::clamp<std::int64_t>(ceilDiv(2 * to - l, 2 * l), 0, day.slotCount);
    return {static_cast<int>(first), static_cast<int>(std::max(first, end))};
}

void addArea(AreaStaffing& to, const AreaStaffing& from, int sign) {
    to.posts += sign * from.posts;
    to.postsShort += sign * from.postsShort;
    to.postsUnstaffed += sign * from.postsUnstaffed;
    to.requiredPersonMinutes += sign * from.requiredPersonMinutes;
    to.onDutyPersonMinutes += sign * from.onDutyPersonMinutes;
    to.shortPersonMinutes += sign * from.shortPersonMinutes;
    to.surplusPersonMinutes += sign * from.surplusPersonMinutes;
    to.nightShortPersonMinutes += sign * from.nightShortPersonMinutes;
    to.highRiskZones += sign * from.highRiskZones;
    to.zoneGaps += sign * from.zoneGaps;
    to.zonesWithoutTaskForce += sign * from.zonesWithoutTaskForce;
    to.zonesUnderstaffed += sign * from.zonesUnderstaffed;
    to.zonesOffDuty += sign * from.zonesOffDuty;
    to.householdsToVisit += sign * from.householdsToVisit;
    to.doorTeams += sign * from.doorTeams;
    to.doorTeamCapacity += sign * from.doorTeamCapacity;
}

void addToRow(std::int32_t* row, int first, int end, int delta) {
    for (int s = first; s < end; ++s)
        row[s] += delta;
}

/// The `area` property of a team (door teams placed by area), or "".
std::string teamAreaProperty(const Feed& teams, std::size_t i) {
    const std::string_view props = teams.layer.propertiesJson(i);
    if (props.find("\"area\"") == std::string_view::npos) return {};
    const JsonParseResult r = parseJson(props);
    const JsonValue* area = r.value ? r.value->find("area") : nullptr;
    if (!area) return {};
    if (area->isString()) return area->string;
    return {};
}

} // namespace

std::optional<StaffingDay> StaffingDay::wholeDay(std::int64_t localDay, int offsetMinutes, int slotMinutes) {
    if (slotMinutes < 1 || slotMinutes > kMinutesPerDay) return std::nullopt;
    StaffingDay d;
    d.start.utcMinutes = localDay * kMinutesPerDay - offsetMinutes;
    d.start.offsetMinutes = offsetMinutes;
    d.slotMinutes = slotMinutes;
    d.slotCount = static_cast<int>(ceilDiv(kMinutesPerDay, slotMinutes));
    return d;
}

int StaffingDay::slotMinuteOfDay(int slot) const {
    Instant t = start;
    t.utcMinutes += std::int64_t(slot) * slotMinutes;
    return t.localMinuteOfDay();
}

std::optional<StaffingDay> rosterDay(const Feed& roster, int slotMinutes) {
    std::map<std::int64_t, std::pair<std::size_t, int>> starts; // local day -> (entries, first offset)
    for (const RosterFields& r : roster.roster) {
        auto [it, fresh] = starts.try_emplace(r.from.localDay(), 0, r.from.offsetMinutes);
        ++it->second.first;
    }
    if (starts.empty()) return std::nullopt;
    auto best = starts.begin();
    for (auto it = starts.begin(); it != starts.end(); ++it)
        if (it->second.first > best->second.first) best = it;
    return StaffingDay::wholeDay(best->first, best->second.second, slotMinutes);
}

StaffingModel StaffingModel::build(const FeedSet& feeds, const StaffingDay& day,
                                   const StaffingOptions& options) {
    StaffingModel m;
    m.m_day = day;
    m.m_options = options;
    const std::size_t slots = static_cast<std::size_t>(std::max(day.slotCount, 0));
    m.m_day.slotCount = static_cast<int>(slots);

    m.m_night.resize(slots);
    const int nightFrom = options.nightFromMinute, nightTo = options.nightToMinute;
    for (std::size_t s = 0; s < slots; ++s) {
        const int t = m.m_day.slotMinuteOfDay(static_cast<int>(s));
        m.m_night[s] =
            nightFrom <= nightTo ? (t >= nightFrom && t < nightTo) : (t >= nightFrom || t < nightTo);
    }

    // Areas: parents and the chain of ancestors of each.
    const Feed* areas = feeds.get(FeedKind::Areas);
    const std::size_t areaCount = areas ? areas->size() : 0;
    m.m_areas.resize(areaCount);
    for (std::size_t a = 0; a < areaCount; ++a)
        if (const auto p = areas->find(areas->areas[a].parent); p && *p != a) m.m_areas[a].parent = int(*p);
    // A parent chain that loops is cut where it closes (reported), so every chain ends at a root.
    for (std::size_t a = 0; a < areaCount; ++a) {
        std::vector<int> seen;
        for (int at = int(a); at >= 0; at = m.m_areas[std::size_t(at)].parent) {
            const int next = m.m_areas[std::size_t(at)].parent;
            seen.push_back(at);
            if (next >= 0 && std::find(seen.begin(), seen.end(), next) != seen.end()) {
                m.m_diagnostics.push_back(
                    {Severity::Warning, "areas", long(at), areas->layer.features[at].id, "properties.parent",
                     "the chain of parents loops: this area is taken as a root", DiagnosticCode::ParentLoop});
                m.m_areas[std::size_t(at)].parent = -1;
                break;
            }
        }
    }
    for (std::size_t a = 0; a < areaCount; ++a) {
        m.m_areas[a].chainBegin = std::uint32_t(m.m_chains.size());
        for (int at = int(a); at >= 0; at = m.m_areas[std::size_t(at)].parent)
            m.m_chains.push_back(at);
        m.m_areas[a].chainEnd = std::uint32_t(m.m_chains.size());
    }
    m.m_bottomUp.resize(areaCount);
    for (std::size_t a = 0; a < areaCount; ++a)
        m.m_bottomUp[a] = std::uint32_t(a);
    std::stable_sort(m.m_bottomUp.begin(), m.m_bottomUp.end(), [&](std::uint32_t x, std::uint32_t y) {
        return m.m_areas[x].chainEnd - m.m_areas[x].chainBegin >
               m.m_areas[y].chainEnd - m.m_areas[y].chainBegin;
    });
    auto areaOf = [&](const std::string& id) -> int {
        if (!areas || id.empty()) return -1;
        const auto i = areas->find(id);
        return i ? int(*i) : -1;
    };

    // Zones: the high-risk ones in force at some time of the day.
    const Feed* zones = feeds.get(FeedKind::Zones);
    std::unordered_map<std::string, std::uint32_t> zoneSlot; // zone id -> index in m_zones
    if (zones)
        for (std::uint32_t z = 0; z < zones->size(); ++z) {
            const ZoneFields& f = zones->zones[z];
            if (f.risk != Risk::High) continue;
            if (f.since && f.since->utcMinutes >= m.m_day.endUtcMinutes()) continue;
            if (f.until && f.until->utcMinutes <= m.m_day.start.utcMinutes) continue;
            zoneSlot.emplace(zones->layer.features[z].id, std::uint32_t(m.m_zones.size()));
            ZoneStaffing zs;
            zs.zone = z;
            m.m_zones.push_back(zs);
            m.m_zoneArea.push_back(areaOf(f.area));
        }

    // Posts: area chain and required staff per slot (difference array per row, then prefix sums).
    const Feed* posts = feeds.get(FeedKind::Posts);
    const std::size_t postCount = posts ? posts->size() : 0;
    m.m_posts.resize(postCount);
    m.m_required.assign(postCount * slots, 0);
    std::vector<std::int32_t> diff(slots + 1);
    const int startOfDay = m.m_day.start.localMinuteOfDay();
    const std::int64_t windowMinutes = std::int64_t(slots) * m.m_day.slotMinutes;
    for (std::size_t p = 0; p < postCount; ++p) {
        const PostFields& f = posts->posts[p];
        m.m_postIds.emplace(posts->layer.features[p].id, std::uint32_t(p));
        int area = areaOf(f.area);
        if (area < 0 && zones && !f.zone.empty())
            if (const auto z = zones->find(f.zone)) area = areaOf(zones->zones[*z].area);
        m.m_posts[p].area = area;

        std::fill(diff.begin(), diff.end(), 0);
        for (const DemandShift& shift : f.demand) {
            if (shift.staff <= 0) continue;
            const int length = shift.toMinute > shift.fromMinute
                                   ? shift.toMinute - shift.fromMinute
                                   : shift.toMinute - shift.fromMinute + kMinutesPerDay;
            // The shift recurs every day: take each occurrence that meets the window.
            for (std::int64_t k = -1; k * kMinutesPerDay - startOfDay < windowMinutes; ++k) {
                const std::int64_t from = k * kMinutesPerDay + shift.fromMinute - startOfDay;
                const auto [first, end] = slotsCovered(from, from + length, m.m_day);
                if (first >= end) continue;
                diff[std::size_t(first)] += shift.staff;
                diff[std::size_t(end)] -= shift.staff;
            }
        }
        std::int32_t run = 0;
        std::int32_t* row = m.m_required.data() + p * slots;
        for (std::size_t s = 0; s < slots; ++s)
            row[s] = run += diff[s];
    }

    // Teams: what task forces hold, which posts teams staff, where door teams work.
    const Feed* teams = feeds.get(FeedKind::Teams);
    const std::size_t teamCount = teams ? teams->size() : 0;
    m.m_teams.resize(teamCount);
    m.m_areaHouseholds.assign(areaCount, AreaStaffing{});
    for (std::uint32_t t = 0; t < teamCount; ++t) {
        const TeamFields& f = teams->teams[t];
        TeamInfo& info = m.m_teams[t];
        m.m_teamIds.emplace(teams->layer.features[t].id, t);
        info.taskForce = f.kind == TeamKind::TaskForce;
        info.members = f.members;
        for (const std::string& id : f.posts)
            if (const auto p = m.m_postIds.find(id); p != m.m_postIds.end()) info.posts.push_back(p->second);
        if (info.taskForce)
            for (const std::string& id : f.zones)
                if (const auto z = zoneSlot.find(id); z != zoneSlot.end()) {
                    info.zones.push_back(z->second);
                    m.m_zones[z->second].teams.push_back(t);
                }
        if (f.kind == TeamKind::DoorTeam) {
            int area = areaOf(teamAreaProperty(*teams, t));
            for (std::size_t i = 0; area < 0 && zones && i < f.zones.size(); ++i)
                if (const auto z = zones->find(f.zones[i])) area = areaOf(zones->zones[*z].area);
            AreaStaffing one;
            one.doorTeams = 1;
            one.doorTeamCapacity = options.householdsPerDoorTeam;
            addArea(m.m_cityHouseholds, one, 1);
            if (area >= 0)
                for (int a : m.chain(area))
                    addArea(m.m_areaHouseholds[std::size_t(a)], one, 1);
        }
    }

    // Households to visit: from the lowest areas that give colour counts (deepest first).
    if (areas) {
        std::vector<Count> childSum(areaCount, 0);
        std::vector<std::uint8_t> childHasData(areaCount, 0);
        for (std::uint32_t a : m.m_bottomUp) {
            const auto& colours = areas->areas[a].householdsByColour;
            const Count red = colours[int(HouseholdColour::Red)],
                        orange = colours[int(HouseholdColour::Orange)];
            const bool own = red != kUnknownCount || orange != kUnknownCount;
            const Count need =
                childHasData[a] ? childSum[a] : std::max<Count>(red, 0) + std::max<Count>(orange, 0);
            m.m_areaHouseholds[a].householdsToVisit = need;
            if (const int parent = m.m_areas[a].parent; parent >= 0) {
                childSum[std::size_t(parent)] += need;
                childHasData[std::size_t(parent)] |= std::uint8_t(own || childHasData[a]);
            } else {
                m.m_cityHouseholds.householdsToVisit += need;
            }
        }
    }

    m.m_teamDuty.assign(teamCount * slots, 0);
    m.m_onDuty.assign(postCount * slots, 0);
    const Feed* roster = feeds.get(FeedKind::Roster);
    m.recompute(roster ? std::span<const RosterFields>(roster->roster) : std::span<const RosterFields>(),
                roster);
    return m;
}

StaffingModel::Placement StaffingModel::place(const RosterFields& entry) const {
    Placement p;
    if (!entry.post.empty()) {
        const auto it = m_postIds.find(entry.post);
        p.post = it == m_postIds.end() ? -1 : int(it->second);
        p.resolved = p.post >= 0;
    }
    if (!entry.team.empty()) {
        const auto it = m_teamIds.find(entry.team);
        p.team = it == m_teamIds.end() ? -1 : int(it->second);
        p.resolved = p.resolved && p.team >= 0;
    }
    if (entry.post.empty() && entry.team.empty()) p.resolved = false;
    if (!p.resolved) return p;
    const auto [first, end] = slotsCovered(entry.from.utcMinutes - m_day.start.utcMinutes,
                                           entry.to.utcMinutes - m_day.start.utcMinutes, m_day);
    p.firstSlot = first;
    p.endSlot = end;
    p.staff = entry.staff;
    return p;
}

void StaffingModel::addPlacement(const Placement& p, int sign) {
    if (!p.resolved || p.firstSlot >= p.endSlot || p.staff == 0) return;
    const std::size_t slots = std::size_t(m_day.slotCount);
    if (p.team >= 0) {
        addToRow(m_teamDuty.data() + std::size_t(p.team) * slots, p.firstSlot, p.endSlot, sign * p.staff);
    }
    if (p.post >= 0) {
        addToRow(m_onDuty.data() + std::size_t(p.post) * slots, p.firstSlot, p.endSlot, sign * p.staff);
        return;
    }
    // A team entry without a post: its people are spread over the team's posts in list order.
    const std::vector<std::uint32_t>& posts = m_teams[std::size_t(p.team)].posts;
    const int n = int(posts.size());
    for (int i = 0; i < n; ++i) {
        const int share = p.staff / n + (i < p.staff % n ? 1 : 0);
        if (share == 0) continue;
        addToRow(m_onDuty.data() + std::size_t(posts[std::size_t(i)]) * slots, p.firstSlot, p.endSlot,
                 sign * share);
    }
}

void StaffingModel::recompute(std::span<const RosterFields> roster, const Feed* rosterFeed) {
    const std::size_t slots = std::size_t(m_day.slotCount);
    std::erase_if(m_diagnostics, [](const Diagnostic& d) { return d.feed == "roster"; });
    // Difference arrays: each entry touches two cells, prefix sums make the rows.
    std::vector<std::int32_t> postDiff(m_posts.size() * (slots + 1), 0);
    std::vector<std::int32_t> teamDiff(m_teams.size() * (slots + 1), 0);
    for (std::size_t i = 0; i < roster.size(); ++i) {
        const RosterFields& entry = roster[i];
        const Placement p = place(entry);
        if (!p.resolved) {
            const bool badPost = entry.team.empty() || (!entry.post.empty() && !m_postIds.count(entry.post));
            const std::string& id = badPost ? entry.post : entry.team;
            m_diagnostics.push_back(
                {Severity::Warning,
                 "roster",
                 long(i),
                 rosterFeed && i < rosterFeed->size() ? rosterFeed->layer.features[i].id : std::string(),
                 badPost ? "properties.post" : "properties.team",
                 "unknown " + std::string(badPost ? "post" : "team") + " id '" + id +
                     "': the entry is left out of the staffing figures",
                 badPost ? DiagnosticCode::RosterUnknownPost : DiagnosticCode::RosterUnknownTeam,
                 {id}});
            continue;
        }
        if (p.firstSlot >= p.endSlot || p.staff == 0) continue;
        auto mark = [&](std::vector<std::int32_t>& diff, std::size_t row, int staff) {
            diff[row * (slots + 1) + std::size_t(p.firstSlot)] += staff;
            diff[row * (slots + 1) + std::size_t(p.endSlot)] -= staff;
        };
        if (p.team >= 0) mark(teamDiff, std::size_t(p.team), p.staff);
        if (p.post >= 0) {
            mark(postDiff, std::size_t(p.post), p.staff);
            continue;
        }
        const std::vector<std::uint32_t>& posts = m_teams[std::size_t(p.team)].posts;
        const int n = int(posts.size());
        for (int k = 0; k < n; ++k)
            mark(postDiff, posts[std::size_t(k)], p.staff / n + (k < p.staff % n ? 1 : 0));
    }
    auto integrate = [slots](const std::vector<std::int32_t>& diff, std::vector<std::int32_t>& rows) {
        const std::size_t n = rows.size() / std::max<std::size_t>(slots, 1);
        for (std::size_t r = 0; r < n; ++r) {
            std::int32_t run = 0;
            const std::int32_t* d = diff.data() + r * (slots + 1);
            std::int32_t* out = rows.data() + r * slots;
            for (std::size_t s = 0; s < slots; ++s)
                out[s] = run += d[s];
        }
    };
    integrate(postDiff, m_onDuty);
    integrate(teamDiff, m_teamDuty);

    m_postSummaries.resize(m_posts.size());
    for (std::size_t p = 0; p < m_posts.size(); ++p)
        m_postSummaries[p] = summarise(p);
    for (ZoneStaffing& z : m_zones)
        summariseZone(z);
    rollUpAll();
}

PostSummary StaffingModel::summarise(std::size_t post) const {
    const std::size_t slots = std::size_t(m_day.slotCount);
    const std::int32_t* req = m_required.data() + post * slots;
    const std::int32_t* duty = m_onDuty.data() + post * slots;
    const std::int64_t l = m_day.slotMinutes;
    PostSummary s;
    int run = 0, runStart = 0;
    bool anyone = false;
    for (std::size_t i = 0; i < slots; ++i) {
        const int need = req[i], have = duty[i];
        s.requiredPersonMinutes += need * l;
        s.onDutyPersonMinutes += have * l;
        anyone = anyone || have > 0;
        if (have < need) {
            const int gap = need - have;
            s.shortPersonMinutes += gap * l;
            if (m_night[i]) s.nightShortPersonMinutes += gap * l;
            ++s.shortSlots;
            s.peakShort = std::max(s.peakShort, gap);
            if (run++ == 0) runStart = int(i);
            if (run > s.worstGapSlots) s.worstGapSlots = run, s.worstGapStart = runStart;
        } else {
            s.surplusPersonMinutes += (have - need) * l;
            run = 0;
        }
    }
    s.unstaffed = !anyone && s.requiredPersonMinutes > 0;
    return s;
}

void StaffingModel::summariseZone(ZoneStaffing& z) const {
    const std::size_t slots = std::size_t(m_day.slotCount);
    z.noTaskForce = z.teams.empty();
    z.maxMembers = 0;
    z.offDutySlots = 0;
    z.firstOffDutySlot = -1;
    for (std::uint32_t t : z.teams)
        z.maxMembers = std::max(z.maxMembers, m_teams[t].members);
    z.understaffed = !z.noTaskForce && z.maxMembers < m_options.minTaskForceMembers;
    for (std::size_t s = 0; s < slots; ++s) {
        bool covered = false;
        for (std::uint32_t t : z.teams)
            covered = covered || m_teamDuty[t * slots + s] > 0;
        if (!covered && z.offDutySlots++ == 0) z.firstOffDutySlot = int(s);
    }
}

std::span<const int> StaffingModel::chain(int area) const {
    if (area < 0) return {};
    const AreaInfo& a = m_areas[std::size_t(area)];
    return {m_chains.data() + a.chainBegin, a.chainEnd - a.chainBegin};
}

void StaffingModel::addPost(AreaStaffing& a, std::size_t post, int sign) const {
    const PostSummary& s = m_postSummaries[post];
    a.posts += sign;
    a.postsShort += sign * (s.shortSlots > 0);
    a.postsUnstaffed += sign * s.unstaffed;
    a.requiredPersonMinutes += sign * s.requiredPersonMinutes;
    a.onDutyPersonMinutes += sign * s.onDutyPersonMinutes;
    a.shortPersonMinutes += sign * s.shortPersonMinutes;
    a.surplusPersonMinutes += sign * s.surplusPersonMinutes;
    a.nightShortPersonMinutes += sign * s.nightShortPersonMinutes;
    if (s.shortSlots == 0) return;
    const std::size_t slots = std::size_t(m_day.slotCount);
    const std::int32_t* req = m_required.data() + post * slots;
    const std::int32_t* duty = m_onDuty.data() + post * slots;
    std::int32_t* out = a.shortBySlot.data();
    for (std::size_t i = 0; i < slots; ++i)
        out[i] += sign * std::max(0, req[i] - duty[i]);
}

void StaffingModel::addZone(AreaStaffing& a, std::size_t zone, int sign) const {
    const ZoneStaffing& z = m_zones[zone];
    a.highRiskZones += sign;
    a.zoneGaps += sign * z.isGap();
    a.zonesWithoutTaskForce += sign * z.noTaskForce;
    a.zonesUnderstaffed += sign * z.understaffed;
    a.zonesOffDuty += sign * (!z.noTaskForce && z.offDutySlots > 0);
}

void StaffingModel::addPostToAreas(std::size_t post, int sign) {
    addPost(m_city, post, sign);
    for (int a : chain(m_posts[post].area))
        addPost(m_areaTotals[std::size_t(a)], post, sign);
}

void StaffingModel::addZoneToAreas(std::size_t zone, int sign) {
    addZone(m_city, zone, sign);
    for (int a : chain(m_zoneArea[zone]))
        addZone(m_areaTotals[std::size_t(a)], zone, sign);
}

void StaffingModel::rollUpAll() {
    const std::size_t slots = std::size_t(m_day.slotCount);
    // Start from the households (already rolled up), keeping the slot arrays' memory.
    auto reset = [slots](AreaStaffing& a, const AreaStaffing& households) {
        std::vector<std::int32_t> bySlot = std::move(a.shortBySlot);
        a = households;
        bySlot.assign(slots, 0);
        a.shortBySlot = std::move(bySlot);
    };
    m_areaTotals.resize(m_areas.size());
    for (std::size_t a = 0; a < m_areas.size(); ++a)
        reset(m_areaTotals[a], m_areaHouseholds[a]);
    reset(m_city, m_cityHouseholds);
    // Each post and zone into its own area, then every area into its parent, deepest first.
    for (std::size_t p = 0; p < m_posts.size(); ++p)
        addPost(m_posts[p].area >= 0 ? m_areaTotals[std::size_t(m_posts[p].area)] : m_city, p, 1);
    for (std::size_t z = 0; z < m_zones.size(); ++z)
        addZone(m_zoneArea[z] >= 0 ? m_areaTotals[std::size_t(m_zoneArea[z])] : m_city, z, 1);
    for (std::uint32_t a : m_bottomUp) {
        const AreaStaffing& child = m_areaTotals[a];
        AreaStaffing& up = m_areas[a].parent >= 0 ? m_areaTotals[std::size_t(m_areas[a].parent)] : m_city;
        up.posts += child.posts;
        up.postsShort += child.postsShort;
        up.postsUnstaffed += child.postsUnstaffed;
        up.requiredPersonMinutes += child.requiredPersonMinutes;
        up.onDutyPersonMinutes += child.onDutyPersonMinutes;
        up.shortPersonMinutes += child.shortPersonMinutes;
        up.surplusPersonMinutes += child.surplusPersonMinutes;
        up.nightShortPersonMinutes += child.nightShortPersonMinutes;
        for (std::size_t i = 0; i < slots; ++i)
            up.shortBySlot[i] += child.shortBySlot[i];
        up.highRiskZones += child.highRiskZones;
        up.zoneGaps += child.zoneGaps;
        up.zonesWithoutTaskForce += child.zonesWithoutTaskForce;
        up.zonesUnderstaffed += child.zonesUnderstaffed;
        up.zonesOffDuty += child.zonesOffDuty;
    }
}

bool StaffingModel::applyRosterChange(const RosterFields* before, const RosterFields* after) {
    // Take the touched posts and zones out of the roll-ups, change the rows, put them back.
    const Placement old = before ? place(*before) : Placement{.resolved = false};
    const Placement now = after ? place(*after) : Placement{.resolved = false};
    std::vector<std::size_t> posts, zones;
    auto collect = [&](const Placement& p) {
        if (!p.resolved) return;
        if (p.post >= 0) posts.push_back(std::size_t(p.post));
        if (p.team >= 0) {
            if (p.post < 0)
                for (std::uint32_t q : m_teams[std::size_t(p.team)].posts)
                    posts.push_back(q);
            for (std::uint32_t z : m_teams[std::size_t(p.team)].zones)
                zones.push_back(z);
        }
    };
    collect(old);
    collect(now);
    std::sort(posts.begin(), posts.end());
    posts.erase(std::unique(posts.begin(), posts.end()), posts.end());
    std::sort(zones.begin(), zones.end());
    zones.erase(std::unique(zones.begin(), zones.end()), zones.end());
    for (std::size_t p : posts)
        addPostToAreas(p, -1);
    for (std::size_t z : zones)
        addZoneToAreas(z, -1);
    addPlacement(old, -1);
    addPlacement(now, 1);
    for (std::size_t p : posts) {
        m_postSummaries[p] = summarise(p);
        addPostToAreas(p, 1);
    }
    for (std::size_t z : zones) {
        summariseZone(m_zones[z]);
        addZoneToAreas(z, 1);
    }
    return !after || now.resolved;
}

std::span<const std::int32_t> StaffingModel::required(std::size_t post) const {
    return {m_required.data() + post * std::size_t(m_day.slotCount), std::size_t(m_day.slotCount)};
}

std::span<const std::int32_t> StaffingModel::onDuty(std::size_t post) const {
    return {m_onDuty.data() + post * std::size_t(m_day.slotCount), std::size_t(m_day.slotCount)};
}

StaffingStatus staffingStatus(std::int32_t required, std::int32_t onDuty) {
    if (required <= 0) return StaffingStatus::NoDemand;
    if (onDuty <= 0) return StaffingStatus::Unstaffed;
    return onDuty < required ? StaffingStatus::Short : StaffingStatus::Staffed;
}

StaffingStatus StaffingModel::postStatus(std::size_t post, int slot) const {
    if (slot >= 0 && slot < m_day.slotCount) return staffingStatus(required(post)[slot], onDuty(post)[slot]);
    const PostSummary& day = m_postSummaries[post];
    if (day.requiredPersonMinutes <= 0) return StaffingStatus::NoDemand;
    if (day.unstaffed) return StaffingStatus::Unstaffed;
    return day.shortSlots > 0 ? StaffingStatus::Short : StaffingStatus::Staffed;
}

StaffingStatus StaffingModel::zoneStatus(const ZoneStaffing& zone, int slot) const {
    if (zone.noTaskForce) return StaffingStatus::Unstaffed;
    if (zone.understaffed) return StaffingStatus::Short;
    if (slot < 0 || slot >= m_day.slotCount)
        return zone.offDutySlots > 0 ? StaffingStatus::Short : StaffingStatus::Staffed;
    for (std::uint32_t team : zone.teams)
        if (team < m_teams.size() && teamOnDuty(team)[slot] > 0) return StaffingStatus::Staffed;
    return StaffingStatus::Short;
}

std::span<const std::int32_t> StaffingModel::teamOnDuty(std::size_t team) const {
    return {m_teamDuty.data() + team * std::size_t(m_day.slotCount), std::size_t(m_day.slotCount)};
}

} // namespace cordon
