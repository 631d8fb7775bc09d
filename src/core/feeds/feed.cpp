// The seven feeds' readers: one TypedReader per feed checking its contract field by field, with
// every problem as a coded diagnostic. Over 700 lines because the seven readers share the field
// helpers and the name tables here, file-local; giving each reader its own file would first need
// those helpers in a header of their own (not done: they are the readers' private vocabulary).

#include "core/feeds/feed.hpp"

#include "core/formats/geojson_reader.hpp"
#include "core/formats/json_cursor.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>

namespace cordon {

namespace {

constexpr std::string_view kFeedNames[kFeedKindCount] = {"areas",  "zones", "posts",     "teams",
                                                         "roster", "roads", "facilities"};

/// Largest staff count on one demand line or roster entry that is taken as plausible.
constexpr int kMaxPlausibleStaff = 200;

template <class Enum, std::size_t N>
std::optional<Enum> enumFromName(const std::string_view (&names)[N], std::string_view name) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == name) return static_cast<Enum>(i);
    return std::nullopt;
}

template <std::size_t N> std::string choices(const std::string_view (&names)[N]) {
    std::string s;
    for (std::size_t i = 0; i < N; ++i) {
        if (i) s += i + 1 == N ? " or " : ", ";
        s += "\"" + std::string(names[i]) + "\"";
    }
    return s;
}

/// The allowed values as a plain list ("a, b, c") for a message's values, worded per language.
template <std::size_t N> std::string choiceList(const std::string_view (&names)[N]) {
    std::string s;
    for (std::size_t i = 0; i < N; ++i)
        s += (i ? ", " : "") + std::string(names[i]);
    return s;
}

constexpr std::string_view kAreaLevels[] = {"district", "subdistrict", "community", "compound"};
constexpr std::string_view kRisks[] = {"high", "medium", "low"};
constexpr std::string_view kPostKinds[] = {"compound_gate", "city_entry", "highway_exit", "service_station",
                                           "testing_site"};
constexpr std::string_view kTeamKinds[] = {"task_force", "door_team", "volunteer_team", "testing_team",
                                           "supply_team"};
constexpr std::string_view kFacilityKinds[] = {"hospital", "isolation_site", "testing_site", "depot",
                                               "command_post"};
constexpr std::string_view kColours[] = {"red", "orange", "yellow", "green", "white"};

std::string prop(std::string_view key) {
    return "properties." + std::string(key);
}

std::string describe(const JsonValue& v) {
    if (v.isString()) return "'" + v.string + "'";
    if (v.isNumber()) return numberToText(v.number);
    return std::string("a ") + jsonTypeName(v.type);
}

