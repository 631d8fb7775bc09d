// Mapping a foreign GeoJSON file onto a feed: fields renamed or set, ids taken from a field,
// GCJ-02 positions converted; the result is the feed as GeoJSON with its `cordon` header.

#include "core/feeds/feed_mapping.hpp"

#include "core/feeds/field_guess.hpp"
#include "core/formats/geojson_writer.hpp"
#include "core/formats/json.hpp"
#include "core/geo/gcj02.hpp"

#include <algorithm>
#include <set>

namespace cordon {
namespace {

void setMapping(std::vector<FieldMapping>& map, FieldMapping m) {
    const auto it =
        std::find_if(map.begin(), map.end(), [&](const FieldMapping& x) { return x.target == m.target; });
    if (it != map.end())
        *it = std::move(m);
    else
        map.push_back(std::move(m));
}

/// "SOURCE" or ":constant" (the first colon is dropped: "::x" is the text ":x").
FieldMapping mappingFromText(std::string target, std::string_view value) {
    FieldMapping m;
    m.target = std::move(target);
    if (!value.empty() && value[0] == ':')
        m.literalJson = jsonQuote(value.substr(1));
    else
        m.source = std::string(value);
    return m;
}

/// The geometry with every position moved from GCJ-02 to WGS84.
void convertPositions(JsonValue& v) {
    if (v.isArray() && v.items.size() >= 2 && v.items[0].isNumber() && v.items[1].isNumber()) {
        const LonLat p = gcj02ToWgs84({v.items[0].number, v.items[1].number});
        v.items[0].number = p.lon;
        v.items[1].number = p.lat;
        return;
    }
    for (JsonValue& item : v.items)
        convertPositions(item);
}

/// A property value usable as a feature id (a string or a number), as JSON text; else empty.
std::string idText(const JsonValue* v) {
    if (!v || !(v->isString() || v->isNumber())) return {};
    return writeJson(*v);
}

} // namespace

bool parseFieldMappings(std::string_view list, std::vector<FieldMapping>& map, std::string& error) {
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = list.find(',', start);
        const std::string_view item =
            list.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        start = comma == std::string_view::npos ? list.size() + 1 : comma + 1;
        if (item.empty()) continue;
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos || eq == 0 || eq + 1 == item.size()) {
            error = "bad mapping '" + std::string(item) + "' (want target=SOURCE or target=:constant)";
            return false;
        }
        setMapping(map, mappingFromText(std::string(item.substr(0, eq)), item.substr(eq + 1)));
    }
    return true;
}

