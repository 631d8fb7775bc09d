#include "core/formats/json_cursor.hpp"

#include <catch2/catch_test_macros.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

using namespace cordon;

TEST_CASE("Number fast path rounds exactly like strtod (fixed seed)") {
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> coord(-180.0, 180.0);
    char buf[64];
    for (int i = 0; i < 200000; ++i) {
        const int decimals = static_cast<int>(rng() % 12);
        std::snprintf(buf, sizeof buf, "%.*f", decimals, coord(rng));
        const double fast = parseJsonNumber(buf);
        const double reference = std::strtod(buf, nullptr);
        if (std::memcmp(&fast, &reference, sizeof fast) != 0) FAIL("mismatch for " << buf);
    }
    for (const char* s :
         {"0", "-0", "0.1", "1e5", "1.5E-7", "123456789012345678901234567890", "0.000000000000000000000001",
          "4.9406564584124654e-324", "1.7976931348623157e308", "104.0647365", "-8.7781794"}) {
        const double fast = parseJsonNumber(s);
        const double reference = std::strtod(s, nullptr);
        INFO(s);
        CHECK(std::memcmp(&fast, &reference, sizeof fast) == 0);
    }
}

TEST_CASE("Cursor reports NaN and Infinity only where asked") {
    JsonCursor c("[NaN, -Infinity, 1e999]");
    c.advance();
    double v = 0;
    bool nonFinite = false;
    REQUIRE(c.readNumber(v, &nonFinite));
    CHECK(nonFinite);
    CHECK(c.consume(','));
    nonFinite = false;
    REQUIRE(c.readNumber(v, &nonFinite));
    CHECK(nonFinite);
    CHECK(c.consume(','));
    nonFinite = false;
    REQUIRE(c.readNumber(v, &nonFinite));
    CHECK(nonFinite);
    JsonCursor strict("NaN");
    CHECK_FALSE(strict.readNumber(v));
    CHECK(strict.error().message == "NaN is not valid JSON");
}
