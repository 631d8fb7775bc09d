#include "core/formats/append_format.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>

using cordon::appendFormat;
using cordon::formatted;

TEST_CASE("appendFormat appends after what is there") {
    std::string out = "{\"n\":";
    appendFormat(out, "%d,\"x\":%.2f}", 42, 1.5);
    CHECK(out == "{\"n\":42,\"x\":1.50}");
}

TEST_CASE("formatted text of any length is never cut") {
    // A huge value printed with %f is over 300 characters: more than the fixed buffers this replaces.
    const std::string big = formatted("%.6f", 1e300);
    CHECK(big.size() > 300);
    CHECK(big.substr(0, 4) == "1000");
    CHECK(big.substr(big.size() - 7) == ".000000");
    std::string many;
    for (int i = 0; i < 1000; ++i)
        appendFormat(many, "%d,", i);
    CHECK(many.size() == 10 * 2 + 90 * 3 + 900 * 4);
    CHECK(many.substr(many.size() - 4) == "999,");
}

TEST_CASE("empty output adds nothing") {
    std::string out = "a";
    appendFormat(out, "%s", "");
    CHECK(out == "a");
    CHECK(formatted("%s", "").empty());
}
