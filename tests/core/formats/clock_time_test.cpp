#include "core/formats/clock_time.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace cordon;

TEST_CASE("Times of day") {
    CHECK(parseTimeOfDay("00:00") == 0);
    CHECK(parseTimeOfDay("23:00") == 23 * 60);
    CHECK(parseTimeOfDay("24:00") == 24 * 60);
    for (const char* bad : {"25:00", "24:01", "7:00", "07:60", "0700", "", "07:00:00", "ab:cd"}) {
        INFO(bad);
        CHECK_FALSE(parseTimeOfDay(bad));
    }
    CHECK(clockText(7 * 60 + 5) == "07:05");
}

TEST_CASE("ISO 8601 instants with offsets") {
    const auto t = parseInstant("2022-11-26T23:00:00+08:00");
    REQUIRE(t);
    // 2022-11-26T15:00Z: 19322 days after the epoch.
    CHECK(t->utcMinutes == 19322LL * 1440 + 15 * 60);
    CHECK(t->offsetMinutes == 480);
    CHECK(t->localMinuteOfDay() == 23 * 60);
    const auto z = parseInstant("2022-11-26T15:00Z");
    REQUIRE(z);
    CHECK(z->utcMinutes == t->utcMinutes);
    const auto frac = parseInstant("2022-11-26T15:00:30.250-01:30");
    REQUIRE(frac);
    CHECK(frac->utcMinutes == 19322LL * 1440 + 16 * 60 + 30);
    const auto date = parseInstant("2026-11-20");
    REQUIRE(date);
    CHECK(date->localMinuteOfDay() == 0);
    CHECK(date->offsetMinutes == 480);
}

TEST_CASE("Bad instants are rejected, not guessed") {
    for (const char* bad : {"2022-11-26T23:00:00", "2022-13-01", "2022-02-29", "2022-11-26T24:00:00+08:00",
                            "2022-11-26 23:00+8", "yesterday", "", "2022-11-26T23:00:00+08:00x"}) {
        INFO(bad);
        CHECK_FALSE(parseInstant(bad));
    }
    CHECK(parseInstant("2024-02-29"));
}
