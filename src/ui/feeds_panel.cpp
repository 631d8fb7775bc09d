#include "ui/feeds_panel.hpp"

#include <imgui.h>

#include <cmath>

namespace cordon {

std::string changeSummary(const FeedChange& c, Lang lang) {
    const bool zh = lang == Lang::Zh;
    std::string text(feedDisplayName(c.kind, lang));
    text += zh ? "：" : ": ";
    if (c.empty()) return text + std::string(tr(TextId::ChangeNone, lang));
    const std::string sep = zh ? "，" : ", ";
    std::string counts;
    auto count = [&](int n, TextId what) {
        if (n == 0) return;
        if (!counts.empty()) counts += sep;
        counts += zh ? std::string(tr(what, lang)) + " " + std::to_string(n)
                     : std::to_string(n) + " " + std::string(tr(what, lang));
    };
    count(c.added, TextId::ChangeAdded);
    count(c.removed, TextId::ChangeRemoved);
    count(c.changed, TextId::ChangeChanged);
    if (c.kind != FeedKind::Zones || (c.highRiskAdded == 0 && c.highRiskLifted == 0)) return text + counts;
    std::string risk;
    if (c.highRiskAdded > 0)
        risk += "+" + std::to_string(c.highRiskAdded) + " " + std::string(tr(TextId::ChangeHighRisk, lang));
    if (c.highRiskLifted > 0) {
        if (!risk.empty()) risk += sep;
        risk += std::to_string(c.highRiskLifted) + " " + std::string(tr(TextId::ChangeLifted, lang));
        if (c.highRiskAdded == 0 && zh)
            risk = tr(TextId::ChangeHighRisk, lang).data() + std::string(" ") + risk;
    }
    return text + risk + (zh ? "（" : " (") + counts + (zh ? "）" : ")");
}

std::string durationText(double seconds, Lang lang) {
    const double s = std::max(0.0, seconds);
    auto with = [&](long long n, TextId unit) {
        return std::to_string(n) + " " + std::string(tr(unit, lang));
    };
    if (s < 90) return with(std::llround(s), TextId::SecondsShort);
    if (s < 90 * 60) return with(std::llround(s / 60), TextId::MinutesShort);
    return with(std::llround(s / 3600), TextId::HoursShort);
}

void drawFeedsTab(FeedsModel& m) {
    const ImVec4 ok(0.0f, 0.45f, 0.3f, 1.0f), stale(0.84f, 0.37f, 0.0f, 1.0f),
        failed(0.75f, 0.1f, 0.05f, 1.0f);
    if (ImGui::BeginTable("feeds", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        for (const FeedRow& row : m.rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.source.c_str());
            if (!row.kind.empty()) {
                ImGui::TextDisabled("%s · %zu %s", row.kind.c_str(), row.features,
                                    tr(TextId::Features, m.lang).data());
            }
            ImGui::TableNextColumn();
            if (!row.supersededBy.empty())
                ImGui::TextDisabled("%s",
                                    fillText(tr(TextId::FeedSuperseded, m.lang), {row.supersededBy}).c_str());
            else if (row.stale)
                ImGui::TextColored(stale, "%s", tr(TextId::FeedStale, m.lang).data());
            else if (row.hasData)
                ImGui::TextColored(ok, "%s", tr(TextId::FeedOk, m.lang).data());
            if (!row.error.empty()) ImGui::TextColored(failed, "%s", tr(TextId::FeedFailed, m.lang).data());
            ImGui::TableNextColumn();
            if (row.hasData)
                ImGui::Text("%s %s", tr(TextId::FeedAge, m.lang).data(),
                            durationText(row.ageSeconds, m.lang).c_str());
            if (row.refreshSeconds > 0)
                ImGui::TextDisabled("%s %s", tr(TextId::FeedEvery, m.lang).data(),
                                    durationText(row.refreshSeconds, m.lang).c_str());
            ImGui::TableNextColumn();
            if (!row.error.empty()) {
                ImGui::PushTextWrapPos(0.0f);
                ImGui::TextColored(failed, "%s (%s)", (row.message.empty() ? row.error : row.message).c_str(),
                                   durationText(row.errorAgoSeconds, m.lang).c_str());
                ImGui::PopTextWrapPos();
            }
        }
        ImGui::EndTable();
    }
    if (!m.changes.empty()) {
        ImGui::SeparatorText(tr(TextId::FeedChanges, m.lang).data());
        for (const ChangeRow& c : m.changes) {
            ImGui::TextDisabled("%s", durationText(c.agoSeconds, m.lang).c_str());
            ImGui::SameLine();
            ImGui::TextWrapped("%s", c.text.c_str());
        }
    }
    if (m.failureCount > 0) {
        const std::string title = std::string(tr(TextId::FeedFailureLog, m.lang)) + " (" +
                                  std::to_string(m.failureCount) + ")###failures";
        if (ImGui::CollapsingHeader(title.c_str())) {
            for (const ChangeRow& f : m.failures) {
                ImGui::TextDisabled("%s", durationText(f.agoSeconds, m.lang).c_str());
                ImGui::SameLine();
                ImGui::TextWrapped("%s: %s", f.source.c_str(), f.text.c_str());
            }
        }
    }
}

} // namespace cordon
