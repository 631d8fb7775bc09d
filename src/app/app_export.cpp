// What the app writes out: the selected feature's layer as GeoJSON or CSV, the staffing tables as
// CSV (offered as downloads in the page, files natively), and the test screenshot. Pictures of the
// map are app_picture.cpp.

#include "app/app.hpp"

#include "core/formats/clock_time.hpp"
#include "core/formats/feature_export.hpp"
#include "platform/page.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cordon {

void App::exportSelectedLayer(bool csv) {
    if (!m_selection.selected()) return;
    const Feed* feed = m_situation.feeds().get(m_selection.selected()->kind);
    if (!feed) return;
    const std::string name = std::string(feedKindName(feed->kind)) + (csv ? ".csv" : ".geojson");
    const std::string bytes = csv ? layerToCsv(feed->layer) : layerToGeoJson(feed->layer);
    ++m_exports;
    if (!page::downloadFile(name, bytes, csv ? "text/csv" : "application/geo+json"))
        page::showError("cannot write " + name);
}

void App::exportTable(std::string_view what, const std::string& csv) {
    const std::string name = std::string(what) + "-" + clockText(nowMinuteOfDay()).replace(2, 1, "") + ".csv";
    ++m_exports;
    if (!page::downloadFile(name, csv, "text/csv")) page::showError("cannot write " + name);
}

void App::writeScreenshot(const std::string& path, int width, int height) const {
    const std::vector<std::uint8_t> rgba = m_renderer.readPixels(width, height);
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) {
        page::showError("cannot write screenshot " + path);
        return;
    }
    std::fprintf(f, "P6\n%d %d\n255\n", width, height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            std::fwrite(&rgba[(static_cast<std::size_t>(y) * width + x) * 4], 1, 3, f);
    std::fclose(f);
}

} // namespace cordon
