#include "ui/ui_font.hpp"

#include "ui/strings.hpp"

#include <imgui.h>

namespace cordon {

namespace {

/// The next code point of UTF-8 `text` at `i` (advanced past it); U+FFFD for a bad sequence.
unsigned nextCodePoint(std::string_view text, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned lead = byte(i++);
    if (lead < 0x80) return lead;
    const int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
    if (extra < 0 || i + extra > text.size()) return 0xFFFD;
    unsigned cp = lead & (0x3F >> extra);
    for (int k = 0; k < extra; ++k) {
        if ((byte(i) & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (byte(i++) & 0x3F);
    }
    return cp;
}

} // namespace

UiFont::UiFont(std::span<const unsigned char> ttf, float pixelSize) : m_ttf(ttf), m_pixelSize(pixelSize) {
    for (unsigned c = 0x20; c < 0x7F; ++c)
        m_have[c] = true;
    m_count = 0x7F - 0x20;
    for (const TextEntry& e : textTable()) {
        addText(e.zh);
        addText(e.en);
    }
}

bool UiFont::addText(std::string_view text) {
    bool added = false;
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const unsigned cp = nextCodePoint(text, i);
        if (cp < m_have.size() && !m_have[cp]) {
            m_have[cp] = true;
            ++m_count;
            added = true;
        }
    }
    return added;
}

void UiFont::build() {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    if (m_ttf.empty()) {
        io.Fonts->AddFontDefault();
        return;
    }
    // ImGui reads the ranges when the atlas is built, so they live as long as the font.
    static ImVector<ImWchar> ranges;
    ranges.clear();
    ImFontGlyphRangesBuilder builder;
    for (unsigned c = 0; c < m_have.size(); ++c)
        if (m_have[c]) builder.AddChar(static_cast<ImWchar>(c));
    builder.BuildRanges(&ranges);

    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = 1;
    config.OversampleV = 1;
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(m_ttf.data()), static_cast<int>(m_ttf.size()),
                                   m_pixelSize, &config, ranges.Data);
    io.Fonts->Build();
}

} // namespace cordon
