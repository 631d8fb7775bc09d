// Staffing gaps on small hand-written feeds whose answers are worked out by hand in the comments.
#include "core/staffing/staffing.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>

using namespace cordon;

namespace {

std::string collection(const std::string& features) {
    return R"({"type":"FeatureCollection","features":[)" + features + "]}";
}

const char* kPoint = R"({"type":"Point","coordinates":[113.65,34.75]})";
const char* kSquare =
    R"({"type":"Polygon","coordinates":[[[113.6,34.7],[113.7,34.7],[113.7,34.8],[113.6,34.8],[113.6,34.7]]]})";

std::string feature(const std::string& id, const std::string& props, const std::string& geometry) {
    return R"({"type":"Feature","id":")" + id + R"(","properties":)" + props + R"(,"geometry":)" + geometry +
           "}";
}

std::string post(const std::string& id, const std::string& demand, const std::string& more = "") {
    return feature(id, R"({"kind":"compound_gate","demand":[)" + demand + "]" + more + "}", kPoint);
}

std::string duty(const std::string& id, const std::string& who, const std::string& from,
                 const std::string& to, int staff) {
    return feature(id,
                   "{" + who + R"(,"from":")" + from + R"(","to":")" + to + R"(","staff":)" +
                       std::to_string(staff) + "}",
                   "null");
}

void add(FeedSet& set, FeedKind kind, const std::string& features) {
    FeedReadResult r = readFeed(collection(features), kind);
    REQUIRE(r.feed);
    set.replace(std::move(*r.feed));
}

StaffingDay nov26() {
    return *StaffingDay::wholeDay(parseInstant("2022-11-26")->localDay(), 8 * 60, 15);
}

constexpr int kHour = 4; // slots per hour

} // namespace

TEST_CASE("Staffing: the day is 96 slots of 15 minutes from local midnight") {
    const StaffingDay day = nov26();
    CHECK(day.slotCount == 96);
    CHECK(day.start.utcMinutes == parseInstant("2022-11-26T00:00:00+08:00")->utcMinutes);
    CHECK(day.slotMinuteOfDay(93) == 23 * 60 + 15);
    CHECK(StaffingDay::wholeDay(0, 0, 60)->slotCount == 24);
    CHECK(StaffingDay::wholeDay(0, 0, 7)->slotCount == 206); // 1440 / 7 rounded up
    CHECK_FALSE(StaffingDay::wholeDay(0, 0, 0));
}

TEST_CASE("Staffing: a night shift crossing midnight, covered by entries that span two days") {
    FeedSet set;
    add(set, FeedKind::Posts, post("P1", R"({"from":"23:00","to":"07:00","staff":2})"));
    // The shift from the 25th is one short; the one into the 27th is full.
    add(set, FeedKind::Roster,
        duty("R1", R"("post":"P1")", "2022-11-25T23:00:00+08:00", "2022-11-26T07:00:00+08:00", 1) + "," +
            duty("R2", R"("post":"P1")", "2022-11-26T23:00:00+08:00", "2022-11-27T07:00:00+08:00", 2));
    const StaffingModel m = StaffingModel::build(set, nov26());
    REQUIRE(m.postCount() == 1);
    const auto req = m.required(0), on = m.onDuty(0);
    for (int s = 0; s < 96; ++s) {
        INFO("slot " << s);
        const bool night = s < 7 * kHour || s >= 23 * kHour;
        CHECK(req[std::size_t(s)] == (night ? 2 : 0));
        CHECK(on[std::size_t(s)] == (s < 7 * kHour ? 1 : s >= 23 * kHour ? 2 : 0));
        CHECK(m.isNightSlot(s) == night);
    }
    const PostSummary& p = m.postSummary(0);
    CHECK(p.requiredPersonMinutes == 2 * 8 * 60);
    CHECK(p.onDutyPersonMinutes == 7 * 60 + 2 * 60);
    CHECK(p.shortPersonMinutes == 7 * 60); // one person for 00:00-07:00
    CHECK(p.nightShortPersonMinutes == 7 * 60);
    CHECK(p.surplusPersonMinutes == 0);
    CHECK(p.worstGapStart == 0);
    CHECK(p.worstGapSlots == 7 * kHour);
    CHECK(p.peakShort == 1);
    CHECK_FALSE(p.unstaffed);
    CHECK(m.diagnostics().empty());
}