bool applyMappingFile(std::string_view json, FeedMapping& o, std::string& error) {
    const JsonParseResult parsed = parseJson(json);
    if (!parsed.ok()) {
        error = "not JSON: line " + std::to_string(parsed.error.line) + ", column " +
                std::to_string(parsed.error.column) + ": " + parsed.error.message;
        return false;
    }
    const JsonValue& root = *parsed.value;
    if (!root.isObject()) {
        error = "a mapping file is a JSON object";
        return false;
    }
    auto wantString = [&](const std::string& key, const JsonValue& v, std::string& out) {
        if (!v.isString()) {
            error = "\"" + key + "\" must be a string";
            return false;
        }
        out = v.string;
        return true;
    };
    auto wantBool = [&](const std::string& key, const JsonValue& v, bool& out) {
        if (v.type != JsonType::Bool) {
            error = "\"" + key + "\" must be true or false";
            return false;
        }
        out = v.boolean;
        return true;
    };
    for (const auto& [key, v] : root.members) {
        if (key == "feed") {
            std::string name;
            if (!wantString(key, v, name)) return false;
            if (!(o.feed = feedKindFromName(name))) {
                error = "unknown feed '" + name + "'";
                return false;
            }
        } else if (key == "layer") {
            if (!wantString(key, v, o.layer)) return false;
        } else if (key == "id") {
            if (!wantString(key, v, o.idField)) return false;
        } else if (key == "encoding") {
            if (!wantString(key, v, o.encoding)) return false;
        } else if (key == "from_gcj02") {
            if (!wantBool(key, v, o.fromGcj02)) return false;
        } else if (key == "only_mapped") {
            if (!wantBool(key, v, o.onlyMapped)) return false;
        } else if (key == "open_options") {
            if (v.isObject()) {
                for (const auto& [k, x] : v.members) {
                    std::string s;
                    if (!wantString("open_options." + k, x, s)) return false;
                    o.openOptions.push_back(k + "=" + s);
                }
            } else if (v.isArray()) {
                for (const JsonValue& x : v.items) {
                    std::string s;
                    if (!wantString("open_options[]", x, s)) return false;
                    o.openOptions.push_back(s);
                }
            } else {
                error = "\"open_options\" must be an object or a list of \"KEY=VALUE\"";
                return false;
            }
        } else if (key == "map") {
            if (!v.isObject()) {
                error = "\"map\" must be an object {\"target\": \"SOURCE\" or \":constant\", ...}";
                return false;
            }
            for (const auto& [target, x] : v.members) {
                if (x.isString()) {
                    if (x.string.empty()) {
                        error = "map." + target + " is empty";
                        return false;
                    }
                    setMapping(o.map, mappingFromText(target, x.string));
                } else {
                    FieldMapping m;
                    m.target = target;
                    m.literalJson = writeJson(x);
                    setMapping(o.map, std::move(m));
                }
            }
        } else {
            error = "unknown key \"" + key +
                    "\" (feed, layer, id, map, from_gcj02, only_mapped, encoding, open_options)";
            return false;
        }
    }
    return true;
}

std::string mappingFileJson(const FeedMapping& m) {
    JsonValue root;
    root.type = JsonType::Object;
    const auto text = [](std::string s) {
        JsonValue v;
        v.type = JsonType::String;
        v.string = std::move(s);
        return v;
    };
    const auto flag = [](bool b) {
        JsonValue v;
        v.type = JsonType::Bool;
        v.boolean = b;
        return v;
    };
    if (m.feed) root.members.emplace_back("feed", text(std::string(feedKindName(*m.feed))));
    if (!m.layer.empty()) root.members.emplace_back("layer", text(m.layer));
    if (!m.idField.empty()) root.members.emplace_back("id", text(m.idField));
    if (!m.map.empty()) {
        JsonValue map;
        map.type = JsonType::Object;
        for (const FieldMapping& f : m.map) {
            JsonValue v = text(f.source);
            if (f.isLiteral()) {
                // A string constant is written ":text"; any other constant as its JSON value.
                JsonParseResult literal = parseJson(f.literalJson);
                if (!literal.ok()) continue;
                v = literal.value->isString() ? text(":" + literal.value->string) : std::move(*literal.value);
            }
            map.members.emplace_back(f.target, std::move(v));
        }
        root.members.emplace_back("map", std::move(map));
    }
    if (m.fromGcj02) root.members.emplace_back("from_gcj02", flag(true));
    if (m.onlyMapped) root.members.emplace_back("only_mapped", flag(true));
    if (!m.encoding.empty()) root.members.emplace_back("encoding", text(m.encoding));
    if (!m.openOptions.empty()) {
        JsonValue list;
        list.type = JsonType::Array;
        for (const std::string& o : m.openOptions)
            list.items.push_back(text(o));
        root.members.emplace_back("open_options", std::move(list));
    }
    return writeJson(root) + "\n";
}