/// Shared checks for the typed readers; `Row` is the feed's column type.
template <class Row> class TypedReader : public PropertyReader {
  public:
    explicit TypedReader(std::vector<Row>& rows) : m_rows(rows) {}
    void beginFeature() override {
        m_rows.emplace_back();
        m_seen.clear();
    }
    void discardFeature() override { m_rows.pop_back(); }
    void reserve(std::size_t features) override { m_rows.reserve(features); }
    bool idExpected() const override { return true; }
    void property(std::string_view key, const JsonValue& value, FeatureDraft& draft) override {
        m_seen.emplace_back(key);
        read(m_rows.back(), key, value, draft);
    }

  protected:
    std::vector<Row>& m_rows;
    std::vector<std::string> m_seen;
    std::string m_keyScratch, m_valueScratch;

    virtual void read(Row& row, std::string_view key, const JsonValue& value, FeatureDraft& draft) = 0;

    bool seen(std::string_view key) const {
        return std::find(m_seen.begin(), m_seen.end(), key) != m_seen.end();
    }

    void requireField(FeatureDraft& draft, std::string_view key, std::string_view why) {
        if (!seen(key))
            draft.error(prop(key), "missing '" + std::string(key) + "': " + std::string(why),
                        DiagnosticCode::MissingField, {std::string(key), std::string(why)});
    }
    /// A required field whose values come from `names` (the message lists them).
    template <std::size_t N>
    void requireField(FeatureDraft& draft, std::string_view key, const std::string_view (&names)[N]) {
        if (!seen(key))
            draft.error(prop(key), "missing '" + std::string(key) + "': " + choices(names),
                        DiagnosticCode::MissingField, {std::string(key), choiceList(names)});
    }

    template <class Enum, std::size_t N>
    static void readEnum(Enum& out, const std::string_view (&names)[N], std::string_view key,
                         const JsonValue& v, FeatureDraft& draft) {
        const std::optional<Enum> e = v.isString() ? enumFromName<Enum>(names, v.string) : std::nullopt;
        if (e)
            out = *e;
        else
            draft.error(prop(key), describe(v) + " is not one of " + choices(names), DiagnosticCode::NotOneOf,
                        {describe(v), choiceList(names)});
    }

    static void readText(std::string& out, std::string_view key, const JsonValue& v, FeatureDraft& draft) {
        if (v.isString())
            out = v.string;
        else if (v.isNumber())
            out = numberToText(v.number); // ids may be numbers
        else if (!v.isNull())
            draft.warning(prop(key), "should be a string, not " + describe(v) + "; ignored",
                          DiagnosticCode::NotAString, {describe(v)});
    }

    /// A non-negative whole number; bad values are warnings (the count is then unknown).
    static bool readCount(Count& out, const std::string& path, const JsonValue& v, FeatureDraft& draft) {
        if (v.isNumber() && v.number >= 0 && v.number == std::floor(v.number) && v.number < 9e15) {
            out = static_cast<Count>(v.number);
            return true;
        }
        if (!v.isNull())
            draft.warning(path, describe(v) + " is not a count (a whole number >= 0); ignored",
                          DiagnosticCode::NotACount, {describe(v)});
        return false;
    }

    static void readIds(std::vector<std::string>& out, std::string_view key, const JsonValue& v,
                        FeatureDraft& draft) {
        if (!v.isArray()) {
            draft.warning(prop(key), "should be a list of ids, not " + describe(v) + "; ignored",
                          DiagnosticCode::NotAList, {describe(v)});
            return;
        }
        for (std::size_t i = 0; i < v.items.size(); ++i) {
            const JsonValue& item = v.items[i];
            if (item.isString())
                out.push_back(item.string);
            else if (item.isNumber())
                out.push_back(numberToText(item.number));
            else
                draft.warning(prop(key) + "[" + std::to_string(i) + "]",
                              describe(item) + " is not an id; ignored", DiagnosticCode::NotAnId,
                              {describe(item)});
        }
    }

    static void readInstant(std::optional<Instant>& out, std::string_view key, const JsonValue& v,
                            FeatureDraft& draft, bool errorIfBad) {
        if (v.isString()) out = parseInstant(v.string);
        if (out) return;
        const std::string message = describe(v) + " is not an ISO 8601 date or time with offset "
                                                  "(e.g. 2022-11-26T23:00:00+08:00)";
        if (errorIfBad)
            draft.error(prop(key), message, DiagnosticCode::NotAnInstant, {describe(v)});
        else
            draft.warning(prop(key), message + "; ignored", DiagnosticCode::NotAnInstant, {describe(v)});
    }

    /// The geometry kinds a feed allows; `nullAllowed` for the roster.
    static void requireGeometry(FeatureDraft& draft, const FeatureLayer& layer, const FeatureRecord& rec,
                                std::initializer_list<PartKind> allowed, const char* expected) {
        if (draft.geometryNull) {
            draft.error("geometry", std::string("missing geometry: expected ") + expected,
                        DiagnosticCode::MissingGeometry, {expected});
            return;
        }
        if (rec.partCount == 0) {
            draft.warning("geometry", "empty geometry: nothing to show on the map",
                          DiagnosticCode::EmptyGeometry);
            return;
        }
        for (std::uint32_t p = rec.firstPart; p < rec.firstPart + rec.partCount; ++p) {
            if (std::find(allowed.begin(), allowed.end(), layer.parts[p].kind) == allowed.end()) {
                draft.error("geometry", std::string("wrong geometry type: expected ") + expected,
                            DiagnosticCode::WrongGeometry, {expected});
                return;
            }
        }
    }
};

