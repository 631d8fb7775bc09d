#pragma once
/// Every text the UI shows, in one table with a Chinese and an English column, so that neither
/// language can fall behind. Chinese (zh-CN) is the default; `?lang=en` switches.

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace cordon {

enum class Lang { Zh, En };

enum class TextId {
    AppTitle,
    PanelMap,
    Layers,
    Features,
    FitToData,
    LayerOpacity,
    Zoom,
    Cursor,
    Language,
    Problems,
    NoProblems,
    LoadingData,
    NoWebGl2,
    LayerAreas,
    LayerZones,
    LayerPosts,
    LayerTeams,
    LayerRoads,
    LayerFacilities,
    LayerRoster,
    Help,
    HelpText,
    DemoDataNotice,
    Parsing,
    Loading,
    LoadFailed,
    MoreProblems,
    DropHint,
    Isochrone,
    Walk,
    Drive,
    Minutes,
    ClickMapHint,
    NoRoadNearby,
    Clear,
    Details,
    Coverage,
    ThresholdMinutes,
    ZonesBeyondThreshold,
    PostsBeyondThreshold,
    PopulationCovered,
    ShowResponsibility,
    CoverageNeedsData,
    Staffing,
    StaffingNeedsRoster,
    PostsShort,
    NightPersonHoursShort,
    ZoneRuleGaps,
    Timeline,
    ShortAt,
    ColumnPost,
    ColumnDistrict,
    ColumnHoursShort,
    ColumnNightHours,
    ColumnWorstGap,
    UnstaffedAllDay,
    MakePlan,
    PlanSummary,
    GreedySummary,
    ColumnFrom,
    ColumnTo,
    ColumnTime,
    ColumnPeople,
    ColumnTravel,
    Legend,
    ColourByStaffing,
    LegendWholeDay,
    LegendAtTime,
    LegendPostKinds,
    LegendStatus,
    LegendZones,
    SymbolCompoundGate,
    SymbolEntryStation,
    SymbolServiceSite,
    SymbolTeam,
    StatusStaffed,
    StatusShort,
    StatusUnstaffed,
    StatusNoDemand,
    KpiHighRiskZones,
    KpiZonesWithoutTaskForce,
    KpiPostsShortNow,
    KpiPersonHoursShort,
    KpiHouseholdsAwaiting,
    KpiDataAsOf,
    ExportView,
    Search,
    SearchHint,
    NoMatches,
    ExportLayer,
    FeedsPanel,
    FeedOk,
    FeedStale,
    FeedFailed,
    FeedAge,
    FeedChecked,
    FeedEvery,
    FeedChanges,
    ChangeHighRisk,
    ChangeLifted,
    ChangeAdded,
    ChangeRemoved,
    ChangeChanged,
    ChangeNone,
    SecondsShort,
    MinutesShort,
    HoursShort,
    WallFeedsStale,
    BriefingTitle,
    BriefingAsOf,
    BriefingSize,
    BriefingPrint,
    BriefingSummary,
    BriefingTopGaps,
    BriefingReadOnly,
    SnapshotPanel,
    SnapshotTitle,
    SnapshotNote,
    SnapshotSave,
    SnapshotSaved,
    SnapshotFailed,
    ImportFiles,
    FeedFailureLog,
    UpdateOtherKind,
    UpdateFewValid,
    UpdateLargeShrink,
    UpdateAskTitle,
    UpdateAskText,
    UpdateAskNames,
    UpdateApply,
    UpdateKeep,
    WallFeedsFailed,
    LoadHttp,
    LoadHttpNotFound,
    LoadHttpForbidden,
    LoadHttpServer,
    LoadNetwork,
    LoadTimeout,
    LoadNotJson,
    LoadTooLarge,
    LoadGzip,
    LoadManifest,
    LoadUnknownKind,
    LoadOther,
    FigureZonesWithoutTaskForce,
    ZoneStatusHeld,
    ZoneStatusShort,
    ZoneStatusNone,
    FigureDoubtful,
    KindAskTitle,
    KindAskFile,
    KindAskFields,
    KindAskNames,
    KindGuess,
    KindCancel,
    Count
};

struct TextEntry {
    TextId id;
    std::string_view zh;
    std::string_view en;
};

/// The whole table, in TextId order.
std::span<const TextEntry> textTable();

/// The text for `id` in `lang`.
std::string_view tr(TextId id, Lang lang);

/// `pattern` with `{1}`, `{2}`, ... replaced by `values` in order (a table text with values).
std::string fillText(std::string_view pattern, std::initializer_list<std::string_view> values);

/// Display name of a feed ("zones" -> "风险区"), or the feed name itself when it is not a known feed.
std::string_view feedDisplayName(std::string_view feed, Lang lang);

/// Parses a `lang` parameter: "en" gives English, anything else the default Chinese.
Lang parseLang(std::string_view value);

} // namespace cordon
