#pragma once
/// Adding a file to a feed instead of replacing it: a district's own checkpoints dropped onto the
/// city's, or a second list of zones. The result is one FeatureCollection with the feed's header,
/// read again like any other version, so the update rule, the change summary and the briefing's
/// embedded copy see one feed as usual.

#include "core/feeds/feed.hpp"

#include <cstddef>
#include <string>

namespace cordon {

struct MergedFeed {
    std::string geojson;      ///< the merged feed, with its `cordon` header
    std::size_t kept = 0;     ///< features of the current feed left as they were
    std::size_t replaced = 0; ///< features of the current feed the file gave again (same id)
    std::size_t added = 0;    ///< features of the file with an id the feed did not have
};

/// `base`'s features in their order, each one whose id `addition` also has replaced in place by
/// the file's version (a newer copy of the same post), then the rest of `addition`'s. Features
/// without an id are always added. Both feeds must be of the same kind.
MergedFeed mergeFeeds(const Feed& base, const Feed& addition);

} // namespace cordon
