#pragma once
/// Times as the feeds write them: local times of day ("HH:MM") for daily shifts and ISO 8601
/// instants with an offset ("2022-11-26T23:00:00+08:00") for roster entries.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cordon {

inline constexpr int kMinutesPerDay = 24 * 60;

/// "HH:MM" (00:00-23:59, and "24:00" as the end of the day) -> minutes after midnight.
std::optional<int> parseTimeOfDay(std::string_view text);

/// "HH:MM" for minutes after midnight ("-" for a negative, unknown time): the one formatter of
/// times of day for the UI, the CLI and the briefing.
std::string clockText(int minuteOfDay);

/// An instant in minutes since 1970-01-01T00:00Z, with the offset it was written in.
struct Instant {
    std::int64_t utcMinutes = 0;
    int offsetMinutes = 0; ///< e.g. +480 for +08:00
    /// Minutes after local midnight in the instant's own offset.
    int localMinuteOfDay() const;
    /// Local calendar day number (days since 1970-01-01 in the instant's own offset).
    std::int64_t localDay() const;
};

/// ISO 8601: "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|+HH:MM|-HH:MM)", or a date "YYYY-MM-DD" (midnight,
/// in `defaultOffsetMinutes`). A date-time without an offset is rejected: it is ambiguous.
std::optional<Instant> parseInstant(std::string_view text, int defaultOffsetMinutes = 8 * 60);

} // namespace cordon
