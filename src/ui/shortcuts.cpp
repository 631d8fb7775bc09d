#include "ui/shortcuts.hpp"

namespace cordon {

namespace {

constexpr Shortcut kShortcuts[] = {
    {Command::ZoomIn, "+=", NamedKey::None, "+ / -", TextId::KeyZoom},
    {Command::ZoomOut, "-", NamedKey::None, "", TextId::KeyZoom},
    {Command::Fit, "f0", NamedKey::None, "F / 0", TextId::KeyFit},
    {Command::PanLeft, "", NamedKey::Left, "", TextId::KeyPan},
    {Command::PanRight, "", NamedKey::Right, "", TextId::KeyPan},
    {Command::PanUp, "", NamedKey::Up, "", TextId::KeyPan},
    {Command::PanDown, "", NamedKey::Down, "", TextId::KeyPan},
    {Command::Legend, "l", NamedKey::None, "L", TextId::KeyLegend},
    {Command::Labels, "t", NamedKey::None, "T", TextId::KeyLabels},
    {Command::Responsibility, "r", NamedKey::None, "R", TextId::KeyResponsibility},
    {Command::ScrubBack, "[", NamedKey::None, "[ / ]", TextId::KeyScrub},
    {Command::ScrubForward, "]", NamedKey::None, "", TextId::KeyScrub},
    {Command::Plan, "p", NamedKey::None, "P", TextId::KeyPlan},
    {Command::ExportView, "e", NamedKey::None, "E", TextId::KeyExportView},
    {Command::ExportLayerGeoJson, "g", NamedKey::None, "G / C", TextId::KeyExportLayer},
    {Command::ExportLayerCsv, "c", NamedKey::None, "", TextId::KeyExportLayer},
    {Command::Briefing, "b", NamedKey::None, "B", TextId::KeyBriefing},
    {Command::Search, "/", NamedKey::None, "/", TextId::KeySearch},
};

} // namespace

std::span<const Shortcut> shortcuts() {
    return kShortcuts;
}

std::optional<Command> commandForCharacter(char c) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    for (const Shortcut& s : kShortcuts)
        if (s.characters.find(c) != std::string_view::npos) return s.command;
    return std::nullopt;
}

std::optional<Command> commandForKey(NamedKey key) {
    if (key == NamedKey::None) return std::nullopt;
    for (const Shortcut& s : kShortcuts)
        if (s.named == key) return s.command;
    return std::nullopt;
}

std::string helpText(Lang lang) {
    std::string text(tr(TextId::HelpIntro, lang));
    const Shortcut* previous = nullptr;
    for (const Shortcut& s : kShortcuts) {
        // Keys that share a line (zoom in and out) follow one another with the same text.
        if (!previous || previous->what != s.what) {
            text += "\n";
            if (!s.shown.empty()) {
                text += s.shown;
                text += "  ";
            }
            text += tr(s.what, lang);
        }
        previous = &s;
    }
    text += "\n";
    text += tr(TextId::HelpDrop, lang);
    return text;
}

} // namespace cordon