MappedFeed mapGeoJsonToFeed(std::string_view geojson, const FeedMapping& given, std::string_view source) {
    const std::string name(source);
    if (!given.feed)
        return {std::nullopt, name + ": which feed it is is not known (name the file after the feed)"};
    JsonParseResult parsed = parseJson(geojson);
    if (!parsed.ok())
        return {std::nullopt, name + ": not JSON: line " + std::to_string(parsed.error.line) + ", column " +
                                  std::to_string(parsed.error.column) + ": " + parsed.error.message};
    JsonValue& root = *parsed.value;
    JsonValue* features = root.isObject() ? const_cast<JsonValue*>(root.find("features")) : nullptr;
    if (!features || !features->isArray()) return {std::nullopt, name + ": not a GeoJSON FeatureCollection"};
    // Every field any feature has, in order of first sight.
    std::vector<std::string> fields;
    std::set<std::string> seen;
    for (const JsonValue& f : features->items)
        if (const JsonValue* props = f.find("properties"); props && props->isObject())
            for (const auto& [key, value] : props->members)
                if (seen.insert(key).second) fields.push_back(key);
    // Columns the mapping leaves out but that go by a common name (名称, 类型, ...) are taken too.
    FeedMapping m = given;
    recogniseFields(m, fields);
    const FeedKind kind = *m.feed;
    // A label of an enumerated field ("小区卡口") becomes its contract value ("compound_gate").
    const auto valueJson = [&](const std::string& target, const JsonValue& v) {
        if (v.isString())
            if (const std::optional<std::string_view> value = recogniseValue(kind, target, v.string))
                return jsonQuote(*value);
        return writeJson(v);
    };
    auto fieldList = [&] {
        std::string s;
        for (const std::string& f : fields)
            s += (s.empty() ? "" : ", ") + f;
        return s.empty() ? std::string("(none)") : s;
    };
    for (const FieldMapping& fm : m.map)
        if (!fm.isLiteral() && !seen.count(fm.source))
            return {std::nullopt, name + ": map " + fm.target + "=" + fm.source + ": no field '" + fm.source +
                                      "'; fields: " + fieldList()};
    if (!m.idField.empty() && !seen.count(m.idField))
        return {std::nullopt, name + ": id: no field '" + m.idField + "'; fields: " + fieldList()};
    const std::string idField = !m.idField.empty() ? m.idField
                                : seen.count("id") ? std::string("id")
                                                   : std::string();
    std::set<std::string> consumed;
    for (const FieldMapping& fm : m.map) {
        consumed.insert(fm.target);
        if (!fm.isLiteral()) consumed.insert(fm.source);
    }
    JsonWriter out;
    beginFeatureCollection(out, feedKindName(*m.feed));
    for (std::size_t i = 0; i < features->items.size(); ++i) {
        JsonValue& f = features->items[i];
        const JsonValue* props = f.find("properties");
        auto value = [&](const std::string& key) -> const JsonValue* {
            return props && props->isObject() ? props->find(key) : nullptr;
        };
        std::string id = idField.empty() ? idText(f.find("id")) : idText(value(idField));
        out.lineBreak().beginObject().member("type", "Feature");
        if (!id.empty()) out.key("id").raw(id);
        out.key("properties").beginObject();
        for (const FieldMapping& fm : m.map) {
            if (fm.isLiteral())
                out.key(fm.target).raw(fm.literalJson);
            else if (const JsonValue* v = value(fm.source))
                out.key(fm.target).raw(valueJson(fm.target, *v));
        }
        if (!m.onlyMapped && props && props->isObject())
            for (const auto& [key, v] : props->members)
                if (!consumed.count(key)) out.key(key).raw(valueJson(key, v));
        out.endObject().key("geometry");
        JsonValue* geometry = const_cast<JsonValue*>(f.find("geometry"));
        if (geometry && m.fromGcj02)
            if (JsonValue* coordinates = const_cast<JsonValue*>(geometry->find("coordinates")))
                convertPositions(*coordinates);
        if (geometry)
            out.raw(writeJson(*geometry));
        else
            out.null();
        out.endObject();
    }
    endFeatureCollection(out);
    return {out.take() + '\n', ""};
}

} // namespace cordon
