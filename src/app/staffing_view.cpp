// The staffing view: the gaps panel and legend models and the staffing overlay, from the situation.

#include "app/staffing_view.hpp"

#include "core/geo/mercator.hpp"
#include "core/map/figures.hpp"
#include "render/style.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace cordon {

namespace {

std::optional<LonLat> firstPosition(const Feed* feed, std::uint32_t feature) {
    if (!feed || feature >= feed->size()) return std::nullopt;
    return feed->layer.firstPosition(feature);
}

std::string featureLabel(const Feed* feed, std::uint32_t feature) {
    if (!feed || feature >= feed->size()) return "-";
    return feed->layer.features[feature].shownName();
}

/// Where a status sits in the legend's lists (staffed, short, unstaffed, no demand).
std::size_t legendIndex(StaffingStatus status) {
    return status == StaffingStatus::NoDemand ? 3 : static_cast<std::size_t>(status) - 1;
}

LegendSymbol legendSymbol(SymbolShape shape, SymbolFill fill, Rgba colour) {
    return {static_cast<int>(shape), static_cast<int>(fill), colour.r, colour.g, colour.b};
}

/// The district (the top of its areas) a post lies in, as an areas feature index; -1 for none.
/// Whether post `post` lies in area `area` (a district, sub-district or any area above it).
bool postWithin(const StaffingModel& model, std::size_t post, std::uint32_t area) {
    for (int at = model.postArea(post), depth = 0; at >= 0 && depth < 16; ++depth) {
        if (static_cast<std::uint32_t>(at) == area) return true;
        at = model.areaParent(static_cast<std::size_t>(at));
    }
    return false;
}

int districtOfPost(const StaffingModel& model, std::size_t post) {
    int area = model.postArea(post);
    while (area >= 0 && model.areaParent(static_cast<std::size_t>(area)) >= 0)
        area = model.areaParent(static_cast<std::size_t>(area));
    return area;
}

} // namespace

void StaffingView::staffingChanged(const Situation& situation) {
    m_gaps.available = situation.staffing() != nullptr;
    clearPlan(); // a plan is for the data it was made from
    if (!m_gaps.available) return;
    const Feed* posts = situation.feeds().get(FeedKind::Posts);
    const StaffingModel& model = *situation.staffing();
    m_gaps.slotMinutes = model.day().slotMinutes;
    m_allRows.clear();
    const Feed* areas = situation.feeds().get(FeedKind::Areas);
    for (std::size_t p = 0; posts && p < model.postCount() && p < posts->size(); ++p) {
        const PostSummary& s = model.postSummary(p);
        if (s.shortPersonMinutes == 0) continue;
        GapRow row;
        row.post = static_cast<std::uint32_t>(p);
        row.id = posts->layer.features[p].id;
        row.name = posts->layer.features[p].shownName();
        const int district = districtOfPost(model, p);
        if (areas && district >= 0 && static_cast<std::size_t>(district) < areas->size()) {
            row.district = areas->layer.features[static_cast<std::size_t>(district)].name;
            row.districtArea = district;
        }
        row.hoursShort = static_cast<double>(s.shortPersonMinutes) / 60;
        row.nightHoursShort = static_cast<double>(s.nightShortPersonMinutes) / 60;
        row.worstGapStartMinute = s.worstGapStart >= 0 ? model.day().slotMinuteOfDay(s.worstGapStart) : -1;
        row.worstGapHours = s.worstGapSlots * model.day().slotMinutes / 60.0;
        m_allRows.push_back(std::move(row));
    }
    std::stable_sort(m_allRows.begin(), m_allRows.end(),
                     [](const GapRow& a, const GapRow& b) { return a.hoursShort > b.hoursShort; });
    updateScrub(situation);
    applyFilter(situation);
}

void StaffingView::clearPlan() {
    m_gaps.hasPlan = false;
    m_gaps.plan.clear();
    m_arrows.clear();
    m_arrowRow.clear();
    m_allPlan.clear();
    m_allArrows.clear();
    m_planHasArrow.clear();
}

void StaffingView::setFilter(const Situation& situation, const ViewFilter& filter) {
    m_filter = filter;
    applyFilter(situation);
}

