#pragma once
/// Runs the `cordon` command line in-process for the CLI tests: exit code and both outputs.

#include "cordon/cli.hpp"

#include <sstream>
#include <string>
#include <vector>

namespace cordon {

struct Run {
    int code;
    std::string out, err;
};

inline Run cli(std::vector<std::string> args) {
    std::ostringstream out, err;
    const int code = runCli(args, out, err);
    return {code, out.str(), err.str()};
}

} // namespace cordon
