#pragma once
/// A feature's attributes as rows of text for the details panel: its id, then every property in
/// the order the feed wrote it, values rendered for a person (no JSON quoting).

#include "core/feeds/feed.hpp"
#include "core/formats/json.hpp"

#include <string>
#include <vector>

namespace cordon {

struct PropertyRow {
    std::string key;
    std::string value;
};

/// Rows for feature `index` of `feed`; empty for an index out of range.
std::vector<PropertyRow> featureDetails(const Feed& feed, std::uint32_t index);

/// A JSON value as display text: strings bare, whole numbers without decimals, arrays joined by
/// ", ", objects as "key: value" pairs in braces, null as "-".
std::string displayText(const JsonValue& value);

} // namespace cordon
