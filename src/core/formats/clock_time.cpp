#include "core/formats/clock_time.hpp"

#include <cstdio>

namespace cordon {

namespace {

bool twoDigits(std::string_view s, std::size_t at, int& out) {
    if (at + 2 > s.size() || s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') return false;
    out = (s[at] - '0') * 10 + (s[at + 1] - '0');
    return true;
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil-days algorithm).
std::int64_t daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

int daysInMonth(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

} // namespace

std::optional<int> parseTimeOfDay(std::string_view text) {
    int h = 0, m = 0;
    if (text.size() != 5 || text[2] != ':' || !twoDigits(text, 0, h) || !twoDigits(text, 3, m))
        return std::nullopt;
    if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
    return h * 60 + m;
}

int Instant::localMinuteOfDay() const {
    const std::int64_t local = utcMinutes + offsetMinutes;
    return static_cast<int>(local - floorDiv(local, kMinutesPerDay) * kMinutesPerDay);
}

std::int64_t Instant::localDay() const {
    return floorDiv(utcMinutes + offsetMinutes, kMinutesPerDay);
}

std::optional<Instant> parseInstant(std::string_view s, int defaultOffsetMinutes) {
    int c = 0, yy = 0, mo = 0, d = 0;
    if (s.size() < 10 || !twoDigits(s, 0, c) || !twoDigits(s, 2, yy) || s[4] != '-' || !twoDigits(s, 5, mo) ||
        s[7] != '-' || !twoDigits(s, 8, d))
        return std::nullopt;
    const int year = c * 100 + yy;
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(year, mo)) return std::nullopt;
    Instant t;
    const std::int64_t day = daysFromCivil(year, mo, d);
    if (s.size() == 10) {
        t.offsetMinutes = defaultOffsetMinutes;
        t.utcMinutes = day * kMinutesPerDay - defaultOffsetMinutes;
        return t;
    }
    int h = 0, mi = 0, sec = 0;
    if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
    if (!twoDigits(s, 11, h) || s.size() < 16 || s[13] != ':' || !twoDigits(s, 14, mi)) return std::nullopt;
    std::size_t p = 16;
    if (p < s.size() && s[p] == ':') {
        if (!twoDigits(s, p + 1, sec)) return std::nullopt;
        p += 3;
        if (p < s.size() && s[p] == '.') {
            ++p;
            const std::size_t digitsFrom = p;
            while (p < s.size() && s[p] >= '0' && s[p] <= '9')
                ++p;
            if (p == digitsFrom) return std::nullopt;
        }
    }
    if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
    if (p >= s.size()) return std::nullopt; // no offset: ambiguous
    int offset = 0;
    if (s[p] == 'Z') {
        ++p;
    } else if (s[p] == '+' || s[p] == '-') {
        int oh = 0, om = 0;
        if (!twoDigits(s, p + 1, oh) || p + 6 > s.size() || s[p + 3] != ':' || !twoDigits(s, p + 4, om) ||
            oh > 18 || om > 59)
            return std::nullopt;
        offset = (s[p] == '-' ? -1 : 1) * (oh * 60 + om);
        p += 6;
    } else {
        return std::nullopt;
    }
    if (p != s.size()) return std::nullopt;
    t.offsetMinutes = offset;
    t.utcMinutes = day * kMinutesPerDay + h * 60 + mi - offset;
    return t;
}

std::string clockText(int minuteOfDay) {
    if (minuteOfDay < 0) return "-";
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", (minuteOfDay / 60) % 24, minuteOfDay % 60);
    return text;
}

} // namespace cordon
