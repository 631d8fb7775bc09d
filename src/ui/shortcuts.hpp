#pragma once
/// The one table of keyboard shortcuts: which key does what. The app maps key presses through
/// it, and the help text is generated from it, so help never omits a key the map answers to.
/// The app asks only while no panel's text field has keyboard focus.

#include "ui/strings.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cordon {

enum class Command : std::uint8_t {
    ZoomIn,
    ZoomOut,
    Fit,
    PanLeft,
    PanRight,
    PanUp,
    PanDown,
    Legend,
    Labels,
    Responsibility,
    ScrubBack,
    ScrubForward,
    Plan,
    ExportView,
    ExportLayerGeoJson,
    ExportLayerCsv,
    Briefing,
    Search, ///< handled by the page (it focuses its search box)
};

/// Keys without a character.
enum class NamedKey : std::uint8_t { None, Left, Right, Up, Down };

struct Shortcut {
    Command command;
    std::string_view characters; ///< the characters that trigger it (letters in lower case)
    NamedKey named = NamedKey::None;
    std::string_view shown; ///< the keys as help shows them ("" when the text names them: arrow keys)
    TextId what;            ///< what it does, for help
};

std::span<const Shortcut> shortcuts();

/// The command of a character key (letters in either case), if any.
std::optional<Command> commandForCharacter(char c);
std::optional<Command> commandForKey(NamedKey key);

/// Help: how to move the map, one line per key ("F / 0  适应数据范围"), how to import files.
std::string helpText(Lang lang);

} // namespace cordon
