#pragma once
/// CSV output as spreadsheets read it (RFC 4180): the one quoting rule every export shares.

#include <string>
#include <string_view>

namespace cordon {

/// `text` as one CSV field: as it is, or in double quotes (inner quotes doubled) when it holds a
/// comma, a quote or a line break.
std::string csvField(std::string_view text);

/// The UTF-8 byte-order mark every CSV cordon writes starts with: Excel on Chinese Windows reads a
/// CSV without it as GBK (mojibake).
inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

} // namespace cordon
