#pragma once
/// The `cordon` command line: subcommands over core, testable without a process.

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

/// Runs `cordon <args...>` (args without the program name), writing to `out` and `err`.
int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace cordon
