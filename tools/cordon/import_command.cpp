// `cordon import`: one GDAL layer to a cordon feed (open, reproject, map fields, write, read back).
// Just over 700 lines: the GDAL plumbing (handles, field-type conversions, geometry) and the
// command share file-local helpers; the options are already a table for the shared parser.

#include "cordon/import_command.hpp"

#include "cordon/cli.hpp"
#include "cordon/file_io.hpp"
#include "core/formats/geojson_writer.hpp"
#include "core/formats/json.hpp"
#include "core/geo/gcj02.hpp"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <ostream>
#include <set>

namespace cordon {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kProblemsShown = 8;

// ---------------------------------------------------------------------------------------------
// JSON text helpers

/// A coordinate with at most 7 decimals (about 1 cm), trailing zeros dropped.
/// `text` with every invalid UTF-8 sequence replaced by U+FFFD; `changed` says if any was.
std::string validUtf8(std::string_view text, bool& changed) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool ok = len > 0 && i + len <= text.size();
        for (std::size_t k = 1; ok && k < len; ++k)
            ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        if (ok && len > 1) {
            // Reject overlong forms, surrogates and values past U+10FFFF.
            std::uint32_t cp = c & (0x7F >> len);
            for (std::size_t k = 1; k < len; ++k)
                cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
            static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
            ok = cp >= kMin[len] && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
        }
        if (ok) {
            out.append(text.substr(i, len));
            i += len;
        } else {
            out += "\xEF\xBF\xBD";
            changed = true;
            ++i;
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// GDAL plumbing

/// Routes GDAL's messages to the command's error stream while a conversion runs.
class GdalMessages {
  public:
    explicit GdalMessages(std::ostream& err) : m_err(err) {
        CPLPushErrorHandlerEx(&GdalMessages::handle, this);
    }
    ~GdalMessages() { CPLPopErrorHandler(); }
    GdalMessages(const GdalMessages&) = delete;
    GdalMessages& operator=(const GdalMessages&) = delete;

  private:
    static void CPL_STDCALL handle(CPLErr level, CPLErrorNum, const char* message) {
        auto* self = static_cast<GdalMessages*>(CPLGetErrorHandlerUserData());
        if (!self || level == CE_Debug || level == CE_None) return;
        self->m_err << "cordon import: GDAL " << (level == CE_Warning ? "warning" : "error") << ": "
                    << message << "\n";
    }
    std::ostream& m_err;
};

struct DatasetCloser {
    void operator()(void* ds) const { GDALClose(ds); }
};
using Dataset = std::unique_ptr<void, DatasetCloser>;

struct FeatureDestroyer {
    void operator()(OGRFeatureH f) const { OGR_F_Destroy(f); }
};
using Feature = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDestroyer>;

struct GeometryDestroyer {
    void operator()(OGRGeometryH g) const { OGR_G_DestroyGeometry(g); }
};
using Geometry = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, GeometryDestroyer>;

struct SrsDestroyer {
    void operator()(OGRSpatialReferenceH s) const { OSRDestroySpatialReference(s); }
};
using Srs = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SrsDestroyer>;

struct TransformDestroyer {
    void operator()(OGRCoordinateTransformationH t) const { OCTDestroyCoordinateTransformation(t); }
};
using Transform = std::unique_ptr<std::remove_pointer_t<OGRCoordinateTransformationH>, TransformDestroyer>;

void registerGdalOnce() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

/// "EPSG:32650 (WGS 84 / UTM zone 50N)" style name of a spatial reference.
std::string srsLabel(OGRSpatialReferenceH srs) {
    const char* name = OSRGetName(srs);
    const char* auth = OSRGetAuthorityName(srs, nullptr);
    const char* code = OSRGetAuthorityCode(srs, nullptr);
    std::string s = auth && code ? std::string(auth) + ":" + code : std::string("no authority code");
    if (name) s += std::string(" (") + name + ")";
    return s;
}

// ---------------------------------------------------------------------------------------------
// Geometry

/// Writes GeoJSON geometry from a (2D, linear, WGS84) OGR geometry, converting GCJ-02 if asked
/// and orienting polygon rings as RFC 7946 says (outer counter-clockwise, holes clockwise).
class GeometryWriter {
  public:
    explicit GeometryWriter(bool fromGcj02) : m_fromGcj02(fromGcj02) {}

    /// False (with `error`) for geometry it cannot write (non-finite coordinates, odd types); what
    /// was written of it is then to be dropped.
    bool write(JsonWriter& out, OGRGeometryH g, std::string& error) {
        const OGRwkbGeometryType type = wkbFlatten(OGR_G_GetGeometryType(g));
        const char* name = type == wkbPoint                                 ? "Point"
                           : type == wkbLineString || type == wkbLinearRing ? "LineString"
                           : type == wkbPolygon || type == wkbTriangle      ? "Polygon"
                           : type == wkbMultiPoint                          ? "MultiPoint"
                           : type == wkbMultiLineString                     ? "MultiLineString"
                           : type == wkbMultiPolygon                        ? "MultiPolygon"
                           : type == wkbGeometryCollection                  ? "GeometryCollection"
                                                                            : nullptr;
        if (!name) {
            error = std::string("cannot write a ") + OGR_G_GetGeometryName(g) + " geometry";
            return false;
        }
        out.beginObject()
            .member("type", name)
            .key(type == wkbGeometryCollection ? "geometries" : "coordinates");
        bool ok = true;
        switch (type) {
        case wkbPoint:
            if (OGR_G_IsEmpty(g)) {
                out.beginArray().endArray();
            } else {
                ok = readPath(g, error);
                if (ok) writePosition(out, m_path[0]);
            }
            break;
        case wkbLineString:
        case wkbLinearRing:
            ok = writeLine(out, g, error);
            break;
        case wkbPolygon:
        case wkbTriangle:
            ok = writePolygon(out, g, error);
            break;
        default: { // the multi-part kinds and collections
            out.beginArray();
            const int n = OGR_G_GetGeometryCount(g);
            for (int i = 0; ok && i < n; ++i) {
                OGRGeometryH part = OGR_G_GetGeometryRef(g, i);
                if (type == wkbMultiPoint) {
                    ok = !OGR_G_IsEmpty(part) && readPath(part, error);
                    if (ok) writePosition(out, m_path[0]);
                    if (!ok && error.empty()) error = "empty point inside a MultiPoint";
                } else if (type == wkbMultiLineString) {
                    ok = writeLine(out, part, error);
                } else if (type == wkbMultiPolygon) {
                    ok = writePolygon(out, part, error);
                } else {
                    ok = write(out, part, error);
                }
            }
            out.endArray();
            break;
        }
        }
        out.endObject();
        return ok;
    }

  private:
    /// The positions of a point, line or ring into m_path (converted), false if any is not finite.
    bool readPath(OGRGeometryH g, std::string& error) {
        const int n = OGR_G_GetPointCount(g);
        m_path.resize(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            LonLat p{OGR_G_GetX(g, i), OGR_G_GetY(g, i)};
            if (!std::isfinite(p.lon) || !std::isfinite(p.lat)) {
                error = "a position is not a finite number (outside what the coordinate system can map?)";
                return false;
            }
            if (m_fromGcj02) p = gcj02ToWgs84(p);
            m_path[static_cast<std::size_t>(i)] = p;
        }
        return true;
    }

    void writePath(JsonWriter& out, bool reversed) {
        if (reversed) std::reverse(m_path.begin(), m_path.end());
        writePositions(out, m_path);
    }

    bool writeLine(JsonWriter& out, OGRGeometryH g, std::string& error) {
        if (!readPath(g, error)) return false;
        writePath(out, false);
        return true;
    }

    bool writePolygon(JsonWriter& out, OGRGeometryH g, std::string& error) {
        out.beginArray();
        const int rings = OGR_G_GetGeometryCount(g);
        for (int r = 0; r < rings; ++r) {
            if (!readPath(OGR_G_GetGeometryRef(g, r), error)) return false;
            // Shoelace sum: positive for counter-clockwise in lon/lat.
            double area2 = 0;
            for (std::size_t i = 0; i + 1 < m_path.size(); ++i)
                area2 += m_path[i].lon * m_path[i + 1].lat - m_path[i + 1].lon * m_path[i].lat;
            const bool wantCounterClockwise = r == 0;
            writePath(out, area2 != 0 && (area2 > 0) != wantCounterClockwise);
        }
        out.endArray();
        return true;
    }

    bool m_fromGcj02;
    std::vector<LonLat> m_path;
};

/// Takes the feature's geometry and makes it linear, 2D-writable and WGS84; nullptr when the
/// feature has none. False (with `error`) when it cannot be transformed.
bool prepareGeometry(OGRFeatureH f, OGRCoordinateTransformationH transform, Geometry& out,
                     std::string& error) {
    out.reset(OGR_F_StealGeometry(f));
    if (!out) return true;
    if (OGR_G_HasCurveGeometry(out.get(), TRUE)) out.reset(OGR_G_GetLinearGeometry(out.get(), 0, nullptr));
    const OGRwkbGeometryType flat = wkbFlatten(OGR_G_GetGeometryType(out.get()));
    if (flat == wkbPolyhedralSurface || flat == wkbTIN)
        out.reset(OGR_G_ForceTo(out.release(), wkbMultiPolygon, nullptr));
    if (!out) {
        error = "geometry could not be made linear";
        return false;
    }
    if (transform && !OGR_G_IsEmpty(out.get()) && OGR_G_Transform(out.get(), transform) != OGRERR_NONE) {
        error = "geometry could not be transformed to WGS84";
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Properties

/// A field's value as JSON text; empty when the field is unset (then it is left out).
class FieldWriter {
  public:
    FieldWriter(OGRFeatureDefnH defn, std::ostream& err) : m_err(err) {
        const int n = OGR_FD_GetFieldCount(defn);
        for (int i = 0; i < n; ++i) {
            OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
            bool changed = false;
            m_names.push_back(validUtf8(OGR_Fld_GetNameRef(fd), changed));
            m_types.push_back(OGR_Fld_GetType(fd));
            m_subTypes.push_back(OGR_Fld_GetSubType(fd));
        }
        m_badTextReported.assign(m_names.size(), false);
    }

    int count() const { return static_cast<int>(m_names.size()); }
    const std::string& name(int i) const { return m_names[static_cast<std::size_t>(i)]; }

    std::string value(OGRFeatureH f, int i) {
        if (!OGR_F_IsFieldSet(f, i)) return {};
        if (OGR_F_IsFieldNull(f, i)) return "null";
        const auto k = static_cast<std::size_t>(i);
        switch (m_types[k]) {
        case OFTInteger:
            if (m_subTypes[k] == OFSTBoolean) return OGR_F_GetFieldAsInteger(f, i) ? "true" : "false";
            return std::to_string(OGR_F_GetFieldAsInteger(f, i));
        case OFTInteger64:
            return std::to_string(OGR_F_GetFieldAsInteger64(f, i));
        case OFTReal:
            return numberJson(OGR_F_GetFieldAsDouble(f, i));
        case OFTIntegerList: {
            int n = 0;
            const int* v = OGR_F_GetFieldAsIntegerList(f, i, &n);
            std::string s = "[";
            for (int j = 0; j < n; ++j)
                s += (j ? "," : "") + (m_subTypes[k] == OFSTBoolean ? std::string(v[j] ? "true" : "false")
                                                                    : std::to_string(v[j]));
            return s + "]";
        }
        case OFTInteger64List: {
            int n = 0;
            const GIntBig* v = OGR_F_GetFieldAsInteger64List(f, i, &n);
            std::string s = "[";
            for (int j = 0; j < n; ++j)
                s += (j ? "," : "") + std::to_string(static_cast<long long>(v[j]));
            return s + "]";
        }
        case OFTRealList: {
            int n = 0;
            const double* v = OGR_F_GetFieldAsDoubleList(f, i, &n);
            std::string s = "[";
            for (int j = 0; j < n; ++j)
                s += (j ? "," : "") + numberJson(v[j]);
            return s + "]";
        }
        case OFTStringList: {
            std::string s = "[";
            char** v = OGR_F_GetFieldAsStringList(f, i);
            for (int j = 0; v && v[j]; ++j)
                s += (j ? "," : "") + jsonQuote(text(v[j], i));
            return s + "]";
        }
        case OFTDate:
        case OFTTime:
        case OFTDateTime:
            return jsonQuote(dateTime(f, i, m_types[k]));
        case OFTString:
            if (m_subTypes[k] == OFSTJSON) {
                // Nested objects and arrays (GeoJSON, GPKG JSON columns) stay JSON.
                const char* raw = OGR_F_GetFieldAsString(f, i);
                JsonParseResult parsed = parseJson(raw);
                if (parsed.ok()) return writeJson(*parsed.value);
                return jsonQuote(text(raw, i));
            }
            return jsonQuote(text(OGR_F_GetFieldAsString(f, i), i));
        default: // binary and anything newer: GDAL's own text form
            return jsonQuote(text(OGR_F_GetFieldAsString(f, i), i));
        }
    }

  private:
    std::string text(const char* raw, int field) {
        bool changed = false;
        std::string s = validUtf8(raw ? raw : "", changed);
        const auto k = static_cast<std::size_t>(field);
        if (changed && !m_badTextReported[k]) {
            m_badTextReported[k] = true;
            m_err << "cordon import: warning: field '" << m_names[k]
                  << "' has text that is not UTF-8 (replaced by U+FFFD); a shapefile without a .cpg file "
                     "may need --encoding CP936 (GBK) or another code page\n";
        }
        return s;
    }

    static std::string dateTime(OGRFeatureH f, int i, OGRFieldType type) {
        int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
        float sec = 0;
        OGR_F_GetFieldAsDateTimeEx(f, i, &y, &mo, &d, &h, &mi, &sec, &tz);
        char buf[64];
        std::string s;
        if (type != OFTTime) {
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
            s += buf;
        }
        if (type == OFTDate) return s;
        if (type == OFTDateTime) s += 'T';
        const int wholeSec = static_cast<int>(sec);
        const int millis = static_cast<int>(std::lround((sec - wholeSec) * 1000));
        if (millis > 0 && millis < 1000)
            std::snprintf(buf, sizeof buf, "%02d:%02d:%02d.%03d", h, mi, wholeSec, millis);
        else
            std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", h, mi, wholeSec);
        s += buf;
        // GDAL's TZ flag: 100 is UTC, 100 +/- n is n quarter hours east/west; 0/1 unknown/local.
        if (tz == 100) {
            s += 'Z';
        } else if (tz > 1) {
            const int quarters = tz - 100;
            const int minutes = std::abs(quarters) * 15;
            std::snprintf(buf, sizeof buf, "%c%02d:%02d", quarters < 0 ? '-' : '+', minutes / 60,
                          minutes % 60);
            s += buf;
        }
        return s;
    }

    std::ostream& m_err;
    std::vector<std::string> m_names;
    std::vector<OGRFieldType> m_types;
    std::vector<OGRFieldSubType> m_subTypes;
    std::vector<bool> m_badTextReported;
};

/// The output file's text for the feature id: a JSON number or string, or empty for none.
std::string idJson(OGRFeatureH f, int idField, FieldWriter& fields) {
    if (idField < 0) {
        const GIntBig fid = OGR_F_GetFID(f);
        return fid == OGRNullFID ? std::string() : std::to_string(static_cast<long long>(fid));
    }
    std::string v = fields.value(f, idField);
    if (v == "null" || v == "true" || v == "false" || (!v.empty() && (v[0] == '[' || v[0] == '{')))
        return {}; // not a usable id: the validator warns that the feature has none
    return v;
}

int findField(OGRFeatureDefnH defn, const std::string& name) {
    return OGR_FD_GetFieldIndex(defn, name.c_str());
}

std::string fieldList(const FieldWriter& fields) {
    std::string s;
    for (int i = 0; i < fields.count(); ++i)
        s += (i ? ", " : "") + fields.name(i);
    return s.empty() ? "(none)" : s;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Options

namespace {

constexpr OptionSpec kImportOptions[] = {
    {"--feed", "NAME", "areas, zones, posts, teams, roster, roads or facilities (or the mapping's)"},
    {"--layer", "NAME", "which layer, when INPUT has several"},
    {"--map", "LIST",
     "target=SOURCE copies a field (numbers stay numbers), target=:text sets a\nconstant (level=:district); "
     "fields not named stay as they are",
     true},
    {"--mapping", "FILE", "the same as JSON: {\"feed\":\"areas\",\"id\":\"adcode\",\"map\":{...}}", true},
    {"--id", "FIELD", "feature id from this field (default: a field named id, else the FID)"},
    {"--from-gcj02", "", "the coordinates are GCJ-02 (Amap, DataV): convert them to WGS84"},
    {"--only-mapped", "", "drop the fields that --map does not name"},
    {"--oo", "KEY=VALUE", "GDAL open option, e.g. CSV: --oo X_POSSIBLE_NAMES=lon --oo\nY_POSSIBLE_NAMES=lat",
     true},
    {"--encoding", "CP936", "code page of a shapefile without .cpg (open option ENCODING)"},
    {"-o", "OUT.geojson", "where to write the feed", false, true, "--output"},
};

} // namespace

const CommandSpec kImportCommand{
    "import", "INPUT",
    "  Reads one layer of INPUT (Shapefile, GeoPackage, KML, CSV, ...: anything GDAL reads),\n"
    "  transforms it to WGS84 lon/lat and writes a cordon feed (7 decimals), then reads that back\n"
    "  and prints the validation summary. See docs/import.md.",
    kImportOptions, "0 no errors, 1 errors in the result, 2 bad command line or unreadable file."};

bool parseImportOptions(const std::vector<std::string>& given, ImportOptions& o, std::string& error) {
    const ParsedArgs args = parseArgs(given, kImportCommand);
    if (!args.error.empty()) {
        error = args.error;
        return false;
    }
    // The mapping files first, so that the command line overrides them wherever both say something.
    for (const std::string& file : args.values("--mapping")) {
        const std::optional<std::string> bytes = readFile(file, error);
        if (!bytes) return false;
        if (!applyMappingFile(*bytes, o, error)) {
            error = file + ": " + error;
            return false;
        }
    }
    for (const auto& [option, value] : args.options) {
        if (option == "--feed") {
            if (!(o.feed = feedKindFromName(value))) {
                error =
                    "unknown feed '" + value + "' (areas, zones, posts, teams, roster, roads, facilities)";
                return false;
            }
        } else if (option == "--layer") {
            o.layer = value;
        } else if (option == "--map") {
            if (!parseFieldMappings(value, o.map, error)) return false;
        } else if (option == "--id") {
            o.idField = value;
        } else if (option == "--oo") {
            if (value.find('=') == std::string::npos || value[0] == '=') {
                error = "--oo wants KEY=VALUE, not '" + value + "'";
                return false;
            }
            o.openOptions.push_back(value);
        } else if (option == "--encoding") {
            o.encoding = value;
        } else if (option == "-o") {
            o.output = value;
        } else if (option == "--from-gcj02") {
            o.fromGcj02 = true;
        } else if (option == "--only-mapped") {
            o.onlyMapped = true;
        }
    }
    if (args.operands.size() != 1) {
        error = args.operands.empty() ? "no input file" : "one input file at a time";
        return false;
    }
    o.input = args.operands[0];
    if (!o.feed) {
        error = "--feed is required (areas, zones, posts, teams, roster, roads, facilities)";
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// The command

int importCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    ImportOptions o;
    std::string error;
    if (!parseImportOptions(args, o, error)) {
        err << "cordon import: " << error << "\n";
        return kExitUsage;
    }
    std::error_code ec;
    if (fs::exists(o.output, ec) && fs::equivalent(o.input, o.output, ec)) {
        err << "cordon import: the output would overwrite the input\n";
        return kExitUsage;
    }

    registerGdalOnce();
    const GdalMessages messages(err);

    std::vector<std::string> openOptions = o.openOptions;
    if (!o.encoding.empty()) openOptions.push_back("ENCODING=" + o.encoding);
    std::vector<const char*> openOptionPointers;
    for (const std::string& s : openOptions)
        openOptionPointers.push_back(s.c_str());
    openOptionPointers.push_back(nullptr);

    const Dataset ds(GDALOpenEx(o.input.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                                nullptr, openOptionPointers.data(), nullptr));
    if (!ds) {
        err << "cordon import: cannot open " << o.input << " as vector data\n";
        return kExitUsage;
    }
    const int layerCount = GDALDatasetGetLayerCount(ds.get());
    OGRLayerH layer = nullptr;
    if (!o.layer.empty()) {
        layer = GDALDatasetGetLayerByName(ds.get(), o.layer.c_str());
    } else if (layerCount == 1) {
        layer = GDALDatasetGetLayer(ds.get(), 0);
    }
    if (!layer) {
        err << "cordon import: " << o.input
            << (layerCount == 0   ? " has no vector layer\n"
                : o.layer.empty() ? " has several layers: choose one with --layer NAME:"
                                  : " has no layer '" + o.layer + "'; its layers:");
        for (int i = 0; layerCount > 0 && i < layerCount; ++i)
            err << (i ? ", " : " ") << OGR_L_GetName(GDALDatasetGetLayer(ds.get(), i));
        if (layerCount > 0) err << "\n";
        return kExitUsage;
    }

    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    FieldWriter fields(defn, err);

    // Resolve the mapping against the layer's fields.
    std::vector<int> mappedSource(o.map.size(), -1);
    std::set<int> consumed; // source fields written under a mapped name
    for (std::size_t m = 0; m < o.map.size(); ++m) {
        if (o.map[m].isLiteral()) continue;
        mappedSource[m] = findField(defn, o.map[m].source);
        if (mappedSource[m] < 0) {
            err << "cordon import: --map " << o.map[m].target << "=" << o.map[m].source << ": no field '"
                << o.map[m].source << "' in layer '" << OGR_L_GetName(layer)
                << "'; fields: " << fieldList(fields) << "\n";
            return kExitUsage;
        }
        consumed.insert(mappedSource[m]);
    }
    int idField = -1;
    std::string idSource = "the source feature ids (FID)";
    if (!o.idField.empty()) {
        idField = findField(defn, o.idField);
        if (idField < 0) {
            err << "cordon import: --id " << o.idField << ": no field '" << o.idField
                << "'; fields: " << fieldList(fields) << "\n";
            return kExitUsage;
        }
        idSource = "field '" + fields.name(idField) + "'";
    } else if ((idField = findField(defn, "id")) >= 0) {
        idSource = "field '" + fields.name(idField) + "' (a field named id; --id FIELD chooses another)";
    }
    // Unmapped source fields kept as they are, unless a mapped property has their name.
    std::vector<int> kept;
    if (!o.onlyMapped) {
        for (int i = 0; i < fields.count(); ++i) {
            const bool shadowed = std::any_of(o.map.begin(), o.map.end(), [&](const FieldMapping& m) {
                return m.target == fields.name(i);
            });
            if (!consumed.count(i) && !shadowed) kept.push_back(i);
        }
    }

    // Coordinates: whatever the layer says, to WGS84 lon/lat.
    Srs wgs84(OSRNewSpatialReference(nullptr));
    OSRImportFromEPSG(wgs84.get(), 4326);
    OSRSetAxisMappingStrategy(wgs84.get(), OAMS_TRADITIONAL_GIS_ORDER);
    Transform transform;
    OGRSpatialReferenceH source = OGR_L_GetSpatialRef(layer);
    std::string coordinates;
    if (!source) {
        coordinates = "no coordinate system given: assuming WGS84 lon/lat";
        err << "cordon import: note: " << o.input << " says nothing about its coordinate system; assuming "
            << "WGS84 lon/lat (give it a .prj, or convert it with ogr2ogr -a_srs, if it is not)\n";
    } else {
        transform.reset(OCTNewCoordinateTransformation(source, wgs84.get()));
        if (!transform) {
            err << "cordon import: cannot transform " << srsLabel(source) << " to WGS84\n";
            return kExitUsage;
        }
        coordinates = srsLabel(source) + " -> WGS84 lon/lat";
    }
    if (o.fromGcj02) coordinates += ", then GCJ-02 -> WGS84";

    const std::string kind(feedKindName(*o.feed));
    JsonWriter json;
    beginFeatureCollection(json, kind);
    GeometryWriter geometryWriter(o.fromGcj02);
    std::size_t written = 0, skipped = 0, sourceIndex = 0;
    OGR_L_ResetReading(layer);
    for (Feature f(OGR_L_GetNextFeature(layer)); f; f.reset(OGR_L_GetNextFeature(layer)), ++sourceIndex) {
        JsonWriter feature; // dropped whole when its geometry cannot be written
        feature.beginObject().member("type", "Feature");
        const std::string id = idJson(f.get(), idField, fields);
        if (!id.empty()) feature.key("id").raw(id);
        feature.key("properties").beginObject();
        auto property = [&](const std::string& name, const std::string& value) {
            if (!value.empty()) feature.key(name).raw(value);
        };
        for (std::size_t m = 0; m < o.map.size(); ++m)
            property(o.map[m].target,
                     o.map[m].isLiteral() ? o.map[m].literalJson : fields.value(f.get(), mappedSource[m]));
        for (int i : kept)
            property(fields.name(i), fields.value(f.get(), i));
        feature.endObject().key("geometry");

        Geometry g;
        std::string problem;
        if (prepareGeometry(f.get(), transform.get(), g, problem)) {
            if (!g)
                feature.null();
            else if (!geometryWriter.write(feature, g.get(), problem))
                problem = problem.empty() ? "geometry could not be written" : problem;
        }
        if (!problem.empty()) {
            if (++skipped <= kProblemsShown)
                err << "cordon import: source feature " << sourceIndex << (id.empty() ? "" : " id=" + id)
                    << ": " << problem << "; skipped\n";
            continue;
        }
        json.lineBreak().raw(feature.endObject().text());
        ++written;
    }
    endFeatureCollection(json);
    if (!writeFile(o.output, json.take() + '\n', "import", err)) return kExitUsage;

    out << o.input << " (" << GDALGetDriverShortName(GDALGetDatasetDriver(ds.get())) << ", layer '"
        << OGR_L_GetName(layer) << "'): " << sourceIndex << " features\n"
        << "  coordinates: " << coordinates << "\n"
        << "  id:          " << idSource << "\n"
        << "  wrote " << o.output << ": " << written << " features as " << kind << "\n";
    if (skipped) out << "  skipped " << skipped << " features whose geometry could not be converted\n";

    // Read the result back exactly as the app and `cordon validate` would.
    const std::optional<std::string> bytes = readFile(o.output, error);
    if (!bytes) {
        err << "cordon import: " << error << "\n";
        return kExitUsage;
    }
    const FeedReadResult r = readFeed(*bytes, *o.feed, o.output);
    std::size_t errors = 0, warnings = 0;
    for (const Diagnostic& d : r.diagnostics)
        (d.severity == Severity::Error ? errors : warnings)++;
    out << o.output << ": " << (r.feed ? r.feed->size() : 0) << " features read as " << kind << ", " << errors
        << " errors, " << warnings << " warnings\n";
    for (std::size_t i = 0; i < r.diagnostics.size() && i < kProblemsShown; ++i)
        out << "  " << r.diagnostics[i].toString() << "\n";
    if (r.diagnostics.size() > kProblemsShown)
        out << "  ... (cordon validate " << o.output << " lists all " << r.diagnostics.size() << ")\n";
    return errors > 0 || skipped > 0 || !r.feed ? kExitProblems : kExitOk;
}

} // namespace cordon
