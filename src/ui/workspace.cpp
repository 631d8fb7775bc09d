// The docked side panel of the laptop view: it owns the one window the panels' contents go in,
// so that they stack as tabs beside the map instead of floating over it.

#include "ui/workspace.hpp"

#include <imgui.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

namespace cordon {

namespace {

constexpr float kDefaultEm = 24, kMinEm = 18, kStripEm = 2.2f;
bool g_contentOpen = false; ///< beginWorkspace opened the tab's scrolling region

struct TabInfo {
    WorkspaceTab tab;
    TextId text;
    const char* key;
};
constexpr TabInfo kTabs[kWorkspaceTabCount] = {
    {WorkspaceTab::Layers, TextId::Layers, "layers"},
    {WorkspaceTab::Coverage, TextId::Coverage, "coverage"},
    {WorkspaceTab::Gaps, TextId::Staffing, "gaps"},
    {WorkspaceTab::Details, TextId::TabDetails, "details"},
    {WorkspaceTab::Feeds, TextId::FeedsPanel, "feeds"},
};

float clampedWidth(float width, float em) {
    const float widest = std::max(kMinEm * em, ImGui::GetIO().DisplaySize.x * 0.5f);
    return std::clamp(width > 0 ? width : kDefaultEm * em, kMinEm * em, widest);
}

} // namespace

float workspaceMapLeft(const WorkspaceModel& model, float fontSize) {
    return model.collapsed ? kStripEm * fontSize : clampedWidth(model.width, fontSize);
}

namespace {

/// A combo's width that shows the widest of `labels` whole (with its arrow button).
float comboWidth(std::initializer_list<std::string_view> labels) {
    float widest = 0;
    for (const std::string_view label : labels)
        widest = std::max(widest, ImGui::CalcTextSize(label.data(), label.data() + label.size()).x);
    return widest + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2;
}

/// The filter row: district, time, and a clear button while any is set.
bool drawFilter(WorkspaceModel& model) {
    const Lang lang = model.lang;
    const float em = ImGui::GetFontSize();
    bool changed = false;
    ImGui::SetNextItemWidth(em * 7);
    std::string current(tr(TextId::FilterCity, lang));
    for (const auto& [index, name] : model.districts)
        if (model.filter.district == index) current = name;
    if (ImGui::BeginCombo("##district", current.c_str())) {
        if (ImGui::Selectable(tr(TextId::FilterCity, lang).data(), !model.filter.district)) {
            model.filter.district.reset();
            changed = true;
        }
        for (const auto& [index, name] : model.districts)
            if (ImGui::Selectable((name + "##d" + std::to_string(index)).c_str(),
                                  model.filter.district == index)) {
                model.filter.district = index;
                changed = true;
            }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    constexpr TextId kTimes[] = {TextId::FilterDay, TextId::FilterNight, TextId::FilterScrubbed};
    ImGui::SetNextItemWidth(
        std::max(em * 8, comboWidth({tr(kTimes[0], lang), tr(kTimes[1], lang), tr(kTimes[2], lang)})));
    const int at = static_cast<int>(model.filter.time);
    if (ImGui::BeginCombo("##time", tr(kTimes[at], lang).data())) {
        for (int t = 0; t < 3; ++t)
            if (ImGui::Selectable(tr(kTimes[t], lang).data(), t == at)) {
                model.filter.time = static_cast<TimeFilter>(t);
                changed = true;
            }
        ImGui::EndCombo();
    }
    if (model.filter.active()) {
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(TextId::FilterClear, lang).data())) {
            model.filter = {};
            changed = true;
        }
    }
    return changed;
}

} // namespace

std::optional<WorkspaceTab> beginWorkspace(WorkspaceModel& model, bool& filterChanged) {
    filterChanged = false;
    const float em = ImGui::GetFontSize();
    const float height = ImGui::GetIO().DisplaySize.y;
    const Lang lang = model.lang;
    // Under every dialog, never moved: the map's edge is where the panel ends.
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                        ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                        ImGuiWindowFlags_NoSavedSettings;
    ImGui::SetNextWindowPos(ImVec2(0, 0), ImGuiCond_Always);
    g_contentOpen = false;
    if (model.collapsed) {
        ImGui::SetNextWindowSize(ImVec2(kStripEm * em, height), ImGuiCond_Always);
        ImGui::Begin("###workspace-strip", nullptr,
                     kFlags | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoScrollbar);
        if (ImGui::Button(">>")) model.collapsed = false;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(TextId::ShowPanel, lang).data());
        return std::nullopt;
    }
    model.width = clampedWidth(model.width, em);
    ImGui::SetNextWindowSizeConstraints(
        ImVec2(kMinEm * em, height),
        ImVec2(std::max(kMinEm * em, ImGui::GetIO().DisplaySize.x * 0.5f), height));
    ImGui::SetNextWindowSize(ImVec2(model.width, height), ImGuiCond_Appearing);
    ImGui::Begin("###workspace", nullptr, kFlags);
    model.width = ImGui::GetWindowWidth(); // dragged by its right edge
    ImGui::TextUnformatted(tr(TextId::AppTitle, lang).data());
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize("<<").x -
                    ImGui::GetStyle().FramePadding.x * 2);
    if (ImGui::SmallButton("<<")) model.collapsed = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(TextId::HidePanel, lang).data());

    filterChanged = drawFilter(model);
    if (ImGui::BeginTabBar("tabs", ImGuiTabBarFlags_FittingPolicyResizeDown)) {
        for (const TabInfo& t : kTabs) {
            if (t.tab == WorkspaceTab::Feeds && !model.feedsTab) continue;
            std::string text(tr(t.text, lang));
            if (t.tab == WorkspaceTab::Feeds && model.feedTrouble > 0)
                text += " (" + std::to_string(model.feedTrouble) + ")";
            text += std::string("###") + t.key;
            const ImGuiTabItemFlags flags = model.request == t.tab ? ImGuiTabItemFlags_SetSelected : 0;
            if (ImGui::BeginTabItem(text.c_str(), nullptr, flags)) {
                model.tab = t.tab;
                ImGui::EndTabItem();
            }
        }
        ImGui::EndTabBar();
    }
    model.request.reset();
    ImGui::BeginChild("content");
    g_contentOpen = true;
    return model.tab;
}

void endWorkspace() {
    if (g_contentOpen) ImGui::EndChild();
    g_contentOpen = false;
    ImGui::End();
}

const char* workspaceTabKey(WorkspaceTab tab) {
    return kTabs[static_cast<int>(tab)].key;
}

const char* timeFilterKey(TimeFilter time) {
    return time == TimeFilter::Night ? "night" : time == TimeFilter::Scrubbed ? "slot" : "day";
}

TimeFilter timeFilterFromKey(std::string_view key) {
    return key == "night" ? TimeFilter::Night : key == "slot" ? TimeFilter::Scrubbed : TimeFilter::Day;
}

std::optional<WorkspaceTab> workspaceTabFromKey(std::string_view key) {
    for (const TabInfo& t : kTabs)
        if (key == t.key) return t.tab;
    return std::nullopt;
}

} // namespace cordon
