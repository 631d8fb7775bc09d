// The shortcut table is the one place keys are defined: every command has a key, no key means two
// things, and the help lists every key in both languages.
#include "ui/shortcuts.hpp"

#include <catch2/catch_test_macros.hpp>

#include <set>
#include <string>

using namespace cordon;

TEST_CASE("Every command has a key and no key means two commands") {
    std::set<int> commands;
    std::set<char> characters;
    std::set<NamedKey> named;
    for (const Shortcut& s : shortcuts()) {
        commands.insert(static_cast<int>(s.command));
        for (char c : s.characters) {
            INFO(c);
            CHECK(characters.insert(c).second);
            CHECK(commandForCharacter(c) == s.command);
        }
        if (s.named != NamedKey::None) {
            CHECK(named.insert(s.named).second);
            CHECK(commandForKey(s.named) == s.command);
        }
        CHECK((!s.characters.empty() || s.named != NamedKey::None));
    }
    CHECK(commands.size() == static_cast<std::size_t>(Command::Search) + 1);
    CHECK(commandForCharacter('F') == Command::Fit); // letters in either case
    CHECK(commandForCharacter('=') == Command::ZoomIn);
    CHECK_FALSE(commandForCharacter('q'));
    CHECK_FALSE(commandForKey(NamedKey::None));
}

TEST_CASE("Help is made from the table: every key and what it does, in both languages") {
    for (Lang lang : {Lang::Zh, Lang::En}) {
        const std::string help = helpText(lang);
        INFO(help);
        for (const Shortcut& s : shortcuts()) {
            if (!s.shown.empty()) CHECK(help.find(std::string(s.shown) + "  ") != std::string::npos);
            CHECK(help.find(tr(s.what, lang)) != std::string::npos);
        }
        CHECK(help.find(tr(TextId::HelpDrop, lang)) != std::string::npos);
    }
    CHECK(helpText(Lang::Zh).find("P  调配建议") != std::string::npos);
    CHECK(helpText(Lang::En).find("[ / ]  time one hour back / on") != std::string::npos);
}
