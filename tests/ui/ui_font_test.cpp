#include "ui/strings.hpp"
#include "ui/ui_font.hpp"

#include <catch2/catch_test_macros.hpp>
#include <imgui.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace cordon;

TEST_CASE("The UI font notes new characters once, from UTF-8, and ignores ASCII") {
    UiFont font({}, 16.0f);
    const std::size_t start = font.glyphCount();
    CHECK(start > 95); // ASCII plus the UI texts
    CHECK_FALSE(font.addText(tr(TextId::AppTitle, Lang::Zh)));
    CHECK_FALSE(font.addText("plain ASCII text 123"));
    CHECK(font.addText("鬱"));
    CHECK(font.glyphCount() == start + 1);
    CHECK_FALSE(font.addText("鬱鬱"));
    CHECK(font.addText("燚犇"));
    CHECK(font.glyphCount() == start + 3);
    // Broken UTF-8 neither crashes nor reads past the end.
    font.addText(std::string_view("\xE9\xAC", 2));
    font.addText(std::string_view("\xFF\x80\xC3", 3));
    CHECK(font.glyphCount() <= start + 4);
}

TEST_CASE("Characters after long ASCII runs are noted wherever they fall") {
    // ASCII is skipped eight bytes at a time: put the characters at every offset around a word.
    const char* rare[] = {"龘", "靐", "齉", "爩", "麤", "龖", "龗", "驫",
                          "鱻", "羴", "犇", "骉", "飝", "厵", "灥", "垚"};
    UiFont font({}, 16.0f);
    const std::size_t start = font.glyphCount();
    for (std::size_t offset = 0; offset < 16; ++offset) {
        const std::string text =
            std::string(offset, 'a') + "{\"name\":\"" + rare[offset] + "\"}" + std::string(9, 'b');
        CHECK(font.addText(text));
        CHECK(font.glyphCount() == start + offset + 1);
    }
    CHECK_FALSE(font.addText(std::string(1000, 'x')));
}

TEST_CASE("The wall's faces: sizes set once, its own characters noted apart from the UI's") {
    UiFont font({}, 16.0f);
    CHECK(font.setWallSizes(51.2f, 134.4f));
    CHECK_FALSE(font.setWallSizes(51.2f, 134.4f));
    CHECK(font.setWallSizes(25.6f, 67.2f));                           // the screen changed
    CHECK_FALSE(font.addWallText(tr(TextId::KpiDataAsOf, Lang::Zh))); // UI texts are in already
    CHECK(font.addWallText("管城回族区"));
    CHECK_FALSE(font.addWallText("管城回族区"));
    CHECK(font.addText("管城回族区")); // the UI face keeps its own list
}

TEST_CASE("A picture's density rasterises the UI face at that scale and keeps its metrics") {
    std::ifstream in(CORDON_TEST_FONT, std::ios::binary);
    REQUIRE(in);
    const std::vector<unsigned char> ttf{std::istreambuf_iterator<char>(in),
                                         std::istreambuf_iterator<char>()};
    ImGui::CreateContext();
    UiFont font(ttf, 14.0f);
    font.addText("疫情防控指挥图");
    const auto glyph = [&] { return *font.uiFace()->FindGlyph(0x75AB); }; // 疫
    font.build();
    const ImFontGlyph screen = glyph();
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    const float screenTexels = (screen.U1 - screen.U0) * static_cast<float>(atlas.TexWidth);
    CHECK(font.setDensity(3));
    CHECK_FALSE(font.setDensity(3));
    font.build();
    const ImFontGlyph print = glyph();
    const float printTexels = (print.U1 - print.U0) * static_cast<float>(atlas.TexWidth);
    CHECK(print.AdvanceX == screen.AdvanceX);                             // the same layout
    CHECK(std::abs((print.X1 - print.X0) - (screen.X1 - screen.X0)) < 1); // whole texels either way
    CHECK(printTexels > 2.5f * screenTexels);                             // three times the pixels across
    CHECK(font.setDensity(1));
    font.build();
    CHECK((glyph().U1 - glyph().U0) * static_cast<float>(atlas.TexWidth) == screenTexels);
    ImGui::DestroyContext();
}
