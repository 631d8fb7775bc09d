#include "ui/strings.hpp"

#include <catch2/catch_test_macros.hpp>

#include <set>
#include <string>

using namespace cordon;

TEST_CASE("Every UI text exists in both languages") {
    REQUIRE(textTable().size() == static_cast<std::size_t>(TextId::Count));
    for (const TextEntry& e : textTable()) {
        INFO("text #" << static_cast<int>(e.id));
        CHECK_FALSE(e.zh.empty());
        CHECK_FALSE(e.en.empty());
    }
}

TEST_CASE("Chinese texts are Chinese and English texts are not") {
    auto hasCjk = [](std::string_view s) {
        // UTF-8 lead bytes 0xE4..0xE9 start the CJK Unified Ideographs block.
        for (unsigned char c : s)
            if (c >= 0xE4 && c <= 0xE9) return true;
        return false;
    };
    // Separators and patterns of placeholders and punctuation ("；", "{1}（{2}）") have no words.
    auto hasWords = [](std::string_view s) {
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '{' && i + 2 < s.size() && s[i + 2] == '}')
                i += 2; // {1}
            else if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))
                return true;
            else if (static_cast<unsigned char>(s[i]) >= 0xE4 && static_cast<unsigned char>(s[i]) <= 0xE9)
                return true;
        }
        return false;
    };
    for (const TextEntry& e : textTable()) {
        INFO(e.en);
        CHECK((hasCjk(e.zh) || !hasWords(e.zh)));
        CHECK_FALSE(hasCjk(e.en));
    }
}

TEST_CASE("Language parameter defaults to Chinese") {
    CHECK(parseLang("en") == Lang::En);
    CHECK(parseLang("") == Lang::Zh);
    CHECK(parseLang("zh") == Lang::Zh);
    CHECK(parseLang("fr") == Lang::Zh);
    CHECK(tr(TextId::LayerZones, Lang::Zh) == "风险区");
    CHECK(tr(TextId::LayerZones, Lang::En) == "Risk zones");
}

TEST_CASE("Feed names have display names in both languages") {
    for (const char* feed : {"areas", "zones", "posts", "teams", "roster", "roads", "facilities"}) {
        CHECK(feedDisplayName(feed, Lang::Zh) != feed);
        CHECK(feedDisplayName(feed, Lang::En) != feed);
    }
    CHECK(feedDisplayName("custom", Lang::Zh) == "custom");
}

TEST_CASE("A text's values are the same in both languages") {
    auto placeholders = [](std::string_view s) {
        std::set<char> found;
        for (std::size_t i = 0; i + 2 < s.size(); ++i)
            if (s[i] == '{' && s[i + 2] == '}') found.insert(s[i + 1]);
        return found;
    };
    for (const TextEntry& e : textTable()) {
        INFO(e.en);
        CHECK(placeholders(e.zh) == placeholders(e.en));
    }
    CHECK(fillText("{2} of {1}", {"a", "b"}) == "b of a");
    CHECK(fillText("{1}{3}", {"x"}) == "x");
    CHECK(fillText("{}{a}", {"x"}) == "{}{a}");
}
