#include "app/local_clock.hpp"

#include <ctime>

namespace cordon {

namespace {

std::tm localNow() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return tm;
}

std::string formatted(const char* format) {
    const std::tm tm = localNow();
    char text[32];
    std::strftime(text, sizeof text, format, &tm);
    return text;
}

} // namespace

std::string localDateTime(bool compact) {
    return formatted(compact ? "%Y%m%d-%H%M" : "%Y-%m-%d %H:%M");
}

std::string localDate() {
    return formatted("%Y-%m-%d");
}

int localMinuteOfDay() {
    const std::tm tm = localNow();
    return tm.tm_hour * 60 + tm.tm_min;
}

} // namespace cordon
