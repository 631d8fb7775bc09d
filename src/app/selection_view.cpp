// The selection view: picking, the selection and its details, the hover tooltip and the search,
// kept together because each is a feature index that a new version of the feeds must find again.

#include "app/selection_view.hpp"

#include "core/map/attention.hpp"
#include "core/map/feature_details.hpp"
#include "platform/page.hpp"
#include "render/overlay_mesh.hpp"
#include "ui/feature_brief.hpp"
#include "ui/strings.hpp"

#include <imgui.h>

namespace cordon {

bool SelectionView::feedsChanged(const FeedSet& feeds, Lang lang) {
    m_picker.update(feeds);
    runSearch(feeds, lang);
    if (!m_selected) return false;
    const Feed* feed = feeds.get(m_selected->kind);
    const std::optional<std::uint32_t> again = feed ? feed->find(m_selectedId) : std::nullopt;
    select(feeds,
           again ? std::optional<PickedFeature>(PickedFeature{m_selected->kind, *again}) : std::nullopt);
    return true;
}

std::optional<PickedFeature> SelectionView::pick(const FeedSet& feeds, LonLat at, double radiusMetres,
                                                 const FeedMask& pickable) const {
    return m_picker.pick(feeds, at, radiusMetres, pickable);
}

void SelectionView::select(const FeedSet& feeds, std::optional<PickedFeature> picked) {
    m_selected = picked;
    m_details.open = picked.has_value();
    m_selectedDistrict.reset();
    m_details.district.clear();
    if (!picked) return;
    const Feed& feed = *feeds.get(picked->kind);
    const FeatureRecord& record = feed.layer.features[picked->feature];
    m_selectedId = record.id;
    m_details.kind = picked->kind;
    m_details.title = record.shownName();
    m_details.rows = featureDetails(feed, picked->feature);
    // Its district, offered as the tables' filter: an area's own chain, a zone's or post's area.
    const Feed* areas = feeds.get(FeedKind::Areas);
    const std::string_view area = picked->kind == FeedKind::Areas ? std::string_view(record.id)
                                  : picked->kind == FeedKind::Zones && picked->feature < feed.zones.size()
                                      ? std::string_view(feed.zones[picked->feature].area)
                                  : picked->kind == FeedKind::Posts && picked->feature < feed.posts.size()
                                      ? std::string_view(feed.posts[picked->feature].area)
                                      : std::string_view();
    if (areas && !area.empty()) m_selectedDistrict = districtOf(*areas, area);
    if (m_selectedDistrict) m_details.district = areas->layer.features[*m_selectedDistrict].shownName();
}

void SelectionView::runSearch(const FeedSet& feeds, Lang lang) {
    m_searchHits = searchFeatures(feeds, m_search.query, 30);
    m_search.rows.clear();
    for (const SearchHit& hit : m_searchHits) {
        const FeatureRecord& f = feeds.get(hit.kind)->layer.features[hit.feature];
        m_search.rows.push_back({f.shownName(), std::string(feedDisplayName(hit.kind, lang)) + "  " + f.id});
    }
}

void SelectionView::describe(const FeedSet& feeds, const BriefContext& context, Lang lang) {
    if (!m_selected) return;
    m_details.rows = featureBrief(feeds, m_selected->kind, m_selected->feature, context, lang);
    // A post's day as a chart: needed against on duty per slot, the time shown marked.
    m_details.required.clear();
    m_details.onDuty.clear();
    const StaffingModel* staffing = context.staffing;
    if (m_selected->kind == FeedKind::Posts && staffing && m_selected->feature < staffing->postCount()) {
        for (const std::int32_t n : staffing->required(m_selected->feature))
            m_details.required.push_back(n);
        for (const std::int32_t n : staffing->onDuty(m_selected->feature))
            m_details.onDuty.push_back(n);
        m_details.slotMinutes = staffing->day().slotMinutes;
        m_details.startMinute = staffing->day().slotMinuteOfDay(0);
        m_details.markSlot = context.slot;
    }
}

void SelectionView::setMapLeft(float left) {
    if (left == m_search.mapLeft) return;
    m_search.mapLeft = left;
    page::placeSearchBox(left);
}

DetailsActions SelectionView::drawDetails(Lang lang) {
    m_details.lang = lang;
    return drawDetailsTab(m_details);
}

std::optional<PickedFeature> SelectionView::drawSearch(const FeedSet& feeds, Lang lang,
                                                       std::optional<ScreenPoint> pointer,
                                                       const PickAt& pickAt) {
    std::optional<PickedFeature> goTo;
    if (std::optional<std::string> query = page::takeSearchQuery()) {
        m_search.query = std::move(*query);
        runSearch(feeds, lang);
    }
    if (page::takeSearchSubmit() && !m_searchHits.empty())
        goTo = PickedFeature{m_searchHits[0].kind, m_searchHits[0].feature};
    drawHover(feeds, lang, pointer, pickAt);
    m_search.lang = lang;
    m_search.ownInput = !page::hasSearchBox();
    const SearchPanelActions search = drawSearchPanel(m_search);
    if (search.queryChanged) runSearch(feeds, lang);
    if (search.goTo && *search.goTo < m_searchHits.size())
        goTo = PickedFeature{m_searchHits[*search.goTo].kind, m_searchHits[*search.goTo].feature};
    return goTo;
}

void SelectionView::drawHover(const FeedSet& feeds, Lang lang, std::optional<ScreenPoint> pointer,
                              const PickAt& pickAt) {
    if (!pointer) {
        m_hover.reset();
        return;
    }
    if (pointer->x != m_hoverAt.x || pointer->y != m_hoverAt.y || m_hoverVersions != feeds.versions) {
        m_hoverAt = *pointer;
        m_hoverVersions = feeds.versions;
        m_hover = pickAt(*pointer);
    }
    if (!m_hover) return;
    const Feed* feed = feeds.get(m_hover->kind);
    if (!feed || m_hover->feature >= feed->size()) return;
    const FeatureRecord& f = feed->layer.features[m_hover->feature];
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(f.shownName().c_str());
    ImGui::TextDisabled("%s  %s", feedDisplayName(m_hover->kind, lang).data(), f.id.c_str());
    ImGui::EndTooltip();
}

void SelectionView::addToMap(SceneMesh& overlay, const FeedSet& feeds) const {
    if (!m_selected) return;
    if (const Feed* feed = feeds.get(m_selected->kind))
        appendMesh(overlay, buildSelectionMesh(feed->layer, m_selected->feature, overlay.origin));
}

std::span<const TeamReach> SelectionView::teamTimes(Situation& situation) {
    const bool same = m_teamTimesFor && m_selected && m_teamTimesFor->kind == m_selected->kind &&
                      m_teamTimesFor->feature == m_selected->feature &&
                      m_teamTimesVersion == situation.resultsVersion();
    if (same) return m_teamTimes;
    m_teamTimes.clear();
    m_teamTimesFor = m_selected;
    m_teamTimesVersion = situation.resultsVersion();
    if (m_selected && situation.graph() && situation.travelTimes())
        m_teamTimes =
            assignedTeamTimes(situation.feeds(), *situation.graph(), m_selected->kind, m_selected->feature,
                              *situation.travelTimes(), situation.settings().coverage);
    return m_teamTimes;
}

void SelectionView::writeSelected(JsonWriter& out) const {
    if (!m_selected) {
        out.null();
        return;
    }
    out.beginObject()
        .member("feed", feedKindName(m_selected->kind))
        .member("id", m_selectedId)
        .member("rows", m_details.rows.size())
        .member("chartSlots", m_details.required.size());
    out.key("keys").beginArray();
    for (const PropertyRow& row : m_details.rows)
        out.value(row.key);
    out.endArray();
    // Each assigned team's minutes there (null: cannot get there), nearest first.
    out.key("teamMinutes").beginArray();
    for (const TeamReach& r : m_teamTimes)
        r.seconds < kUnreached ? out.fixed(r.seconds / 60, 2) : out.null();
    out.endArray().endObject();
}

void SelectionView::writeHover(JsonWriter& out, const FeedSet& feeds) const {
    const Feed* feed = m_hover ? feeds.get(m_hover->kind) : nullptr;
    if (!feed || m_hover->feature >= feed->size()) {
        out.null();
        return;
    }
    out.beginObject()
        .member("feed", feedKindName(m_hover->kind))
        .member("id", feed->layer.features[m_hover->feature].id)
        .endObject();
}

void SelectionView::writeSearch(JsonWriter& out) const {
    out.beginObject().member("query", m_search.query).member("hits", m_searchHits.size()).endObject();
}

} // namespace cordon