class AreaReader final : public TypedReader<AreaFields> {
  public:
    using TypedReader::TypedReader;
    bool wants(std::string_view k) const override {
        return k == "level" || k == "parent" || k == "population" || k == "households" ||
               k == "households_by_color";
    }
    void endFeature(FeatureDraft& d, const FeatureLayer& layer, const FeatureRecord& rec) override {
        requireField(d, "level", "district, subdistrict, community or compound");
        const AreaFields& row = m_rows.back();
        if (!d.rejected && row.level != AreaLevel::District && row.parent.empty())
            d.warning(prop("parent"), "missing: every area but a district names its enclosing area",
                      DiagnosticCode::MissingParent);
        requireGeometry(d, layer, rec, {PartKind::Polygon}, "Polygon or MultiPolygon");
    }

  private:
    void read(AreaFields& row, std::string_view k, const JsonValue& v, FeatureDraft& d) override {
        if (k == "level")
            readEnum(row.level, kAreaLevels, k, v, d);
        else if (k == "parent")
            readText(row.parent, k, v, d);
        else if (k == "population")
            readCount(row.population, prop(k), v, d);
        else if (k == "households")
            readCount(row.households, prop(k), v, d);
        else if (k == "households_by_color")
            readColours(row, v, d);
    }
    static void readColours(AreaFields& row, const JsonValue& v, FeatureDraft& d) {
        const std::string path = prop("households_by_color");
        if (!v.isObject()) {
            d.warning(path, "should be an object {\"red\": n, ...}; ignored", DiagnosticCode::NotHouseholds);
            return;
        }
        for (const auto& [key, count] : v.members) {
            const std::optional<HouseholdColour> c = enumFromName<HouseholdColour>(kColours, key);
            if (!c) {
                d.warning(path + "." + key, "unknown colour; expected " + choices(kColours),
                          DiagnosticCode::UnknownColour, {choiceList(kColours)});
                continue;
            }
            readCount(row.householdsByColour[static_cast<int>(*c)], path + "." + key, count, d);
        }
    }
};

class ZoneReader final : public TypedReader<ZoneFields> {
  public:
    using TypedReader::TypedReader;
    bool wants(std::string_view k) const override {
        return k == "risk" || k == "since" || k == "until" || k == "area" || k == "population" ||
               k == "households";
    }
    void endFeature(FeatureDraft& d, const FeatureLayer& layer, const FeatureRecord& rec) override {
        requireField(d, "risk", "high, medium or low");
        const ZoneFields& row = m_rows.back();
        if (!seen("since"))
            d.warning(prop("since"), "missing: when the zone was declared", DiagnosticCode::MissingSince);
        if (row.since && row.until && row.until->utcMinutes < row.since->utcMinutes)
            d.warning(prop("until"), "is before 'since'", DiagnosticCode::UntilBeforeSince);
        requireGeometry(d, layer, rec, {PartKind::Polygon}, "Polygon or MultiPolygon");
    }

  private:
    void read(ZoneFields& row, std::string_view k, const JsonValue& v, FeatureDraft& d) override {
        if (k == "risk")
            readEnum(row.risk, kRisks, k, v, d);
        else if (k == "since")
            readInstant(row.since, k, v, d, false);
        else if (k == "until") {
            if (!v.isNull()) readInstant(row.until, k, v, d, false);
        } else if (k == "area")
            readText(row.area, k, v, d);
        else if (k == "population")
            readCount(row.population, prop(k), v, d);
        else if (k == "households")
            readCount(row.households, prop(k), v, d);
    }
};

