// The command wall: panels laid out around the map by wallLayout, type from the wall's faces, dark
// panels with light text (contrast above 7:1), the alarm red only for problems.

#include "ui/wall_panel.hpp"

#include "render/style.hpp"
#include "ui/figure_labels.hpp"
#include "ui/map_furniture.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace cordon {

namespace {

struct Tile {
    std::string label;
    std::string value;
    bool alarm; ///< a number that should be zero and is not
};

std::string countText(long long v) {
    return v < 0 ? "-" : std::to_string(v);
}

// Every text colour has a contrast of at least 7:1 on the panels' navy (WCAG's relative luminance).
const ImVec4 kLabel(0.78f, 0.84f, 0.93f, 1);        // about 12:1
const ImVec4 kWhite(1, 1, 1, 1);                    // about 17:1
const ImVec4 kAlarm(1.0f, 0.5f, 0.47f, 1);          // a light red: 7.1:1
const ImVec4 kWarn(1.0f, 0.66f, 0.3f, 1);           // about 9:1
const ImVec4 kDim(0.62f, 0.68f, 0.78f, 1);          // about 7.7:1
constexpr ImU32 kPanel = IM_COL32(14, 26, 46, 255); // opaque: no map mark shows through

constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                    ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoScrollbar;

/// The wall's type at `scale` times the UI's, from a face made for a size where there is one.
class WallType {
  public:
    WallType(const WallFaces& faces, float unit) : m_faces(faces), m_unit(unit) {}
    /// Text at `scale` (kWallTextScale is the text face's own size).
    void text(float scale) { use(m_faces.text, scale, kWallTextScale); }
    void figures(float scale) { use(m_faces.figures, scale, kWallFigureScale); }
    void done() {
        if (m_pushed) ImGui::PopFont();
        m_pushed = false;
    }
    ~WallType() { done(); }

  private:
    void use(ImFont* face, float scale, float of) {
        done();
        if (face) {
            ImGui::PushFont(face);
            ImGui::SetWindowFontScale(scale / of);
            m_pushed = true;
        } else {
            ImGui::SetWindowFontScale(scale * m_unit);
        }
    }
    WallFaces m_faces;
    float m_unit;
    bool m_pushed = false;
};

void beginPanel(const char* id, ImVec2 at, ImVec2 size) {
    ImGui::SetNextWindowPos(at);
    ImGui::SetNextWindowSize(size);
    ImGui::Begin(id, nullptr, kFlags);
}

/// `text` cut to `width` with an ellipsis (names longer than the column).
std::string fitted(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    std::string cut = text;
    while (!cut.empty() && ImGui::CalcTextSize((cut + "…").c_str()).x > width) {
        cut.pop_back();
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80)
            cut.pop_back(); // whole UTF-8 characters only
        if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xC0) cut.pop_back();
    }
    return cut + "…";
}

/// A list in the panel's remaining height, one page of it; returns {page, pages, rows per page}.
std::array<int, 3> drawList(const WallList& list, Lang lang, WallType& type, int pageTick, float bottom) {
    type.text(kWallTextScale);
    ImGui::TextColored(kLabel, "%s", list.title.c_str());
    const float titleBottom = ImGui::GetCursorPosY();
    type.text(1.15f);
    const float rowHeight = 2 * ImGui::GetTextLineHeightWithSpacing() + 4;
    const int perPage =
        std::max(1, static_cast<int>((bottom - titleBottom - ImGui::GetTextLineHeight()) / rowHeight));
    const int rows = static_cast<int>(list.rows.size());
    const int pages = std::max(1, (rows + perPage - 1) / perPage);
    const int page = pageTick % pages;
    if (rows == 0) ImGui::TextColored(kDim, "%s", tr(TextId::WallNone, lang).data());
    const float width = ImGui::GetContentRegionAvail().x;
    for (int i = page * perPage; i < std::min(rows, (page + 1) * perPage); ++i) {
        const WallRow& row = list.rows[static_cast<std::size_t>(i)];
        const float figureWidth = ImGui::CalcTextSize(row.figure.c_str()).x;
        ImGui::TextColored(row.severe ? kAlarm : kWhite, "%s",
                           fitted(row.name, width - figureWidth - 12).c_str());
        ImGui::SameLine(width - figureWidth + ImGui::GetStyle().WindowPadding.x);
        ImGui::TextColored(row.severe ? kAlarm : kWarn, "%s", row.figure.c_str());
        ImGui::TextColored(kDim, "%s", fitted(row.detail, width).c_str());
        ImGui::Dummy(ImVec2(1, 4));
    }
    if (pages > 1) {
        const std::string which =
            fillText(tr(TextId::WallPage, lang), {std::to_string(page + 1), std::to_string(pages)});
        ImGui::SetCursorPosY(bottom - ImGui::GetTextLineHeight());
        ImGui::TextColored(kDim, "%s", which.c_str());
    }
    return {page, pages, perPage};
}

