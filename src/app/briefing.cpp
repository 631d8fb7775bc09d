// The briefing snapshot from the app: the view's options, the summary its page prints, and the
// file itself (core/formats/snapshot.hpp) built from the single-file app page and the feeds on screen.
#include "app/app.hpp"
#include "app/local_clock.hpp"
#include "core/formats/append_format.hpp"
#include "core/formats/json.hpp"
#include "core/formats/snapshot.hpp"
#include "core/geo/mercator.hpp"
#include "platform/feed_source.hpp"
#include "platform/page.hpp"
#include "ui/figure_labels.hpp"

#include <algorithm>
#include <cstdio>

namespace cordon {
namespace {

/// `v` printed with a one-number printf format.
std::string number(double v, const char* format) {
    return formatted(format, v);
}

} // namespace

std::string App::viewParams() const {
    const LonLat centre = mercator::unproject(m_camera.centre());
    std::string params = std::string("lang=") + (m_panel.lang == Lang::En ? "en" : "zh") +
                         "&now=" + clockText(nowMinuteOfDay()) + "&view=" + number(centre.lon, "%.6f") + "," +
                         number(centre.lat, "%.6f") + "," + number(m_camera.zoomLevel(), "%.3f");
    std::string hidden, opacity;
    for (const LayerRow& row : m_panel.layers) {
        if (!row.visible) hidden += (hidden.empty() ? "" : ",") + std::string(feedKindName(row.kind));
        if (row.opacity < 0.995f)
            opacity += (opacity.empty() ? "" : ",") + std::string(feedKindName(row.kind)) + ":" +
                       number(row.opacity * 100.0, "%.0f");
    }
    if (!hidden.empty()) params += "&hide=" + hidden;
    if (!opacity.empty()) params += "&opacity=" + opacity;
    params += std::string("&tab=") + workspaceTabKey(m_workspace.tab);
    const Feed* areas = m_situation.feeds().get(FeedKind::Areas);
    if (const auto district = m_workspace.filter.district; areas && district && *district < areas->size())
        params += "&district=" + areas->layer.features[*district].id;
    if (m_workspace.filter.time != TimeFilter::Day)
        params += std::string("&time=") + timeFilterKey(m_workspace.filter.time);
    if (const StaffingModel* staffing = m_situation.staffing();
        staffing && m_staffingView.gaps().scrubSlot >= 0)
        params += "&slot=" + clockText(staffing->day().slotMinuteOfDay(m_staffingView.gaps().scrubSlot));
    if (const auto& picked = m_selection.selected())
        if (const Feed* feed = m_situation.feeds().get(picked->kind);
            feed && picked->feature < feed->size() && !feed->layer.features[picked->feature].id.empty())
            params += "&select=" + std::string(feedKindName(picked->kind)) + ":" +
                      feed->layer.features[picked->feature].id;
    if (m_staffingView.gaps().hasPlan) params += "&plan=1";
    if (m_isochroneView.origin()) {
        params += "&iso=" + number(m_isochroneView.origin()->lon, "%.6f") + "," +
                  number(m_isochroneView.origin()->lat, "%.6f") +
                  "&isomode=" + std::string(travelModeName(m_panel.isochroneMode));
        std::string minutes;
        for (const std::string& m : splitFeedList(m_panel.isochroneMinutes))
            if (!m.empty() && m.find_first_not_of("0123456789.") == std::string::npos)
                minutes += (minutes.empty() ? "" : ",") + m;
        if (!minutes.empty()) params += "&isominutes=" + minutes;
    }
    return params;
}

void App::applyOpeningState() {
    if (m_options.scrubMinute >= 0 && m_situation.staffing()) {
        m_staffingView.showTime(m_situation, std::exchange(m_options.scrubMinute, -1));
        rebuildOverlay();
    }
    if (const std::size_t colon = m_options.select.find(':'); colon != std::string::npos) {
        const std::optional<FeedKind> kind = feedKindFromName(m_options.select.substr(0, colon));
        if (const Feed* feed = kind ? m_situation.feeds().get(*kind) : nullptr)
            if (const std::optional<std::uint32_t> index = feed->find(m_options.select.substr(colon + 1))) {
                m_options.select.clear();
                select(PickedFeature{*kind, *index});
                if (m_options.tab.empty()) m_workspace.request = WorkspaceTab::Details;
            }
    }
    if (m_options.plan && m_situation.staffing() && m_situation.graph()) {
        m_options.plan = false;
        makePlan();
    }
}

void App::requestSnapshot() {
    if (m_snapshotPanel.busy || m_options.snapshot) return;
    m_snapshotPanel.busy = true;
    m_snapshotPanel.status.clear();
    requestFile(kSnapshotAppPage);
}

void App::finishSnapshot(const FetchedFile& appPage) {
    m_snapshotPanel.busy = false;
    const Lang lang = m_panel.lang;
    auto failed = [&](const std::string& why) {
        m_snapshotPanel.status = std::string(tr(TextId::SnapshotFailed, lang)) + ": " + why;
        page::showError(m_snapshotPanel.status);
    };
    if (!appPage.error.empty()) return failed(appPage.source + ": " + appPage.error);
    SnapshotContent content;
    content.title = m_snapshotPanel.title.data();
    if (content.title.empty())
        content.title = std::string(tr(TextId::BriefingTitle, lang)) + " " + localDateTime(false);
    content.note = m_snapshotPanel.note.data();
    content.made = localDateTime(false);
    content.asOf = localDate() + " " + clockText(nowMinuteOfDay()); // the KPIs' time
    content.params = viewParams();
    for (int k = 0; k < kFeedKindCount; ++k)
        if (const std::optional<FeedLoader::HeldFeed> held = m_loader.held(static_cast<FeedKind>(k)))
            content.feeds.push_back({sourceFileName(held->source), *held->bytes});
    const SnapshotResult result = buildSnapshot(appPage.bytes, content);
    if (!result.html) return failed(appPage.source + ": " + result.error);
    const std::string name = "cordon-briefing-" + localDateTime(true) + ".html";
    if (!page::downloadFile(name, *result.html, "text/html")) return failed("cannot write " + name);
    ++m_snapshotsMade;
    m_snapshotBytes = result.html->size();
    m_snapshotPanel.status = std::string(tr(TextId::SnapshotSaved, lang)) + ": " + name + " (" +
                             number(m_snapshotBytes / 1e6, "%.1f") + " MB)";
}

std::string App::briefingJson() const {
    const Lang lang = m_panel.lang;
    auto count = [](double v, const char* format) { return v < 0 ? std::string("-") : number(v, format); };
    std::pair<std::string, std::string> kpis[] = {
        {figureLabel(FigureId::HighRiskZones, lang), count(m_wallView.model().highRiskZones, "%.0f")},
        {figureLabel(FigureId::ZonesOutOfReach, lang, m_wallView.model().thresholdMinutes),
         count(m_wallView.model().zonesWithoutTaskForce, "%.0f")},
        {figureLabel(FigureId::PostsShortNow, lang), count(m_wallView.model().postsShortNow, "%.0f")},
        {figureLabel(FigureId::PersonHoursShort, lang), count(m_wallView.model().personHoursShort, "%.0f")},
        {figureLabel(FigureId::HouseholdsAwaiting, lang),
         count(static_cast<double>(m_wallView.model().householdsAwaiting), "%.0f")},
    };
    for (std::size_t i = 0; i < std::size(kpis); ++i)
        if (!m_wallView.model().asOf[i].empty())
            kpis[i].second +=
                " (" + fillText(tr(TextId::FigureDoubtful, lang), {m_wallView.model().asOf[i]}) + ")";
    std::vector<const GapRow*> rows;
    for (const GapRow& r : m_staffingView.gaps().rows)
        rows.push_back(&r);
    std::stable_sort(rows.begin(), rows.end(),
                     [](const GapRow* a, const GapRow* b) { return a->hoursShort > b->hoursShort; });
    rows.resize(std::min<std::size_t>(rows.size(), 10));
    JsonWriter out;
    out.beginObject().key("labels").beginObject();
    const std::pair<const char*, TextId> labels[] = {
        {"title", TextId::BriefingTitle},       {"asOf", TextId::BriefingAsOf},
        {"size", TextId::BriefingSize},         {"print", TextId::BriefingPrint},
        {"summary", TextId::BriefingSummary},   {"topGaps", TextId::BriefingTopGaps},
        {"readOnly", TextId::BriefingReadOnly}, {"made", TextId::BriefingMade},
        {"map", TextId::BriefingMap},           {"noZones", TextId::BriefingNoZones}};
    for (const auto& [key, id] : labels)
        out.member(key, tr(id, lang));
    out.member("zonesTitle", m_wallView.model().zones.title);
    out.key("zoneColumns").beginArray();
    for (TextId id : {TextId::ColumnZone, TextId::ColumnWhy, TextId::ColumnReach})
        out.value(tr(id, lang));
    out.endArray();
    out.key("columns").beginArray();
    for (TextId id : {TextId::ColumnPost, TextId::ColumnDistrict, TextId::ColumnHoursShort,
                      TextId::ColumnNightHours, TextId::ColumnWorstGap})
        out.value(tr(id, lang));
    out.endArray().endObject().key("kpis").beginArray();
    for (const auto& [label, value] : kpis)
        out.beginObject().member("label", label).member("value", value).endObject();
    // The tables follow the side panel's filter: say which.
    std::string filter;
    if (m_workspace.filter.active()) {
        const Feed* areas = m_situation.feeds().get(FeedKind::Areas);
        const auto district = m_workspace.filter.district;
        filter = areas && district && *district < areas->size() ? areas->layer.features[*district].shownName()
                                                                : std::string(tr(TextId::FilterCity, lang));
        const TimeFilter time = m_workspace.filter.time;
        filter += std::string(tr(TextId::ListSeparator, lang)) +
                  std::string(tr(time == TimeFilter::Night      ? TextId::FilterNight
                                 : time == TimeFilter::Scrubbed ? TextId::FilterScrubbed
                                                                : TextId::FilterDay,
                                 lang));
        filter = fillText(tr(TextId::BriefingFilter, lang), {filter});
    }
    out.endArray()
        .member("time", clockText(nowMinuteOfDay()))
        .member("filter", filter)
        .key("zones")
        .beginArray();
    for (const WallRow& row : m_wallView.model().zones.rows)
        out.beginArray().value(row.name).value(row.detail).value(row.figure).endArray();
    out.endArray().key("gaps").beginArray();
    for (const GapRow* r : rows) {
        const std::string worst = r->worstGapStartMinute < 0 ? "-"
                                                             : clockText(r->worstGapStartMinute) + " (" +
                                                                   number(r->worstGapHours, "%.1f") + " h)";
        out.beginArray()
            .value(r->name)
            .value(r->district)
            .value(number(r->hoursShort, "%.1f"))
            .value(number(r->nightHoursShort, "%.1f"))
            .value(worst)
            .endArray();
    }
    out.endArray().endObject();
    return out.take();
}

} // namespace cordon
