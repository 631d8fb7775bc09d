#include "ui/kind_prompt.hpp"

#include <imgui.h>

namespace cordon {
namespace {

std::string joined(const std::vector<std::string>& items, Lang lang) {
    std::string out;
    for (const std::string& s : items)
        out += (out.empty() ? "" : lang == Lang::En ? ", " : "、") + s;
    return out;
}

/// Why cordon thinks the coordinates are (or are not) GCJ-02; "" when it has nothing to say.
std::string gcj02Reason(const Gcj02Guess& g, Lang lang) {
    const auto metres = [](double m) {
        return m >= 2000 ? std::string("2000+") : std::to_string(static_cast<long>(m + 0.5));
    };
    switch (g.evidence) {
    case Gcj02Evidence::Declared:
        return std::string(tr(TextId::KindGcj02Declared, lang));
    case Gcj02Evidence::Named:
        return std::string(tr(TextId::KindGcj02Named, lang));
    case Gcj02Evidence::RoadOffset:
    case Gcj02Evidence::None:
        break;
    }
    if (g.asGivenMetres && g.convertedMetres)
        return fillText(tr(TextId::KindGcj02Roads, lang),
                        {metres(*g.asGivenMetres), metres(*g.convertedMetres)});
    return {};
}

} // namespace

KindPromptActions drawKindPrompt(const KindPromptModel& m) {
    KindPromptActions actions;
    if (!m.visible) return actions;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2((m.mapLeft + display.x) * 0.5f, display.y * 0.4f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(380, 0), ImVec2(display.x * 0.9f, display.y * 0.8f));
    const std::string title = std::string(tr(TextId::KindAskTitle, m.lang)) + "###kindprompt";
    ImGui::PushStyleColor(ImGuiCol_TitleBgActive, ImVec4(0.10f, 0.35f, 0.65f, 1));
    ImGui::PushStyleColor(ImGuiCol_TitleBg, ImVec4(0.10f, 0.35f, 0.65f, 1));
    ImGui::Begin(title.c_str(), nullptr,
                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor(2);
    ImGui::SetWindowFocus();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
    ImGui::TextUnformatted(fillText(tr(TextId::KindAskFile, m.lang),
                                    {m.source, std::to_string(m.features), std::to_string(m.geometry[0]),
                                     std::to_string(m.geometry[1]), std::to_string(m.geometry[2]),
                                     std::to_string(m.geometry[3])})
                               .c_str());
    if (!m.fields.empty())
        ImGui::TextDisabled("%s",
                            fillText(tr(TextId::KindAskFields, m.lang), {joined(m.fields, m.lang)}).c_str());
    if (!m.names.empty())
        ImGui::TextDisabled("%s",
                            fillText(tr(TextId::KindAskNames, m.lang), {joined(m.names, m.lang)}).c_str());
    bool add = m.add;
    // A, G and M toggle the boxes from the keyboard, as Enter and Esc answer.
    if (ImGui::Checkbox(tr(TextId::KindAdd, m.lang).data(), &add) || ImGui::IsKeyPressed(ImGuiKey_A, false))
        actions.add = ImGui::IsKeyPressed(ImGuiKey_A, false) ? !m.add : add;
    bool convert = m.fromGcj02;
    if (ImGui::Checkbox(tr(TextId::KindGcj02, m.lang).data(), &convert) ||
        ImGui::IsKeyPressed(ImGuiKey_G, false))
        actions.fromGcj02 = ImGui::IsKeyPressed(ImGuiKey_G, false) ? !m.fromGcj02 : convert;
    if (const std::string why = gcj02Reason(m.gcj02, m.lang); !why.empty()) {
        ImGui::Indent();
        if (m.gcj02.likely)
            ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.3f, 1), "%s", why.c_str());
        else
            ImGui::TextDisabled("%s", why.c_str());
        ImGui::Unindent();
    }
    bool save = m.saveMapping;
    if (ImGui::Checkbox(tr(TextId::KindSaveMapping, m.lang).data(), &save) ||
        ImGui::IsKeyPressed(ImGuiKey_M, false))
        actions.saveMapping = ImGui::IsKeyPressed(ImGuiKey_M, false) ? !m.saveMapping : save;
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    // The guess first and highlighted, then the other feeds in their usual order.
    std::vector<FeedKind> order;
    if (m.guess) order.push_back(*m.guess);
    for (int k = 0; k < kFeedKindCount; ++k)
        if (!m.guess || static_cast<FeedKind>(k) != *m.guess) order.push_back(static_cast<FeedKind>(k));
    for (std::size_t i = 0; i < order.size(); ++i) {
        const FeedKind kind = order[i];
        const bool guessed = m.guess && kind == *m.guess;
        std::string label(feedDisplayName(kind, m.lang));
        if (guessed) label = fillText(tr(TextId::KindGuess, m.lang), {label});
        if (guessed) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.10f, 0.45f, 0.80f, 1));
        if (i % 4 != 0) ImGui::SameLine(); // rows of four
        if (ImGui::Button((label + "##kind" + std::to_string(i)).c_str())) actions.chosen = kind;
        if (guessed) ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    actions.cancel =
        ImGui::Button(tr(TextId::KindCancel, m.lang).data()) || ImGui::IsKeyPressed(ImGuiKey_Escape);

    if (m.guess && (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter)))
        actions.chosen = *m.guess;
    ImGui::End();
    return actions;
}

} // namespace cordon