class PostReader final : public TypedReader<PostFields> {
  public:
    using TypedReader::TypedReader;
    bool streams(std::string_view k) const override { return k == "demand"; }
    bool readStreamed(std::string_view k, JsonCursor& c, FeatureDraft& d) override {
        m_seen.emplace_back(k);
        return readDemand(c, d);
    }
    bool wants(std::string_view k) const override { return k == "kind" || k == "area" || k == "zone"; }
    void endFeature(FeatureDraft& d, const FeatureLayer& layer, const FeatureRecord& rec) override {
        requireField(d, "kind", kPostKinds);
        if (!d.rejected) checkDemandDay(d);
        requireGeometry(d, layer, rec, {PartKind::Point}, "Point");
    }

  private:
    void read(PostFields& row, std::string_view k, const JsonValue& v, FeatureDraft& d) override {
        if (k == "kind")
            readEnum(row.kind, kPostKinds, k, v, d);
        else if (k == "area")
            readText(row.area, k, v, d);
        else if (k == "zone")
            readText(row.zone, k, v, d);
    }

    /// Reads `demand` straight from the text: posts are the biggest feed by count and a value tree
    /// per shift line would cost more than the rest of the post.
    bool readDemand(JsonCursor& c, FeatureDraft& d) {
        PostFields& row = m_rows.back();
        auto base = [] { return prop("demand"); }; // built only for a message
        if (c.peek() != '[') {
            if (!c.skipValue()) return false;
            d.error(base(), "should be a list of {\"from\": \"HH:MM\", \"to\": \"HH:MM\", \"staff\": n}",
                    DiagnosticCode::DemandShape);
            return true;
        }
        c.advance();
        bool firstItem = true;
        for (std::size_t index = 0; c.nextItem(firstItem); ++index) {
            auto path = [&] { return base() + "[" + std::to_string(index) + "]"; };
            if (c.peek() != '{') {
                if (!c.skipValue()) return false;
                d.error(path(), "should be {\"from\": \"HH:MM\", \"to\": \"HH:MM\", \"staff\": n}",
                        DiagnosticCode::DemandShape);
                continue;
            }
            c.advance();
            DemandShift shift;
            bool hasFrom = false, hasTo = false, hasStaff = false, ok = true;
            bool firstMember = true;
            std::string_view key;
            while (c.nextMember(firstMember, key, m_keyScratch)) {
                if (key == "from" || key == "to") {
                    const bool from = key == "from";
                    (from ? hasFrom : hasTo) = true;
                    std::optional<int> minute;
                    std::string shown;
                    if (c.peek() == '"') {
                        std::string_view t;
                        if (!c.readString(t, m_valueScratch)) return false;
                        minute = parseTimeOfDay(t);
                        if (!minute) shown = "'" + std::string(t) + "'";
                    } else {
                        JsonValue v;
                        if (!c.readValue(v)) return false;
                        shown = describe(v);
                    }
                    if (minute)
                        (from ? shift.fromMinute : shift.toMinute) = *minute % kMinutesPerDay;
                    else {
                        d.error(path() + (from ? ".from" : ".to"), shown + " is not a time of day (HH:MM)",
                                DiagnosticCode::NotATimeOfDay, {shown});
                        ok = false;
                    }
                } else if (key == "staff") {
                    hasStaff = true;
                    JsonValue v;
                    if (!c.readValue(v)) return false;
                    if (!v.isNumber() || v.number < 0 || v.number != std::floor(v.number)) {
                        d.error(path() + ".staff",
                                describe(v) + " is not a staff count (a whole number >= 0)",
                                DiagnosticCode::NotACount, {describe(v)});
                        ok = false;
                    } else if (v.number > kMaxPlausibleStaff) {
                        d.warning(path() + ".staff",
                                  numberToText(v.number) + " people on one post is implausible",
                                  DiagnosticCode::StaffImplausible, {numberToText(v.number)});
                        shift.staff = kMaxPlausibleStaff;
                    } else {
                        shift.staff = static_cast<int>(v.number);
                    }
                } else if (!c.skipValue()) {
                    return false;
                }
            }
            if (c.failed()) return false;
            for (const auto& [has, field] :
                 {std::pair{hasFrom, ".from"}, {hasTo, ".to"}, {hasStaff, ".staff"}})
                if (!has) {
                    d.error(path() + field, "missing", DiagnosticCode::Missing);
                    ok = false;
                }
            if (ok) row.demand.push_back(shift);
        }
        return !c.failed();
    }

