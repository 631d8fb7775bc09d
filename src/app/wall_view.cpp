// The wall view: the wall panel's model from the shared figures, the attention lists and the feed
// status, and the district tour.

#include "app/wall_view.hpp"

#include "core/formats/clock_time.hpp"
#include "render/style.hpp"

#include <cmath>
#include <vector>

namespace cordon {

namespace {

std::string figureText(double v) {
    return v < 0 ? std::string("-") : std::to_string(std::lround(v));
}

std::string areaName(const Feed* areas, std::optional<std::uint32_t> area, Lang lang) {
    if (!areas || !area || *area >= areas->size()) return std::string(tr(TextId::WallNoDistrict, lang));
    return areas->layer.features[*area].shownName();
}

std::string minutesText(double minutes, Lang lang) {
    return minutes < 0 ? std::string("-")
                       : fillText(tr(TextId::WallMinutes, lang), {std::to_string(std::lround(minutes))});
}

LegendSymbol legendSymbol(SymbolShape shape, SymbolFill fill, Rgba c) {
    return {static_cast<int>(shape), static_cast<int>(fill), c.r, c.g, c.b};
}

/// The legend as the wall's map draws: zones by risk, posts by their problem, teams.
WallLegend wallLegend() {
    WallLegend l;
    const Risk risks[] = {Risk::High, Risk::Medium, Risk::Low};
    for (std::size_t i = 0; i < 3; ++i)
        l.risks[i] =
            legendSymbol(SymbolShape::Square, SymbolFill::Solid, riskColour(risks[i], MapTheme::Wall));
    const StatusStyle shortStyle = statusStyle(StaffingStatus::Short);
    const StatusStyle unstaffed = statusStyle(StaffingStatus::Unstaffed);
    l.postShort = legendSymbol(SymbolShape::Circle, shortStyle.fill, shortStyle.colour);
    l.postUnstaffed = legendSymbol(SymbolShape::Circle, unstaffed.fill, unstaffed.colour);
    l.team = legendSymbol(teamShape(TeamKind::TaskForce), SymbolFill::Solid, kWallTeamColour);
    return l;
}

} // namespace

void WallView::setFigures(const Figures& f, const std::array<std::string, kFigureCount>& asOf) {
    const auto count = [&](FigureId id) { return f.known(id) ? static_cast<int>(f[id]) : -1; };
    const auto of = [&](FigureId id) { return asOf[static_cast<std::size_t>(id)]; };
    m_model.asOf = {of(FigureId::HighRiskZones), of(FigureId::ZonesOutOfReach), of(FigureId::PostsShortNow),
                    of(FigureId::PersonHoursShort), of(FigureId::HouseholdsAwaiting)};
    m_model.highRiskZones = count(FigureId::HighRiskZones);
    m_model.zonesWithoutTaskForce = count(FigureId::ZonesOutOfReach);
    m_model.thresholdMinutes = static_cast<int>(f.thresholdMinutes);
    m_model.postsShortNow = count(FigureId::PostsShortNow);
    m_model.personHoursShort = f[FigureId::PersonHoursShort];
    m_model.householdsAwaiting = static_cast<long long>(f[FigureId::HouseholdsAwaiting]);
    m_cityTiles = {figureText(m_model.highRiskZones), figureText(m_model.zonesWithoutTaskForce),
                   figureText(m_model.postsShortNow), figureText(m_model.personHoursShort),
                   figureText(static_cast<double>(m_model.householdsAwaiting))};
}

bool WallView::setAttention(const Situation& situation, Lang lang, int nowMinute) {
    const FeedSet& feeds = situation.feeds();
    const StaffingModel* staffing = situation.staffing();
    // Made again only when what they are made from changed: results, slot, tour stop, language.
    const AttentionKey key{feeds.versions, situation.resultsVersion(),
                           staffing ? slotAt(staffing->day(), nowMinute) : -1, m_district, lang};
    if (m_attentionKey == key) {
        applyDistrictTiles(); // over the city's figures, set again every frame
        return false;
    }
    m_attentionKey = key;
    ++m_textsVersion;
    m_lists = attentionAt(feeds, situation.coverage(), staffing, nowMinute, m_district);
    const Feed* zones = feeds.get(FeedKind::Zones);
    const Feed* posts = feeds.get(FeedKind::Posts);
    const Feed* areas = feeds.get(FeedKind::Areas);
    m_model.title = tr(TextId::WallTitle, lang);
    m_model.zones.title =
        std::string(tr(TextId::WallZonesTitle, lang)) + "  " + std::to_string(m_lists.zones.size());
    m_model.zones.rows.clear();
    for (const ZoneAttention& z : m_lists.zones) {
        WallRow row;
        row.name = zones->layer.features[z.zone].shownName();
        // The figure says what is wrong (or how far the task force is); the line under the name
        // says where, and how far the nearest task force is when none holds it.
        const std::string minutes = std::to_string(std::lround(z.minutes));
        switch (z.problem) {
        case ZoneProblem::NoTaskForce:
            row.figure = tr(TextId::WallZoneNoTaskForce, lang);
            break;
        case ZoneProblem::OffDutyNow:
            row.figure = tr(TextId::WallOffDutyShort, lang);
            break;
        case ZoneProblem::Understaffed:
            row.figure = tr(TextId::WallUnderstaffedShort, lang);
            break;
        case ZoneProblem::OutOfReach:
            row.figure = minutesText(z.minutes, lang);
            break;
        }
        row.detail = areaName(areas, z.district, lang);
        if (z.minutes >= 0 && z.problem != ZoneProblem::OutOfReach)
            row.detail += " · " + fillText(tr(TextId::WallNearest, lang), {minutes});
        else if (z.problem == ZoneProblem::OutOfReach)
            row.detail += " · " + fillText(tr(TextId::WallZoneOutOfReach, lang), {minutes});
        row.severe = z.problem != ZoneProblem::OutOfReach;
        m_model.zones.rows.push_back(std::move(row));
    }
    m_model.posts.title =
        std::string(tr(TextId::WallPostsTitle, lang)) + "  " + std::to_string(m_lists.posts.size());
    m_model.posts.rows.clear();
    for (const PostAttention& p : m_lists.posts) {
        WallRow row;
        row.name = posts->layer.features[p.post].shownName();
        row.detail =
            (p.entryStation ? std::string(tr(TextId::WallEntryStations, lang)) + " · " : std::string()) +
            areaName(areas, p.district, lang);
        row.figure = fillText(tr(TextId::WallPeopleShort, lang), {std::to_string(p.peopleShort)});
        row.severe = p.peopleShort >= p.required; // nobody on duty
        m_model.posts.rows.push_back(std::move(row));
    }
    m_model.chartTitle = tr(TextId::WallChartTitle, lang);
    m_model.shortBySlot.clear();
    m_model.nowSlot = m_lists.slot;
    m_districtTiles.reset();
    if (staffing) {
        const AreaStaffing& scope = m_district && *m_district < staffing->areaCount()
                                        ? staffing->area(*m_district)
                                        : staffing->city();
        for (const std::int32_t people : scope.shortBySlot)
            m_model.shortBySlot.push_back(static_cast<float>(people));
        if (m_district) {
            DistrictTiles tiles;
            tiles.highRiskZones = scope.highRiskZones;
            if (const CoverageReport* coverage = situation.coverage()) {
                tiles.zonesWithoutTaskForce = 0;
                for (std::uint32_t z : zonesOutOfReach(*coverage, staffing)) {
                    const std::uint32_t zone = coverage->zones[z].feature;
                    tiles.zonesWithoutTaskForce += areas && zone < zones->size() &&
                                                   districtOf(*areas, zones->zones[zone].area) == m_district;
                }
            }
            tiles.postsShortNow = static_cast<int>(m_lists.posts.size());
            tiles.personHoursShort = static_cast<double>(scope.shortPersonMinutes) / 60;
            tiles.householdsAwaiting = static_cast<long long>(scope.householdsUnvisited());
            m_districtTiles = tiles;
        }
    }
    applyDistrictTiles();
    return true;
}

void WallView::applyDistrictTiles() {
    m_model.cityFigures = {};
    if (!m_districtTiles) return;
    // A tour stop: the district's figures in the tiles, the city's small beside them.
    m_model.cityFigures = m_cityTiles;
    m_model.highRiskZones = m_districtTiles->highRiskZones;
    if (m_districtTiles->zonesWithoutTaskForce >= 0)
        m_model.zonesWithoutTaskForce = m_districtTiles->zonesWithoutTaskForce;
    m_model.postsShortNow = m_districtTiles->postsShortNow;
    m_model.personHoursShort = m_districtTiles->personHoursShort;
    m_model.householdsAwaiting = m_districtTiles->householdsAwaiting;
}

void WallView::setFeedStrip(std::string stale, std::string failed, std::vector<std::string> recent) {
    m_model.feedAlert = std::move(stale);
    m_model.feedFailure = std::move(failed);
    m_model.lastChange = recent.empty() ? std::string() : recent.front();
    m_model.ticker = std::move(recent);
}

std::optional<TourStop> WallView::tick(const Situation& situation, Lang lang, int nowMinute,
                                       const std::string& dataAsOf, std::uint64_t nowMs, WallTour tour,
                                       int tourSeconds) {
    m_model.lang = lang;
    m_model.clock = clockText(nowMinute);
    m_model.dataAsOf = dataAsOf;
    m_model.pageTick = static_cast<int>(nowMs / (kPageSeconds * 1000));
    m_model.legend = wallLegend();
    m_tour = tour;
    if (tour == WallTour::Off || (m_tourStop > 0 && nowMs - m_lastTourMs < std::uint64_t(tourSeconds) * 1000))
        return std::nullopt;
    const FeedSet& feeds = situation.feeds();
    if (tour == WallTour::Problems) {
        // The lists' zones, then their posts, one at a time.
        const std::size_t stops = m_lists.zones.size() + m_lists.posts.size();
        if (stops == 0) return std::nullopt;
        m_lastTourMs = nowMs;
        const std::size_t at = m_tourStop++ % stops;
        const TourStop stop = at < m_lists.zones.size()
                                  ? TourStop{FeedKind::Zones, m_lists.zones[at].zone}
                                  : TourStop{FeedKind::Posts, m_lists.posts[at - m_lists.zones.size()].post};
        m_model.place = feeds.get(stop.kind)->layer.features[stop.feature].shownName();
        return stop;
    }
    const Feed* areas = feeds.get(FeedKind::Areas);
    if (!areas) return std::nullopt;
    std::vector<std::uint32_t> districts;
    for (std::uint32_t i = 0; i < areas->size(); ++i)
        if (areas->areas[i].level == AreaLevel::District) districts.push_back(i);
    if (districts.empty()) return std::nullopt;
    m_lastTourMs = nowMs;
    const std::uint32_t d = districts[m_tourStop++ % districts.size()];
    m_model.place = areas->layer.features[d].shownName();
    m_district = d;
    return TourStop{FeedKind::Areas, d};
}

void WallView::placeEdgeMarkers(const Situation& situation, const Camera& camera, double pixelScale) {
    m_model.edgeMarkers.clear();
    m_edgeIds.clear();
    const double width = camera.viewportWidth() / pixelScale, height = camera.viewportHeight() / pixelScale;
    const WallLayout l = wallLayout(static_cast<float>(width), static_cast<float>(height));
    const double inset = 14 * l.unit; // the marker sits inside the frame, its tip at the edge
    const double left = l.mapLeft + inset, right = width - l.mapRight - inset;
    const double top = l.mapTop + inset, bottom = height - l.mapBottom - inset;
    if (right <= left || bottom <= top) return;
    const double cx = (left + right) / 2, cy = (top + bottom) / 2;
    // Only outliers are marked: places beyond the city's areas (far entry stations), which the
    // framing leaves out. On a tour stop the rest of the city is simply elsewhere.
    const Feed* areas = situation.feeds().get(FeedKind::Areas);
    const MercatorBox city = areas ? areas->layer.bounds() : MercatorBox();
    const auto mark = [&](const Feed* feed, std::uint32_t feature, bool severe) {
        if (!feed || feature >= feed->size() || city.empty()) return;
        const MercatorBox box = feed->layer.featureBounds(feature);
        if (box.empty()) return;
        const MercatorPoint c = box.centre();
        if (c.x >= city.minX && c.x <= city.maxX && c.y >= city.minY && c.y <= city.maxY) return;
        const ScreenPoint p = camera.worldToScreen(box.centre());
        const double x = p.x / pixelScale, y = p.y / pixelScale;
        if (x >= left && x <= right && y >= top && y <= bottom) return; // in the frame: drawn there
        // Along the line from the frame's centre towards it, to where the line leaves the frame.
        const double dx = x - cx, dy = y - cy, length = std::hypot(dx, dy);
        const double tx = dx != 0 ? ((dx > 0 ? right : left) - cx) / dx : 1e9;
        const double ty = dy != 0 ? ((dy > 0 ? bottom : top) - cy) / dy : 1e9;
        const double t = std::min(tx, ty);
        m_model.edgeMarkers.push_back({static_cast<float>(cx + dx * t), static_cast<float>(cy + dy * t),
                                       static_cast<float>(dx / length), static_cast<float>(dy / length),
                                       severe});
        m_edgeIds.push_back(feed->layer.features[feature].id);
    };
    const Feed* zones = situation.feeds().get(FeedKind::Zones);
    const Feed* posts = situation.feeds().get(FeedKind::Posts);
    for (const ZoneAttention& z : m_lists.zones)
        mark(zones, z.zone, z.problem != ZoneProblem::OutOfReach);
    for (const PostAttention& p : m_lists.posts)
        mark(posts, p.post, p.peopleShort >= p.required);
}

std::vector<PointSymbol> WallView::pulseRings(const Situation& situation, MercatorPoint origin) {
    std::vector<PointSymbol> rings;
    m_pulsingZones = 0;
    const Feed* feed = situation.feeds().get(FeedKind::Zones);
    if (!feed) return rings;
    constexpr float kRingPx = 44; // at the pulse's middle: a zone a few pixels wide still shows
    const float ring = symbolCode(SymbolShape::Circle, SymbolFill::Ring);
    for (const ZoneAttention& z : m_lists.zones) {
        const MercatorBox box = feed->layer.featureBounds(z.zone);
        if (box.empty()) continue;
        const MercatorPoint c = box.centre();
        rings.push_back({static_cast<float>(c.x - origin.x), static_cast<float>(c.y - origin.y), kRingPx,
                         z.problem == ZoneProblem::OutOfReach ? kWallWarnColour : kWallAlarmColour, ring});
        ++m_pulsingZones;
    }
    return rings;
}

void WallView::writeKpiMembers(JsonWriter& out) const {
    out.member("highRiskZones", m_model.highRiskZones)
        .member("zonesWithoutTaskForce", m_model.zonesWithoutTaskForce)
        .member("postsShortNow", m_model.postsShortNow)
        .key("personHoursShort")
        .fixed(m_model.personHoursShort, 2)
        .member("householdsAwaiting", m_model.householdsAwaiting);
}

void WallView::writeState(JsonWriter& out, const Situation& situation, long textPx, long figuresPx) const {
    out.beginObject();
    writeKpiMembers(out);
    out.member("clock", m_model.clock)
        .member("dataAsOf", m_model.dataAsOf)
        .member("tourStops", m_tourStop)
        .member("tour", m_tour == WallTour::Problems    ? "problems"
                        : m_tour == WallTour::Districts ? "districts"
                                                        : "off")
        .member("place", m_model.place)
        .key("district");
    const Feed* areas = situation.feeds().get(FeedKind::Areas);
    if (m_district && areas && *m_district < areas->size())
        out.value(areas->layer.features[*m_district].id);
    else
        out.null();
    out.key("city"); // on a tour stop, the city's tile figures shown small beside the district's
    if (m_district) {
        out.beginArray();
        for (const std::string& figure : m_model.cityFigures)
            out.value(figure);
        out.endArray();
    } else {
        out.null();
    }
    out.key("typePx").beginObject().member("text", textPx).member("figures", figuresPx).endObject();
    // Every entry of the lists (not only the page on screen), by id, in the wall's order.
    const Feed* zones = situation.feeds().get(FeedKind::Zones);
    const Feed* posts = situation.feeds().get(FeedKind::Posts);
    out.key("zones").beginArray();
    for (const ZoneAttention& z : m_lists.zones)
        out.beginObject()
            .member("id", zones->layer.features[z.zone].id)
            .member("problem", zoneProblemKey(z.problem))
            .endObject();
    out.endArray().key("posts").beginArray();
    for (const PostAttention& p : m_lists.posts)
        out.beginObject()
            .member("id", posts->layer.features[p.post].id)
            .member("short", p.peopleShort)
            .member("entry", p.entryStation)
            .endObject();
    out.endArray()
        .member("slot", m_lists.slot)
        .member("pulsing", m_pulsingZones)
        .key("pages")
        .beginObject()
        .member("zones", m_shown.zonePages)
        .member("zonePage", m_shown.zonePage)
        .member("posts", m_shown.postPages)
        .member("postPage", m_shown.postPage)
        .member("rowsPerPage", m_shown.rowsPerPage)
        .endObject();
    out.key("edgeMarkers").beginArray();
    for (const std::string& id : m_edgeIds)
        out.value(id);
    out.endArray().key("ticker").beginArray();
    for (const std::string& line : m_model.ticker)
        out.value(line);
    out.endArray().endObject();
}

} // namespace cordon
