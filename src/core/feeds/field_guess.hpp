#pragma once
/// Recognises the column names and labels that Chinese and English exports use for a feed's
/// fields (名称/name, 类型/kind, 风险等级/risk, 经度/lon is GDAL's) and their values (小区卡口 ->
/// compound_gate, 高风险 -> high), so that a spreadsheet of checkpoints or a DataV export loads
/// without a hand-written mapping (docs/import.md, "Columns recognised").

#include "core/feeds/feed.hpp"
#include "core/feeds/feed_mapping.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cordon {

/// Adds to `mapping` (whose `feed` must be set) a field mapping for every field of that feed that
/// the mapping does not set and `fields` (the source's column names) lacks under its own name but
/// has under a recognised name; likewise the id field (编号, ID, code). Returns the targets added.
std::vector<std::string> recogniseFields(FeedMapping& mapping, const std::vector<std::string>& fields);

/// The contract value for a label of an enumerated field of `kind` ("小区卡口" for posts' `kind`
/// gives "compound_gate"), or nullopt when `value` is not a recognised label.
std::optional<std::string_view> recogniseValue(FeedKind kind, std::string_view field, std::string_view value);

} // namespace cordon
