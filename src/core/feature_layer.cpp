#include "core/feature_layer.hpp"

#include "core/mercator.hpp"

#include <cmath>
#include <cstdio>

namespace cordon {

MercatorBox FeatureLayer::bounds() const {
    MercatorBox box;
    for (const LonLat& p : positions)
        box.add(mercator::project(p));
    return box;
}

namespace {

std::string numberText(double v) {
    char buf[32];
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

std::string indexPath(const std::string& base, std::size_t i) {
    return base + "[" + std::to_string(i) + "]";
}

/// Reads one feature's geometry into the layer; on failure, reports path + message.
class GeometryReader {
  public:
    GeometryReader(FeatureLayer& layer) : m_layer(layer) {}

    std::string errorPath;
    std::string errorMessage;

    bool read(const JsonValue& g, const std::string& path, int depth = 0) {
        if (!g.isObject()) return fail(path, "geometry must be an object or null");
        const JsonValue* type = g.find("type");
        if (!type || !type->isString()) return fail(path + ".type", "missing geometry type");
        if (const JsonValue* bbox = g.find("bbox"); bbox && !validBbox(*bbox))
            return fail(path + ".bbox",
                        "bbox must be an array of 2n numbers (west, south, ..., east, north, ...)");
        const std::string& t = type->string;
        if (t == "GeometryCollection") {
            const JsonValue* geoms = g.find("geometries");
            if (!geoms || !geoms->isArray())
                return fail(path + ".geometries", "GeometryCollection needs an array 'geometries'");
            if (depth > 8) return fail(path, "GeometryCollections nested too deeply");
            for (std::size_t i = 0; i < geoms->items.size(); ++i)
                if (!read(geoms->items[i], indexPath(path + ".geometries", i), depth + 1)) return false;
            return true;
        }
        const JsonValue* coords = g.find("coordinates");
        const std::string cpath = path + ".coordinates";
        if (!coords || !coords->isArray()) return fail(cpath, t + " needs an array 'coordinates'");
        if (t == "Point") return point(*coords, cpath);
        if (t == "MultiPoint") {
            for (std::size_t i = 0; i < coords->items.size(); ++i)
                if (!point(coords->items[i], indexPath(cpath, i))) return false;
            return true;
        }
        if (t == "LineString") return line(*coords, cpath);
        if (t == "MultiLineString") {
            for (std::size_t i = 0; i < coords->items.size(); ++i)
                if (!line(coords->items[i], indexPath(cpath, i))) return false;
            return true;
        }
        if (t == "Polygon") return polygon(*coords, cpath);
        if (t == "MultiPolygon") {
            for (std::size_t i = 0; i < coords->items.size(); ++i)
                if (!polygon(coords->items[i], indexPath(cpath, i))) return false;
            return true;
        }
        return fail(path + ".type", "unknown geometry type '" + t + "'");
    }

  private:
    FeatureLayer& m_layer;

    bool fail(std::string path, std::string message) {
        errorPath = std::move(path);
        errorMessage = std::move(message);
        return false;
    }

    static bool validBbox(const JsonValue& b) {
        if (!b.isArray() || b.items.size() < 4 || b.items.size() % 2 != 0) return false;
        for (const JsonValue& v : b.items)
            if (!v.isNumber()) return false;
        return true;
    }

    bool position(const JsonValue& v, const std::string& path) {
        if (!v.isArray() || v.items.size() < 2)
            return fail(path, "a position needs at least two numbers [lon, lat]");
        for (const JsonValue& c : v.items)
            if (!c.isNumber())
                return fail(path, std::string("position holds a ") + jsonTypeName(c.type) + ", not a number");
        const double lon = v.items[0].number, lat = v.items[1].number;
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
            return fail(path, "position " + numberText(lon) + "," + numberText(lat) +
                                  " is outside lon -180..180 / lat -90..90 (lon first, WGS84 degrees)");
        m_layer.positions.push_back({lon, lat});
        return true;
    }

    void closeRing() { m_layer.ringOffsets.push_back(static_cast<std::uint32_t>(m_layer.positions.size())); }

    void addPart(PartKind kind, std::size_t firstRing) {
        m_layer.parts.push_back({kind, static_cast<std::uint32_t>(firstRing),
                                 static_cast<std::uint32_t>(m_layer.ringCount() - firstRing)});
    }

    bool point(const JsonValue& v, const std::string& path) {
        const std::size_t firstRing = m_layer.ringCount();
        if (!position(v, path)) return false;
        closeRing();
        addPart(PartKind::Point, firstRing);
        return true;
    }

    bool positions(const JsonValue& v, const std::string& path) {
        if (!v.isArray()) return fail(path, "expected an array of positions");
        for (std::size_t i = 0; i < v.items.size(); ++i)
            if (!position(v.items[i], indexPath(path, i))) return false;
        return true;
    }

    bool line(const JsonValue& v, const std::string& path) {
        const std::size_t firstRing = m_layer.ringCount();
        if (!positions(v, path)) return false;
        if (v.items.size() < 2) return fail(path, "a LineString needs at least two positions");
        closeRing();
        addPart(PartKind::Line, firstRing);
        return true;
    }

    bool polygon(const JsonValue& v, const std::string& path) {
        if (!v.isArray()) return fail(path, "a Polygon is an array of rings");
        if (v.items.empty()) return true; // an empty Polygon is valid GeoJSON and draws nothing
        const std::size_t firstRing = m_layer.ringCount();
        for (std::size_t r = 0; r < v.items.size(); ++r) {
            const std::string rpath = indexPath(path, r);
            const std::size_t start = m_layer.positions.size();
            if (!positions(v.items[r], rpath)) return false;
            const std::size_t n = m_layer.positions.size() - start;
            if (n < 4)
                return fail(rpath, "a polygon ring needs at least four positions (first repeated last)");
            if (!(m_layer.positions[start] == m_layer.positions.back()))
                return fail(rpath, "ring is not closed: its last position must equal its first");
            m_layer.positions.pop_back(); // stored open: the closing position is implied
            closeRing();
        }
        addPart(PartKind::Polygon, firstRing);
        return true;
    }
};

std::string idText(const JsonValue& id) {
    return id.isString() ? id.string : numberText(id.number);
}

} // namespace

GeoJsonReadResult readGeoJson(std::string_view bytes, std::string_view feedName) {
    GeoJsonReadResult result;
    const std::string feed(feedName);
    auto fileError = [&](std::string path, std::string message) {
        result.diagnostics.push_back({Severity::Error, feed, -1, "", std::move(path), std::move(message)});
        return std::move(result);
    };

    JsonParseResult parsed = parseJson(bytes);
    if (!parsed.ok()) {
        const JsonError& e = parsed.error;
        return fileError("", "not valid JSON at byte " + std::to_string(e.offset) + " (line " +
                                 std::to_string(e.line) + ", column " + std::to_string(e.column) +
                                 "): " + e.message);
    }
    const JsonValue& root = *parsed.value;
    if (!root.isObject())
        return fileError("",
                         "expected a GeoJSON object, found a JSON " + std::string(jsonTypeName(root.type)));
    const JsonValue* type = root.find("type");
    if (!type || !type->isString())
        return fileError("type", "missing 'type' (expected \"FeatureCollection\")");

    std::vector<const JsonValue*> features;
    std::string featuresPath = "features";
    if (type->string == "FeatureCollection") {
        const JsonValue* list = root.find("features");
        if (!list || !list->isArray())
            return fileError("features", "a FeatureCollection needs an array 'features'");
        for (const JsonValue& f : list->items)
            features.push_back(&f);
    } else if (type->string == "Feature") {
        features.push_back(&root);
    } else {
        return fileError("type",
                         "expected \"FeatureCollection\" or \"Feature\", found \"" + type->string + "\"");
    }

    FeatureLayer layer;
    layer.name = feed;
    for (std::size_t i = 0; i < features.size(); ++i) {
        const JsonValue& f = *features[i];
        Diagnostic d{Severity::Error, feed, static_cast<long>(i), "", "", ""};
        auto reject = [&](std::string path, std::string message) {
            d.path = std::move(path);
            d.message = std::move(message);
            result.diagnostics.push_back(d);
        };
        if (!f.isObject()) {
            reject("", "a feature must be an object");
            continue;
        }
        const JsonValue* id = f.find("id");
        if (id && (id->isString() || id->isNumber())) d.featureId = idText(*id);
        const JsonValue* ftype = f.find("type");
        if (!ftype || !ftype->isString() || ftype->string != "Feature") {
            reject("type", "a feature needs \"type\": \"Feature\"");
            continue;
        }
        if (id && !id->isString() && !id->isNumber()) {
            reject("id", std::string("id must be a string or a number, not a ") + jsonTypeName(id->type));
            continue;
        }
        const JsonValue* props = f.find("properties");
        if (!props || !(props->isObject() || props->isNull())) {
            reject("properties", "a feature needs 'properties' (an object, or null)");
            continue;
        }
        const JsonValue* geometry = f.find("geometry");
        if (!geometry) {
            reject("geometry", "a feature needs 'geometry' (an object, or null)");
            continue;
        }

        const std::size_t positionsBefore = layer.positions.size();
        const std::size_t ringsBefore = layer.ringOffsets.size();
        const std::size_t partsBefore = layer.parts.size();
        if (!geometry->isNull()) {
            GeometryReader reader(layer);
            if (!reader.read(*geometry, "geometry")) {
                layer.positions.resize(positionsBefore);
                layer.ringOffsets.resize(ringsBefore);
                layer.parts.resize(partsBefore);
                reject(reader.errorPath, reader.errorMessage);
                continue;
            }
        }
        FeatureRecord rec;
        rec.id = d.featureId;
        rec.properties = *props;
        if (const JsonValue* name = props->find("name"); name && name->isString()) rec.name = name->string;
        rec.firstPart = static_cast<std::uint32_t>(partsBefore);
        rec.partCount = static_cast<std::uint32_t>(layer.parts.size() - partsBefore);
        layer.features.push_back(std::move(rec));
    }
    result.layer = std::move(layer);
    return result;
}

} // namespace cordon
