#pragma once
/// Messages about data in the user's language: why an update was refused or held, and why a file
/// could not be loaded (HTTP status, network, not JSON, too large), worded from the string table
/// out of the values the loader reports.

#include "core/feeds/feed_update.hpp"
#include "ui/strings.hpp"

#include <string>
#include <string_view>

namespace cordon {

/// "这是道路数据，不是风险区：未采用，保留上一版" / "This is roads data, not risk zones: ...".
std::string updateText(const UpdateCheck& check, Lang lang);

/// A load error as the loader and the page report it ("HTTP 404 Not Found", "network error: ...",
/// "gzip: ...", "not valid JSON at byte ..."), in `lang`.
std::string loadErrorText(std::string_view error, Lang lang);

} // namespace cordon
