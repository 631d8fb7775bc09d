#include "ui/gaps_panel.hpp"

#include "core/formats/clock_time.hpp"
#include "core/formats/csv.hpp"
#include "ui/figure_labels.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <utility>

namespace cordon {

namespace {

void sortRows(std::vector<GapRow>& rows, const ImGuiTableColumnSortSpecs& spec) {
    const bool up = spec.SortDirection == ImGuiSortDirection_Ascending;
    std::stable_sort(rows.begin(), rows.end(), [&](const GapRow& a, const GapRow& b) {
        auto less = [&](const GapRow& x, const GapRow& y) {
            switch (spec.ColumnIndex) {
            case 0:
                return x.name < y.name;
            case 1:
                return x.district < y.district;
            case 3:
                return x.nightHoursShort < y.nightHoursShort;
            case 4:
                return x.worstGapHours < y.worstGapHours;
            default:
                return x.hoursShort < y.hoursShort;
            }
        };
        return up ? less(a, b) : less(b, a);
    });
}

} // namespace

GapsPanelActions drawGapsTab(GapsPanelModel& model) {
    GapsPanelActions actions;
    const Lang lang = model.lang;
    const float em = ImGui::GetFontSize();
    if (!model.available) {
        ImGui::TextWrapped("%s", tr(TextId::StaffingNeedsRoster, lang).data());
        return actions;
    }
    if (!model.asOf.empty()) {
        ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.15f, 1), "%s",
                           fillText(tr(TextId::FigureDoubtful, lang), {model.asOf}).c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    }
    ImGui::TextDisabled("%s", fillText(tr(TextId::FiguresScope, lang), {model.scope}).c_str());
    ImGui::PushTextWrapPos(0.0f); // long English figures wrap at the panel's edge
    ImGui::Text("%s: %d  (%s %d)", tr(TextId::PostsShort, lang).data(), model.postsShort,
                tr(TextId::UnstaffedAllDay, lang).data(), model.postsUnstaffed);
    ImGui::Text("%s: %.0f  (%s %.0f)", figureLabel(FigureId::PersonHoursShort, lang).c_str(),
                model.personHoursShort, tr(TextId::NightPersonHoursShort, lang).data(),
                model.nightPersonHoursShort);
    ImGui::Text("%s: %d  (%s %d)", figureLabel(FigureId::ZonesBreakingRule, lang).c_str(), model.zoneGaps,
                figureLabel(FigureId::ZonesWithoutTaskForce, lang).c_str(), model.zonesWithoutTaskForce);
    ImGui::Text("%s: %lld", figureLabel(FigureId::HouseholdsAwaiting, lang).c_str(),
                model.householdsUnvisited);
    ImGui::PopTextWrapPos();
    if (!model.asOf.empty()) ImGui::PopStyleColor();

    ImGui::TextDisabled("%s", fillText(tr(TextId::Timeline, lang), {model.scope}).c_str());
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::PlotHistogram("##shortfall", model.shortBySlot.data(), static_cast<int>(model.shortBySlot.size()),
                         0, nullptr, 0.0f, FLT_MAX, ImVec2(width, em * 3));
    const int last = static_cast<int>(model.shortBySlot.size()) - 1;
    int slot = std::max(model.scrubSlot, 0);
    ImGui::SetNextItemWidth(width);
    const std::string format = clockText(slot * model.slotMinutes);
    if (ImGui::SliderInt("##scrub", &slot, 0, std::max(last, 0), format.c_str())) {
        model.scrubSlot = slot;
        actions.scrubChanged = true;
    }
    if (model.scrubSlot >= 0)
        ImGui::Text("%s %s: %d", tr(TextId::ShortAt, lang).data(), format.c_str(), model.shortAtScrub);

