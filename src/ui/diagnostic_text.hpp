#pragma once
/// A data problem in the user's language: the diagnostic's code and values worded from the string
/// table ("posts[17] id=P-0042: properties.kind: 错误：缺少必填字段 'kind'（…）"); a diagnostic
/// without a code keeps its English message.

#include "core/formats/diagnostic.hpp"
#include "ui/strings.hpp"

#include <optional>
#include <string>

namespace cordon {

/// The table text that words `code` (nullopt for DiagnosticCode::Other).
std::optional<TextId> diagnosticTextId(DiagnosticCode code);

/// The whole line: where (feed, feature, id, path), how bad, and what, in `lang`.
std::string diagnosticText(const Diagnostic& d, Lang lang);

} // namespace cordon
