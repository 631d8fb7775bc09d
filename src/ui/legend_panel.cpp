#include "ui/legend_panel.hpp"

#include "ui/gaps_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace cordon {

namespace {

ImU32 colourOf(const LegendSymbol& s) {
    return IM_COL32(s.r, s.g, s.b, 255);
}

/// The outline of a symbol's shape around `c` with radius `r`, as the point shader draws it.
void shapePath(ImDrawList* draw, ImVec2 c, float r, int shape) {
    switch (shape) {
    case 1: {
        const float h = r * 0.86f;
        draw->PathLineTo(ImVec2(c.x - h, c.y - h));
        draw->PathLineTo(ImVec2(c.x + h, c.y - h));
        draw->PathLineTo(ImVec2(c.x + h, c.y + h));
        draw->PathLineTo(ImVec2(c.x - h, c.y + h));
        break;
    }
    case 2: {
        const float h = r * 1.13f;
        draw->PathLineTo(ImVec2(c.x, c.y - h));
        draw->PathLineTo(ImVec2(c.x + h, c.y));
        draw->PathLineTo(ImVec2(c.x, c.y + h));
        draw->PathLineTo(ImVec2(c.x - h, c.y));
        break;
    }
    case 3: {
        // Screen y grows downwards: the apex is up.
        const float h = r;
        draw->PathLineTo(ImVec2(c.x, c.y - h * 0.75f));
        draw->PathLineTo(ImVec2(c.x + h * 0.866f, c.y + h * 0.75f));
        draw->PathLineTo(ImVec2(c.x - h * 0.866f, c.y + h * 0.75f));
        break;
    }
    default:
        // 24 distinct points: a last point repeating the first spikes a closed stroke's join.
        draw->PathArcTo(c, r, 0.0f, 6.2831853f * 23 / 24, 23);
        break;
    }
}

} // namespace

void drawLegendSymbol(const LegendSymbol& s, float size) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float r = size * 0.5f;
    const ImVec2 c(at.x + r, at.y + r);
    const ImU32 colour = colourOf(s);
    shapePath(draw, c, r, s.shape);
    draw->PathFillConvex(s.fill == 0 ? colour : IM_COL32_WHITE);
    if (s.fill == 1) {
        // Lower half in colour: clip to the lower half of the symbol.
        draw->PushClipRect(ImVec2(at.x, c.y), ImVec2(at.x + size, at.y + size), true);
        shapePath(draw, c, r, s.shape);
        draw->PathFillConvex(colour);
        draw->PopClipRect();
    }
    shapePath(draw, c, r, s.shape);
    draw->PathStroke(colour, ImDrawFlags_Closed, s.fill == 0 ? 1.0f : 2.5f);
    ImGui::Dummy(ImVec2(size, size));
}

namespace {

void symbol(const LegendSymbol& s, float size) {
    drawLegendSymbol(s, size);
}

void line(const LegendSymbol& s, float widthPx, float size) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    draw->AddLine(ImVec2(at.x, at.y + size * 0.5f), ImVec2(at.x + size * 1.5f, at.y + size * 0.5f),
                  colourOf(s), widthPx);
    ImGui::Dummy(ImVec2(size * 1.5f, size));
}

} // namespace

