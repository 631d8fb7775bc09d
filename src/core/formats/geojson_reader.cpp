// The streaming GeoJSON reader: one pass over the bytes, geometry straight into flat arrays,
// properties handed to a PropertyReader. Over 700 lines because the RFC 7946 checks (foreign
// members, ring closure in every value, collections) live in the same walk that reads the shapes:
// splitting the walk would need a second pass or a shared cursor state across files.

#include "core/formats/geojson_reader.hpp"

#include "core/formats/json_cursor.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace cordon {

void FeatureDraft::error(std::string path, std::string message, DiagnosticCode code,
                         std::vector<std::string> args) {
    rejected = true;
    m_diagnostics.push_back(
        {Severity::Error, m_feed, index, id, std::move(path), std::move(message), code, std::move(args)});
}

void FeatureDraft::warning(std::string path, std::string message, DiagnosticCode code,
                           std::vector<std::string> args) {
    m_diagnostics.push_back(
        {Severity::Warning, m_feed, index, id, std::move(path), std::move(message), code, std::move(args)});
}

std::string numberToText(double v) {
    char buf[32];
    if (v == std::floor(v) && std::fabs(v) < 1e15) { // ids: digits by hand
        std::uint64_t n = static_cast<std::uint64_t>(std::fabs(v));
        char* end = buf + sizeof buf;
        char* p = end;
        do {
            *--p = static_cast<char>('0' + n % 10);
            n /= 10;
        } while (n);
        if (v < 0) *--p = '-';
        return std::string(p, end);
    }
    for (int precision = 15; precision <= 17; ++precision) { // shortest text that reads back the same
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    return buf;
}

namespace {

constexpr int kMaxCollectionNesting = 8;
constexpr int kMaxCoordinateNesting = 6;

std::string indexPath(const std::string& base, std::size_t i) {
    return base + "[" + std::to_string(i) + "]";
}

bool isGeometryType(std::string_view type) {
    return type == "Point" || type == "MultiPoint" || type == "LineString" || type == "MultiLineString" ||
           type == "Polygon" || type == "MultiPolygon" || type == "GeometryCollection";
}

/// RFC 7946 §7.1: the members that define one kind of GeoJSON object, which the other kinds must
/// not have.
struct DefiningMember {
    enum On : std::uint8_t { kCollection = 1, kFeature = 2, kGeometry = 4 };
    std::string_view name;
    const char* owner;
    std::uint8_t forbiddenOn;
};
constexpr DefiningMember kDefiningMembers[] = {
    {"coordinates", "geometries", DefiningMember::kCollection | DefiningMember::kFeature},
    {"geometries", "geometries", DefiningMember::kCollection | DefiningMember::kFeature},
    {"geometry", "Features", DefiningMember::kCollection | DefiningMember::kGeometry},
    {"properties", "Features", DefiningMember::kCollection | DefiningMember::kGeometry},
    {"features", "FeatureCollections", DefiningMember::kFeature | DefiningMember::kGeometry},
};

/// Which defining members an object has.
struct DefiningMembers {
    bool seen[std::size(kDefiningMembers)] = {};

    void note(std::string_view key) {
        for (std::size_t i = 0; i < std::size(kDefiningMembers); ++i)
            if (key == kDefiningMembers[i].name) seen[i] = true;
    }

    /// Calls `report(member, message)` for each member an object of `type` must not have.
    template <class Report> void check(std::string_view type, Report report) const {
        const std::uint8_t on = type == "FeatureCollection" ? DefiningMember::kCollection
                                : type == "Feature"         ? DefiningMember::kFeature
                                : isGeometryType(type)      ? DefiningMember::kGeometry
                                                            : 0;
        for (std::size_t i = 0; i < std::size(kDefiningMembers); ++i) {
            const DefiningMember& m = kDefiningMembers[i];
            if (seen[i] && (m.forbiddenOn & on))
                report(std::string(m.name),
                       "a " + std::string(type) + " must not have a '" + std::string(m.name) +
                           "' member: it belongs to " + m.owner + " (RFC 7946 §7.1)",
                       std::vector<std::string>{std::string(type), std::string(m.name), m.owner});
        }
    }
};

/// A coordinates array as read, before its geometry type is known: arrays and positions in
/// document order (pre-order), so any nesting can be checked against the type afterwards.
struct CoordNode {
    enum class Kind : std::uint8_t { Array, Position, BadItem } kind = Kind::Array;
    enum class Status : std::uint8_t { Ok, TooFewNumbers, NotANumber, NonFinite } status = Status::Ok;
    std::uint32_t count = 0; ///< items of an array, values of a position
    LonLat position;
};

class Reader {
  public:
    Reader(std::string_view bytes, const std::string& feed, PropertyReader& properties, FeatureLayer& layer,
           std::vector<Diagnostic>& diagnostics, IdIndex* ids, const GeoJsonLimits& limits)
        : m_cursor(bytes), m_feed(feed), m_properties(properties), m_layer(layer), m_diagnostics(diagnostics),
          m_ids(ids), m_limits(limits) {}

    bool run(GeoJsonTopLevel& top) {
        if (m_cursor.text().size() > m_limits.maxBytes) {
            fileError(
                "",
                "the file is " + std::to_string(m_cursor.text().size() >> 20) + " MiB, over the limit of " +
                    std::to_string(m_limits.maxBytes >> 20) +
                    " MiB for one feed: split it or publish it gzipped by area",
                DiagnosticCode::FileTooLarge,
                {std::to_string(m_cursor.text().size() >> 20), std::to_string(m_limits.maxBytes >> 20)});
            return false;
        }
        // Properties are typically a third of a feed's text: reserving avoids re-copying a
        // growing string of tens of megabytes.
        m_layer.propertiesText.reserve(m_layer.propertiesText.size() + m_cursor.text().size() / 3);
        // Rehashing a growing id index touches every entry again; features rarely take under 200
        // bytes of text, so this bounds the buckets without counting first.
        if (m_ids) m_ids->reserve(m_ids->size() + m_cursor.text().size() / 200);
        if (!readTopLevel(top) || !endOfInput()) {
            const JsonError e = m_cursor.error();
            m_diagnostics.push_back(
                {Severity::Error,
                 m_feed,
                 -1,
                 "",
                 "",
                 "not valid JSON at byte " + std::to_string(e.offset) + " (line " + std::to_string(e.line) +
                     ", column " + std::to_string(e.column) + "): " + e.message,
                 DiagnosticCode::NotJson,
                 {std::to_string(e.offset), std::to_string(e.line), std::to_string(e.column), e.message}});
            return false;
        }
        return m_fileOk;
    }

  private:
    JsonCursor m_cursor;
    const std::string& m_feed;
    PropertyReader& m_properties;
    FeatureLayer& m_layer;
    std::vector<Diagnostic>& m_diagnostics;
    IdIndex* m_ids;
    const GeoJsonLimits& m_limits;
    bool m_tooManyFeatures = false;
    std::string m_scratch;
    std::vector<CoordNode> m_nodes;
    std::vector<double> m_extraValues; ///< values after lon, lat of each position in m_nodes, in order
    JsonValue m_value;
    bool m_fileOk = true;

    /// Reads a string value as a view, or skips a value of another type (leaving `out` empty).
    bool readOptionalString(std::string_view& out) {
        out = {};
        if (m_cursor.peek() == '"') return m_cursor.readString(out, m_scratch);
        return m_cursor.skipValue();
    }

    bool endOfInput() {
        m_cursor.skipSpace();
        return m_cursor.atEnd() || m_cursor.fail("unexpected data after the GeoJSON object");
    }

    void fileError(std::string path, std::string message, DiagnosticCode code = DiagnosticCode::Other,
                   std::vector<std::string> args = {}) {
        m_fileOk = false;
        m_diagnostics.push_back(
            {Severity::Error, m_feed, -1, "", std::move(path), std::move(message), code, std::move(args)});
    }

    static bool validBbox(const JsonValue& b) {
        if (!b.isArray() || b.items.size() < 4 || b.items.size() % 2 != 0) return false;
        for (const JsonValue& v : b.items)
            if (!v.isNumber()) return false;
        return true;
    }

    bool readTopLevel(GeoJsonTopLevel& top) {
        if (m_cursor.peek() != '{') {
            if (m_cursor.atEnd()) return m_cursor.fail("empty input: expected a GeoJSON object");
            JsonValue ignored;
            if (!m_cursor.readValue(ignored)) return false;
            fileError("",
                      std::string("expected a GeoJSON object, found a JSON ") + jsonTypeName(ignored.type),
                      DiagnosticCode::NotGeoJson, {jsonTypeName(ignored.type)});
            return true;
        }
        // A bare geometry or a single Feature is read through the same paths as a feature, so
        // remember where the object starts and decide by its type once it is read.
        const std::size_t start = m_cursor.offset();
        bool hasFeatures = false, featuresIsArray = false;
        m_cursor.advance();
        bool first = true;
        std::string_view key;
        std::string keyScratch;
        DefiningMembers members;
        while (m_cursor.nextMember(first, key, keyScratch)) {
            members.note(key);
            if (key == "type") {
                std::string_view t;
                if (m_cursor.peek() != '"') {
                    JsonValue ignored;
                    if (!m_cursor.readValue(ignored)) return false;
                    continue;
                }
                if (!m_cursor.readString(t, m_scratch)) return false;
                top.type.assign(t);
            } else if (key == "features") {
                hasFeatures = true;
                if (m_cursor.peek() != '[' || (!top.type.empty() && top.type != "FeatureCollection")) {
                    if (!m_cursor.skipValue()) return false;
                    continue;
                }
                featuresIsArray = true;
                if (!readFeatures()) return false;
            } else if (key == "cordon") {
                if (!m_cursor.readValue(top.cordon)) return false;
            } else if (key == "bbox") {
                JsonValue b;
                if (!m_cursor.readValue(b)) return false;
                top.hasBbox = true;
                if (!validBbox(b))
                    fileError("bbox",
                              "bbox must be an array of 2n numbers (west, south, ..., east, north, ...)",
                              DiagnosticCode::BadBbox);
            } else {
                if (!m_cursor.skipValue()) return false;
            }
        }
        if (m_cursor.failed()) return false;
        const std::size_t end = m_cursor.offset();

        bool misplaced = false;
        members.check(top.type, [&](std::string member, std::string message, std::vector<std::string> args) {
            fileError(std::move(member), std::move(message), DiagnosticCode::ForbiddenMember,
                      std::move(args));
            misplaced = true;
        });
        if (top.type == "FeatureCollection") {
            if (!hasFeatures || !featuresIsArray)
                fileError("features", "a FeatureCollection needs an array 'features'",
                          DiagnosticCode::NeedsMember, {"FeatureCollection", "features"});
            return true;
        }
        if (top.type.empty()) {
            fileError("type", "missing 'type' (expected \"FeatureCollection\")", DiagnosticCode::NeedsMember,
                      {"GeoJSON", "type"});
            return true;
        }
        if (misplaced) return true; // the file is refused already: no need to read it as a feature
        // Read the object again as one feature (a Feature) or one geometry.
        m_cursor.seek(start);
        const bool ok = top.type == "Feature" ? readFeature(0) : readBareGeometry();
        return ok && m_cursor.offset() == end;
    }

    bool readFeatures() {
        m_cursor.advance(); // '['
        const std::size_t begin = m_cursor.offset();
        bool first = true;
        long index = 0;
        while (m_cursor.nextItem(first)) {
            if (!readFeature(index++)) return false;
            // Estimated early, then again on a larger sample while regrowing is still cheap.
            if (index == kSampleForReserve || index == kSampleForReserve * 16)
                reserveFor(m_cursor.offset() - begin, m_cursor.text().size() - begin);
        }
        return !m_cursor.failed();
    }

    /// Features read before the rest of the file's needs are estimated from them.
    static constexpr long kSampleForReserve = 256;
    /// Reserves what the rest of a large file will need, by what its first `sampled` bytes of
    /// features took: growing the layer's arrays and the feed's rows by doubling copies each of
    /// them about once more and faults in twice the memory (a fifth of the ingest on a 100,000-post
    /// feed). The first features of a file are not always typical (Porto's first 256 roads predict
    /// 7% too few positions), and an estimate just short would end in one more doubling: hence a
    /// fifth more than estimated, estimated twice.
    void reserveFor(std::size_t sampled, std::size_t total) {
        if (sampled == 0 || total < sampled * 4) return;
        const double scale = static_cast<double>(total) / static_cast<double>(sampled) * 1.2;
        const auto grown = [scale](std::size_t n) {
            return static_cast<std::size_t>(static_cast<double>(n) * scale);
        };
        m_layer.features.reserve(grown(m_layer.features.size()));
        m_layer.positions.reserve(grown(m_layer.positions.size()));
        m_layer.ringOffsets.reserve(grown(m_layer.ringOffsets.size()));
        m_layer.parts.reserve(grown(m_layer.parts.size()));
        m_properties.reserve(grown(m_layer.features.size()));
    }

    bool readBareGeometry() {
        FeatureDraft draft(m_feed, m_diagnostics);
        const Mark mark = markLayer();
        m_properties.beginFeature();
        if (!readGeometry("", draft, 0)) return false;
        finishFeature(draft, mark);
        return true;
    }

    struct Mark {
        std::size_t positions, rings, parts, propertiesText;
    };
    Mark markLayer() const {
        return {m_layer.positions.size(), m_layer.ringOffsets.size(), m_layer.parts.size(),
                m_layer.propertiesText.size()};
    }
    void rollback(const Mark& m) {
        m_layer.positions.resize(m.positions);
        m_layer.ringOffsets.resize(m.rings);
        m_layer.parts.resize(m.parts);
        m_layer.propertiesText.resize(m.propertiesText);
    }

    bool readFeature(long index) {
        FeatureDraft draft(m_feed, m_diagnostics);
        draft.index = index;
        if (m_cursor.peek() != '{') {
            if (!m_cursor.skipValue()) return false;
            draft.error("", "a feature must be an object", DiagnosticCode::NotAnObject, {"Feature"});
            return true;
        }
        const Mark mark = markLayer();
        m_properties.beginFeature();
        m_cursor.advance();
        bool first = true;
        std::string_view key;
        std::string keyScratch;
        std::string name;
        bool typeOk = false;
        std::size_t propsStart = 0, propsEnd = 0;
        DefiningMembers members;
        while (m_cursor.nextMember(first, key, keyScratch)) {
            if (key == "type") {
                std::string_view t;
                if (!readOptionalString(t)) return false;
                typeOk = t == "Feature";
            } else if (key == "id") {
                const char c = m_cursor.peek();
                if (c == '"') {
                    std::string_view id;
                    if (!m_cursor.readString(id, m_scratch)) return false;
                    draft.id.assign(id);
                    draft.hasId = true;
                    continue;
                }
                JsonValue id;
                if (!m_cursor.readValue(id)) return false;
                if (id.isNumber()) {
                    draft.id = numberToText(id.number);
                    draft.hasId = true;
                } else {
                    draft.error(
                        "id", std::string("id must be a string or a number, not a ") + jsonTypeName(id.type),
                        DiagnosticCode::BadIdType, {jsonTypeName(id.type)});
                }
            } else if (key == "geometry") {
                draft.hasGeometryMember = true;
                if (m_cursor.peek() == 'n') {
                    if (!m_cursor.skipValue()) return false;
                    draft.geometryNull = true;
                } else if (!readGeometry("geometry", draft, 0)) {
                    return false;
                }
            } else if (key == "properties") {
                draft.hasPropertiesMember = true;
                const char c = m_cursor.peek();
                propsStart = m_cursor.offset();
                if (c == '{') {
                    if (!readProperties(draft, name)) return false;
                } else if (c == 'n') {
                    if (!m_cursor.skipValue()) return false;
                } else {
                    if (!m_cursor.skipValue()) return false;
                    draft.error("properties", "properties must be an object or null",
                                DiagnosticCode::NotAnObject, {"properties"});
                }
                propsEnd = m_cursor.offset();
            } else if (key == "bbox") {
                JsonValue b;
                if (!m_cursor.readValue(b)) return false;
                if (!validBbox(b))
                    draft.error("bbox", "bbox must be an array of 2n numbers", DiagnosticCode::BadBbox);
            } else {
                members.note(key);
                if (!m_cursor.skipValue()) return false;
            }
        }
        if (m_cursor.failed()) return false;
        if (!typeOk)
            draft.error("type", "a feature needs \"type\": \"Feature\"", DiagnosticCode::NeedsMember,
                        {"Feature", "type"});
        members.check("Feature", [&](std::string member, std::string message, std::vector<std::string> args) {
            draft.error(std::move(member), std::move(message), DiagnosticCode::ForbiddenMember,
                        std::move(args));
        });
        if (!draft.hasGeometryMember) {
            draft.geometryNull = true;
            draft.error("geometry", "a feature needs 'geometry' (an object, or null)",
                        DiagnosticCode::NeedsMember, {"Feature", "geometry"});
        }
        if (!draft.hasPropertiesMember)
            draft.error("properties", "a feature needs 'properties' (an object, or null)",
                        DiagnosticCode::NeedsMember, {"Feature", "properties"});
        const std::string_view props = propsEnd > propsStart
                                           ? m_cursor.text().substr(propsStart, propsEnd - propsStart)
                                           : std::string_view("{}");
        finishFeature(draft, mark, props, std::move(name));
        return true;
    }

    void finishFeature(FeatureDraft& draft, const Mark& mark, std::string_view props = "{}",
                       std::string name = {}) {
        FeatureRecord rec;
        rec.id = draft.id;
        rec.name = std::move(name);
        rec.firstPart = static_cast<std::uint32_t>(mark.parts);
        rec.partCount = static_cast<std::uint32_t>(m_layer.parts.size() - mark.parts);
        if (!draft.rejected && !draft.hasId && m_properties.idExpected())
            draft.warning("id", "no id: other feeds cannot refer to this feature", DiagnosticCode::NoId);
        if (!draft.rejected && m_ids && draft.hasId) {
            if (const auto earlier =
                    m_ids->insert(draft.id, static_cast<std::uint32_t>(m_layer.features.size())))
                draft.error("id",
                            "duplicate id: feature " + std::to_string(*earlier) +
                                " (counting kept features) already has it",
                            DiagnosticCode::DuplicateId, {std::to_string(*earlier)});
        }
        if (!draft.rejected && m_layer.features.size() >= m_limits.maxFeatures) {
            if (!m_tooManyFeatures)
                fileError("features",
                          "more than " + std::to_string(m_limits.maxFeatures) +
                              " features: over the limit for one feed",
                          DiagnosticCode::TooManyFeatures, {std::to_string(m_limits.maxFeatures)});
            m_tooManyFeatures = true;
            draft.rejected = true; // quietly: the file as a whole is rejected
        }
        if (!draft.rejected) m_properties.endFeature(draft, m_layer, rec);
        if (draft.rejected) {
            if (m_ids && draft.hasId) {
                const auto at = m_ids->find(draft.id);
                if (at && *at == m_layer.features.size()) m_ids->erase(draft.id);
            }
            rollback(mark);
            m_properties.discardFeature();
            return;
        }
        rec.propertiesOffset = static_cast<std::uint32_t>(m_layer.propertiesText.size());
        rec.propertiesLength = static_cast<std::uint32_t>(props.size());
        m_layer.propertiesText.append(props);
        m_layer.features.push_back(std::move(rec));
    }

    bool readProperties(FeatureDraft& draft, std::string& name) {
        m_cursor.advance(); // '{'
        bool first = true;
        std::string_view key;
        std::string keyScratch;
        while (m_cursor.nextMember(first, key, keyScratch)) {
            if (key == "name") {
                if (m_cursor.peek() == '"') {
                    std::string_view n;
                    if (!m_cursor.readString(n, m_scratch)) return false;
                    name.assign(n);
                } else {
                    if (!m_cursor.skipValue()) return false;
                    draft.warning("properties.name", "name should be a string",
                                  DiagnosticCode::NameNotString);
                }
            } else if (m_properties.streams(key)) {
                if (!m_properties.readStreamed(key, m_cursor, draft)) return false;
            } else if (m_properties.wants(key)) {
                // One value tree reused for every property: most are short strings, and
                // reusing the tree's storage saves an allocation for each of them.
                m_value.string.clear();
                m_value.items.clear();
                m_value.members.clear();
                if (!m_cursor.readValue(m_value)) return false;
                m_properties.property(key, m_value, draft);
            } else if (!m_cursor.skipValue()) {
                return false;
            }
        }
        return !m_cursor.failed();
    }

    /// Reads a coordinates value into m_nodes; false only on malformed JSON.
    bool readCoordinates(int depth) {
        if (m_cursor.peek() != '[') {
            if (!m_cursor.skipValue()) return false;
            m_nodes.push_back({CoordNode::Kind::BadItem, CoordNode::Status::Ok, 0, {}});
            return true;
        }
        m_cursor.advance();
        const char next = m_cursor.peek();
        if (next != '[' && next != ']') {
            // A position: numbers (2 or more; extra ones such as altitude are kept only to check
            // that a ring closes).
            CoordNode node{CoordNode::Kind::Position, CoordNode::Status::Ok, 0, {}};
            bool first = true;
            double values[2] = {0, 0};
            while (m_cursor.nextItem(first)) {
                const char c = m_cursor.peek();
                const bool numeric = (c >= '0' && c <= '9') || c == '-' || c == 'N' || c == 'I';
                if (!numeric) {
                    if (!m_cursor.skipValue()) return false;
                    node.status = CoordNode::Status::NotANumber;
                    if (node.count >= 2) m_extraValues.push_back(0);
                    ++node.count;
                    continue;
                }
                double v = 0;
                bool nonFinite = false;
                if (!m_cursor.readNumber(v, &nonFinite)) return false;
                if (nonFinite && node.status == CoordNode::Status::Ok)
                    node.status = CoordNode::Status::NonFinite;
                if (node.count < 2)
                    values[node.count] = v;
                else
                    m_extraValues.push_back(v);
                ++node.count;
            }
            if (m_cursor.failed()) return false;
            if (node.count < 2 && node.status == CoordNode::Status::Ok)
                node.status = CoordNode::Status::TooFewNumbers;
            node.position = {values[0], values[1]};
            m_nodes.push_back(node);
            return true;
        }
        const std::size_t self = m_nodes.size();
        m_nodes.push_back({CoordNode::Kind::Array, CoordNode::Status::Ok, 0, {}});
        if (depth > kMaxCoordinateNesting) {
            // Deeper than any geometry needs: skip the rest, report at interpretation.
            bool first = true;
            while (m_cursor.nextItem(first))
                if (!m_cursor.skipValue()) return false;
            m_nodes[self].kind = CoordNode::Kind::BadItem;
            return !m_cursor.failed();
        }
        bool first = true;
        std::uint32_t count = 0;
        while (m_cursor.nextItem(first)) {
            if (!readCoordinates(depth + 1)) return false;
            ++count;
        }
        if (m_cursor.failed()) return false;
        m_nodes[self].count = count;
        return true;
    }

    /// Interprets m_nodes from `at` as the given shape, appending to the layer; on a problem
    /// records path + message and returns false.
    class Shape {
      public:
        Shape(const std::vector<CoordNode>& nodes, const std::vector<double>& extraValues,
              FeatureLayer& layer, const GeoJsonLimits& limits_)
            : limits(limits_), m_nodes(nodes), m_extraValues(extraValues), m_layer(layer) {}
        const GeoJsonLimits& limits;
        std::string errorPath, errorMessage;
        DiagnosticCode errorCode = DiagnosticCode::Other;
        std::vector<std::string> errorArgs;
        std::size_t at = 0;
        std::size_t extraAt = 0; ///< extra values of the position at `at` in m_extraValues

        bool fail(std::string path, std::string message, DiagnosticCode code = DiagnosticCode::Other,
                  std::vector<std::string> args = {}) {
            errorPath = std::move(path);
            errorMessage = std::move(message);
            errorCode = code;
            errorArgs = std::move(args);
            return false;
        }
        bool overLimit(const std::string& path, std::uint32_t n) {
            return fail(path,
                        std::to_string(n) + " positions: over the limit of " +
                            std::to_string(limits.maxPositionsPerLine) + " in one ring or line",
                        DiagnosticCode::TooManyPositions,
                        {std::to_string(n), std::to_string(limits.maxPositionsPerLine)});
        }

        bool position(const std::string& path) {
            std::string message;
            return takePosition(message) || fail(path, std::move(message), m_positionCode, m_positionArgs);
        }
        /// Position `i` of the array at `base`; the path text is only built for an error.
        bool position(const std::string& base, std::size_t i) {
            std::string message;
            return takePosition(message) ||
                   fail(indexPath(base, i), std::move(message), m_positionCode, m_positionArgs);
        }
        bool takePosition(std::string& message) {
            if (at >= m_nodes.size()) return (message = "missing position", false);
            const CoordNode& n = m_nodes[at];
            if (n.kind != CoordNode::Kind::Position)
                return (message = "expected a position [lon, lat]", false);
            ++at;
            extraAt += extraCount(n);
            switch (n.status) {
            case CoordNode::Status::TooFewNumbers:
                return (message = "a position needs at least two numbers [lon, lat]", false);
            case CoordNode::Status::NotANumber:
                return (message = "a position must hold only numbers", false);
            case CoordNode::Status::NonFinite:
                return (message = "a position holds NaN or Infinity", false);
            case CoordNode::Status::Ok:
                break;
            }
            const LonLat p = n.position;
            if (p.lon < -180 || p.lon > 180 || p.lat < -90 || p.lat > 90) {
                message = "position " + numberToText(p.lon) + "," + numberToText(p.lat) +
                          " is outside lon -180..180 / lat -90..90 (lon first, WGS84 degrees)";
                m_positionCode = DiagnosticCode::OutOfRange;
                m_positionArgs = {numberToText(p.lon) + "," + numberToText(p.lat)};
                return false;
            }
            m_layer.positions.push_back(p);
            return true;
        }

        static std::size_t extraCount(const CoordNode& position) {
            return position.count > 2 ? position.count - 2 : 0;
        }

        /// An array node; returns its item count through `count`.
        bool array(const std::string& path, std::uint32_t& count, const char* what) {
            if (at >= m_nodes.size() || m_nodes[at].kind != CoordNode::Kind::Array)
                return fail(path, std::string("expected ") + what);
            count = m_nodes[at++].count;
            return true;
        }

        void closeRing() {
            m_layer.ringOffsets.push_back(static_cast<std::uint32_t>(m_layer.positions.size()));
        }
        void addPart(PartKind kind, std::size_t firstRing) {
            m_layer.parts.push_back({kind, static_cast<std::uint32_t>(firstRing),
                                     static_cast<std::uint32_t>(m_layer.ringCount() - firstRing)});
        }

        bool point(const std::string& path) {
            const std::size_t firstRing = m_layer.ringCount();
            if (!position(path)) return false;
            closeRing();
            addPart(PartKind::Point, firstRing);
            return true;
        }

        bool multiPoint(const std::string& path) {
            std::uint32_t n = 0;
            if (!array(path, n, "an array of positions")) return false;
            for (std::uint32_t i = 0; i < n; ++i)
                if (!point(indexPath(path, i))) return false;
            return true;
        }

        bool line(const std::string& path) {
            std::uint32_t n = 0;
            if (!array(path, n, "an array of positions")) return false;
            if (n > limits.maxPositionsPerLine) return overLimit(path, n);
            const std::size_t firstRing = m_layer.ringCount();
            for (std::uint32_t i = 0; i < n; ++i)
                if (!position(path, i)) return false;
            if (n < 2)
                return fail(path, "a LineString needs at least two positions", DiagnosticCode::LineTooShort);
            closeRing();
            addPart(PartKind::Line, firstRing);
            return true;
        }

        bool multiLine(const std::string& path) {
            std::uint32_t n = 0;
            if (!array(path, n, "an array of LineStrings")) return false;
            for (std::uint32_t i = 0; i < n; ++i)
                if (!line(indexPath(path, i))) return false;
            return true;
        }

        bool polygon(const std::string& path) {
            std::uint32_t rings = 0;
            if (!array(path, rings, "an array of rings")) return false;
            if (rings == 0) return true; // an empty Polygon is valid GeoJSON and draws nothing
            const std::size_t firstRing = m_layer.ringCount();
            for (std::uint32_t r = 0; r < rings; ++r) {
                const std::string rpath = indexPath(path, r);
                std::uint32_t n = 0;
                if (!array(rpath, n, "a ring (an array of positions)")) return false;
                if (n > limits.maxPositionsPerLine) return overLimit(rpath, n);
                const std::size_t start = m_layer.positions.size();
                const std::size_t firstNode = at, firstExtra = extraAt;
                for (std::uint32_t i = 0; i < n; ++i)
                    if (!position(rpath, i)) return false;
                if (n < 4)
                    return fail(rpath, "a polygon ring needs at least four positions (first repeated last)",
                                DiagnosticCode::RingTooShort);
                if (!(m_layer.positions[start] == m_layer.positions.back()))
                    return fail(rpath, "ring is not closed: its last position must equal its first",
                                DiagnosticCode::RingNotClosed);
                const CoordNode& last = m_nodes[at - 1];
                std::string why =
                    endsDiffer(m_nodes[firstNode], firstExtra, last, extraAt - extraCount(last));
                if (!why.empty()) return fail(rpath, std::move(why), DiagnosticCode::RingNotClosed);
                m_layer.positions.pop_back(); // stored open: the closing position is implied
                closeRing();
            }
            addPart(PartKind::Polygon, firstRing);
            return true;
        }

        /// Why a ring's first and last positions, equal in lon and lat, still differ (in their
        /// number of values or a further value such as altitude); empty when they do not.
        std::string endsDiffer(const CoordNode& first, std::size_t firstExtra, const CoordNode& last,
                               std::size_t lastExtra) const {
            if (first.count != last.count)
                return "ring is not closed: its first position has " + std::to_string(first.count) +
                       " values, its last " + std::to_string(last.count) + " (they must be equal)";
            for (std::size_t i = 0; i < extraCount(first); ++i)
                if (m_extraValues[firstExtra + i] != m_extraValues[lastExtra + i])
                    return "ring is not closed: its first and last positions differ in value " +
                           std::to_string(i + 3) + " (they must be equal)";
            return {};
        }

        bool multiPolygon(const std::string& path) {
            std::uint32_t n = 0;
            if (!array(path, n, "an array of Polygons")) return false;
            for (std::uint32_t i = 0; i < n; ++i)
                if (!polygon(indexPath(path, i))) return false;
            return true;
        }

      private:
        const std::vector<CoordNode>& m_nodes;
        const std::vector<double>& m_extraValues;
        FeatureLayer& m_layer;
        /// Set with the message when takePosition refuses a position.
        DiagnosticCode m_positionCode = DiagnosticCode::Other;
        std::vector<std::string> m_positionArgs;
    };

    /// Reads one geometry object (not null). False only on malformed JSON; semantic problems
    /// reject the feature through `draft`.
    bool readGeometry(const std::string& path, FeatureDraft& draft, int nesting) {
        const std::string prefix = path.empty() ? std::string() : path + ".";
        if (m_cursor.peek() != '{') {
            if (!m_cursor.skipValue()) return false;
            draft.error(path, "geometry must be an object or null", DiagnosticCode::NotAnObject,
                        {"geometry"});
            return true;
        }
        const Mark mark = markLayer();
        const std::size_t nodesBase = m_nodes.size(), extrasBase = m_extraValues.size();
        m_cursor.advance();
        bool first = true;
        std::string_view key;
        std::string keyScratch;
        std::string type;
        bool hasCoordinates = false, hasGeometries = false, geometriesIsArray = false;
        std::size_t childCount = 0;
        bool childrenOk = true;
        DefiningMembers members;
        while (m_cursor.nextMember(first, key, keyScratch)) {
            if (key == "type") {
                std::string_view t;
                if (!readOptionalString(t)) return false;
                type.assign(t);
            } else if (key == "coordinates") {
                hasCoordinates = true;
                m_nodes.resize(nodesBase);
                m_extraValues.resize(extrasBase);
                if (!readCoordinates(0)) return false;
            } else if (key == "geometries") {
                hasGeometries = true;
                if (m_cursor.peek() != '[') {
                    if (!m_cursor.skipValue()) return false;
                    continue;
                }
                geometriesIsArray = true;
                m_cursor.advance();
                bool firstItem = true;
                while (m_cursor.nextItem(firstItem)) {
                    const std::string childPath = indexPath(prefix + "geometries", childCount++);
                    if (nesting >= kMaxCollectionNesting) {
                        if (!m_cursor.skipValue()) return false;
                        if (childrenOk)
                            draft.error(childPath, "GeometryCollections nested too deeply",
                                        DiagnosticCode::NestedTooDeep);
                        childrenOk = false;
                        continue;
                    }
                    const bool wasRejected = draft.rejected;
                    if (!readGeometry(childPath, draft, nesting + 1)) return false;
                    if (draft.rejected && !wasRejected) childrenOk = false;
                }
                if (m_cursor.failed()) return false;
            } else if (key == "bbox") {
                JsonValue b;
                if (!m_cursor.readValue(b)) return false;
                if (!validBbox(b))
                    draft.error(prefix + "bbox",
                                "bbox must be an array of 2n numbers (west, south, ..., east, north, ...)",
                                DiagnosticCode::BadBbox);
            } else {
                members.note(key);
                if (!m_cursor.skipValue()) return false;
            }
        }
        if (m_cursor.failed()) return false;
        members.check(type, [&](std::string member, std::string message, std::vector<std::string> args) {
            draft.error(prefix + member, std::move(message), DiagnosticCode::ForbiddenMember,
                        std::move(args));
        });

        if (type == "GeometryCollection") {
            if (!hasGeometries || !geometriesIsArray)
                draft.error(prefix + "geometries", "a GeometryCollection needs an array 'geometries'",
                            DiagnosticCode::NeedsMember, {"GeometryCollection", "geometries"});
            if (nesting > 0)
                draft.warning(path,
                              "a GeometryCollection inside another: RFC 7946 §3.1.8 says to avoid "
                              "nesting them (list its members in the outer one)",
                              DiagnosticCode::NestedCollection);
            if (childCount == 1)
                draft.warning(prefix + "geometries",
                              "a GeometryCollection of a single geometry: RFC 7946 "
                              "§3.1.8 says to use that geometry itself",
                              DiagnosticCode::SingleCollection);
            m_nodes.resize(nodesBase);
            m_extraValues.resize(extrasBase);
            return true;
        }
        // Not a collection: anything read from a foreign 'geometries' member is dropped.
        if (hasGeometries) {
            m_layer.positions.resize(mark.positions);
            m_layer.ringOffsets.resize(mark.rings);
            m_layer.parts.resize(mark.parts);
        }
        if (type.empty()) {
            draft.error(prefix + "type", "missing geometry type", DiagnosticCode::NeedsMember,
                        {"geometry", "type"});
        } else if (!isGeometryType(type)) {
            draft.error(prefix + "type", "unknown geometry type '" + type + "'",
                        DiagnosticCode::UnknownGeometryType, {type});
        } else if (!hasCoordinates) {
            draft.error(prefix + "coordinates", type + " needs 'coordinates'", DiagnosticCode::NeedsMember,
                        {type, "coordinates"});
        } else {
            Shape shape(m_nodes, m_extraValues, m_layer, m_limits);
            shape.at = nodesBase;
            shape.extraAt = extrasBase;
            const std::string cpath = prefix + "coordinates";
            bool ok = false;
            if (type == "Point")
                ok = shape.point(cpath);
            else if (type == "MultiPoint")
                ok = shape.multiPoint(cpath);
            else if (type == "LineString")
                ok = shape.line(cpath);
            else if (type == "MultiLineString")
                ok = shape.multiLine(cpath);
            else if (type == "Polygon")
                ok = shape.polygon(cpath);
            else
                ok = shape.multiPolygon(cpath);
            if (!ok) draft.error(shape.errorPath, shape.errorMessage, shape.errorCode, shape.errorArgs);
        }
        m_nodes.resize(nodesBase);
        m_extraValues.resize(extrasBase);
        return true;
    }
};

} // namespace

bool readGeoJsonInto(std::string_view bytes, const std::string& feed, PropertyReader& properties,
                     FeatureLayer& layer, std::vector<Diagnostic>& diagnostics, GeoJsonTopLevel& top,
                     IdIndex* ids, const GeoJsonLimits& limits) {
    Reader reader(bytes, feed, properties, layer, diagnostics, ids, limits);
    return reader.run(top);
}

} // namespace cordon
