#pragma once
/// What many tests do first: read a file from disk, or read GeoJSON text into a feed that must come
/// out without errors (each diagnostic is reported when it does not).

#include "core/feeds/feed.hpp"
#include "core/feeds/feed_set.hpp"

#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

namespace cordon::test {

/// The file's bytes (empty when it cannot be read).
inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return std::move(s).str();
}

/// The feed read from `bytes`; the test fails if reading gives an error.
inline Feed readOne(FeedKind kind, const std::string& bytes) {
    FeedReadResult r = readFeed(bytes, kind);
    for (const Diagnostic& d : r.diagnostics)
        UNSCOPED_INFO(d.toString());
    REQUIRE(r.feed);
    REQUIRE_FALSE(hasErrors(r.diagnostics));
    return std::move(*r.feed);
}

#ifdef CORDON_DEMO_DIR
/// A feed of the demo city the build generated (`CORDON_DEMO_DIR`), read without errors.
inline Feed demoFeed(FeedKind kind) {
    return readOne(
        kind, slurp(std::filesystem::path(CORDON_DEMO_DIR) / (std::string(feedKindName(kind)) + ".geojson")));
}
#endif

/// Reads `bytes` as `readOne` does and puts the feed into `set`.
inline void add(FeedSet& set, FeedKind kind, const std::string& bytes) {
    set.replace(readOne(kind, bytes));
}

} // namespace cordon::test