TEST_CASE("Staffing: overlapping roster entries add up; shortage and surplus per slot") {
    FeedSet set;
    add(set, FeedKind::Posts,
        post("P1", R"({"from":"08:00","to":"12:00","staff":3},{"from":"16:00","to":"17:00","staff":1})"));
    add(set, FeedKind::Roster,
        duty("R1", R"("post":"P1")", "2022-11-26T08:00:00+08:00", "2022-11-26T12:00:00+08:00", 2) + "," +
            duty("R2", R"("post":"P1")", "2022-11-26T10:00:00+08:00", "2022-11-26T14:00:00+08:00", 2));
    const StaffingModel m = StaffingModel::build(set, nov26());
    const auto on = m.onDuty(0);
    CHECK(on[8 * kHour] == 2);
    CHECK(on[10 * kHour] == 4);
    CHECK(on[12 * kHour] == 2);
    CHECK(on[14 * kHour] == 0);
    const PostSummary& p = m.postSummary(0);
    // Short: 1 person 08-10 (120) and 1 person 16-17 (60). Surplus: 1 person 10-12, 2 people 12-14.
    CHECK(p.shortPersonMinutes == 120 + 60);
    CHECK(p.surplusPersonMinutes == 120 + 240);
    CHECK(p.worstGapStart == 8 * kHour);
    CHECK(p.worstGapSlots == 2 * kHour);
    CHECK(p.shortSlots == 3 * kHour);
    CHECK(p.nightShortPersonMinutes == 0);
    // What the map colours it: short 08-10 (2 of 3), staffed 10-12, no demand 12-16, unstaffed 16-17.
    CHECK(m.postStatus(0, 9 * kHour) == StaffingStatus::Short);
    CHECK(m.postStatus(0, 11 * kHour) == StaffingStatus::Staffed);
    CHECK(m.postStatus(0, 13 * kHour) == StaffingStatus::NoDemand);
    CHECK(m.postStatus(0, 16 * kHour) == StaffingStatus::Unstaffed);
    CHECK(m.postStatus(0, -1) == StaffingStatus::Short); // the whole day: short at times
}

TEST_CASE("Staffing: zero demand is never short; a post with demand and nobody is unstaffed") {
    FeedSet set;
    add(set, FeedKind::Posts,
        post("P0", R"({"from":"08:00","to":"12:00","staff":0})") + "," + post("P1", "") + "," +
            post("P2", R"({"from":"00:00","to":"00:00","staff":1})"));
    add(set, FeedKind::Roster,
        duty("R1", R"("post":"P0")", "2022-11-26T08:00:00+08:00", "2022-11-26T09:00:00+08:00", 1));
    const StaffingModel m = StaffingModel::build(set, nov26());
    CHECK(m.postSummary(0).requiredPersonMinutes == 0);
    CHECK(m.postSummary(0).shortPersonMinutes == 0);
    CHECK(m.postSummary(0).surplusPersonMinutes == 60);
    CHECK_FALSE(m.postSummary(0).unstaffed);
    CHECK_FALSE(m.postSummary(1).unstaffed);
    CHECK(m.postSummary(1).worstGapStart == -1);
    // "00:00"-"00:00" is a whole day: 1 person for 24 h, nobody there.
    CHECK(m.postSummary(2).requiredPersonMinutes == 24 * 60);
    CHECK(m.postSummary(2).shortPersonMinutes == 24 * 60);
    CHECK(m.postSummary(2).nightShortPersonMinutes == 8 * 60);
    CHECK(m.postSummary(2).unstaffed);
    CHECK(m.city().posts == 3);
    CHECK(m.city().postsShort == 1);
    CHECK(m.city().postsUnstaffed == 1);
    CHECK(m.postStatus(0, -1) == StaffingStatus::NoDemand);
    CHECK(m.postStatus(1, -1) == StaffingStatus::NoDemand);
    CHECK(m.postStatus(2, -1) == StaffingStatus::Unstaffed);
    CHECK(m.postStatus(2, 96) == StaffingStatus::Unstaffed); // out of range: the whole day
    CHECK(staffingStatus(0, 3) == StaffingStatus::NoDemand);
    CHECK(staffingStatus(2, 0) == StaffingStatus::Unstaffed);
    CHECK(staffingStatus(2, 1) == StaffingStatus::Short);
    CHECK(staffingStatus(2, 5) == StaffingStatus::Staffed);
}

