#include "app/wall_view.hpp"

#include "core/formats/clock_time.hpp"

#include <vector>

namespace cordon {

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
}

void WallView::setFeedStrip(std::string stale, std::string failed, std::string lastChange) {
    m_model.feedAlert = std::move(stale);
    m_model.feedFailure = std::move(failed);
    m_model.lastChange = std::move(lastChange);
}

std::optional<std::uint32_t> WallView::tick(const Situation& situation, Lang lang, int nowMinute,
                                            int dataAsOfMinute, std::uint64_t nowMs, bool tour,
                                            int tourSeconds) {
    m_model.lang = lang;
    m_model.clock = clockText(nowMinute);
    m_model.dataAsOf = clockText(dataAsOfMinute);
    if (!tour || (m_tourStop > 0 && nowMs - m_lastTourMs < std::uint64_t(tourSeconds) * 1000))
        return std::nullopt;
    m_lastTourMs = nowMs;
    const Feed* areas = situation.feeds().get(FeedKind::Areas);
    if (!areas) return std::nullopt;
    std::vector<std::uint32_t> districts;
    for (std::uint32_t i = 0; i < areas->size(); ++i)
        if (areas->areas[i].level == AreaLevel::District) districts.push_back(i);
    if (districts.empty()) return std::nullopt;
    const std::uint32_t d = districts[m_tourStop++ % districts.size()];
    m_model.place = areas->layer.features[d].name;
    return d;
}

void WallView::writeKpiMembers(JsonWriter& out) const {
    out.member("highRiskZones", m_model.highRiskZones)
        .member("zonesWithoutTaskForce", m_model.zonesWithoutTaskForce)
        .member("postsShortNow", m_model.postsShortNow)
        .key("personHoursShort")
        .fixed(m_model.personHoursShort, 2)
        .member("householdsAwaiting", m_model.householdsAwaiting);
}

void WallView::writeState(JsonWriter& out, long textPx, long figuresPx) const {
    out.beginObject();
    writeKpiMembers(out);
    out.member("clock", m_model.clock)
        .member("dataAsOf", m_model.dataAsOf)
        .member("tourStops", m_tourStop)
        .key("typePx")
        .beginObject()
        .member("text", textPx)
        .member("figures", figuresPx)
        .endObject()
        .endObject();
}

} // namespace cordon
