#include "ui/coverage_panel.hpp"

#include "ui/figure_labels.hpp"

#include <imgui.h>

#include <cmath>

namespace cordon {

CoveragePanelActions drawCoverageTab(CoveragePanelModel& model) {
    CoveragePanelActions actions;
    const Lang lang = model.lang;
    const float em = ImGui::GetFontSize();
    if (!model.available) {
        ImGui::TextWrapped("%s", tr(TextId::CoverageNeedsData, lang).data());
        return actions;
    }
    ImGui::SetNextItemWidth(em * 6);
    if (ImGui::InputInt(tr(TextId::ThresholdMinutes, lang).data(), &model.thresholdMinutes, 5, 15)) {
        model.thresholdMinutes = std::clamp(model.thresholdMinutes, 1, 120);
        actions.thresholdChanged = true;
    }
    if (ImGui::Checkbox(tr(TextId::ShowResponsibility, lang).data(), &model.showResponsibility))
        actions.responsibilityToggled = true;
    if (!model.asOf.empty()) {
        ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.15f, 1), "%s",
                           fillText(tr(TextId::FigureDoubtful, lang), {model.asOf}).c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    }
    ImGui::Text("%s: %zu", figureLabel(FigureId::ZonesOutOfReach, lang, model.thresholdMinutes).c_str(),
                model.highRiskWithoutTaskForce);
    ImGui::Text("%s: %zu", tr(TextId::ZonesBeyondThreshold, lang).data(), model.zonesBeyond);
    ImGui::Text("%s: %zu", tr(TextId::PostsBeyondThreshold, lang).data(), model.postsBeyond);
    ImGui::Text("%s: %.1f%%", tr(TextId::PopulationCovered, lang).data(), model.populationShare * 100);
    if (!model.asOf.empty()) ImGui::PopStyleColor();
    ImGui::TextDisabled("(%.0f ms)", model.computeMs);
    if (ImGui::BeginChild("gaps", ImVec2(0, 0), ImGuiChildFlags_Border)) {
        for (std::size_t i = 0; i < model.gaps.size(); ++i) {
            const CoverageGapRow& row = model.gaps[i];
            char minutes[32];
            if (std::isfinite(row.minutes))
                std::snprintf(minutes, sizeof minutes, "%.0f min", row.minutes);
            else
                std::snprintf(minutes, sizeof minutes, "-");
            const std::string text = row.label + "  " + minutes + "##gap" + std::to_string(i);
            if (ImGui::Selectable(text.c_str())) actions.goTo = row;
        }
    }
    ImGui::EndChild();
    return actions;
}

} // namespace cordon
