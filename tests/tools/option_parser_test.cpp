// The CLI's one option parser: both GNU forms give the same result, flags refuse values, a value
// is taken whole even when it begins with '-', and the help is generated from the same table.
#include "cordon/option_parser.hpp"

#include <catch2/catch_test_macros.hpp>

#include <sstream>

using namespace cordon;

namespace {

constexpr OptionSpec kOptions[] = {
    {"--now", "HH:MM", "the time of day"},
    {"--json", "", "JSON out"},
    {"--oo", "KEY=VALUE", "an open option\nsecond line of its help", true},
    {"-o", "FILE", "where to write", false, true},
};
const CommandSpec kCommand{"demo", "FILE...", "  What it does.", kOptions, "0 ok, 2 bad command line."};

} // namespace

TEST_CASE("Options parse the same as --opt value and --opt=value") {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"a.geojson", "--now", "23:30", "--json", "-o", "out.json", "b.geojson"},
          std::vector<std::string>{"--now=23:30", "a.geojson", "--json", "-o", "out.json", "b.geojson"}}) {
        const ParsedArgs p = parseArgs(args, kCommand);
        REQUIRE(p.error.empty());
        CHECK(p.value("--now") == "23:30");
        CHECK(p.has("--json"));
        CHECK(p.value("-o") == "out.json");
        CHECK(p.operands == std::vector<std::string>{"a.geojson", "b.geojson"});
    }
}

TEST_CASE("Option errors say which option and why") {
    CHECK(parseArgs({"--json=yes"}, kCommand).error.find("unknown option --json=yes") == 0);
    CHECK(parseArgs({"--later"}, kCommand).error == "unknown option --later");
    CHECK(parseArgs({"a", "--now"}, kCommand).error == "--now needs a value (HH:MM)");
    CHECK(parseArgs({"a"}, kCommand).error == "-o FILE is required");
    // A value beginning with '-' is the value, not another option; after "--" all are operands.
    const ParsedArgs dash = parseArgs({"-o", "x", "--now", "-5", "--", "--json", "-"}, kCommand);
    REQUIRE(dash.error.empty());
    CHECK(dash.value("--now") == "-5");
    CHECK_FALSE(dash.has("--json"));
    CHECK(dash.operands == std::vector<std::string>{"--json", "-"});
    const ParsedArgs repeated = parseArgs({"--oo", "A=1", "--oo=B=2", "-o", "x"}, kCommand);
    CHECK(repeated.values("--oo") == std::vector<std::string>{"A=1", "B=2"});
    CHECK(repeated.value("--oo") == "B=2");
}

TEST_CASE("Help is generated from the option table") {
    const std::string help = usageText(kCommand);
    INFO(help);
    CHECK(help.find("cordon demo [--now HH:MM] [--json] [--oo KEY=VALUE]... -o FILE FILE...\n") == 0);
    CHECK(help.find("  What it does.\n") != std::string::npos);
    CHECK(help.find("  --now HH:MM     the time of day\n") != std::string::npos); // aligned after the longest
    CHECK(help.find("  --oo KEY=VALUE  an open option\n                  second line of its help\n") !=
          std::string::npos);
    CHECK(help.find("  Exit code: 0 ok, 2 bad command line.") != std::string::npos);
    std::istringstream lines(help);
    for (std::string line; std::getline(lines, line);)
        CHECK(line.size() <= 100);
}

TEST_CASE("An option's alias parses as the option and is named in its help") {
    constexpr OptionSpec options[] = {{"-o", "FILE", "where to write", false, true, "--output"}};
    const CommandSpec command{"demo", "", "", options, "0 ok."};
    CHECK(parseArgs({"--output=a.html"}, command).value("-o") == "a.html");
    CHECK(parseArgs({"--output", "b.html"}, command).value("-o") == "b.html");
    CHECK(parseArgs({}, command).error == "-o FILE is required");
    CHECK(usageText(command).find("  -o, --output FILE  where to write\n") != std::string::npos);
}