TEST_CASE("Staffing: unknown post or team in the roster is a diagnostic and the entry is left out") {
    FeedSet set;
    add(set, FeedKind::Posts, post("P1", R"({"from":"08:00","to":"16:00","staff":1})"));
    add(set, FeedKind::Teams,
        feature("T1", R"({"kind":"volunteer_team","members":3,"posts":["P1"]})", kPoint));
    add(set, FeedKind::Roster,
        duty("R1", R"("post":"P-404")", "2022-11-26T08:00:00+08:00", "2022-11-26T16:00:00+08:00", 5) + "," +
            duty("R2", R"("team":"T-404")", "2022-11-26T08:00:00+08:00", "2022-11-26T16:00:00+08:00", 5) +
            "," +
            duty("R3", R"("post":"P1","team":"T-404")", "2022-11-26T08:00:00+08:00",
                 "2022-11-26T16:00:00+08:00", 5));
    const StaffingModel m = StaffingModel::build(set, nov26());
    REQUIRE(m.diagnostics().size() == 3);
    const Diagnostic& d = m.diagnostics()[0];
    CHECK(d.feed == "roster");
    CHECK(d.featureIndex == 0);
    CHECK(d.featureId == "R1");
    CHECK(d.path == "properties.post");
    CHECK(d.message.find("P-404") != std::string::npos);
    CHECK(d.toString().find("roster[0] id=R1: properties.post:") == 0);
    CHECK(m.diagnostics()[1].path == "properties.team");
    CHECK(m.diagnostics()[1].featureId == "R2");
    CHECK(m.diagnostics()[2].path == "properties.team");
    CHECK(m.postSummary(0).onDutyPersonMinutes == 0);
    CHECK(m.postSummary(0).shortPersonMinutes == 8 * 60);
}

TEST_CASE("Staffing: times off the slot grid count in a slot when they cover its middle") {
    FeedSet set;
    add(set, FeedKind::Posts,
        post("P1", R"({"from":"07:10","to":"15:05","staff":2},{"from":"15:05","to":"07:10","staff":1})"));
    // A roster that mirrors the demand exactly is never short or over, whatever the slot grid.
    add(set, FeedKind::Roster,
        duty("R1", R"("post":"P1")", "2022-11-26T07:10:00+08:00", "2022-11-26T15:05:00+08:00", 2) + "," +
            duty("R2", R"("post":"P1")", "2022-11-25T15:05:00+08:00", "2022-11-26T07:10:00+08:00", 1) + "," +
            duty("R3", R"("post":"P1")", "2022-11-26T15:05:00+08:00", "2022-11-27T07:10:00+08:00", 1));
    for (int minutes : {15, 60, 7}) {
        INFO(minutes << "-minute slots");
        const StaffingDay day = *StaffingDay::wholeDay(nov26().start.localDay(), 8 * 60, minutes);
        const StaffingModel m = StaffingModel::build(set, day);
        CHECK(m.postSummary(0).shortPersonMinutes == 0);
        CHECK(m.postSummary(0).surplusPersonMinutes == 0);
    }
    const StaffingModel m = StaffingModel::build(set, nov26());
    CHECK(m.required(0)[28] == 1); // 07:00-07:15: its middle 07:07:30 is before 07:10
    CHECK(m.required(0)[29] == 2);
    CHECK(m.required(0)[59] == 2);
    CHECK(m.required(0)[60] == 1); // 15:00-15:15: its middle 15:07:30 is after 15:05
}

TEST_CASE("Staffing: a team's roster entry is shared over the posts it staffs") {
    FeedSet set;
    add(set, FeedKind::Posts,
        post("P1", R"({"from":"08:00","to":"09:00","staff":2})") + "," +
            post("P2", R"({"from":"08:00","to":"09:00","staff":2})"));
    add(set, FeedKind::Teams,
        feature("V1", R"({"kind":"volunteer_team","members":3,"posts":["P1","P2"]})", kPoint));
    add(set, FeedKind::Roster,
        duty("R1", R"("team":"V1")", "2022-11-26T08:00:00+08:00", "2022-11-26T09:00:00+08:00", 3));
    const StaffingModel m = StaffingModel::build(set, nov26());
    CHECK(m.onDuty(0)[8 * kHour] == 2);
    CHECK(m.onDuty(1)[8 * kHour] == 1);
    CHECK(m.postSummary(1).shortPersonMinutes == 60);
    CHECK(m.teamOnDuty(0)[8 * kHour] == 3);
}

