#include "ui/ui_font.hpp"

#include "ui/strings.hpp"

#include <imgui.h>

namespace cordon {

void installUiFont(std::span<const unsigned char> ttf, float pixelSize, std::span<const std::string> names) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    if (ttf.empty()) {
        io.Fonts->AddFontDefault();
        return;
    }
    static ImVector<ImWchar> ranges;
    ranges.clear();
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    for (const TextEntry& e : textTable()) {
        builder.AddText(e.zh.data(), e.zh.data() + e.zh.size());
        builder.AddText(e.en.data(), e.en.data() + e.en.size());
    }
    for (const std::string& name : names)
        builder.AddText(name.data(), name.data() + name.size());
    builder.BuildRanges(&ranges);

    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = 1;
    config.OversampleV = 1;
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(ttf.data()), static_cast<int>(ttf.size()),
                                   pixelSize, &config, ranges.Data);
}

} // namespace cordon