LegendActions drawLegendPanel(LegendModel& model) {
    LegendActions actions;
    if (!model.visible) return actions;
    const Lang lang = model.lang;
    const float em = ImGui::GetFontSize();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // Anchored to the bottom-right corner: it grows to the left and up as its counts change.
    ImGui::SetNextWindowPos(ImVec2(display.x - 10, display.y - 10), ImGuiCond_Always, ImVec2(1, 1));
    const std::string title = std::string(tr(TextId::Legend, lang)) + "###legend";
    const ImGuiWindowFlags flags =
        ImGuiWindowFlags_AlwaysAutoResize |
        (model.still
             ? ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse
             : 0);
    if (!ImGui::Begin(title.c_str(), model.still ? nullptr : &model.visible, flags)) {
        ImGui::End();
        return actions;
    }
    const float size = em * 1.1f;
    static constexpr TextId kKinds[] = {TextId::SymbolCompoundGate, TextId::SymbolEntryStation,
                                        TextId::SymbolServiceSite, TextId::SymbolTeam};
    static constexpr TextId kStatuses[] = {TextId::StatusStaffed, TextId::StatusShort,
                                           TextId::StatusUnstaffed, TextId::StatusNoDemand};
    static constexpr TextId kZoneStatuses[] = {TextId::ZoneStatusHeld, TextId::ZoneStatusShort,
                                               TextId::ZoneStatusNone};
    // Kinds two to a row, so that the legend fits a 768-pixel window with isochrones too.
    ImGui::TextDisabled("%s", tr(TextId::LegendPostKinds, lang).data());
    const float column = ImGui::GetCursorPosX() + size + ImGui::GetStyle().ItemSpacing.x + em +
                         std::max(ImGui::CalcTextSize(tr(kKinds[0], lang).data()).x,
                                  ImGui::CalcTextSize(tr(kKinds[2], lang).data()).x);
    for (std::size_t i = 0; i < model.kinds.size(); ++i) {
        if (i % 2 == 1) ImGui::SameLine(column);
        LegendSymbol plain = model.kinds[i];
        plain.fill = 0;
        symbol(plain, size);
        ImGui::SameLine();
        ImGui::TextUnformatted(tr(kKinds[i], lang).data());
    }
    if (model.hasStaffing) {
        ImGui::Separator();
        if (!model.still &&
            ImGui::Checkbox(tr(TextId::ColourByStaffing, lang).data(), &model.colourByStaffing))
            actions.colourToggled = true;
        if (model.colourByStaffing) {
            const std::string when = model.minuteOfDay < 0 ? std::string(tr(TextId::LegendWholeDay, lang))
                                                           : std::string(tr(TextId::LegendAtTime, lang)) +
                                                                 " " + clockText(model.minuteOfDay);
            ImGui::TextDisabled("%s (%s)", tr(TextId::LegendStatus, lang).data(), when.c_str());
            if (!model.asOf.empty())
                ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.15f, 1), "%s",
                                   fillText(tr(TextId::FigureDoubtful, lang), {model.asOf}).c_str());
            for (std::size_t i = 0; i < model.statuses.size(); ++i) {
                symbol(model.statuses[i], size);
                ImGui::SameLine();
                ImGui::Text("%s  %d", tr(kStatuses[i], lang).data(), model.postCounts[i]);
            }
            ImGui::TextDisabled("%s", tr(TextId::LegendZones, lang).data());
            for (std::size_t i = 0; i + 1 < model.statuses.size(); ++i) { // zones always have demand
                line(model.statuses[i], model.zoneOutlinePx[i], size);
                ImGui::SameLine();
                ImGui::Text("%s  %d", tr(kZoneStatuses[i], lang).data(), model.zoneCounts[i]);
            }
        }
    }
    if (!model.isochrones.empty()) {
        ImGui::Separator();
        ImGui::TextDisabled("%s",
                            fillText(tr(TextId::LegendIsochrones, lang), {model.isochroneMode}).c_str());
        // One row: a swatch and its minutes per band, then the unit.
        char minutes[16];
        for (std::size_t i = 0; i < model.isochrones.size(); ++i) {
            if (i > 0) ImGui::SameLine(0, em * 0.6f);
            LegendSymbol square = model.isochrones[i].swatch;
            square.shape = 1;
            symbol(square, size);
            ImGui::SameLine(0, em * 0.25f);
            std::snprintf(minutes, sizeof minutes, "%g", model.isochrones[i].minutes);
            ImGui::TextUnformatted(minutes);
        }
        ImGui::SameLine(0, em * 0.4f);
        ImGui::TextUnformatted(tr(TextId::LegendMinutesUnit, lang).data());
    }
    ImGui::End();
    return actions;
}

} // namespace cordon
