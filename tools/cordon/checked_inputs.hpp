#pragma once
/// The inputs of `cordon validate` and `cordon stats`: each file read on its own (as the feed it
/// names, or as plain GeoJSON when its kind cannot be told), timed, with every problem kept, and
/// the references between the feeds checked when they are read together. Unlike loadFeedSet, a
/// file with errors is still reported on.

#include "cordon/option_parser.hpp"
#include "core/feeds/feed_set.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace cordon {

/// One input file as read: a feed, or (when its kind cannot be told) plain GeoJSON.
struct CheckedFile {
    std::string file;
    std::size_t bytes = 0;
    double seconds = 0;
    std::optional<Feed> feed;
    std::optional<FeatureLayer> plain;
    std::vector<Diagnostic> diagnostics;
};

/// The files given and what they hold.
struct CheckedInputs {
    std::vector<CheckedFile> files;
    std::vector<Diagnostic> references; ///< unknown references between the feeds
};

/// Reads the operands of `args` (folders stand for their feed files), each as `--feed` says when
/// given. An unreadable file or a bad `--feed` stops it with the reason on `err`.
std::optional<CheckedInputs> readCheckedInputs(const ParsedArgs& args, std::string_view command,
                                               std::ostream& err);

} // namespace cordon