    /// A sane day: some demand, no line repeated (a copy error doubles the need).
    void checkDemandDay(FeatureDraft& d) const {
        const PostFields& row = m_rows.back();
        if (row.demand.empty()) {
            d.warning(prop("demand"), "no demand: this post will never show as short of staff",
                      DiagnosticCode::NoDemand);
            return;
        }
        for (std::size_t i = 0; i < row.demand.size(); ++i)
            for (std::size_t j = 0; j < i; ++j) {
                const DemandShift &a = row.demand[i], &b = row.demand[j];
                if (a.fromMinute == b.fromMinute && a.toMinute == b.toMinute)
                    d.warning(prop("demand") + "[" + std::to_string(i) + "]",
                              "same hours as demand[" + std::to_string(j) + "]: counted twice (copy error?)",
                              DiagnosticCode::DemandTwice, {std::to_string(j)});
            }
        if (std::all_of(row.demand.begin(), row.demand.end(),
                        [](const DemandShift& s) { return s.staff == 0; }))
            d.warning(prop("demand"), "every line asks for 0 staff", DiagnosticCode::DemandAllZero);
    }
};

class TeamReader final : public TypedReader<TeamFields> {
  public:
    using TypedReader::TypedReader;
    bool wants(std::string_view k) const override {
        return k == "kind" || k == "members" || k == "mode" || k == "zones" || k == "posts" ||
               k == "leader" || k == "unit";
    }
    void endFeature(FeatureDraft& d, const FeatureLayer& layer, const FeatureRecord& rec) override {
        requireField(d, "kind", kTeamKinds);
        if (!seen("members"))
            d.warning(prop("members"), "missing: the team's size is unknown (taken as 0)",
                      DiagnosticCode::MembersMissing);
        if (!seen("mode")) d.warning(prop("mode"), "missing: taken as \"walk\"", DiagnosticCode::ModeMissing);
        requireGeometry(d, layer, rec, {PartKind::Point}, "Point (where the team is based)");
    }

  private:
    void read(TeamFields& row, std::string_view k, const JsonValue& v, FeatureDraft& d) override {
        if (k == "kind")
            readEnum(row.kind, kTeamKinds, k, v, d);
        else if (k == "members") {
            Count n = 0;
            if (readCount(n, prop(k), v, d)) row.members = static_cast<int>(std::min<Count>(n, 100000));
        } else if (k == "mode")
            readEnum(row.mode, kTravelModeNames, k, v, d);
        else if (k == "zones")
            readIds(row.zones, k, v, d);
        else if (k == "posts")
            readIds(row.posts, k, v, d);
        else if (k == "leader")
            readText(row.leader, k, v, d);
        else if (k == "unit")
            readText(row.unit, k, v, d);
    }
};

class RosterReader final : public TypedReader<RosterFields> {
  public:
    using TypedReader::TypedReader;
    bool idExpected() const override { return false; }
    bool wants(std::string_view k) const override {
        return k == "post" || k == "team" || k == "from" || k == "to" || k == "staff" || k == "unit" ||
               k == "person";
    }
    void endFeature(FeatureDraft& d, const FeatureLayer&, const FeatureRecord& rec) override {
        RosterFields& row = m_rows.back();
        if (row.post.empty() && row.team.empty())
            d.error(prop("post"), "a roster entry needs 'post' or 'team' (who is on duty where)",
                    DiagnosticCode::RosterNoPlace);
        for (const auto& [field, at] : {std::pair{"from", &m_from}, std::pair{"to", &m_to}})
            if (!*at) {
                if (seen(field))
                    d.error(prop(field), "is not an ISO 8601 time with offset", DiagnosticCode::NotAnIsoTime);
                else
                    d.error(prop(field), "missing", DiagnosticCode::Missing);
            }
        if (m_from && m_to) {
            row.from = *m_from;
            row.to = *m_to;
            if (row.to.utcMinutes <= row.from.utcMinutes)
                d.error(prop("to"), "the interval is reversed or empty: 'to' must be after 'from'",
                        DiagnosticCode::RosterReversed);
        }
        if (rec.partCount > 0)
            d.warning("geometry", "roster entries have no geometry (null); ignored",
                      DiagnosticCode::RosterGeometry);
    }
    void beginFeature() override {
        TypedReader::beginFeature();
        m_from.reset();
        m_to.reset();
    }