namespace {

/// Whether [from, to) minutes of the day (to may run past midnight) holds `minute` of the day.
bool covers(int from, int to, int minute) {
    return (from <= minute && minute < to) ||
           (from <= minute + kMinutesPerDay && minute + kMinutesPerDay < to);
}

/// Whether [from, to) overlaps the night shift, 23:00-07:00.
bool atNight(int from, int to) {
    constexpr int kNightStart = 23 * 60, kNightEnd = 7 * 60;
    const auto overlaps = [&](int a, int b) { return from < b && a < to; };
    return overlaps(kNightStart - kMinutesPerDay, kNightEnd) ||
           overlaps(kNightStart, kNightEnd + kMinutesPerDay);
}

} // namespace

std::vector<LabelAnchor> StaffingView::planLabels(Lang lang) const {
    std::vector<LabelAnchor> labels;
    char minutes[16];
    for (std::size_t i = 0; i < m_arrows.size() && i < m_arrowRow.size(); ++i) {
        const PlanRow& move = m_gaps.plan[m_arrowRow[i]];
        const MercatorPoint from = mercator::project(m_arrows[i].from),
                            to = mercator::project(m_arrows[i].to);
        std::snprintf(minutes, sizeof minutes, "%.0f", move.travelMinutes);
        labels.push_back({fillText(tr(TextId::PlanMoveLabel, lang), {std::to_string(move.people), minutes}),
                          MercatorPoint{(from.x + to.x) / 2, (from.y + to.y) / 2}, LabelKind::PlanMove,
                          static_cast<std::uint32_t>(m_arrowRow[i]),
                          std::hypot(to.x - from.x, to.y - from.y)});
    }
    return labels;
}

void StaffingView::fillFigures(const Situation& situation, Lang lang) {
    const StaffingModel* model = situation.staffing();
    if (!model) return;
    const Feed* areas = situation.feeds().get(FeedKind::Areas);
    const std::optional<std::uint32_t> district = m_filter.district;
    const bool narrowed = district && *district < model->areaCount() && areas && *district < areas->size();
    const AreaStaffing& a = narrowed ? model->area(*district) : model->city();
    m_gaps.scope =
        narrowed ? areas->layer.features[*district].shownName() : std::string(tr(TextId::FilterCity, lang));
    m_gaps.postsShort = a.postsShort;
    m_gaps.postsUnstaffed = a.postsUnstaffed;
    m_gaps.personHoursShort = static_cast<double>(a.shortPersonMinutes) / 60;
    m_gaps.nightPersonHoursShort = static_cast<double>(a.nightShortPersonMinutes) / 60;
    m_gaps.zoneGaps = a.zoneGaps;
    m_gaps.zonesWithoutTaskForce = a.zonesWithoutTaskForce;
    m_gaps.householdsUnvisited = static_cast<long long>(a.householdsUnvisited());
    m_gaps.shortBySlot.assign(a.shortBySlot.begin(), a.shortBySlot.end());
}

void StaffingView::applyFilter(const Situation& situation) {
    fillFigures(situation, m_gaps.lang);
    const StaffingModel* model = situation.staffing();
    const int slot = m_gaps.scrubSlot;
    const bool scrubbed =
        m_filter.time == TimeFilter::Scrubbed && model && slot >= 0 && slot < model->slotCount();
    const auto inArea = [&](std::uint32_t post) {
        return !m_filter.district ||
               (model && post < model->postCount() && postWithin(*model, post, *m_filter.district));
    };
    m_gaps.rows.clear();
    for (const GapRow& row : m_allRows) {
        if (!inArea(row.post)) continue;
        if (m_filter.time == TimeFilter::Night && row.nightHoursShort <= 0) continue;
        if (scrubbed && !(model->required(row.post)[slot] > model->onDuty(row.post)[slot])) continue;
        m_gaps.rows.push_back(row);
    }
    m_gaps.plan.clear();
    m_arrows.clear();
    m_arrowRow.clear();
    m_gaps.planNarrowed = m_filter.active();
    m_gaps.shownMovedHours = m_gaps.shownTravelMinutes = 0;
    const int minute = scrubbed ? model->day().slotMinuteOfDay(slot) : -1;
    for (std::size_t i = 0; i < m_allPlan.size(); ++i) {
        const PlanRow& move = m_allPlan[i];
        if (!inArea(move.toPost)) continue;
        if (m_filter.time == TimeFilter::Night && !atNight(move.fromMinute, move.toMinute)) continue;
        if (scrubbed && !covers(move.fromMinute, move.toMinute, minute)) continue;
        m_gaps.plan.push_back(move);
        const int minutes =
            ((move.toMinute - move.fromMinute) % kMinutesPerDay + kMinutesPerDay) % kMinutesPerDay;
        m_gaps.shownMovedHours += move.people * (minutes == 0 ? kMinutesPerDay : minutes) / 60.0;
        m_gaps.shownTravelMinutes += move.people * move.travelMinutes;
        if (m_planHasArrow[i]) {
            m_arrows.push_back(m_allArrows[i]);
            m_arrowRow.push_back(m_gaps.plan.size() - 1);
        }
    }
}

