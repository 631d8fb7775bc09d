#pragma once
/// The machine's local date and time, for names and stamps of what the app writes (briefings,
/// pictures) and for "now" when the URL does not set it.

#include <string>

namespace cordon {

/// "2026-11-23 14:05", or with `compact` "20261123-1405".
std::string localDateTime(bool compact);
/// "2026-11-23".
std::string localDate();
/// Minutes since local midnight.
int localMinuteOfDay();

} // namespace cordon
