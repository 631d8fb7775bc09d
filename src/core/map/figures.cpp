#include "core/map/figures.hpp"

#include <algorithm>

namespace cordon {
namespace {

constexpr std::string_view kKeys[kFigureCount] = {
    "highRiskZones", "zonesBreakingRule", "zonesWithoutTaskForce", "zonesOutOfReach",
    "postsShortNow", "personHoursShort",  "householdsAwaiting"};

constexpr FeedKind kZoneRuleInputs[] = {FeedKind::Zones, FeedKind::Teams, FeedKind::Roster};
constexpr FeedKind kReachInputs[] = {FeedKind::Zones, FeedKind::Teams, FeedKind::Roads};
constexpr FeedKind kPostInputs[] = {FeedKind::Posts, FeedKind::Roster};
constexpr FeedKind kHouseholdInputs[] = {FeedKind::Areas, FeedKind::Teams, FeedKind::Roster};
constexpr FeedKind kZoneInputs[] = {FeedKind::Zones};

} // namespace

std::string_view figureKey(FigureId figure) {
    return kKeys[static_cast<std::size_t>(figure)];
}

std::span<const FeedKind> figureInputs(FigureId figure) {
    switch (figure) {
    case FigureId::HighRiskZones:
        return kZoneInputs;
    case FigureId::ZonesBreakingRule:
    case FigureId::ZonesWithoutTaskForce:
        return kZoneRuleInputs;
    case FigureId::ZonesOutOfReach:
        return kReachInputs;
    case FigureId::PostsShortNow:
    case FigureId::PersonHoursShort:
        return kPostInputs;
    case FigureId::HouseholdsAwaiting:
        return kHouseholdInputs;
    }
    return {};
}

int slotAt(const StaffingDay& day, int minuteOfDay) {
    const int sinceStart =
        ((minuteOfDay - day.slotMinuteOfDay(0)) % kMinutesPerDay + kMinutesPerDay) % kMinutesPerDay;
    return std::min(sinceStart / day.slotMinutes, day.slotCount - 1);
}

std::vector<std::uint32_t> zonesOutOfReach(const CoverageReport& coverage, const StaffingModel* staffing) {
    if (!staffing) return coverage.highRiskWithoutTaskForce;
    std::vector<bool> inForce;
    for (const ZoneStaffing& z : staffing->highRiskZones()) {
        if (z.zone >= inForce.size()) inForce.resize(z.zone + 1, false);
        inForce[z.zone] = true;
    }
    std::vector<std::uint32_t> out;
    for (std::uint32_t z : coverage.highRiskWithoutTaskForce) {
        const std::uint32_t feature = coverage.zones[z].feature;
        if (feature < inForce.size() && inForce[feature]) out.push_back(z);
    }
    return out;
}

Figures computeFigures(const FeedSet& feeds, const StaffingModel* staffing, const CoverageReport* coverage,
                       int minuteOfDay) {
    Figures f;
    auto set = [&](FigureId id, double v) { f.values[static_cast<std::size_t>(id)] = v; };
    if (staffing) {
        set(FigureId::HighRiskZones, double(staffing->highRiskZones().size()));
    } else if (const Feed* zones = feeds.get(FeedKind::Zones)) {
        set(FigureId::HighRiskZones,
            double(std::count_if(zones->zones.begin(), zones->zones.end(),
                                 [](const ZoneFields& z) { return z.risk == Risk::High; })));
    }
    if (coverage) {
        set(FigureId::ZonesOutOfReach, double(zonesOutOfReach(*coverage, staffing).size()));
        f.thresholdMinutes = coverage->thresholdSeconds / 60;
    }
    if (!staffing) return f;
    const AreaStaffing& city = staffing->city();
    set(FigureId::ZonesBreakingRule, city.zoneGaps);
    set(FigureId::ZonesWithoutTaskForce, city.zonesWithoutTaskForce);
    f.slot = slotAt(staffing->day(), minuteOfDay);
    int shortNow = 0;
    for (std::size_t p = 0; p < staffing->postCount(); ++p)
        shortNow += staffing->required(p)[f.slot] > staffing->onDuty(p)[f.slot];
    set(FigureId::PostsShortNow, shortNow);
    set(FigureId::PersonHoursShort, double(city.shortPersonMinutes) / 60);
    set(FigureId::HouseholdsAwaiting, double(city.householdsUnvisited()));
    return f;
}

} // namespace cordon
