#pragma once
/// The UI font: the embedded CJK font subset, rasterised by ImGui for exactly the characters the
/// app shows (UI texts, loaded names and attributes), grown when new feeds bring new characters.

#include <span>
#include <string_view>
#include <vector>

namespace cordon {

class UiFont {
  public:
    /// `ttf` must stay alive as long as the font is used (it is not copied). Starts with the
    /// characters of the UI text table in both languages.
    UiFont(std::span<const unsigned char> ttf, float pixelSize);

    /// Notes the characters of `text`; true when some are not in the atlas yet.
    bool addText(std::string_view text);
    /// Rebuilds ImGui's font atlas from every character noted so far; the caller re-uploads the
    /// atlas texture. Outside an ImGui frame only.
    void build();
    /// Characters noted so far.
    std::size_t glyphCount() const { return m_count; }

  private:
    std::span<const unsigned char> m_ttf;
    float m_pixelSize;
    std::vector<bool> m_have = std::vector<bool>(0x10000, false);
    std::size_t m_count = 0;
};

} // namespace cordon
