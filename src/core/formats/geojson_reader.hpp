#pragma once
/// The streaming GeoJSON reader behind `readGeoJson` and `readFeed`: walks the bytes once,
/// writing geometry straight into a FeatureLayer's flat arrays and handing each property to a
/// PropertyReader, without building a value tree for coordinates.

#include "core/formats/diagnostic.hpp"
#include "core/formats/feature_layer.hpp"
#include "core/formats/id_index.hpp"
#include "core/formats/json.hpp"
#include "core/formats/json_cursor.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace cordon {

/// The feature being read: where diagnostics go and whether it will be kept.
class FeatureDraft {
  public:
    FeatureDraft(const std::string& feed, std::vector<Diagnostic>& diagnostics)
        : m_feed(feed), m_diagnostics(diagnostics) {}

    long index = 0;
    std::string id;
    bool hasId = false;
    bool rejected = false;
    bool hasGeometryMember = false;
    bool hasPropertiesMember = false;
    bool geometryNull = false; ///< `"geometry": null` (or no geometry member)

    /// The feature is skipped; reported at `path` ("properties.demand[1].from").
    void error(std::string path, std::string message, DiagnosticCode code = DiagnosticCode::Other,
               std::vector<std::string> args = {});
    /// The feature is kept, with a warning.
    void warning(std::string path, std::string message, DiagnosticCode code = DiagnosticCode::Other,
                 std::vector<std::string> args = {});

  private:
    const std::string& m_feed;
    std::vector<Diagnostic>& m_diagnostics;
};

/// Typed reading of a feed's properties, one implementation per feed kind.
class PropertyReader {
  public:
    virtual ~PropertyReader() = default;
    /// A new feature starts: add a default row.
    virtual void beginFeature() {}
    /// About this many features are coming in all: room for their rows.
    virtual void reserve(std::size_t /*features*/) {}
    /// True when `key` is a contract field this reader wants as a value tree.
    virtual bool wants(std::string_view key) const = 0;
    virtual void property(std::string_view key, const JsonValue& value, FeatureDraft& draft) = 0;
    /// True when the reader reads `key`'s value itself from the cursor (large or frequent
    /// structures, read without building a value tree).
    virtual bool streams(std::string_view /*key*/) const { return false; }
    /// Reads (or skips) the value at the cursor; false only on malformed JSON.
    virtual bool readStreamed(std::string_view /*key*/, JsonCursor& cursor, FeatureDraft& /*draft*/) {
        return cursor.skipValue();
    }
    /// All members read: check required fields and geometry; may reject the feature.
    virtual void endFeature(FeatureDraft& draft, const FeatureLayer& layer, const FeatureRecord& record) = 0;
    /// The feature was rejected: drop its row.
    virtual void discardFeature() {}
    /// Whether a feature without an id deserves a warning (other feeds refer to it by id).
    virtual bool idExpected() const { return false; }
};

/// What the top level of the file held.
struct GeoJsonTopLevel {
    std::string type; ///< "FeatureCollection", "Feature" or a geometry type
    JsonValue cordon; ///< the `cordon` foreign member (null when absent)
    bool hasBbox = false;
};

/// Reads `bytes` into `layer`. On malformed JSON returns false (with a file-level diagnostic);
/// bad features are skipped with diagnostics. `ids` (optional) receives id -> feature index, and
/// duplicate ids are rejected. A file over `limits` is rejected with an error saying which.
bool readGeoJsonInto(std::string_view bytes, const std::string& feed, PropertyReader& properties,
                     FeatureLayer& layer, std::vector<Diagnostic>& diagnostics, GeoJsonTopLevel& top,
                     IdIndex* ids, const GeoJsonLimits& limits = {});

/// Number as feature-id text: integers without a decimal point.
std::string numberToText(double value);

} // namespace cordon