namespace {

/// District D1 > subdistrict S1 > community C1 > compounds K1, K2; zones in K1, K2, C1.
FeedSet smallCity() {
    FeedSet set;
    add(set, FeedKind::Areas,
        feature("D1", R"({"level":"district"})", kSquare) + "," +
            feature("S1", R"({"level":"subdistrict","parent":"D1"})", kSquare) + "," +
            feature("C1", R"({"level":"community","parent":"S1","households_by_color":{"red":999}})",
                    kSquare) +
            "," +
            feature(
                "K1",
                R"({"level":"compound","parent":"C1","households_by_color":{"red":10,"orange":40,"green":7}})",
                kSquare) +
            "," +
            feature("K2", R"({"level":"compound","parent":"C1","households_by_color":{"red":5,"orange":0}})",
                    kSquare));
    add(set, FeedKind::Zones,
        feature("Z1", R"({"risk":"high","since":"2022-11-20","area":"K1"})", kSquare) + "," +
            feature("Z2", R"({"risk":"high","since":"2022-11-20","area":"K2"})", kSquare) + "," +
            feature("Z3", R"({"risk":"high","since":"2022-11-20","area":"C1"})", kSquare) + "," +
            feature("Z4", R"({"risk":"medium","since":"2022-11-20","area":"K2"})", kSquare) + "," +
            feature("Z5", R"({"risk":"high","since":"2022-11-01","until":"2022-11-25","area":"K2"})",
                    kSquare) +
            "," + feature("Z6", R"({"risk":"high","since":"2022-11-20"})", kSquare));
    add(set, FeedKind::Posts,
        post("P1", R"({"from":"08:00","to":"10:00","staff":2})", R"(,"area":"K1")") + "," +
            post("P2", R"({"from":"08:00","to":"10:00","staff":1})", R"(,"zone":"Z2")") + "," +
            post("P3", R"({"from":"08:00","to":"10:00","staff":1})"));
    add(set, FeedKind::Teams,
        feature("T1", R"({"kind":"task_force","members":10,"zones":["Z1"]})", kPoint) + "," +
            feature("T2", R"({"kind":"task_force","members":3,"zones":["Z3"]})", kPoint) + "," +
            feature("T3", R"({"kind":"task_force","members":12,"zones":["Z6"]})", kPoint) + "," +
            feature("H1", R"({"kind":"door_team","members":3,"area":"K1"})", kPoint) + "," +
            feature("H2", R"({"kind":"door_team","members":3,"zones":["Z2"]})", kPoint) + "," +
            feature("H3", R"({"kind":"door_team","members":3})", kPoint));
    // T1 is off duty 12:00-14:00; T2 and T3 are on all day; Z2 has no task force.
    add(set, FeedKind::Roster,
        duty("R1", R"("team":"T1")", "2022-11-26T00:00:00+08:00", "2022-11-26T12:00:00+08:00", 10) + "," +
            duty("R2", R"("team":"T1")", "2022-11-26T14:00:00+08:00", "2022-11-27T00:00:00+08:00", 10) + "," +
            duty("R3", R"("team":"T2")", "2022-11-26T00:00:00+08:00", "2022-11-27T00:00:00+08:00", 3) + "," +
            duty("R4", R"("team":"T3")", "2022-11-26T00:00:00+08:00", "2022-11-27T00:00:00+08:00", 12));
    return set;
}

} // namespace

