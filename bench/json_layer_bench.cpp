// Which JSON layer to build the feed reader on: the same bytes through RapidJSON's SAX reader
// (a no-op handler), simdjson's DOM parser, cordon's own scanner skipping every value, and
// cordon's full feed ingest (parse + validate + model). Native only; Debian's rapidjson-dev and
// libsimdjson-dev. Prints one JSON line per layer.
//
// usage: json_layer_bench FILE FEED [REPEATS]
#include "core/feeds/feed.hpp"
#include "core/formats/json_cursor.hpp"

#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string slurp(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

double medianMs(int repeats, const std::function<bool()>& run) {
    std::vector<double> ms;
    if (!run()) return -1; // warm-up, not timed
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        if (!run()) return -1;
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

struct NullHandler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, NullHandler> {
    bool Default() { return true; }
};

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: json_layer_bench FILE FEED [REPEATS]\n");
        return 2;
    }
    const std::string bytes = slurp(argv[1]);
    const auto kind = cordon::feedKindFromName(argv[2]);
    const int repeats = argc > 3 ? std::atoi(argv[3]) : 7;
    if (!kind) return 2;

    auto report = [&](const char* layer, double ms) {
        std::printf("{\"layer\":\"%s\",\"medianMs\":%.2f,\"mbPerS\":%.1f}\n", layer, ms,
                    bytes.size() / 1e3 / ms);
    };
    report("rapidjson-sax", medianMs(repeats, [&] {
               rapidjson::Reader reader;
               rapidjson::MemoryStream stream(bytes.data(), bytes.size());
               NullHandler handler;
               return !reader.Parse(stream, handler).IsError();
           }));
    simdjson::dom::parser parser;
    report("simdjson-dom", medianMs(repeats, [&] {
               simdjson::padded_string padded(bytes);
               simdjson::dom::element doc;
               return parser.parse(padded).get(doc) == simdjson::SUCCESS;
           }));
    report("cordon-scanner-skip", medianMs(repeats, [&] {
               cordon::JsonCursor cursor(bytes);
               return cursor.skipValue();
           }));
    report("cordon-feed-ingest",
           medianMs(repeats, [&] { return cordon::readFeed(bytes, *kind).feed.has_value(); }));
    return 0;
}