void drawChart(const WallModel& m, WallType& type, ImVec2 size) {
    type.text(1.15f);
    ImGui::TextColored(kLabel, "%s", m.chartTitle.c_str());
    if (m.shortBySlot.empty()) {
        ImGui::TextColored(kDim, "-");
        return;
    }
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float height = std::max(10.0f, size.y - ImGui::GetCursorPosY() - ImGui::GetStyle().WindowPadding.y);
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(24, 40, 66, 255));
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, IM_COL32(242, 140, 28, 255));
    ImGui::PlotHistogram("##wallshort", m.shortBySlot.data(), static_cast<int>(m.shortBySlot.size()), 0,
                         nullptr, 0.0f, FLT_MAX, ImVec2(width, height));
    ImGui::PopStyleColor(2);
    if (m.nowSlot >= 0) {
        const float x = at.x + width * (m.nowSlot + 0.5f) / static_cast<float>(m.shortBySlot.size());
        ImGui::GetWindowDrawList()->AddLine(ImVec2(x, at.y), ImVec2(x, at.y + height),
                                            IM_COL32(255, 255, 255, 255), 2.0f);
    }
}

void drawLegend(const WallModel& m, WallType& type, float unit) {
    type.text(1.0f);
    const float size = ImGui::GetTextLineHeight();
    const auto item = [&](const LegendSymbol& symbol, TextId text) {
        drawLegendSymbol(symbol, size);
        ImGui::SameLine(0, 6 * unit);
        ImGui::TextColored(kLabel, "%s", tr(text, m.lang).data());
    };
    if (m.metresPerPixel > 0) drawScaleBar(m.metresPerPixel, 110 * unit, m.lang, kLabel);
    item(m.legend.risks[0], TextId::WallRiskHigh);
    item(m.legend.risks[1], TextId::WallRiskMedium);
    item(m.legend.risks[2], TextId::WallRiskLow);
    item(m.legend.postShort, TextId::WallPostShort);
    item(m.legend.postUnstaffed, TextId::WallPostUnstaffed);
    item(m.legend.team, TextId::SymbolTeam);
}

} // namespace

float wallUnit(float displayHeight) {
    return std::max(displayHeight / 1080.0f, 0.5f);
}

WallLayout wallLayout(float width, float height) {
    WallLayout l;
    l.unit = wallUnit(height);
    l.margin = 12 * l.unit;
    l.gap = 10 * l.unit;
    l.bannerHeight = 84 * l.unit;
    l.tileHeight = 132 * l.unit;
    l.tickerHeight = 52 * l.unit;
    // 16:9 gives each column a fifth of the width; a wide wall (32:9) keeps them as wide as 16:9's.
    l.columnWidth = std::min(0.2f * width, 0.2f * height * 16 / 9);
    l.mapLeft = l.margin + l.columnWidth + l.gap;
    l.mapRight = l.mapLeft;
    l.mapTop = l.margin + l.bannerHeight + l.gap + l.tileHeight + l.gap;
    l.mapBottom = l.margin + l.tickerHeight + l.gap;
    return l;
}

