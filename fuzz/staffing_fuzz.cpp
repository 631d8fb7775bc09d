// libFuzzer target for the staffing model on fuzzed demand and roster: the bytes describe up to 8
// posts (kind, demand shifts with any hours, including across midnight and all day) and up to 48
// roster entries (post, start, length across the day's edges, staff), written as feeds. Checks:
// totals are never negative, a post's shortfall is exactly the sum of max(0, required - on duty)
// over its slots, and recomputing from the same roster gives the same city totals.

#include "core/feeds/feed_set.hpp"
#include "core/staffing/staffing.hpp"
#include "fuzz_support.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

using cordon::fuzz::Bytes;
using cordon::fuzz::check;

std::string hhmm(unsigned quarter) {
    char t[8];
    std::snprintf(t, sizeof t, "%02u:%02u", (quarter / 4) % 24, (quarter % 4) * 15);
    return t;
}

/// 2022-11-26 plus `minutes` (may run into the next days), local time +08:00.
std::string instant(unsigned minutes) {
    char t[40];
    std::snprintf(t, sizeof t, "2022-11-%02uT%02u:%02u:00+08:00", 26 + minutes / 1440, (minutes / 60) % 24,
                  minutes % 60);
    return t;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Bytes in(data, size);
    static const char* const kKinds[] = {"compound_gate", "city_entry", "highway_exit", "service_station",
                                         "testing_site"};
    const int postCount = 1 + static_cast<int>(in.next() % 8);
    std::string posts = R"({"type":"FeatureCollection","features":[)";
    for (int p = 0; p < postCount; ++p) {
        std::string demand;
        const int shifts = static_cast<int>(in.next() % 4);
        for (int s = 0; s < shifts; ++s)
            demand += (s ? "," : "") + std::string(R"({"from":")") + hhmm(in.next()) + R"(","to":")" +
                      hhmm(in.next()) + R"(","staff":)" + std::to_string(in.next() % 12) + "}";
        posts += (p ? "," : "") + std::string(R"({"type":"Feature","id":"P)") + std::to_string(p) +
                 R"(","properties":{"kind":")" + kKinds[in.next() % 5] + R"(","demand":[)" + demand +
                 R"(]},"geometry":{"type":"Point","coordinates":[113.6,34.7]}})";
    }
    posts += "]}";
    std::string roster = R"({"type":"FeatureCollection","features":[)";
    for (int e = 0; e < 48 && !in.empty(); ++e) {
        const unsigned post = in.next() % (postCount + 1); // one past the end: an unknown post
        const unsigned start = std::min(2879u, in.next() * 12 + in.next() % 12);
        const unsigned length = 15 * (in.next() % 64);
        roster += (e ? "," : "") + std::string(R"({"type":"Feature","id":"R)") + std::to_string(e) +
                  R"(","properties":{"post":"P)" + std::to_string(post) + R"(","from":")" + instant(start) +
                  R"(","to":")" + instant(start + length) + R"(","staff":)" + std::to_string(in.next() % 9) +
                  R"(},"geometry":null})";
    }
    roster += "]}";
    cordon::FeedSet set;
    for (const auto& [text, kind] :
         {std::pair{posts, cordon::FeedKind::Posts}, {roster, cordon::FeedKind::Roster}})
        if (cordon::FeedReadResult r = cordon::readFeed(text, kind, "fuzz"); r.feed)
            set.replace(std::move(*r.feed));
    if (!set.get(cordon::FeedKind::Posts)) return 0;
    const std::optional<cordon::StaffingDay> day = cordon::StaffingDay::wholeDay(19322, 480, 15);
    check(day.has_value(), "a whole day");
    cordon::StaffingModel model = cordon::StaffingModel::build(set, *day);
    std::int64_t shortMinutes = 0;
    for (std::size_t p = 0; p < model.postCount(); ++p) {
        const auto required = model.required(p);
        const auto onDuty = model.onDuty(p);
        check(required.size() == onDuty.size(), "one value per slot");
        for (std::size_t s = 0; s < required.size(); ++s) {
            check(required[s] >= 0 && onDuty[s] >= 0, "no negative staff");
            shortMinutes += std::int64_t(std::max(0, required[s] - onDuty[s])) * day->slotMinutes;
        }
    }
    check(model.city().shortPersonMinutes == shortMinutes,
          "the city shortfall is the sum over posts and slots");
    if (const cordon::Feed* r = set.get(cordon::FeedKind::Roster)) {
        const std::int64_t before = model.city().shortPersonMinutes;
        model.recompute(r->roster, r);
        check(model.city().shortPersonMinutes == before, "recomputing the same roster changes nothing");
    }
    return 0;
}
