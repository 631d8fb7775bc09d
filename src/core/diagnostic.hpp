#pragma once
/// Problems found in input, returned as values so a bad feature never stops the rest of a feed
/// and nothing depends on exceptions (wasm builds cannot catch them).

#include <string>
#include <vector>

namespace cordon {

enum class Severity : unsigned char {
    Warning, ///< the feature is kept
    Error,   ///< the feature (or the whole file, without a feature index) is skipped
};

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string feed;       ///< feed or file name, e.g. "posts"
    long featureIndex = -1; ///< index in the FeatureCollection, -1 for the file as a whole
    std::string featureId;  ///< the feature's id as text, empty when it has none
    std::string path;       ///< JSON path inside the feature, e.g. "geometry.coordinates[0][3]"
    std::string message;    ///< what is wrong, in words a person can act on

    /// One line: `posts[17] id=P-0042: geometry.coordinates: ...`.
    std::string toString() const;
};

/// True when any diagnostic is an error.
bool hasErrors(const std::vector<Diagnostic>& diagnostics);

} // namespace cordon