void StaffingView::showPlan(const Situation& situation) {
    clearPlan();
    const StaffingPlan* made = situation.plan();
    if (!made || !situation.staffing()) return;
    const ReassignmentPlan& plan = made->best;
    const ReassignmentPlan& greedy = made->greedy;
    m_gaps.hasPlan = true;
    m_gaps.planFilledHours = static_cast<double>(plan.gapPersonMinutesClosed) / 60;
    m_gaps.planTravelMinutes = static_cast<double>(plan.totalSeconds) / 60;
    m_gaps.greedyFilledHours = static_cast<double>(greedy.gapPersonMinutesClosed) / 60;
    m_gaps.greedyTravelMinutes = static_cast<double>(greedy.totalSeconds) / 60;
    const Feed* posts = situation.feeds().get(FeedKind::Posts);
    const Feed* teams = situation.feeds().get(FeedKind::Teams);
    const StaffingModel& model = *situation.staffing();
    const StaffingDay& day = model.day();
    for (const ReassignmentMove& move : plan.assignments) {
        const bool fromTeam = move.fromTeam != kNoPlanIndex;
        const Feed* source = fromTeam ? teams : posts;
        const std::uint32_t sourceIndex = fromTeam ? move.fromTeam : move.fromPost;
        const int district = move.toPost < model.postCount() ? districtOfPost(model, move.toPost) : -1;
        m_allPlan.push_back(
            {featureLabel(source, sourceIndex), featureLabel(posts, move.toPost), move.toPost,
             day.slotMinuteOfDay(move.firstSlot),
             day.slotMinuteOfDay(move.firstSlot) + (move.endSlot - move.firstSlot) * day.slotMinutes,
             move.people, static_cast<double>(move.seconds) / 60, district});
        const std::optional<LonLat> from = firstPosition(source, sourceIndex),
                                    to = firstPosition(posts, move.toPost);
        m_planHasArrow.push_back(from && to);
        m_allArrows.push_back(from && to ? PlanArrow{*from, *to} : PlanArrow{});
    }
    applyFilter(situation);
}

void StaffingView::stepScrub(const Situation& situation, int slots) {
    if (!situation.staffing()) return;
    const int count = situation.staffing()->slotCount();
    m_gaps.scrubSlot = ((std::max(m_gaps.scrubSlot, 0) + slots) % count + count) % count;
    updateScrub(situation);
}

bool StaffingView::showTime(const Situation& situation, int minuteOfDay) {
    if (!situation.staffing()) return false;
    const int slot = slotAt(situation.staffing()->day(), minuteOfDay);
    if (slot == m_gaps.scrubSlot) return false;
    m_gaps.scrubSlot = slot;
    updateScrub(situation);
    return true;
}

void StaffingView::updateScrub(const Situation& situation) {
    m_gaps.shortAtScrub = 0;
    const int slot = m_gaps.scrubSlot;
    const StaffingModel* model = situation.staffing();
    if (model && slot >= 0 && slot < model->slotCount())
        for (std::size_t p = 0; p < model->postCount(); ++p)
            if (model->required(p)[slot] > model->onDuty(p)[slot]) ++m_gaps.shortAtScrub;
    if (m_filter.time == TimeFilter::Scrubbed) applyFilter(situation);
}