  private:
    std::optional<Instant> m_from, m_to;

    void read(RosterFields& row, std::string_view k, const JsonValue& v, FeatureDraft& d) override {
        if (k == "post")
            readText(row.post, k, v, d);
        else if (k == "team")
            readText(row.team, k, v, d);
        else if (k == "from") {
            if (v.isString()) m_from = parseInstant(v.string);
        } else if (k == "to") {
            if (v.isString()) m_to = parseInstant(v.string);
        } else if (k == "staff") {
            Count n = 1;
            if (readCount(n, prop(k), v, d)) {
                if (n == 0)
                    d.warning(prop(k), "0 staff: the entry adds nobody", DiagnosticCode::EntryAddsNobody);
                if (n > kMaxPlausibleStaff)
                    d.warning(prop(k), std::to_string(n) + " people in one entry is implausible",
                              DiagnosticCode::StaffImplausible, {std::to_string(n)});
                row.staff = static_cast<int>(std::min<Count>(n, kMaxPlausibleStaff));
            }
        } else if (k == "unit")
            readText(row.unit, k, v, d);
        else if (k == "person")
            readText(row.person, k, v, d);
    }
};

class RoadReader final : public TypedReader<RoadFields> {
  public:
    using TypedReader::TypedReader;
    bool idExpected() const override { return false; }
    bool wants(std::string_view k) const override {
        return k == "highway" || k == "oneway" || k == "maxspeed" || k == "closed" || k == "access";
    }
    void endFeature(FeatureDraft& d, const FeatureLayer& layer, const FeatureRecord& rec) override {
        if (!seen("highway"))
            d.warning(prop("highway"), "missing: the road class is unknown (taken as a minor road)",
                      DiagnosticCode::HighwayMissing);
        requireGeometry(d, layer, rec, {PartKind::Line}, "LineString or MultiLineString");
    }

  private:
    void read(RoadFields& row, std::string_view k, const JsonValue& v, FeatureDraft& d) override {
        if (k == "highway")
            readText(row.highway, k, v, d);
        else if (k == "access")
            readText(row.access, k, v, d);
        else if (k == "oneway") {
            const std::string s = v.isString()               ? v.string
                                  : v.type == JsonType::Bool ? (v.boolean ? "yes" : "no")
                                                             : "";
            if (s == "yes" || s == "1" || s == "true")
                row.oneway = Oneway::Forward;
            else if (s == "-1" || s == "reverse")
                row.oneway = Oneway::Backward;
            else if (s == "no" || s == "0" || s == "false")
                row.oneway = Oneway::No;
            else
                d.warning(prop(k), describe(v) + " is not \"yes\", \"-1\" or \"no\"; taken as \"no\"",
                          DiagnosticCode::OnewayInvalid, {describe(v)});
        } else if (k == "maxspeed") {
            double kmh = 0;
            if (v.isNumber())
                kmh = v.number;
            else if (v.isString())
                kmh = std::strtod(v.string.c_str(), nullptr); // "50" and "50; 40" read as 50
            if (kmh > 0 && kmh <= 200)
                row.maxspeedKmh = static_cast<float>(kmh);
            else
                d.warning(prop(k), describe(v) + " is not a speed in km/h; the class default is used",
                          DiagnosticCode::SpeedInvalid, {describe(v)});
        } else if (k == "closed") {
            if (v.type == JsonType::Bool)
                row.closed = v.boolean;
            else
                d.warning(prop(k), "should be true or false, not " + describe(v) + "; taken as open",
                          DiagnosticCode::ClosedInvalid, {describe(v)});
        }
    }
};

