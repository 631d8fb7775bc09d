// The shared figures on the demo city: each equals what the legend and the panels count from the
// staffing statuses, so the wall, the legend and the gaps panel cannot disagree.
#include "cordon/cli.hpp"
#include "core/map/figures.hpp"

#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace cordon;

namespace {

FeedSet demoCity() {
    FeedSet s;
    for (FeedKind kind :
         {FeedKind::Areas, FeedKind::Zones, FeedKind::Posts, FeedKind::Teams, FeedKind::Roster}) {
        const auto path =
            std::filesystem::path(CORDON_DEMO_DIR) / (std::string(feedKindName(kind)) + ".geojson");
        std::ifstream in(path, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        FeedReadResult r = readFeed(bytes.str(), kind, path.string());
        REQUIRE(r.feed);
        s.replace(std::move(*r.feed));
    }
    return s;
}

} // namespace

TEST_CASE("Shared figures of the demo city match the statuses the legend counts") {
    const FeedSet feeds = demoCity();
    const std::optional<StaffingDay> day = rosterDay(*feeds.get(FeedKind::Roster));
    REQUIRE(day);
    const StaffingModel model = StaffingModel::build(feeds, *day);
    const Figures f = computeFigures(feeds, &model, nullptr, 23 * 60 + 30);

    int none = 0, notHeld = 0;
    for (const ZoneStaffing& z : model.highRiskZones()) {
        const StaffingStatus s = model.zoneStatus(z, -1);
        none += s == StaffingStatus::Unstaffed;
        notHeld += s != StaffingStatus::Staffed;
    }
    CHECK(f[FigureId::HighRiskZones] == double(model.highRiskZones().size()));
    CHECK(f[FigureId::ZonesWithoutTaskForce] == none);
    CHECK(f[FigureId::ZonesBreakingRule] == notHeld);
    CHECK(f[FigureId::ZonesBreakingRule] > f[FigureId::ZonesWithoutTaskForce]); // some are only short
    CHECK(f[FigureId::ZonesWithoutTaskForce] > 0);

    REQUIRE(f.slot >= 0);
    CHECK(model.day().slotMinuteOfDay(f.slot) == 23 * 60 + 30);
    int shortNow = 0;
    for (std::size_t p = 0; p < model.postCount(); ++p) {
        const StaffingStatus s = model.postStatus(p, f.slot);
        shortNow += s == StaffingStatus::Short || s == StaffingStatus::Unstaffed;
    }
    CHECK(f[FigureId::PostsShortNow] == shortNow);
    CHECK(f[FigureId::PersonHoursShort] == double(model.city().shortPersonMinutes) / 60);
    CHECK(f[FigureId::HouseholdsAwaiting] == double(model.city().householdsUnvisited()));
    CHECK_FALSE(f.known(FigureId::ZonesOutOfReach)); // no coverage given

    // Another time of day: the day's figures stay, the "now" figure follows the clock.
    const Figures morning = computeFigures(feeds, &model, nullptr, 10 * 60);
    CHECK(morning[FigureId::ZonesBreakingRule] == f[FigureId::ZonesBreakingRule]);
    CHECK(model.day().slotMinuteOfDay(morning.slot) == 10 * 60);

    // Without a staffing model only what the zones feed says is known.
    const Figures bare = computeFigures(feeds, nullptr, nullptr, 0);
    CHECK(bare[FigureId::HighRiskZones] >= f[FigureId::HighRiskZones]);
    for (FigureId id : {FigureId::ZonesBreakingRule, FigureId::ZonesWithoutTaskForce, FigureId::PostsShortNow,
                        FigureId::PersonHoursShort, FigureId::HouseholdsAwaiting})
        CHECK_FALSE(bare.known(id));
}

TEST_CASE("Every figure has a key and inputs") {
    for (int i = 0; i < kFigureCount; ++i) {
        const auto id = static_cast<FigureId>(i);
        CHECK_FALSE(figureKey(id).empty());
        CHECK_FALSE(figureInputs(id).empty());
    }
    CHECK(figureKey(FigureId::ZonesBreakingRule) == "zonesBreakingRule");
}

TEST_CASE("cordon figures prints the shared figures, labelled in English or Chinese, or as JSON") {
    std::ostringstream out, err;
    REQUIRE(runCli({"figures", "--now=23:30", "--json", CORDON_DEMO_DIR}, out, err) == kExitOk);
    const std::string json = out.str();
    for (int i = 0; i < kFigureCount; ++i)
        CHECK(json.find("\"" + std::string(figureKey(static_cast<FigureId>(i))) + "\":") !=
              std::string::npos);
    CHECK(json.find("\"now\":\"23:30\"") != std::string::npos);
    CHECK(json.find("null") == std::string::npos); // every feed is there

    std::ostringstream zh;
    REQUIRE(runCli({"figures", "--lang", "zh", "--threshold", "10",
                    CORDON_DEMO_DIR + std::string("/zones.geojson")},
                   zh, err) == kExitOk);
    CHECK(zh.str().find("高风险区：") == 0);
    CHECK(zh.str().find("专班10分钟内不可达的高风险区：-") != std::string::npos); // no roads or teams given
    CHECK(zh.str().find("当前缺员卡点：-") != std::string::npos);

    std::ostringstream bad;
    CHECK(runCli({"figures", "--now", "25:99", CORDON_DEMO_DIR}, out, bad) == kExitUsage);
    CHECK(bad.str().find("--now") != std::string::npos);
}

TEST_CASE("cordon validate --lang zh lists problems in Chinese") {
    const auto dir = std::filesystem::temp_directory_path() / "cordon-validate-zh";
    std::filesystem::create_directories(dir);
    {
        std::ofstream f(dir / "posts.geojson");
        f << R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"P-1","properties":{},"geometry":{"type":"Point","coordinates":[113.6,34.7]}}]})";
    }
    std::ostringstream zh, en, err;
    CHECK(runCli({"validate", "--lang", "zh", (dir / "posts.geojson").string()}, zh, err) == kExitProblems);
    CHECK(zh.str().find("posts[0] id=P-1：properties.kind：错误：缺少必填字段 'kind'") != std::string::npos);
    CHECK(runCli({"validate", (dir / "posts.geojson").string()}, en, err) == kExitProblems);
    CHECK(en.str().find("posts[0] id=P-1: properties.kind: error: missing 'kind'") != std::string::npos);
    std::filesystem::remove_all(dir);
}