WallShown drawWallPanel(const WallModel& m, const WallFaces& faces) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const WallLayout l = wallLayout(display.x, display.y);
    const float unit = l.unit;
    WallShown shown;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, kPanel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 6 * unit);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12 * unit, 8 * unit));

    // The banner: the map's name and the district on tour at the left, clock and data time at the right.
    beginPanel("##wallbanner", ImVec2(l.margin, l.margin), ImVec2(display.x - 2 * l.margin, l.bannerHeight));
    {
        WallType type(faces, unit);
        type.text(kWallTextScale * 1.35f);
        ImGui::SetCursorPosY((l.bannerHeight - ImGui::GetTextLineHeight()) / 2);
        ImGui::TextColored(kWhite, "%s", m.title.c_str());
        if (!m.place.empty()) {
            ImGui::SameLine(0, 32 * unit);
            ImGui::TextColored(kWarn, "%s", m.place.c_str());
        }
        type.text(kWallTextScale);
        const std::string asOf = std::string(tr(TextId::KpiDataAsOf, m.lang)) + " " + m.dataAsOf;
        const float asOfWidth = ImGui::CalcTextSize(asOf.c_str()).x;
        type.figures(kWallFigureScale * 0.8f);
        const float clockWidth = ImGui::CalcTextSize(m.clock.c_str()).x;
        const float right = display.x - 2 * l.margin - 12 * unit;
        ImGui::SameLine(right - clockWidth);
        ImGui::SetCursorPosY((l.bannerHeight - ImGui::GetTextLineHeight()) / 2);
        ImGui::TextColored(kWhite, "%s", m.clock.c_str());
        type.text(kWallTextScale);
        ImGui::SameLine(right - clockWidth - asOfWidth - 24 * unit);
        ImGui::SetCursorPosY((l.bannerHeight - ImGui::GetTextLineHeight()) / 2);
        ImGui::TextColored(kLabel, "%s", asOf.c_str());
    }
    ImGui::End();

    // The tiles: five across the width.
    char hours[32];
    if (m.personHoursShort < 0)
        std::snprintf(hours, sizeof hours, "-");
    else
        std::snprintf(hours, sizeof hours, "%.0f", m.personHoursShort);
    const Tile tiles[] = {
        {figureLabel(FigureId::HighRiskZones, m.lang), countText(m.highRiskZones), false},
        {figureLabel(FigureId::ZonesOutOfReach, m.lang, m.thresholdMinutes),
         countText(m.zonesWithoutTaskForce), m.zonesWithoutTaskForce > 0},
        {figureLabel(FigureId::PostsShortNow, m.lang), countText(m.postsShortNow), m.postsShortNow > 0},
        {figureLabel(FigureId::PersonHoursShort, m.lang), hours, m.personHoursShort > 0},
        {figureLabel(FigureId::HouseholdsAwaiting, m.lang), countText(m.householdsAwaiting), false},
    };
    const int count = static_cast<int>(std::size(tiles));
    const float tileTop = l.margin + l.bannerHeight + l.gap;
    const float width = (display.x - 2 * l.margin - l.gap * (count - 1)) / count;
    for (int i = 0; i < count; ++i) {
        const std::string id = "##wall" + std::to_string(i);
        beginPanel(id.c_str(), ImVec2(l.margin + i * (width + l.gap), tileTop), ImVec2(width, l.tileHeight));
        WallType type(faces, unit);
        type.text(kWallTextScale);
        // A label longer than the tile is set smaller rather than cut off.
        const float labelWidth = ImGui::CalcTextSize(tiles[i].label.c_str()).x;
        const float room = ImGui::GetContentRegionAvail().x;
        if (labelWidth > room) type.text(kWallTextScale * room / labelWidth);
        ImGui::TextColored(kLabel, "%s", tiles[i].label.c_str());
        const std::string& asOf = m.asOf[static_cast<std::size_t>(i)];
        type.figures(kWallFigureScale);
        const ImVec4 colour = !asOf.empty() ? kDim : tiles[i].alarm ? kAlarm : kWhite;
        ImGui::TextColored(colour, "%s", tiles[i].value.c_str());
        const std::string& city = m.cityFigures[static_cast<std::size_t>(i)];
        if (!city.empty()) {
            ImGui::SameLine(0, 16 * unit);
            type.text(kWallTextScale);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 30 * unit);
            ImGui::TextColored(kLabel, "%s %s", tr(TextId::WallCity, m.lang).data(), city.c_str());
        }
        if (!asOf.empty()) {
            // Over the figure's lower edge: the figure is not current, and since when.
            type.text(1.3f);
            ImGui::SetCursorPosY(l.tileHeight - ImGui::GetTextLineHeightWithSpacing() - 6 * unit);
            ImGui::TextColored(kAlarm, "%s", fillText(tr(TextId::FigureDoubtful, m.lang), {asOf}).c_str());
        }
        ImGui::End();
    }

    // The side columns: zones at the left; posts short now and the day's curve at the right.
    const float columnTop = l.mapTop;
    const float columnHeight = display.y - l.mapTop - l.mapBottom;
    beginPanel("##wallzones", ImVec2(l.margin, columnTop), ImVec2(l.columnWidth, columnHeight));
    {
        WallType type(faces, unit);
        const auto [page, pages, perPage] =
            drawList(m.zones, m.lang, type, m.pageTick, columnHeight - ImGui::GetStyle().WindowPadding.y);
        shown.zonePage = page;
        shown.zonePages = pages;
        shown.rowsPerPage = perPage;
    }
    ImGui::End();
    const float chartHeight = columnHeight * 0.32f;
    const float postsHeight = columnHeight - chartHeight - l.gap;
    const float rightX = display.x - l.margin - l.columnWidth;
    beginPanel("##wallposts", ImVec2(rightX, columnTop), ImVec2(l.columnWidth, postsHeight));
    {
        WallType type(faces, unit);
        const auto [page, pages, perPage] =
            drawList(m.posts, m.lang, type, m.pageTick, postsHeight - ImGui::GetStyle().WindowPadding.y);
        shown.postPage = page;
        shown.postPages = pages;
        (void)perPage;
    }
    ImGui::End();
    beginPanel("##wallchart", ImVec2(rightX, columnTop + postsHeight + l.gap),
               ImVec2(l.columnWidth, chartHeight));
    {
        WallType type(faces, unit);
        drawChart(m, type, ImVec2(l.columnWidth, chartHeight));
    }
    ImGui::End();

    // Marks at the map's edge pointing to listed places beyond it (over the map, under the panels).
    ImDrawList* background = ImGui::GetBackgroundDrawList();
    for (const WallEdgeMarker& e : m.edgeMarkers) {
        const float r = 11 * unit;
        const ImVec2 tip(e.x + e.dx * r, e.y + e.dy * r);
        const ImVec2 left(e.x - e.dx * r * 0.6f - e.dy * r * 0.8f, e.y - e.dy * r * 0.6f + e.dx * r * 0.8f);
        const ImVec2 right(e.x - e.dx * r * 0.6f + e.dy * r * 0.8f, e.y - e.dy * r * 0.6f - e.dx * r * 0.8f);
        const Rgba c = e.severe ? kWallAlarmColour : kWallWarnColour;
        const ImU32 fill = IM_COL32(c.r, c.g, c.b, 255);
        background->AddTriangleFilled(tip, left, right, fill);
        background->AddTriangle(tip, left, right, IM_COL32(255, 255, 255, 255), 1.5f * unit);
    }

    // The legend and scale bar: compact, at the map's lower left.
    const float legendWidth = 190 * unit, legendHeight = 160 * unit;
    beginPanel("##walllegend", ImVec2(l.mapLeft + l.gap, display.y - l.mapBottom - legendHeight - l.gap),
               ImVec2(legendWidth, legendHeight));
    {
        WallType type(faces, unit);
        drawLegend(m, type, unit);
    }
    ImGui::End();

    // The ticker: feeds that failed (red) or are stale, then the latest changes.
    beginPanel("##wallfeeds", ImVec2(l.margin, display.y - l.margin - l.tickerHeight),
               ImVec2(display.x - 2 * l.margin, l.tickerHeight));
    {
        WallType type(faces, unit);
        type.text(kWallTextScale);
        ImGui::SetCursorPosY((l.tickerHeight - ImGui::GetTextLineHeight()) / 2);
        bool first = true;
        const auto item = [&](const ImVec4& colour, const std::string& text) {
            if (text.empty()) return;
            if (!first) ImGui::SameLine(0, 40 * unit);
            first = false;
            ImGui::TextColored(colour, "%s", text.c_str());
        };
        item(kAlarm, m.feedFailure);
        item(kWarn, m.feedAlert);
        for (const std::string& change : m.ticker)
            item(kWhite, change);
        if (first) item(kDim, std::string(tr(TextId::WallFeedsCurrent, m.lang)));
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    return shown;
}

} // namespace cordon
