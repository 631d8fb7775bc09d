#include "ui/wall_panel.hpp"

#include "ui/figure_labels.hpp"

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

} // namespace

float wallUnit(float displayHeight) {
    return std::max(displayHeight / 1080.0f, 0.5f);
}

void drawWallPanel(const WallModel& m, const WallFaces& faces) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float unit = wallUnit(display.y);
    // The type at `scale` times the UI's: a face made for that size where there is one.
    auto type = [&](ImFont* face, float scale, float of) {
        if (face) {
            ImGui::PushFont(face);
            ImGui::SetWindowFontScale(scale / of);
        } else {
            ImGui::SetWindowFontScale(scale * unit);
        }
        return face != nullptr;
    };
    auto done = [](bool pushed) {
        if (pushed) ImGui::PopFont();
    };
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
    const float margin = 16 * unit, gap = 12 * unit;
    const float width = (display.x - 2 * margin - gap * count) / (count + 1); // the last slot: clock
    const float height = 150 * unit;
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoInputs;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(16, 28, 48, 235));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 6 * unit);
    for (int i = 0; i <= count; ++i) {
        ImGui::SetNextWindowPos(ImVec2(margin + i * (width + gap), margin));
        ImGui::SetNextWindowSize(ImVec2(width, height));
        const std::string id = "##wall" + std::to_string(i);
        ImGui::Begin(id.c_str(), nullptr, flags);
        if (i < count) {
            bool pushed = type(faces.text, kWallTextScale, kWallTextScale);
            // A label longer than the tile is set smaller rather than cut off.
            const float labelWidth = ImGui::CalcTextSize(tiles[i].label.c_str()).x;
            const float room = ImGui::GetContentRegionAvail().x;
            if (labelWidth > room) {
                const float base = faces.text ? 1.0f : kWallTextScale * unit; // as type() set it
                ImGui::SetWindowFontScale(base * room / labelWidth);
            }
            ImGui::TextColored(ImVec4(0.75f, 0.82f, 0.92f, 1), "%s", tiles[i].label.c_str());
            done(pushed);
            const bool doubtful = !m.asOf[static_cast<std::size_t>(i)].empty();
            pushed = type(faces.figures, kWallFigureScale, kWallFigureScale);
            const ImVec4 colour = doubtful         ? ImVec4(0.45f, 0.5f, 0.58f, 1)
                                  : tiles[i].alarm ? ImVec4(1.0f, 0.55f, 0.25f, 1)
                                                   : ImVec4(1, 1, 1, 1);
            ImGui::TextColored(colour, "%s", tiles[i].value.c_str());
            done(pushed);
            if (doubtful) {
                // Over the figure's lower edge: the figure is not current, and since when.
                pushed = type(faces.text, 1.3f, kWallTextScale);
                ImGui::SetCursorPosY(height - ImGui::GetTextLineHeightWithSpacing() - 6 * unit);
                ImGui::TextColored(
                    ImVec4(1.0f, 0.4f, 0.35f, 1), "%s",
                    fillText(tr(TextId::FigureDoubtful, m.lang), {m.asOf[static_cast<std::size_t>(i)]})
                        .c_str());
                done(pushed);
            }
        } else {
            bool pushed = type(faces.figures, kWallFigureScale, kWallFigureScale);
            ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", m.clock.c_str());
            done(pushed);
            pushed = type(faces.text, 1.3f, kWallTextScale);
            ImGui::TextColored(ImVec4(0.75f, 0.82f, 0.92f, 1), "%s %s",
                               tr(TextId::KpiDataAsOf, m.lang).data(), m.dataAsOf.c_str());
            if (!m.place.empty()) ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", m.place.c_str());
            done(pushed);
        }
        ImGui::End();
    }
    // A strip along the bottom: any feed that failed (red) or is stale, then the latest change.
    if (!m.lastChange.empty() || !m.feedAlert.empty() || !m.feedFailure.empty()) {
        const float stripHeight = 64 * unit;
        ImGui::SetNextWindowPos(ImVec2(margin, display.y - margin - stripHeight));
        ImGui::SetNextWindowSize(ImVec2(display.x - 2 * margin, stripHeight));
        ImGui::Begin("##wallfeeds", nullptr, flags);
        const bool pushed = type(faces.text, kWallTextScale, kWallTextScale);
        if (!m.feedFailure.empty()) {
            ImGui::TextColored(ImVec4(1.0f, 0.25f, 0.2f, 1), "%s", m.feedFailure.c_str());
            ImGui::SameLine(0, 40 * unit);
        }
        if (!m.feedAlert.empty()) {
            ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.25f, 1), "%s", m.feedAlert.c_str());
            ImGui::SameLine(0, 40 * unit);
        }
        ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", m.lastChange.c_str());
        done(pushed);
        ImGui::End();
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

} // namespace cordon
