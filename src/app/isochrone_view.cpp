#include "app/isochrone_view.hpp"

#include "core/feeds/manifest.hpp"
#include "core/formats/append_format.hpp"
#include "ui/strings.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace cordon {

void IsochroneView::setOrigin(LonLat at, std::string from) {
    m_origin = at;
    m_from = std::move(from);
}

void IsochroneView::clear() {
    m_origin.reset();
    m_from.clear();
    m_bands.clear();
}

void IsochroneView::compute(Situation& situation, MapPanelModel& panel) {
    if (!situation.graph() || !m_origin) return;
    std::vector<double> minutes;
    for (const std::string& item : splitFeedList(panel.isochroneMinutes)) {
        const double m = std::strtod(item.c_str(), nullptr);
        if (m > 0 && m <= 120) minutes.push_back(m);
    }
    const TravelMode mode = panel.isochroneMode;
    m_bands.clear();
    const auto start = std::chrono::steady_clock::now();
    const std::optional<EdgePoint> source = situation.graph()->snap(*m_origin, mode);
    if (source && !minutes.empty()) {
        TravelTimes& times = *situation.travelTimes();
        times.run(mode, std::span(&*source, 1), *std::max_element(minutes.begin(), minutes.end()) * 60);
        m_bands = buildIsochrones(times, minutes);
    }
    m_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    const std::string info =
        !source ? std::string(tr(TextId::NoRoadNearby, panel.lang))
                : formatted("%.5f, %.5f  %s  %s  (%.0f ms)", m_origin->lon, m_origin->lat,
                            tr(mode == TravelMode::Walk ? TextId::Walk : TextId::Drive, panel.lang).data(),
                            panel.isochroneMinutes.c_str(), m_ms);
    panel.isochroneInfo = m_from.empty() ? info : m_from + "  " + info;
}

void IsochroneView::writeState(JsonWriter& out) const {
    std::size_t polygons = 0;
    for (const IsochroneBand& b : m_bands)
        polygons += b.polygons.size();
    out.beginObject()
        .member("bands", m_bands.size())
        .member("polygons", polygons)
        .key("ms")
        .fixed(m_ms, 6)
        .member("from", m_from)
        .endObject();
}

std::vector<LegendModel::Band> IsochroneView::legendBands(Rgba ground) const {
    std::vector<double> minutes;
    for (const IsochroneBand& band : m_bands)
        if (!band.polygons.empty()) minutes.push_back(band.minutes);
    std::sort(minutes.begin(), minutes.end());
    // Colours as the mesh gives them: by rank among all bands, shortest drawn last.
    const std::vector<Rgba> seen = isochroneKeyColours(m_bands.size(), ground);
    std::vector<double> all;
    for (const IsochroneBand& band : m_bands)
        all.push_back(band.minutes);
    std::sort(all.begin(), all.end());
    std::vector<LegendModel::Band> rows;
    for (const double m : minutes) {
        const std::size_t rank = static_cast<std::size_t>(std::find(all.begin(), all.end(), m) - all.begin());
        rows.push_back({m, LegendSymbol{1, 0, seen[rank].r, seen[rank].g, seen[rank].b}});
    }
    return rows;
}

} // namespace cordon