TEST_CASE("Staffing: 一高风险区一专班 - no task force, too few members, off duty for a while") {
    const StaffingModel m = StaffingModel::build(smallCity(), nov26());
    const auto& zones = m.highRiskZones();
    REQUIRE(zones.size() == 4); // Z4 is medium risk and Z5 was lifted before the day
    const ZoneStaffing& z1 = zones[0];
    CHECK(z1.zone == 0);
    CHECK_FALSE(z1.noTaskForce);
    CHECK_FALSE(z1.understaffed);
    CHECK(z1.offDutySlots == 2 * kHour);
    CHECK(z1.firstOffDutySlot == 12 * kHour);
    CHECK(zones[1].noTaskForce);
    CHECK(zones[1].offDutySlots == 96);
    CHECK(zones[2].understaffed);
    CHECK(zones[2].maxMembers == 3);
    CHECK(zones[2].offDutySlots == 0);
    CHECK_FALSE(zones[3].isGap());
    CHECK(m.city().highRiskZones == 4);
    CHECK(m.city().zoneGaps == 3);
    CHECK(m.city().zonesWithoutTaskForce == 1);
    CHECK(m.city().zonesUnderstaffed == 1);
    CHECK(m.city().zonesOffDuty == 1);
    // Zone colours: Z1 on duty except 12-14, Z2 without a task force, Z3 understaffed, Z4's fine.
    CHECK(m.zoneStatus(z1, 10 * kHour) == StaffingStatus::Staffed);
    CHECK(m.zoneStatus(z1, 13 * kHour) == StaffingStatus::Short);
    CHECK(m.zoneStatus(z1, -1) == StaffingStatus::Short);
    CHECK(m.zoneStatus(zones[1], 10 * kHour) == StaffingStatus::Unstaffed);
    CHECK(m.zoneStatus(zones[2], 10 * kHour) == StaffingStatus::Short);
    CHECK(m.zoneStatus(zones[3], -1) == StaffingStatus::Staffed);
    CHECK(m.zoneStatus(zones[3], 13 * kHour) == StaffingStatus::Staffed);

    StaffingOptions lenient;
    lenient.minTaskForceMembers = 3;
    CHECK(StaffingModel::build(smallCity(), nov26(), lenient).city().zonesUnderstaffed == 0);
}

TEST_CASE("Staffing: roll-up compound -> community -> subdistrict -> district -> city") {
    const StaffingModel m = StaffingModel::build(smallCity(), nov26());
    // P1 in K1 (area), P2 in K2 (through its zone), P3 nowhere: short 240, 120, 120 person-minutes.
    const AreaStaffing &k1 = m.area(3), &k2 = m.area(4), &c1 = m.area(2), &d1 = m.area(0);
    CHECK(m.postArea(0) == 3);
    CHECK(m.postArea(1) == 4);
    CHECK(m.postArea(2) == -1);
    CHECK(k1.shortPersonMinutes == 240);
    CHECK(k2.shortPersonMinutes == 120);
    CHECK(c1.shortPersonMinutes == 360);
    CHECK(m.area(1).shortPersonMinutes == 360);
    CHECK(d1.shortPersonMinutes == 360);
    CHECK(d1.posts == 2);
    CHECK(m.city().shortPersonMinutes == 480);
    CHECK(m.city().posts == 3);
    CHECK(m.city().shortBySlot[8 * kHour] == 4);
    CHECK(d1.shortBySlot[8 * kHour] == 3);
    // Zones: Z1 in K1, Z2 in K2, Z3 in C1, Z6 nowhere.
    CHECK(k1.zoneGaps == 1);
    CHECK(c1.zoneGaps == 3);
    CHECK(d1.highRiskZones == 3);
    CHECK(m.city().highRiskZones == 4);
    // Households: C1's own 999 is ignored because its compounds give counts (10+40 and 5+0).
    CHECK(k1.householdsToVisit == 50);
    CHECK(k2.householdsToVisit == 5);
    CHECK(c1.householdsToVisit == 55);
    CHECK(d1.householdsToVisit == 55);
    CHECK(m.city().householdsToVisit == 55);
    // H1 by its area K1, H2 through zone Z2 (K2), H3 nowhere: 30 households a team a day.
    CHECK(k1.doorTeams == 1);
    CHECK(k1.doorTeamCapacity == 30);
    CHECK(k1.householdsUnvisited() == 20);
    CHECK(k2.householdsUnvisited() == 0);
    CHECK(c1.doorTeamCapacity == 60);
    CHECK(c1.householdsUnvisited() == 0);
    CHECK(m.city().doorTeams == 3);
    StaffingOptions slow;
    slow.householdsPerDoorTeam = 10;
    CHECK(StaffingModel::build(smallCity(), nov26(), slow).area(2).householdsUnvisited() == 35);
}