std::vector<PointSymbol> StaffingView::addToMap(SceneMesh& overlay, const Situation& situation,
                                                const std::vector<LayerRow>& layers) {
    static constexpr StaffingStatus kOrder[] = {StaffingStatus::Staffed, StaffingStatus::Short,
                                                StaffingStatus::Unstaffed, StaffingStatus::NoDemand};
    const Rgba plain{86, 180, 233, 255};
    m_legend.kinds = {
        legendSymbol(postShape(PostKind::CompoundGate), SymbolFill::Solid, plain),
        legendSymbol(postShape(PostKind::CityEntry), SymbolFill::Solid, plain),
        legendSymbol(postShape(PostKind::TestingSite), SymbolFill::Solid, plain),
        legendSymbol(teamShape(TeamKind::TaskForce), SymbolFill::Solid, Rgba{0, 158, 115, 255})};
    for (std::size_t i = 0; i < 4; ++i) {
        const StatusStyle style = statusStyle(kOrder[i]);
        m_legend.statuses[i] = legendSymbol(SymbolShape::Circle, style.fill, style.colour);
        m_legend.zoneOutlinePx[i] = style.zoneOutlinePx;
    }
    m_legend.postCounts = {};
    m_legend.zoneCounts = {};
    const Feed* posts = situation.feeds().get(FeedKind::Posts);
    const StaffingModel* model = situation.staffing();
    m_legend.hasStaffing = model && posts;
    std::vector<PointSymbol> symbols;
    if (m_legend.hasStaffing && m_legend.colourByStaffing) {
        const int scrub = m_gaps.scrubSlot;
        const int slot = scrub >= 0 && scrub < model->slotCount() ? scrub : -1;
        m_legend.minuteOfDay = slot >= 0 ? model->day().slotMinuteOfDay(slot) : -1;
        std::vector<StaffingStatus> statuses(posts->size(), StaffingStatus::NoDemand);
        for (std::size_t p = 0; p < model->postCount() && p < posts->size(); ++p) {
            statuses[p] = model->postStatus(p, slot);
            ++m_legend.postCounts[legendIndex(statuses[p])];
        }
        symbols = buildStatusSymbols(*posts, statuses, overlay.origin, m_problemsOnly);
        for (const LayerRow& row : layers) // the checkpoints layer's switch and opacity
            if (row.kind == FeedKind::Posts) {
                if (!row.visible) symbols.clear();
                for (PointSymbol& symbol : symbols)
                    symbol.colour.a = static_cast<std::uint8_t>(symbol.colour.a * row.opacity + 0.5f);
            }
        if (const Feed* zones = situation.feeds().get(FeedKind::Zones))
            for (const ZoneStaffing& zone : model->highRiskZones()) {
                const StaffingStatus status = model->zoneStatus(zone, slot);
                const StatusStyle style = statusStyle(status);
                appendOutline(overlay, zones->layer, zone.zone, style.colour, style.zoneOutlinePx);
                ++m_legend.zoneCounts[legendIndex(status)];
            }
    }
    if (!m_arrows.empty()) appendMesh(overlay, buildPlanArrows(m_arrows, overlay.origin));
    return symbols;
}

void StaffingView::writeState(JsonWriter& out, const Situation& situation) const {
    if (!situation.staffing()) {
        out.null();
        return;
    }
    out.beginObject()
        .member("postsShort", m_gaps.postsShort)
        .member("postsUnstaffed", m_gaps.postsUnstaffed)
        .key("personHoursShort")
        .fixed(m_gaps.personHoursShort, 2)
        .key("nightPersonHoursShort")
        .fixed(m_gaps.nightPersonHoursShort, 2)
        .member("zoneGaps", m_gaps.zoneGaps)
        .member("scope", m_gaps.scope)
        .member("scrubSlot", m_gaps.scrubSlot)
        .member("shortAtScrub", m_gaps.shortAtScrub)
        .member("rows", m_gaps.rows.size())
        .member("planRows", m_gaps.plan.size());
    out.key("status")
        .beginObject()
        .member("colourByStaffing", m_legend.colourByStaffing)
        .member("problemsOnly", m_problemsOnly)
        .member("minuteOfDay", m_legend.minuteOfDay)
        .key("posts")
        .beginArray();
    for (int n : m_legend.postCounts)
        out.value(n);
    out.endArray().key("zones").beginArray();
    for (int n : m_legend.zoneCounts)
        out.value(n);
    out.endArray().endObject();
    if (m_gaps.hasPlan) {
        out.key("plan")
            .beginObject()
            .member("moves", m_gaps.plan.size())
            .member("arrows", m_arrows.size())
            .key("filledHours")
            .fixed(m_gaps.planFilledHours, 2)
            .key("travelMinutes")
            .fixed(m_gaps.planTravelMinutes, 1)
            .key("greedyFilledHours")
            .fixed(m_gaps.greedyFilledHours, 2)
            .key("greedyTravelMinutes")
            .fixed(m_gaps.greedyTravelMinutes, 1)
            .endObject();
    }
    out.endObject();
}

} // namespace cordon
