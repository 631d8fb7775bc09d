#include "ui/map_panel.hpp"

#include "ui/diagnostic_text.hpp"
#include "ui/shortcuts.hpp"

#include <imgui.h>

#include <string>

namespace cordon {

namespace {

std::string label(std::string_view text, const char* id) {
    return std::string(text) + "##" + id;
}

} // namespace

MapPanelActions drawLayersTab(MapPanelModel& model) {
    MapPanelActions actions;
    const Lang lang = model.lang;
    if (model.demoData) {
        ImGui::TextDisabled("%s", tr(TextId::DemoDataNotice, lang).data());
        if (model.canImport) {
            ImGui::SameLine();
            if (ImGui::SmallButton(label(tr(TextId::UnloadDemo, lang), "unloaddemo").c_str()))
                actions.unloadDemo = true;
        }
    }
    if (!model.status.empty()) ImGui::TextColored(ImVec4(0.0f, 0.45f, 0.7f, 1), "%s", model.status.c_str());

    ImGui::SeparatorText(tr(TextId::Layers, lang).data());
    for (LayerRow& row : model.layers) {
        const std::string id(feedKindName(row.kind));
        const std::string text = std::string(feedDisplayName(row.kind, lang)) + "  (" +
                                 std::to_string(row.featureCount) + ")##" + id;
        if (ImGui::Checkbox(text.c_str(), &row.visible)) actions.layersChanged = true;
        // Opacity in percent; the map is rebuilt when the slider is let go, not on every step.
        ImGui::SameLine(ImGui::GetFontSize() * 13);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
        int percent = static_cast<int>(row.opacity * 100 + 0.5f);
        if (ImGui::SliderInt(("##opacity" + id).c_str(), &percent, 0, 100, "%d%%"))
            row.opacity = static_cast<float>(percent) / 100;
        if (ImGui::IsItemDeactivatedAfterEdit()) actions.layersChanged = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(TextId::LayerOpacity, lang).data());
    }
    if (ImGui::Button(label(tr(TextId::FitToData, lang), "fit").c_str())) actions.fitToData = true;
    if (model.canImport) {
        ImGui::SameLine();
        if (ImGui::Button(label(tr(TextId::ImportFiles, lang), "import").c_str())) actions.importFiles = true;
    }
    if (ImGui::Button(label(tr(TextId::ExportView, lang), "png").c_str())) actions.exportView = true;
    ImGui::SameLine();
    const std::string sizes[] = {std::string(tr(TextId::PictureScreen, lang)),
                                 fillText(tr(TextId::PictureA4, lang), {"150"}),
                                 fillText(tr(TextId::PictureA4, lang), {"300"})};
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    if (ImGui::BeginCombo("##picturesize", sizes[static_cast<int>(model.pictureSize)].c_str())) {
        for (int i = 0; i < 3; ++i)
            if (ImGui::Selectable(sizes[i].c_str(), i == static_cast<int>(model.pictureSize)))
                model.pictureSize = static_cast<PictureSize>(i);
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(TextId::PictureSizeTip, lang).data());
    if (model.selectedFeed) {
        ImGui::TextUnformatted((std::string(tr(TextId::ExportLayer, lang)) + " " +
                                std::string(feedDisplayName(*model.selectedFeed, lang)))
                                   .c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("GeoJSON")) actions.exportLayerGeoJson = true;
        ImGui::SameLine();
        if (ImGui::SmallButton("CSV")) actions.exportLayerCsv = true;
    }

    if (model.hasRoads) {
        ImGui::SeparatorText(tr(TextId::Isochrone, lang).data());
        for (const TravelMode mode : {TravelMode::Walk, TravelMode::Drive}) {
            if (mode != TravelMode::Walk) ImGui::SameLine();
            const TextId text = mode == TravelMode::Walk ? TextId::Walk : TextId::Drive;
            if (ImGui::RadioButton(label(tr(text, lang), travelModeName(mode).data()).c_str(),
                                   model.isochroneMode == mode)) {
                model.isochroneMode = mode;
                actions.isochroneSettingsChanged = true;
            }
        }
        char minutes[64] = {};
        model.isochroneMinutes.copy(minutes, sizeof minutes - 1);
        // The label above the field: a side panel is too narrow for both on one line in English.
        ImGui::TextUnformatted(tr(TextId::Minutes, lang).data());
        ImGui::SetNextItemWidth(-1);
        if (ImGui::InputText("##minutes", minutes, sizeof minutes)) {
            model.isochroneMinutes = minutes;
            actions.isochroneSettingsChanged = true;
        }
        ImGui::TextDisabled("%s", model.isochroneInfo.empty() ? tr(TextId::ClickMapHint, lang).data()
                                                              : model.isochroneInfo.c_str());
        if (!model.isochroneInfo.empty() &&
            ImGui::SmallButton(label(tr(TextId::Clear, lang), "clear").c_str()))
            actions.clearIsochrones = true;
    }

    ImGui::SeparatorText(tr(TextId::PanelMap, lang).data());
    ImGui::Text("%s: %.2f", tr(TextId::Zoom, lang).data(), model.zoom);
    if (model.cursor)
        ImGui::Text("%s: %.5f, %.5f", tr(TextId::Cursor, lang).data(), model.cursor->lon, model.cursor->lat);

    ImGui::SeparatorText(tr(TextId::Problems, lang).data());
    if (model.problems.empty()) {
        ImGui::TextDisabled("%s", tr(TextId::NoProblems, lang).data());
    } else {
        constexpr std::size_t kShown = 100; // the CLI lists them all
        for (std::size_t i = 0; i < model.problems.size() && i < kShown; ++i) {
            const Diagnostic& d = model.problems[i];
            const ImVec4 colour =
                d.severity == Severity::Error ? ImVec4(0.9f, 0.3f, 0.2f, 1) : ImVec4(0.9f, 0.7f, 0.2f, 1);
            ImGui::PushStyleColor(ImGuiCol_Text, colour);
            ImGui::TextWrapped("%s", diagnosticText(d, lang).c_str());
            ImGui::PopStyleColor();
        }
    }
    if (model.problems.size() > 100)
        ImGui::TextDisabled("+%zu %s", model.problems.size() - 100, tr(TextId::MoreProblems, lang).data());
    if (ImGui::CollapsingHeader(tr(TextId::Help, lang).data())) {
        ImGui::TextWrapped("%s", helpText(lang).c_str());
    }
    return actions;
}

} // namespace cordon