class FacilityReader final : public TypedReader<FacilityFields> {
  public:
    using TypedReader::TypedReader;
    bool wants(std::string_view k) const override { return k == "kind"; }
    void endFeature(FeatureDraft& d, const FeatureLayer& layer, const FeatureRecord& rec) override {
        requireField(d, "kind", kFacilityKinds);
        requireGeometry(d, layer, rec, {PartKind::Point}, "Point");
    }

  private:
    void read(FacilityFields& row, std::string_view k, const JsonValue& v, FeatureDraft& d) override {
        if (k == "kind") readEnum(row.kind, kFacilityKinds, k, v, d);
    }
};

std::unique_ptr<PropertyReader> readerFor(Feed& feed) {
    switch (feed.kind) {
    case FeedKind::Areas:
        return std::make_unique<AreaReader>(feed.areas);
    case FeedKind::Zones:
        return std::make_unique<ZoneReader>(feed.zones);
    case FeedKind::Posts:
        return std::make_unique<PostReader>(feed.posts);
    case FeedKind::Teams:
        return std::make_unique<TeamReader>(feed.teams);
    case FeedKind::Roster:
        return std::make_unique<RosterReader>(feed.roster);
    case FeedKind::Roads:
        return std::make_unique<RoadReader>(feed.roads);
    case FeedKind::Facilities:
        return std::make_unique<FacilityReader>(feed.facilities);
    }
    return nullptr;
}

} // namespace

std::optional<FeedKind> declaredFeedKind(std::string_view bytes) {
    JsonCursor cursor(bytes);
    if (cursor.peek() != '{') return std::nullopt;
    cursor.advance();
    bool first = true;
    std::string_view key;
    std::string scratch;
    while (cursor.nextMember(first, key, scratch)) {
        if (key != "cordon") {
            if (!cursor.skipValue()) return std::nullopt;
            continue;
        }
        JsonValue header;
        if (!cursor.readValue(header)) return std::nullopt;
        const JsonValue* feed = header.find("feed");
        return feed && feed->isString() ? feedKindFromName(feed->string) : std::nullopt;
    }
    return std::nullopt;
}

std::optional<AreaLevel> areaLevelFromName(std::string_view name) {
    return enumFromName<AreaLevel>(kAreaLevels, name);
}
std::optional<Risk> riskFromName(std::string_view name) {
    return enumFromName<Risk>(kRisks, name);
}
std::optional<PostKind> postKindFromName(std::string_view name) {
    return enumFromName<PostKind>(kPostKinds, name);
}
std::optional<TeamKind> teamKindFromName(std::string_view name) {
    return enumFromName<TeamKind>(kTeamKinds, name);
}
std::optional<FacilityKind> facilityKindFromName(std::string_view name) {
    return enumFromName<FacilityKind>(kFacilityKinds, name);
}

std::string_view areaLevelName(AreaLevel level) {
    return kAreaLevels[static_cast<int>(level)];
}
std::string_view riskName(Risk risk) {
    return kRisks[static_cast<int>(risk)];
}
std::string_view postKindName(PostKind kind) {
    return kPostKinds[static_cast<int>(kind)];
}
std::string_view teamKindName(TeamKind kind) {
    return kTeamKinds[static_cast<int>(kind)];
}
std::string_view facilityKindName(FacilityKind kind) {
    return kFacilityKinds[static_cast<int>(kind)];
}

std::size_t FeedReadResult::featuresInFile() const {
    std::vector<long> skipped;
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Severity::Error && d.featureIndex >= 0) skipped.push_back(d.featureIndex);
    std::sort(skipped.begin(), skipped.end());
    skipped.erase(std::unique(skipped.begin(), skipped.end()), skipped.end());
    return (feed ? feed->size() : 0) + skipped.size();
}

