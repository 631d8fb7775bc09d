#include "ui/strings.hpp"

#include <array>

namespace cordon {

namespace {

using enum TextId;

constexpr std::array<TextEntry, static_cast<std::size_t>(Count)> kTable{{
    {AppTitle, "cordon 疫情防控指挥图", "cordon epidemic-control map"},
    {PanelMap, "地图", "Map"},
    {Layers, "图层", "Layers"},
    {Features, "要素", "features"},
    {FitToData, "适应数据范围", "Fit to data"},
    {LayerOpacity, "图层不透明度", "Layer opacity"},
    {Zoom, "缩放级别", "Zoom"},
    {Cursor, "光标位置", "Cursor"},
    {Language, "语言", "Language"},
    {Problems, "数据问题", "Data problems"},
    {NoProblems, "数据无问题", "No problems in the data"},
    {LoadingData, "正在加载数据…", "Loading data…"},
    {NoWebGl2, "此浏览器无法创建 WebGL2 画面", "This browser could not create a WebGL2 view"},
    {LayerAreas, "行政区划", "Areas"},
    {LayerZones, "风险区", "Risk zones"},
    {LayerPosts, "卡点", "Checkpoints"},
    {LayerTeams, "工作专班", "Teams"},
    {LayerRoads, "道路", "Roads"},
    {LayerFacilities, "设施", "Facilities"},
    {LayerRoster, "排班", "Roster"},
    {Help, "操作说明", "Help"},
    {HelpText,
     "拖动平移，滚轮或双指缩放，+/- 键缩放，F 键适应数据范围，L 键图例，E 键导出图片，T 键地名，选中后 G / C "
     "键导出图层（GeoJSON / CSV），B 键简报快照；拖入文件导入（GeoJSON、Shapefile 压缩包、KML、GPKG、CSV）",
     "Drag to pan, wheel or pinch to zoom, +/- keys to zoom, F to fit the data, L for the legend, E to save "
     "the view as PNG, T for names, G / C to export the selected layer (GeoJSON / CSV), B for a briefing "
     "snapshot; drop files to import them (GeoJSON, zipped Shapefile, KML, GPKG, CSV)"},
    {DemoDataNotice, "演示数据（虚构）", "Demo data (fictional)"},
    {Parsing, "正在解析", "Parsing"},
    {Loading, "正在加载", "Loading"},
    {LoadFailed, "加载失败", "Could not load"},
    {MoreProblems, "另有问题（条）", "more problems"},
    {DropHint, "可将 GeoJSON 文件拖放到地图上", "Drop GeoJSON files onto the map to load them"},
    {Isochrone, "等时圈", "Isochrones"},
    {Walk, "步行", "Walk"},
    {Drive, "驾车", "Drive"},
    {Minutes, "分钟（逗号分隔）", "Minutes (comma-separated)"},
    {ClickMapHint, "点击地图计算等时圈", "Click the map to compute isochrones"},
    {NoRoadNearby, "附近没有可通行的道路", "No usable road nearby"},
    {Clear, "清除", "Clear"},
    {Details, "要素详情", "Details"},
    {Coverage, "覆盖分析", "Coverage"},
    {ThresholdMinutes, "可达阈值（分钟）", "Reach threshold (minutes)"},
    {ZonesBeyondThreshold, "风险区：指派队伍均超出阈值", "Zones whose assigned teams are all beyond reach"},
    {PostsBeyondThreshold, "卡点：指派队伍均超出阈值", "Posts whose assigned teams are all beyond reach"},
    {PopulationCovered, "阈值内覆盖人口", "Population within reach of a team"},
    {ShowResponsibility, "显示专班责任区（R）", "Show task-force areas (R)"},
    {CoverageNeedsData, "需要道路与队伍数据", "Needs roads and teams"},
    {Staffing, "排班缺口", "Staffing gaps"},
    {StaffingNeedsRoster, "需要卡点与排班数据", "Needs posts and a roster"},
    {PostsShort, "缺员卡点", "Posts short"},
    {NightPersonHoursShort, "其中夜班（23:00-07:00）", "of which at night (23:00-07:00)"},
    {ZoneRuleGaps, "违反一高风险区一专班", "High-risk zones breaking one-zone-one-task-force"},
    {Timeline, "全市缺员（拖动查看时刻，[ ] 键逐小时）", "City shortfall (drag to a time; [ ] step an hour)"},
    {ShortAt, "该时刻缺员卡点", "Posts short at this time"},
    {ColumnPost, "卡点", "Post"},
    {ColumnDistrict, "区", "District"},
    {ColumnHoursShort, "缺员人时", "Person-hours short"},
    {ColumnNightHours, "夜班", "Night"},
    {ColumnWorstGap, "最长缺口", "Longest gap"},
    {UnstaffedAllDay, "全天无人", "unstaffed all day"},
    {MakePlan, "生成调度建议（P）", "Suggest moves (P)"},
    {PlanSummary, "建议：补缺人时 / 路程人分钟", "Plan: person-hours filled / person-minutes travelled"},
    {GreedySummary, "对比就近分配", "Nearest-first for comparison"},
    {ColumnFrom, "调出", "From"},
    {ColumnTo, "调入", "To"},
    {ColumnTime, "时段", "Hours"},
    {ColumnPeople, "人数", "People"},
    {ColumnTravel, "路程（分）", "Travel (min)"},
    {Legend, "图例", "Legend"},
    {ColourByStaffing, "按值守状态着色", "Colour by staffing"},
    {LegendWholeDay, "全天", "whole day"},
    {LegendAtTime, "时刻", "at"},
    {LegendPostKinds, "形状：类型", "Shape: kind"},
    {LegendStatus, "颜色与填充：值守状态", "Colour and fill: staffing"},
    {LegendZones, "高风险区边框：专班状态", "High-risk zone outline: task force"},
    {SymbolCompoundGate, "小区卡口", "Compound gate"},
    {SymbolEntryStation, "出入城卡口", "City entry / exit station"},
    {SymbolServiceSite, "服务站、检测点", "Service station / testing site"},
    {SymbolTeam, "队伍", "Team"},
    {StatusStaffed, "足额在岗", "Staffed"},
    {StatusShort, "缺员", "Short"},
    {StatusUnstaffed, "无人值守", "Unstaffed"},
    {StatusNoDemand, "无需值守", "No demand"},
    {KpiHighRiskZones, "高风险区", "High-risk zones"},
    {KpiZonesWithoutTaskForce, "专班{1}分钟内不可达的高风险区",
     "High-risk zones no task force reaches in {1} min"},
    {KpiPostsShortNow, "当前缺员卡点", "Posts short now"},
    {KpiPersonHoursShort, "今日缺口（人·时）", "Person-hours short today"},
    {KpiHouseholdsAwaiting, "今日无法走访的红橙户", "Red/orange households not visited today"},
    {KpiDataAsOf, "数据时间", "Data as of"},
    {ExportView, "导出图片", "Save PNG"},
    {Search, "搜索", "Search"},
    {SearchHint, "搜索名称或编号（按 / 键）", "Search names or ids (press /)"},
    {NoMatches, "无匹配结果", "No matches"},
    {ExportLayer, "导出图层", "Export layer"},
    {FeedsPanel, "数据源", "Feeds"},
    {FeedOk, "正常", "current"},
    {FeedSuperseded, "已被 {1} 取代", "replaced by {1}"},
    {FeedStale, "已过期", "stale"},
    {FeedFailed, "更新失败", "update failed"},
    {FeedAge, "数据时长", "age"},
    {FeedChecked, "检查", "checked"},
    {FeedEvery, "刷新间隔", "every"},
    {FeedChanges, "变更记录", "Changes"},
    {ChangeHighRisk, "高风险区", "high-risk zones"},
    {ChangeLifted, "解除", "lifted"},
    {ChangeAdded, "新增", "added"},
    {ChangeRemoved, "移除", "removed"},
    {ChangeChanged, "修改", "changed"},
    {ChangeNone, "无变化", "no change"},
    {SecondsShort, "秒", "s"},
    {MinutesShort, "分", "min"},
    {HoursShort, "小时", "h"},
    {WallFeedsStale, "数据过期", "Stale feeds"},
    {BriefingTitle, "疫情防控简报", "Epidemic-control briefing"},
    {BriefingAsOf, "数据截至", "Data as of"},
    {BriefingSize, "文件大小", "File size"},
    {BriefingPrint, "打印摘要", "Print summary"},
    {BriefingSummary, "摘要：指标与缺员最多的卡点", "Summary: KPIs and the posts most short"},
    {BriefingTopGaps, "缺员最多的卡点", "Posts most short"},
    {BriefingReadOnly, "只读快照", "read-only snapshot"},
    {SnapshotPanel, "简报快照（B）", "Briefing snapshot (B)"},
    {SnapshotTitle, "标题", "Title"},
    {SnapshotNote, "说明", "Note"},
    {SnapshotSave, "保存为单个 HTML 文件", "Save as one HTML file"},
    {SnapshotSaved, "已保存", "Saved"},
    {SnapshotFailed, "快照失败", "Snapshot failed"},
    {ImportFiles, "导入文件…", "Import files…"},
    {FeedFailureLog, "错误记录", "Failure log"},
    {UpdateOtherKind, "这是{1}数据，不是{2}：未采用，保留上一版",
     "This is {1} data, not {2}: refused, the last good version stays"},
    {UpdateFewValid, "{2} 个要素中仅 {1} 个有效（至少需 {3}%）：未采用，保留上一版",
     "Only {1} of {2} features are valid (at least {3}% needed): refused, the last good version stays"},
    {UpdateLargeShrink, "将一次移除 {2} 个要素中的 {1} 个（+{3} / -{1}）：暂缓，再次收到同一版本时采用",
     "Would remove {1} of {2} features at once (+{3} / -{1}): held until the same version arrives again"},
    {UpdateAskTitle, "确认更新{1}？", "Apply this {1} update?"},
    {UpdateAskText, "{1}：将移除地图上 {3} 个要素中的 {2} 个（+{4} / -{2}）",
     "{1}: removes {2} of the {3} features on the map (+{4} / -{2})"},
    {UpdateAskNames, "将移除：{1}", "Removed: {1}"},
    {UpdateApply, "应用更新（Enter）", "Apply (Enter)"},
    {UpdateKeep, "保留当前数据（Esc）", "Keep the map as it is (Esc)"},
    {WallFeedsFailed, "数据源异常", "Feed failures"},
    {LoadHttp, "服务器返回 HTTP {1}", "the server answered HTTP {1}"},
    {LoadHttpNotFound, "服务器返回 HTTP 404：地址不存在", "the server answered HTTP 404: no such address"},
    {LoadHttpForbidden, "服务器返回 HTTP {1}：无权访问", "the server answered HTTP {1}: access denied"},
    {LoadHttpServer, "服务器返回 HTTP {1}：服务器错误", "the server answered HTTP {1}: server error"},
    {LoadNetwork, "网络错误：无法连接服务器", "network error: the server could not be reached"},
    {LoadTimeout, "请求超时：服务器 {1} 秒无响应", "timed out: no answer from the server for {1} s"},
    {LoadNotJson, "不是有效的 JSON（{1}）", "not JSON ({1})"},
    {LoadTooLarge, "文件过大：{1}", "too large: {1}"},
    {LoadGzip, "压缩文件损坏：{1}", "damaged compressed file: {1}"},
    {LoadManifest, "数据清单无效", "the manifest is not valid"},
    {LoadUnknownKind, "无法判断是哪类数据：请以数据类型命名文件（如 zones.geojson）或在 cordon.feed 中注明",
     "cannot tell which feed this is: name the file after the feed (zones.geojson, ...) or set cordon.feed"},
    {LoadOther, "未采用（{1}），保留上一版", "refused ({1}); the last good version stays"},
    {FigureZonesWithoutTaskForce, "无专班的高风险区", "High-risk zones with no task force"},
    {ZoneStatusHeld, "专班在岗", "Task force on duty"},
    {ZoneStatusShort, "专班不足或脱岗", "Task force short or off duty"},
    {ZoneStatusNone, "无专班", "No task force"},
    {FigureDoubtful, "数据未更新，截至 {1}", "not current: as of {1}"},
    {KindAskTitle, "这是哪类数据？", "What kind of data is this?"},
    {KindAskFile, "{1}：{2} 个要素（点 {3}，线 {4}，面 {5}，无几何 {6}）",
     "{1}: {2} features ({3} points, {4} lines, {5} polygons, {6} without geometry)"},
    {KindAskFields, "字段：{1}", "Fields: {1}"},
    {KindAskNames, "名称：{1}", "Names: {1}"},
    {KindGuess, "{1}（推测，Enter）", "{1} (guess, Enter)"},
    {KindCancel, "取消，不载入（Esc）", "Cancel, load nothing (Esc)"},
    {KindAdd, "添加到地图上的数据，不替换（同编号的要素以本文件为准）（A）",
     "Add to the data on the map, not replace (a feature with the same id is taken from this file) (A)"},
    {KindGcj02, "坐标为 GCJ-02（高德/DataV 导出），转换为 WGS84（G）",
     "Coordinates are GCJ-02 (Amap/DataV export): convert to WGS84 (G)"},
    {KindGcj02Roads, "与地图上的道路相差约 {1} 米，转换后约 {2} 米",
     "about {1} m off the roads on the map, about {2} m once converted"},
    {KindGcj02Declared, "文件的 crs 声明为 GCJ-02", "the file's crs says GCJ-02"},
    {KindGcj02Named, "文件名像高德/DataV 导出", "the file name looks like an Amap/DataV export"},
    {KindSaveMapping, "载入时把这些选择保存为映射文件，供 cordon import 使用（M）",
     "On loading, save these choices as a mapping file for cordon import (M)"},
    {DiagError, "错误", "error"},
    {DiagWarning, "警告", "warning"},
    {DiagMissingField, "缺少必填字段 '{1}'（{2}）", "missing '{1}': {2}"},
    {DiagNotOneOf, "{1} 不是可用的值（可用：{2}）", "{1} is not one of {2}"},
    {DiagMissingGeometry, "缺少几何：应为 {1}", "missing geometry: expected {1}"},
    {DiagWrongGeometry, "几何类型错误：应为 {1}", "wrong geometry type: expected {1}"},
    {DiagEmptyGeometry, "几何为空：地图上无可显示", "empty geometry: nothing to show on the map"},
    {DiagNotACount, "{1} 不是计数（非负整数），已忽略", "{1} is not a count (a whole number >= 0); ignored"},
    {DiagNotAnInstant, "{1} 不是带时区的 ISO 8601 时间（如 2022-11-26T23:00:00+08:00）",
     "{1} is not an ISO 8601 date or time with offset (e.g. 2022-11-26T23:00:00+08:00)"},
    {DiagNotATimeOfDay, "{1} 不是时刻（HH:MM）", "{1} is not a time of day (HH:MM)"},
    {DiagNoId, "没有 id：其他数据无法引用此要素", "no id: other feeds cannot refer to this feature"},
    {DiagDuplicateId, "id 重复：第 {1} 个要素已使用此 id",
     "duplicate id: feature {1} (counting kept features) already has it"},
    {DiagUnknownReference, "引用了不存在的{1} id '{2}'", "unknown {1} id '{2}'"},
    {DiagNotJson, "不是有效的 JSON：第 {2} 行第 {3} 列（字节 {1}）：{4}",
     "not valid JSON at byte {1} (line {2}, column {3}): {4}"},
    {UnloadDemo, "卸载演示数据", "Unload the demo data"},
    {DiagNoDemand, "没有值守需求（demand）：此卡点永远不会显示缺员",
     "no demand: this post will never show as short of staff"},
    {DiagMissingSince, "缺少 'since'：风险区的划定时间", "missing: when the zone was declared"},
    {DiagMissingParent, "缺少 'parent'：除区以外的区划都应写明上级区划",
     "missing: every area but a district names its enclosing area"},
    {DiagRosterNoPlace, "排班记录需要 'post' 或 'team'（在哪里值守）",
     "a roster entry needs 'post' or 'team' (who is on duty where)"},
    {DiagRosterReversed, "时段颠倒或为空：'to' 必须晚于 'from'",
     "the interval is reversed or empty: 'to' must be after 'from'"},
    {DiagNotAString, "{1} 不是文本，已忽略", "should be a string, not {1}; ignored"},
    {DiagNotAList, "应为 id 列表，而不是 {1}，已忽略", "should be a list of ids, not {1}; ignored"},
    {DiagNotAnId, "{1} 不是 id，已忽略", "{1} is not an id; ignored"},
    {DiagNotHouseholds, "应为 {\"red\": 户数, ...} 形式的对象，已忽略",
     "should be an object {\"red\": n, ...}; ignored"},
    {DiagUnknownColour, "未知颜色，应为 {1} 之一", "unknown colour; expected one of {1}"},
    {DiagUntilBeforeSince, "解除时间早于划定时间（'until' 在 'since' 之前）", "is before 'since'"},
    {DiagDemandShape, "应为 {\"from\": \"HH:MM\", \"to\": \"HH:MM\", \"staff\": 人数} 的列表",
     "should be a list of {\"from\": \"HH:MM\", \"to\": \"HH:MM\", \"staff\": n}"},
    {DiagStaffImplausible, "{1} 人不合常理", "{1} people is implausible"},
    {DiagMissing, "缺失", "missing"},
    {DiagDemandTwice, "与 demand[{1}] 时段相同：重复计算（复制错误？）",
     "same hours as demand[{1}]: counted twice (copy error?)"},
    {DiagDemandAllZero, "每一行需求人数都是 0", "every line asks for 0 staff"},
    {DiagMembersMissing, "缺少人数：队伍规模未知（按 0 计）",
     "missing: the team's size is unknown (taken as 0)"},
    {DiagModeMissing, "缺少出行方式：按步行计", "missing: taken as \"walk\""},
    {DiagNotAnIsoTime, "不是带时区的 ISO 8601 时间", "is not an ISO 8601 time with offset"},
    {DiagRosterGeometry, "排班记录不应有几何（应为 null），已忽略",
     "roster entries have no geometry (null); ignored"},
    {DiagEntryAddsNobody, "人数为 0：此记录不增加任何人", "0 staff: the entry adds nobody"},
    {DiagHighwayMissing, "缺少道路等级（highway）：按次要道路计",
     "missing: the road class is unknown (taken as a minor road)"},
    {DiagOnewayInvalid, "{1} 不是 \"yes\"、\"-1\" 或 \"no\"：按双向计",
     "{1} is not \"yes\", \"-1\" or \"no\"; taken as \"no\""},
    {DiagSpeedInvalid, "{1} 不是以 km/h 计的速度：使用该等级道路的默认速度",
     "{1} is not a speed in km/h; the class default is used"},
    {DiagClosedInvalid, "应为 true 或 false，而不是 {1}：按未封闭计",
     "should be true or false, not {1}; taken as open"},
    {DiagNameNotString, "名称应为文本", "name should be a string"},
    {DiagTooManyPositions, "{1} 个坐标：超过单条线或环 {2} 个的上限",
     "{1} positions: over the limit of {2} in one ring or line"},
    {DiagOutOfRange, "坐标 {1} 超出经度 -180..180 / 纬度 -90..90（经度在前，WGS84 度）",
     "position {1} is outside lon -180..180 / lat -90..90 (lon first, WGS84 degrees)"},
    {DiagLineTooShort, "线至少需要两个坐标", "a LineString needs at least two positions"},
    {DiagRingTooShort, "面的环至少需要四个坐标（首尾相同）",
     "a polygon ring needs at least four positions (first repeated last)"},
    {DiagRingNotClosed, "环未闭合：最后一个坐标必须与第一个完全相同（值与维数）",
     "ring is not closed: its last position must equal its first in every value"},
    {DiagUnknownGeometryType, "未知的几何类型 '{1}'", "unknown geometry type '{1}'"},
    {DiagNestedCollection, "GeometryCollection 嵌套在另一个之中：RFC 7946 §3.1.8 建议避免（把成员列在外层）",
     "a GeometryCollection inside another: RFC 7946 §3.1.8 says to avoid nesting them"},
    {DiagSingleCollection, "只含一个几何的 GeometryCollection：RFC 7946 §3.1.8 建议直接用该几何",
     "a GeometryCollection of a single geometry: RFC 7946 §3.1.8 says to use that geometry itself"},
    {DiagForbiddenMember, "{1} 不得有 '{2}' 成员：它属于 {3}（RFC 7946 §7.1）",
     "a {1} must not have a '{2}' member: it belongs to {3} (RFC 7946 §7.1)"},
}};

constexpr bool tableInOrder() {
    for (std::size_t i = 0; i < kTable.size(); ++i)
        if (static_cast<std::size_t>(kTable[i].id) != i) return false;
    return true;
}
static_assert(tableInOrder(), "text table rows must follow TextId order");

} // namespace

std::span<const TextEntry> textTable() {
    return kTable;
}

std::string_view tr(TextId id, Lang lang) {
    const TextEntry& e = kTable[static_cast<std::size_t>(id)];
    return lang == Lang::En ? e.en : e.zh;
}

std::string fillText(std::string_view pattern, std::initializer_list<std::string_view> values) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '1' &&
            pattern[i + 1] <= '9') {
            const std::size_t n = static_cast<std::size_t>(pattern[i + 1] - '1');
            if (n < values.size()) out += *(values.begin() + n);
            i += 2;
            continue;
        }
        out += c;
    }
    return out;
}

std::string_view feedDisplayName(std::string_view feed, Lang lang) {
    struct FeedName {
        std::string_view feed;
        TextId text;
    };
    constexpr FeedName kFeeds[] = {
        {"areas", LayerAreas}, {"zones", LayerZones},           {"posts", LayerPosts},  {"teams", LayerTeams},
        {"roads", LayerRoads}, {"facilities", LayerFacilities}, {"roster", LayerRoster}};
    for (const FeedName& f : kFeeds)
        if (f.feed == feed) return tr(f.text, lang);
    return feed;
}

Lang parseLang(std::string_view value) {
    return value == "en" ? Lang::En : Lang::Zh;
}

} // namespace cordon
