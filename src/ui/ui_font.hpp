#pragma once
/// The UI font: the embedded CJK font subset, rasterised by ImGui for exactly the characters the
/// app shows (UI texts, loaded names and attributes), grown when new feeds bring new characters.

#include <span>
#include <string_view>
#include <vector>

struct ImFont;

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

    /// Faces for the wall's tiles, rasterised at the pixel sizes they are shown at (a scaled-up UI
    /// face is blurred on a 4K wall): `textPx` for labels, `figurePx` for the figures (ASCII only).
    /// 0 for none. True when the sizes changed (build again).
    bool setWallSizes(float textPx, float figurePx);
    /// Rasterises the UI face at `density` device pixels per UI pixel from the next build on (1 on
    /// screen): a picture of the map drawn at 300 dpi has its type as sharp as its lines, where a
    /// screen-sized atlas scaled up is soft. Metrics and layout are unchanged. True when it changed.
    bool setDensity(float density);
    /// Notes characters the wall shows (besides the UI texts); true when some are new.
    bool addWallText(std::string_view text);
    float wallTextPx() const { return m_wallText ? m_wallTextPx : 0; }
    float wallFigurePx() const { return m_wallFigures ? m_wallFigurePx : 0; }
    /// The faces of the last build; the wall's are null when there are none.
    ImFont* uiFace() const { return m_ui; }
    ImFont* wallTextFace() const { return m_wallText; }
    ImFont* wallFigureFace() const { return m_wallFigures; }

  private:
    std::span<const unsigned char> m_ttf;
    float m_pixelSize;
    std::vector<bool> m_have = std::vector<bool>(0x10000, false);
    std::size_t m_count = 0;
    float m_density = 1;
    float m_wallTextPx = 0, m_wallFigurePx = 0;
    std::vector<bool> m_wallHave = std::vector<bool>(0x10000, false);
    ImFont* m_ui = nullptr;
    ImFont* m_wallText = nullptr;
    ImFont* m_wallFigures = nullptr;
};

} // namespace cordon
