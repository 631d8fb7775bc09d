#include "ui/ui_font.hpp"

#include "ui/strings.hpp"

#include <imgui.h>

#include <cstdint>
#include <cstring>

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

/// Notes the non-ASCII characters of `text` in `have`; returns how many were new.
std::size_t note(std::vector<bool>& have, std::string_view text) {
    std::size_t added = 0;
    constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
    for (std::size_t i = 0; i < text.size();) {
        // Properties text is mostly ASCII: step over it eight bytes at a time.
        if (i + sizeof(std::uint64_t) <= text.size()) {
            std::uint64_t word = 0;
            std::memcpy(&word, text.data() + i, sizeof word);
            if (!(word & kHighBits)) {
                i += sizeof word;
                continue;
            }
        }
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const unsigned cp = nextCodePoint(text, i);
        if (cp < have.size() && !have[cp]) {
            have[cp] = true;
            ++added;
        }
    }
    return added;
}

/// ASCII and the characters in `have`, as ImGui glyph ranges (kept in `ranges`).
const ImWchar* rangesOf(const std::vector<bool>& have, ImVector<ImWchar>& ranges) {
    ranges.clear();
    ImFontGlyphRangesBuilder builder;
    for (unsigned c = 0x20; c < 0x7F; ++c)
        builder.AddChar(static_cast<ImWchar>(c));
    for (unsigned c = 0x80; c < have.size(); ++c)
        if (have[c]) builder.AddChar(static_cast<ImWchar>(c));
    builder.BuildRanges(&ranges);
    return ranges.Data;
}

} // namespace

UiFont::UiFont(std::span<const unsigned char> ttf, float pixelSize) : m_ttf(ttf), m_pixelSize(pixelSize) {
    for (unsigned c = 0x20; c < 0x7F; ++c)
        m_have[c] = true;
    m_count = 0x7F - 0x20;
    for (const TextEntry& e : textTable()) {
        addText(e.zh);
        addText(e.en);
        addWallText(e.zh);
        addWallText(e.en);
    }
}

bool UiFont::addText(std::string_view text) {
    const std::size_t added = note(m_have, text);
    m_count += added;
    return added > 0;
}

bool UiFont::addWallText(std::string_view text) {
    return note(m_wallHave, text) > 0;
}

bool UiFont::setWallSizes(float textPx, float figurePx) {
    if (textPx == m_wallTextPx && figurePx == m_wallFigurePx) return false;
    m_wallTextPx = textPx;
    m_wallFigurePx = figurePx;
    return true;
}

bool UiFont::setDensity(float density) {
    if (density == m_density) return false;
    m_density = density;
    return true;
}

void UiFont::build() {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    m_wallText = m_wallFigures = nullptr;
    if (m_ttf.empty()) {
        m_ui = io.Fonts->AddFontDefault();
        return;
    }
    // ImGui reads the ranges when the atlas is built, so they live as long as the fonts.
    static ImVector<ImWchar> uiRanges, wallRanges;
    static const ImWchar figureRanges[] = {0x20, 0x7E, 0};
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = 1;
    config.OversampleV = 1;
    auto add = [&](float px, const ImWchar* ranges) {
        return io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(m_ttf.data()),
                                              static_cast<int>(m_ttf.size()), px, &config, ranges);
    };
    config.RasterizerDensity = m_density;
    m_ui = add(m_pixelSize, rangesOf(m_have, uiRanges));
    config.RasterizerDensity = 1;
    if (m_wallTextPx > 0) m_wallText = add(m_wallTextPx, rangesOf(m_wallHave, wallRanges));
    if (m_wallFigurePx > 0) m_wallFigures = add(m_wallFigurePx, figureRanges);
    io.Fonts->Build();
}

} // namespace cordon