std::string_view feedKindName(FeedKind kind) {
    return kFeedNames[static_cast<int>(kind)];
}

std::optional<FeedKind> feedKindFromName(std::string_view name) {
    return enumFromName<FeedKind>(kFeedNames, name);
}

std::optional<std::uint32_t> Feed::find(std::string_view id) const {
    return idIndex.find(id);
}

FeedReadResult readFeed(std::string_view bytes, FeedKind kind, std::string_view source) {
    FeedReadResult result;
    Feed feed;
    feed.kind = kind;
    feed.source = std::string(source);
    feed.layer.name = std::string(feedKindName(kind));
    const std::unique_ptr<PropertyReader> reader = readerFor(feed);
    GeoJsonTopLevel top;
    const std::string& name = feed.layer.name;
    auto fileError = [&](std::string path, std::string message, DiagnosticCode code,
                         std::vector<std::string> args) {
        result.diagnostics.push_back(
            {Severity::Error, name, -1, "", std::move(path), std::move(message), code, std::move(args)});
    };
    if (!readGeoJsonInto(bytes, name, *reader, feed.layer, result.diagnostics, top, &feed.idIndex))
        return result;
    if (top.type != "FeatureCollection") {
        fileError("type", "a feed is a FeatureCollection, not a " + top.type, DiagnosticCode::NotACollection,
                  {top.type});
        return result;
    }
    if (top.cordon.isObject()) {
        const JsonValue* f = top.cordon.find("feed");
        const JsonValue* version = top.cordon.find("version");
        const JsonValue* generated = top.cordon.find("generated");
        if (f && f->isString()) feed.header.feed = f->string;
        if (!feed.header.feed.empty() && feed.header.feed != name) {
            fileError("cordon.feed",
                      "the file says it is the '" + feed.header.feed + "' feed, but was loaded as '" + name +
                          "'",
                      DiagnosticCode::DeclaresOtherFeed, {feed.header.feed, name});
            return result;
        }
        // Any number may stand there; only a plausible version is taken (a cast would overflow).
        if (version && version->isNumber() && version->number >= 0 && version->number <= 1e6)
            feed.header.version = static_cast<int>(version->number);
        if (feed.header.version > 1)
            result.diagnostics.push_back({Severity::Warning,
                                          name,
                                          -1,
                                          "",
                                          "cordon.version",
                                          "feed version " + std::to_string(feed.header.version) +
                                              " is newer than this app (1): unknown fields are ignored",
                                          DiagnosticCode::NewerVersion,
                                          {std::to_string(feed.header.version)}});
        if (generated && generated->isString()) feed.header.generated = parseInstant(generated->string);
    } else if (!top.cordon.isNull()) {
        result.diagnostics.push_back({Severity::Warning, name, -1, "", "cordon",
                                      "should be an object {\"feed\": ..., \"version\": 1}",
                                      DiagnosticCode::CordonNotObject});
    }
    result.feed = std::move(feed);
    return result;
}

FeedReadResult readFeedDetectKind(std::string_view bytes, std::string_view nameHint) {
    std::optional<FeedKind> kind = declaredFeedKind(bytes);
    if (!kind) {
        std::string_view stem = nameHint.substr(nameHint.find_last_of("/\\") + 1);
        stem = stem.substr(0, stem.find('.'));
        kind = feedKindFromName(stem);
    }
    if (!kind) {
        FeedReadResult result;
        result.diagnostics.push_back({Severity::Error, std::string(nameHint), -1, "", "cordon.feed",
                                      "cannot tell which feed this is: name the file after the feed "
                                      "(zones.geojson, ...) or add \"cordon\": {\"feed\": \"zones\"}",
                                      DiagnosticCode::FeedUnknown});
        return result;
    }
    return readFeed(bytes, *kind, nameHint);
}

} // namespace cordon
