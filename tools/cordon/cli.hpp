#pragma once
/// The `cordon` command line: subcommands over core, testable without a process.

#include <initializer_list>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace cordon {

/// Exit codes shared by every subcommand.
enum ExitCode : int {
    kExitOk = 0,       ///< done, input clean
    kExitProblems = 1, ///< done, but the input has errors
    kExitUsage = 2,    ///< bad command line or unreadable file
};

/// `args` with each `--name=value` split into `--name` and `value`, so that a command's option
/// loop, written for `--name value`, takes both forms. `flags` are the command's options without
/// a value: `--flag=value` stays whole, to be refused as an unknown option. The argument after an
/// option that takes a value is that value and is never split, even when it begins with '-'.
std::vector<std::string> splitOptionValues(const std::vector<std::string>& args,
                                           std::initializer_list<std::string_view> flags = {});

/// Runs `cordon <args...>` (args without the program name), writing to `out` and `err`.
int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace cordon
