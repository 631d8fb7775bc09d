// The wall's lists of what needs attention now: zones from the staffing model's rule check and the
// coverage report's reach, posts from the staffing model at the slot of now.

#include "core/map/attention.hpp"

#include "core/map/figures.hpp"

#include <algorithm>
#include <map>

namespace cordon {

std::string_view zoneProblemKey(ZoneProblem problem) {
    switch (problem) {
    case ZoneProblem::NoTaskForce:
        return "noTaskForce";
    case ZoneProblem::OffDutyNow:
        return "offDuty";
    case ZoneProblem::Understaffed:
        return "understaffed";
    case ZoneProblem::OutOfReach:
        break;
    }
    return "outOfReach";
}

std::optional<std::uint32_t> districtOf(const Feed& areas, std::string_view areaId) {
    constexpr int kMaxDepth = 16; // compound -> community -> subdistrict -> district, with room
    std::optional<std::uint32_t> at = areas.find(areaId);
    for (int depth = 0; at && depth < kMaxDepth; ++depth) {
        const AreaFields& a = areas.areas[*at];
        if (a.level == AreaLevel::District) return at;
        at = a.parent.empty() ? std::nullopt : areas.find(a.parent);
    }
    return std::nullopt;
}

bool areaWithin(const Feed& areas, std::string_view areaId, std::uint32_t ancestor) {
    constexpr int kMaxDepth = 16;
    std::optional<std::uint32_t> at = areas.find(areaId);
    for (int depth = 0; at && depth < kMaxDepth; ++depth) {
        if (*at == ancestor) return true;
        const std::string& parent = areas.areas[*at].parent;
        at = parent.empty() ? std::nullopt : areas.find(parent);
    }
    return false;
}

namespace {

std::optional<std::uint32_t> districtOfArea(const Feed* areas, const std::string& areaId) {
    if (!areas || areaId.empty()) return std::nullopt;
    return districtOf(*areas, areaId);
}

double minutesOf(const TeamReach& reach) {
    return reach.team == kNoTeam || reach.seconds == kUnreached ? -1 : reach.seconds / 60;
}

std::vector<ZoneAttention> zoneList(const FeedSet& feeds, const CoverageReport* coverage,
                                    const StaffingModel& staffing, int slot) {
    const Feed* zones = feeds.get(FeedKind::Zones);
    const Feed* areas = feeds.get(FeedKind::Areas);
    if (!zones) return {};
    // Coverage by zone feature (its report has one entry per zone, in feed order).
    const auto reachOf = [&](std::uint32_t zone) -> const TargetCoverage* {
        return coverage && zone < coverage->zones.size() ? &coverage->zones[zone] : nullptr;
    };
    std::vector<bool> outOfReach(zones->size(), false);
    if (coverage)
        for (std::uint32_t z : zonesOutOfReach(*coverage, &staffing))
            if (coverage->zones[z].feature < outOfReach.size()) outOfReach[coverage->zones[z].feature] = true;
    std::vector<ZoneAttention> list;
    for (const ZoneStaffing& z : staffing.highRiskZones()) {
        if (z.zone >= zones->size()) continue;
        ZoneAttention a;
        a.zone = z.zone;
        const bool onDuty = std::any_of(z.teams.begin(), z.teams.end(), [&](std::uint32_t t) {
            return slot >= 0 && staffing.teamOnDuty(t)[slot] > 0;
        });
        if (z.noTaskForce)
            a.problem = ZoneProblem::NoTaskForce;
        else if (!onDuty)
            a.problem = ZoneProblem::OffDutyNow;
        else if (z.understaffed)
            a.problem = ZoneProblem::Understaffed;
        else if (outOfReach[z.zone])
            a.problem = ZoneProblem::OutOfReach;
        else
            continue;
        if (const TargetCoverage* c = reachOf(z.zone))
            a.minutes = a.problem == ZoneProblem::OutOfReach || c->assignedTaskForce.team != kNoTeam
                            ? minutesOf(c->assignedTaskForce)
                            : minutesOf(c->nearestByKind[static_cast<int>(TeamKind::TaskForce)]);
        a.district = districtOfArea(areas, zones->zones[z.zone].area);
        list.push_back(a);
    }
    std::stable_sort(list.begin(), list.end(), [](const ZoneAttention& a, const ZoneAttention& b) {
        if (a.problem != b.problem) return a.problem < b.problem;
        return a.minutes > b.minutes;
    });
    return list;
}

std::vector<PostAttention> postList(const FeedSet& feeds, const StaffingModel& staffing, int slot) {
    const Feed* posts = feeds.get(FeedKind::Posts);
    const Feed* areas = feeds.get(FeedKind::Areas);
    if (!posts || slot < 0) return {};
    std::vector<PostAttention> list;
    for (std::uint32_t p = 0; p < staffing.postCount() && p < posts->size(); ++p) {
        const int required = staffing.required(p)[slot];
        const int onDuty = staffing.onDuty(p)[slot];
        if (required <= onDuty) continue;
        PostAttention a;
        a.post = p;
        a.peopleShort = required - onDuty;
        a.required = required;
        const PostKind kind = posts->posts[p].kind;
        a.entryStation = kind == PostKind::CityEntry || kind == PostKind::HighwayExit;
        a.district = districtOfArea(areas, posts->posts[p].area);
        list.push_back(a);
    }
    std::map<std::optional<std::uint32_t>, int> byDistrict;
    for (const PostAttention& a : list)
        byDistrict[a.district] += a.peopleShort;
    std::stable_sort(list.begin(), list.end(), [&](const PostAttention& a, const PostAttention& b) {
        if (a.entryStation != b.entryStation) return a.entryStation;
        if (!a.entryStation && a.district != b.district) {
            const int sa = byDistrict[a.district], sb = byDistrict[b.district];
            if (sa != sb) return sa > sb;
            return a.district < b.district;
        }
        return a.peopleShort > b.peopleShort;
    });
    return list;
}

} // namespace

AttentionLists attentionAt(const FeedSet& feeds, const CoverageReport* coverage,
                           const StaffingModel* staffing, int minuteOfDay,
                           std::optional<std::uint32_t> district) {
    AttentionLists lists;
    if (!staffing) return lists;
    lists.slot = slotAt(staffing->day(), minuteOfDay);
    lists.zones = zoneList(feeds, coverage, *staffing, lists.slot);
    lists.posts = postList(feeds, *staffing, lists.slot);
    if (district) {
        std::erase_if(lists.zones, [&](const ZoneAttention& z) { return z.district != district; });
        std::erase_if(lists.posts, [&](const PostAttention& p) { return p.district != district; });
    }
    return lists;
}

} // namespace cordon
