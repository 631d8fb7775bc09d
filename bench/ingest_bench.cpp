// Feed ingest speed: read + validate + build the flat model, then the update rule against the
// version already on the map (core/feeds/feed_update.hpp: valid share, and the diff that finds a large
// shrink), from bytes already in memory: what a refresh of a held feed costs.
// Runs natively and as wasm under Node (same source); prints one JSON line per input so that
// bench/run.sh can put the numbers side by side with Node's JSON.parse.
//
// usage: ingest_bench FILE FEED [REPEATS]
#include "core/feeds/feed.hpp"
#include "core/feeds/feed_update.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {

std::string slurp(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

template <class T> std::size_t capacityBytes(const std::vector<T>& v) {
    return v.capacity() * sizeof(T);
}

/// Bytes held by the in-memory model (arrays, strings, id index), not counting the input text.
std::size_t modelBytes(const cordon::Feed& f) {
    const cordon::FeatureLayer& l = f.layer;
    std::size_t n = capacityBytes(l.positions) + capacityBytes(l.ringOffsets) + capacityBytes(l.parts) +
                    capacityBytes(l.features) + l.propertiesText.capacity();
    for (const auto& r : l.features)
        n += r.id.capacity() > 15 ? r.id.capacity() : 0;
    for (const auto& r : l.features)
        n += r.name.capacity() > 15 ? r.name.capacity() : 0;
    n += f.idIndex.memoryBytes();
    n += capacityBytes(f.areas) + capacityBytes(f.zones) + capacityBytes(f.posts) + capacityBytes(f.teams) +
         capacityBytes(f.roster) + capacityBytes(f.roads) + capacityBytes(f.facilities);
    for (const auto& p : f.posts)
        n += capacityBytes(p.demand);
    return n;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: ingest_bench FILE FEED [REPEATS]\n");
        return 2;
    }
#ifdef __GLIBC__
    // Keep freed memory in the process between repeats, as a long-running app does: otherwise each
    // repeat measures the kernel mapping fresh pages more than the reader.
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
    const std::string bytes = slurp(argv[1]);
    const auto kind = cordon::feedKindFromName(argv[2]);
    const int repeats = argc > 3 ? std::atoi(argv[3]) : 7;
    if (bytes.empty() || !kind) {
        std::fprintf(stderr, "cannot read %s as %s\n", argv[1], argv[2]);
        return 2;
    }
    std::vector<double> ms;
    std::size_t features = 0, problems = 0, model = 0;
    // Warm-up (first-touch page faults and CPU clock ramp-up), and the version on the map that
    // each measured read is checked against.
    cordon::FeedReadResult held = cordon::readFeed(bytes, *kind);
    if (!held.feed) {
        std::fprintf(stderr, "%s is not a usable %s feed\n", argv[1], argv[2]);
        return 2;
    }
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const cordon::FeedReadResult r = cordon::readFeed(bytes, *kind);
        const cordon::UpdateCheck check = cordon::checkUpdate(bytes, r, *kind, &*held.feed);
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        if (!check.accepted()) {
            std::fprintf(stderr, "%s: the update rule refused the same file: %s\n", argv[1],
                         cordon::describeUpdate(check).c_str());
            return 1;
        }
        features = r.feed ? r.feed->size() : 0;
        problems = r.diagnostics.size();
        model = r.feed ? modelBytes(*r.feed) : 0;
    }
    std::sort(ms.begin(), ms.end());
    const double median = ms[ms.size() / 2];
    std::printf(
        "{\"file\":\"%s\",\"bytes\":%zu,\"features\":%zu,\"problems\":%zu,\"medianMs\":%.2f,\"mbPerS\":%.1f,"
        "\"modelBytes\":%zu}\n",
        argv[1], bytes.size(), features, problems, median, bytes.size() / 1e3 / median, model);
    return 0;
}
