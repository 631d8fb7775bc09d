#pragma once
/// One option parser for every `cordon` command: GNU style (`--opt value` and `--opt=value`,
/// flags without a value, `--` ends the options), and each command's `--help` generated from
/// the same table, so the help cannot drift from what the command accepts.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cordon {

struct OptionSpec {
    std::string_view name;  ///< with its dashes: "--now", "-o"
    std::string_view value; ///< what the value is ("HH:MM", "FILE"); empty for a flag
    std::string_view help;  ///< what it does; lines after the first are indented under it
    bool repeatable = false;
    bool required = false;       ///< shown without brackets; parseArgs says when it is missing
    std::string_view alias = {}; ///< another name for it ("--output" for "-o"); parsed as `name`
};

struct CommandSpec {
    std::string_view name;        ///< "figures"
    std::string_view operands;    ///< "FILE|FOLDER..."
    std::string_view description; ///< what the command does, as lines of text
    std::span<const OptionSpec> options;
    std::string_view exitCodes; ///< "0 ok, 2 bad command line or unreadable input."
};

/// The command's help: the synopsis (`cordon NAME [--opt VALUE]... OPERANDS`), the
/// description, one aligned line per option, the exit codes.
std::string usageText(const CommandSpec& command);

struct ParsedArgs {
    std::vector<std::pair<std::string, std::string>> options; ///< in the order given ("" for flags)
    std::vector<std::string> operands;
    std::string error; ///< "unknown option --x", "--now needs a value (HH:MM)"; empty when fine

    bool has(std::string_view name) const;
    /// The last value given for `name`.
    std::optional<std::string> value(std::string_view name) const;
    /// Every value given for `name`, in order (a repeatable option).
    std::vector<std::string> values(std::string_view name) const;
};

/// Splits `args` (after the command's name) by `command`'s options.
ParsedArgs parseArgs(const std::vector<std::string>& args, const CommandSpec& command);

} // namespace cordon
