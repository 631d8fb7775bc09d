#include "core/map/feature_search.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

namespace cordon {

namespace {

std::string folded(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// -1 when `text` does not contain `query` (both folded).
int rankOf(std::string_view text, std::string_view query) {
    if (text.empty()) return -1;
    if (text == query) return 0;
    if (text.substr(0, query.size()) == query) return 1;
    return text.find(query) != std::string_view::npos ? 2 : -1;
}

int kindOrder(FeedKind kind) {
    switch (kind) {
    case FeedKind::Areas:
        return 0;
    case FeedKind::Zones:
        return 1;
    case FeedKind::Posts:
        return 2;
    case FeedKind::Teams:
        return 3;
    case FeedKind::Facilities:
        return 4;
    case FeedKind::Roads:
        return 5;
    case FeedKind::Roster:
        return 6;
    }
    return 7;
}

} // namespace

std::vector<SearchHit> searchFeatures(const FeedSet& feeds, std::string_view query, std::size_t limit) {
    const std::size_t first = query.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    query = query.substr(first, query.find_last_not_of(" \t\r\n") - first + 1);
    const std::string q = folded(query);
    struct Scored {
        SearchHit hit;
        std::size_t nameLength;
    };
    std::vector<Scored> found;
    for (const auto& feed : feeds.feeds) {
        if (!feed || feed->kind == FeedKind::Roster) continue;
        std::unordered_set<std::string_view> roadNames;
        const FeatureLayer& layer = feed->layer;
        for (std::uint32_t i = 0; i < layer.features.size(); ++i) {
            const FeatureRecord& f = layer.features[i];
            const int byName = rankOf(folded(f.name), q), byId = rankOf(folded(f.id), q);
            if (byName < 0 && byId < 0) continue;
            if (feed->kind == FeedKind::Roads && !f.name.empty() && !roadNames.insert(f.name).second)
                continue;
            const int rank = byName < 0 ? byId : byId < 0 ? byName : std::min(byName, byId);
            found.push_back({{feed->kind, i, rank}, f.name.size()});
        }
    }
    std::stable_sort(found.begin(), found.end(), [](const Scored& a, const Scored& b) {
        if (a.hit.rank != b.hit.rank) return a.hit.rank < b.hit.rank;
        if (a.hit.kind != b.hit.kind) return kindOrder(a.hit.kind) < kindOrder(b.hit.kind);
        if (a.nameLength != b.nameLength) return a.nameLength < b.nameLength;
        return a.hit.feature < b.hit.feature;
    });
    std::vector<SearchHit> hits;
    for (std::size_t i = 0; i < found.size() && i < limit; ++i)
        hits.push_back(found[i].hit);
    return hits;
}

} // namespace cordon