    if (ImGui::Button(tr(TextId::MakePlan, lang).data())) actions.planRequested = true;
    ImGui::SameLine();
    if (ImGui::Button(tr(TextId::ExportGapsCsv, lang).data())) actions.exportGaps = true;
    if (model.hasPlan) {
        ImGui::SameLine();
        if (ImGui::Button(tr(TextId::ExportPlanCsv, lang).data())) actions.exportPlan = true;
        ImGui::PushTextWrapPos(0.0f);
        ImGui::Text("%s: %.0f / %.0f", tr(TextId::PlanSummary, lang).data(), model.planFilledHours,
                    model.planTravelMinutes);
        ImGui::TextDisabled("%s: %.0f / %.0f", tr(TextId::GreedySummary, lang).data(),
                            model.greedyFilledHours, model.greedyTravelMinutes);
        if (model.planNarrowed)
            ImGui::Text("%s: %zu / %.0f / %.0f",
                        fillText(tr(TextId::PlanInFilter, lang), {model.scope}).c_str(), model.plan.size(),
                        model.shownMovedHours, model.shownTravelMinutes);
        ImGui::PopTextWrapPos();
        constexpr ImGuiTableFlags kPlanFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                               ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable;
        if (ImGui::BeginTable("plan", 5, kPlanFlags, ImVec2(0, em * 8))) {
            ImGui::TableSetupScrollFreeze(0, 1);
            for (TextId column : {TextId::ColumnFrom, TextId::ColumnTo, TextId::ColumnTime,
                                  TextId::ColumnPeople, TextId::ColumnTravel})
                ImGui::TableSetupColumn(tr(column, lang).data());
            ImGui::TableHeadersRow();
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(model.plan.size()));
            while (clipper.Step())
                for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                    const PlanRow& row = model.plan[static_cast<std::size_t>(i)];
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    const std::string label = row.from + "##move" + std::to_string(i);
                    if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
                        actions.goToPost = row.toPost;
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(row.to.c_str());
                    ImGui::TableNextColumn();
                    ImGui::Text("%s-%s", clockText(row.fromMinute).c_str(), clockText(row.toMinute).c_str());
                    ImGui::TableNextColumn();
                    ImGui::Text("%d", row.people);
                    ImGui::TableNextColumn();
                    ImGui::Text("%.0f", row.travelMinutes);
                }
            ImGui::EndTable();
        }
    }

    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                                       ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                       ImGuiTableFlags_Resizable;
    if (ImGui::BeginTable("posts", 5, kFlags, ImVec2(0, 0))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr(TextId::ColumnPost, lang).data());
        ImGui::TableSetupColumn(tr(TextId::ColumnDistrict, lang).data());
        ImGui::TableSetupColumn(tr(TextId::ColumnHoursShort, lang).data(),
                                ImGuiTableColumnFlags_DefaultSort |
                                    ImGuiTableColumnFlags_PreferSortDescending);
        ImGui::TableSetupColumn(tr(TextId::ColumnNightHours, lang).data(),
                                ImGuiTableColumnFlags_PreferSortDescending);
        ImGui::TableSetupColumn(tr(TextId::ColumnWorstGap, lang).data(),
                                ImGuiTableColumnFlags_PreferSortDescending);
        ImGui::TableHeadersRow();
        if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
            if (specs->SpecsCount > 0) sortRows(model.rows, specs->Specs[0]);
            specs->SpecsDirty = false;
        }
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(model.rows.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const GapRow& row = model.rows[static_cast<std::size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                const std::string label = row.name + "##post" + std::to_string(row.post);
                if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
                    actions.goToPost = row.post;
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row.district.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%.1f", row.hoursShort);
                ImGui::TableNextColumn();
                ImGui::Text("%.1f", row.nightHoursShort);
                ImGui::TableNextColumn();
                ImGui::Text("%s +%.1fh", clockText(row.worstGapStartMinute).c_str(), row.worstGapHours);
            }
        ImGui::EndTable();
    }
    return actions;
}

namespace {

std::string hours(double h) {
    char b[32];
    std::snprintf(b, sizeof b, "%.2f", h);
    return b;
}

} // namespace

std::string gapsTableCsv(const GapsPanelModel& model) {
    const Lang lang = model.lang;
    std::string out = kUtf8Bom;
    out += "id";
    for (TextId column : {TextId::ColumnPost, TextId::ColumnDistrict, TextId::ColumnHoursShort,
                          TextId::ColumnNightHours, TextId::ColumnWorstGap, TextId::ColumnWorstGapHours})
        out += ',' + csvField(tr(column, lang));
    out += '\n';
    for (const GapRow& row : model.rows)
        out += csvField(row.id) + ',' + csvField(row.name) + ',' + csvField(row.district) + ',' +
               hours(row.hoursShort) + ',' + hours(row.nightHoursShort) + ',' +
               (row.worstGapStartMinute >= 0 ? clockText(row.worstGapStartMinute) : std::string()) + ',' +
               hours(row.worstGapHours) + '\n';
    return out;
}

std::string planTableCsv(const GapsPanelModel& model) {
    const Lang lang = model.lang;
    std::string out = kUtf8Bom;
    bool first = true;
    for (TextId column : {TextId::ColumnFrom, TextId::ColumnTo, TextId::ColumnFromTime, TextId::ColumnToTime,
                          TextId::ColumnPeople, TextId::ColumnTravel}) {
        if (!std::exchange(first, false)) out += ',';
        out += csvField(tr(column, lang));
    }
    out += '\n';
    for (const PlanRow& row : model.plan) {
        char travel[32];
        std::snprintf(travel, sizeof travel, "%.1f", row.travelMinutes);
        out += csvField(row.from) + ',' + csvField(row.to) + ',' + clockText(row.fromMinute) + ',' +
               clockText(row.toMinute) + ',' + std::to_string(row.people) + ',' + travel + '\n';
    }
    return out;
}

} // namespace cordon
