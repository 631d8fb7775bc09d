// The label view: gathers the label candidates on screen for the camera and zoom, and keeps how
// many were placed for the page state (tests check districts are named at city zoom).

#include "app/label_view.hpp"

#include "ui/map_labels_view.hpp"

namespace cordon {

void LabelView::feedsChanged(const FeedSet& feeds) {
    m_anchors = buildLabelAnchors(feeds);
}

void LabelView::draw(const FeedSet& feeds, const Camera& camera, double toUi, float textScale,
                     const std::optional<PickedFeature>& selected) {
    m_placed = m_districts = m_notesPlaced = 0;
    if (!m_shown) return;
    // Names by the zoom in layout pixels (device pixels per layout pixel: 1 / toUi, times the
    // wall's text scale), as the map's level of detail.
    const double zoom = camera.detailZoom(textScale / toUi);
    std::vector<LabelCandidate> candidates;
    std::vector<LabelKind> kinds;
    auto add = [&](std::string_view text, MercatorPoint at, LabelKind kind, std::uint32_t id) {
        const ScreenPoint p = camera.worldToScreen(at);
        if (p.x < 0 || p.y < 0 || p.x > camera.viewportWidth() || p.y > camera.viewportHeight()) return;
        LabelCandidate c;
        c.text = text;
        c.x = static_cast<float>(p.x * toUi);
        c.y = static_cast<float>(p.y * toUi);
        c.priority = labelPriority(kind);
        c.id = id;
        c.textScale = labelScale(kind) * textScale;
        c.boxed = kind == LabelKind::PlanMove;
        candidates.push_back(std::move(c));
        kinds.push_back(kind);
    };
    if (selected)
        if (const Feed* feed = feeds.get(selected->kind); feed && selected->feature < feed->size()) {
            const FeatureRecord& f = feed->layer.features[selected->feature];
            const MercatorBox box = feed->layer.featureBounds(selected->feature);
            // Points get their name just above the symbol; areas at their centroid.
            if (!f.name.empty() && !box.empty()) {
                MercatorPoint at = box.centre();
                if (selected->kind == FeedKind::Areas || selected->kind == FeedKind::Zones)
                    at = polygonLabelPoint(feed->layer, selected->feature);
                else
                    at.y += 24 * camera.metresPerPixel();
                add(f.name, at, LabelKind::Selected, selected->feature);
            }
        }
    constexpr double kMinNoteSpanUi = 110; // about a label's width
    for (const LabelAnchor& a : m_notes)
        if (a.spanMetres <= 0 || a.spanMetres / camera.metresPerPixel() * toUi >= kMinNoteSpanUi)
            add(a.text, a.at, a.kind, a.feature);
    for (const LabelAnchor& a : m_anchors)
        if (zoom >= labelMinZoom(a.kind) && (!m_districtsOnly || a.kind == LabelKind::District))
            add(a.text, a.at, a.kind, a.feature);
    const std::vector<std::size_t> placed = drawMapLabels(candidates, m_mapLeft);
    m_placed = static_cast<int>(placed.size());
    for (std::size_t i : placed) {
        m_districts += kinds[i] == LabelKind::District;
        m_notesPlaced += kinds[i] == LabelKind::PlanMove;
    }
}

void LabelView::writeState(JsonWriter& out, std::size_t glyphs) const {
    out.beginObject()
        .member("shown", m_shown)
        .member("placed", m_placed)
        .member("districts", m_districts)
        .member("planMoves", m_notesPlaced)
        .member("glyphs", glyphs)
        .endObject();
}

} // namespace cordon
