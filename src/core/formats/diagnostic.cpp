#include "core/formats/diagnostic.hpp"

#include <algorithm>

namespace cordon {

std::string Diagnostic::toString() const {
    std::string s = feed.empty() ? std::string("input") : feed;
    if (featureIndex >= 0) s += "[" + std::to_string(featureIndex) + "]";
    if (!featureId.empty()) s += " id=" + featureId;
    s += ": ";
    if (!path.empty()) s += path + ": ";
    s += severity == Severity::Error ? "error: " : "warning: ";
    s += message;
    return s;
}

bool hasErrors(const std::vector<Diagnostic>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

} // namespace cordon