TEST_CASE("Staffing: an incremental roster change equals a full recompute") {
    FeedSet set = smallCity();
    StaffingModel m = StaffingModel::build(set, nov26());
    const RosterFields before = set.get(FeedKind::Roster)->roster[1]; // T1 back at 14:00
    RosterFields after = before;
    after.from = *parseInstant("2022-11-26T12:00:00+08:00");
    CHECK(m.applyRosterChange(&before, &after));
    CHECK(m.highRiskZones()[0].offDutySlots == 0);
    CHECK(m.city().zonesOffDuty == 0);
    RosterFields extra;
    extra.post = "P1";
    extra.from = *parseInstant("2022-11-26T08:00:00+08:00");
    extra.to = *parseInstant("2022-11-26T09:00:00+08:00");
    extra.staff = 2;
    CHECK(m.applyRosterChange(nullptr, &extra));
    CHECK(m.area(0).shortPersonMinutes == 360 - 120);
    RosterFields unknown = extra;
    unknown.post = "P-404";
    CHECK_FALSE(m.applyRosterChange(nullptr, &unknown));
    CHECK(m.area(0).shortPersonMinutes == 240);
    CHECK(m.applyRosterChange(&extra, nullptr));
    CHECK(m.area(0).shortPersonMinutes == 360);
}

TEST_CASE("Staffing: a change to a team's entry moves the shares at all its posts, as a recompute would") {
    FeedSet set;
    add(set, FeedKind::Posts,
        post("P1", R"({"from":"08:00","to":"12:00","staff":2})") + "," +
            post("P2", R"({"from":"08:00","to":"12:00","staff":2})") + "," +
            post("P3", R"({"from":"08:00","to":"12:00","staff":1})"));
    add(set, FeedKind::Teams,
        feature("V1", R"({"kind":"volunteer_team","members":5,"posts":["P1","P2","P3"]})", kPoint));
    add(set, FeedKind::Roster,
        duty("R1", R"("team":"V1")", "2022-11-26T08:00:00+08:00", "2022-11-26T12:00:00+08:00", 5));
    StaffingModel m = StaffingModel::build(set, nov26());
    CHECK(m.city().shortPersonMinutes == 0); // 2 + 2 + 1
    const RosterFields before = set.get(FeedKind::Roster)->roster[0];
    RosterFields after = before;
    after.staff = 4; // 2 + 1 + 1 until 11:00, then nobody
    after.to = *parseInstant("2022-11-26T11:00:00+08:00");
    REQUIRE(m.applyRosterChange(&before, &after));
    CHECK(m.postSummary(0).shortPersonMinutes == 2 * 60);
    CHECK(m.postSummary(1).shortPersonMinutes == 3 * 60 + 2 * 60);
    CHECK(m.postSummary(2).shortPersonMinutes == 60);
    StaffingModel full = StaffingModel::build(set, nov26());
    full.recompute(std::vector<RosterFields>{after});
    for (std::size_t p = 0; p < 3; ++p)
        CHECK(m.postSummary(p) == full.postSummary(p));
    CHECK(m.city() == full.city());
}

TEST_CASE("Staffing: a loop of parents is reported and cut, and the roll-up still ends") {
    FeedSet set;
    add(set, FeedKind::Areas,
        feature("A", R"({"level":"community","parent":"B"})", kSquare) + "," +
            feature("B", R"({"level":"subdistrict","parent":"A"})", kSquare) + "," +
            feature("K", R"({"level":"compound","parent":"A"})", kSquare));
    add(set, FeedKind::Posts, post("P1", R"({"from":"08:00","to":"09:00","staff":1})", R"(,"area":"K")"));
    const StaffingModel m = StaffingModel::build(set, nov26());
    REQUIRE(m.diagnostics().size() == 1);
    CHECK(m.diagnostics()[0].feed == "areas");
    CHECK(m.diagnostics()[0].path == "properties.parent");
    CHECK(m.diagnostics()[0].message.find("loops") != std::string::npos);
    CHECK(m.area(2).shortPersonMinutes == 60);
    CHECK(m.area(0).shortPersonMinutes == 60);
    CHECK(m.area(1).shortPersonMinutes == 60);
    CHECK(m.city().shortPersonMinutes == 60); // counted once, not once per trip round the loop
}
