#pragma once
/// File access for the command-line tool (core never touches files).

#include "core/feeds/feed_set.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cordon {

/// Whole file as bytes, or nullopt with a reason in `error`.
std::optional<std::string> readFile(const std::string& path, std::string& error);

/// Writes `text` to `path` (replacing it); on failure says "cordon <command>: cannot write <path>:
/// <reason>" on `err` and returns false.
bool writeFile(const std::string& path, std::string_view text, std::string_view command, std::ostream& err);

/// The feed files a command-line argument names: a folder's `.geojson` and `.json` files, sorted
/// by name, or the argument itself when it is not a folder.
std::vector<std::string> feedFilesIn(const std::string& path);

/// Reads every file as the feed it names (its header, else its name) into one set, each file
/// replacing an earlier one of the same feed. An unreadable file or one that is no usable feed
/// stops it: the reason goes to `err` as "cordon <command>: ..." and nullopt comes back. The
/// features a usable feed dropped are listed on `err` ("file: diagnostic", the first ten) and
/// counted into `errorCount`.
std::optional<FeedSet> loadFeedSet(const std::vector<std::string>& files, std::string_view command,
                                   std::ostream& err, std::size_t* errorCount = nullptr);

/// A number above zero written whole ("15", "2.5"), else nullopt.
std::optional<double> parseNumber(const std::string& text);

} // namespace cordon
