#include "core/feeds/field_guess.hpp"

#include <algorithm>

namespace cordon {
namespace {

struct Synonyms {
    std::string_view target;
    std::vector<std::string_view> names;
};

struct ValueLabels {
    std::string_view value;
    std::vector<std::string_view> labels;
};

/// Column names by field, per feed. ASCII names are matched without regard to case.
const std::vector<Synonyms>& fieldSynonyms(FeedKind kind) {
    static const std::vector<Synonyms> areas = {
        {"name", {"名称", "名字", "区域名称", "社区名称", "小区名称", "街道名称", "name_cn", "name_zh"}},
        {"level", {"级别", "层级", "行政级别", "区划级别"}},
        {"parent", {"上级", "上级编号", "上级区域", "所属"}},
        {"population", {"人口", "常住人口", "pop"}},
        {"households", {"户数", "住户数"}}};
    static const std::vector<Synonyms> zones = {
        {"name", {"名称", "名字", "风险区名称", "区域名称", "name_cn", "name_zh"}},
        {"risk", {"风险等级", "风险级别", "风险", "等级", "risk_level"}},
        {"since", {"划定时间", "发布时间", "开始时间", "起始时间", "管控开始时间"}},
        {"until", {"解除时间", "结束时间", "管控结束时间"}},
        {"area", {"所属区域", "所属社区"}},
        {"population", {"人口", "人数"}},
        {"households", {"户数", "住户数"}}};
    static const std::vector<Synonyms> posts = {
        {"name", {"名称", "名字", "卡点名称", "卡口名称", "站点名称", "name_cn", "name_zh"}},
        {"kind", {"类型", "卡点类型", "卡口类型", "种类", "type", "category"}},
        {"area", {"所属区域", "所属社区", "社区"}},
        {"zone", {"所属风险区", "风险区"}},
        {"address", {"地址", "详细地址", "addr"}}};
    static const std::vector<Synonyms> teams = {
        {"name", {"名称", "名字", "专班名称", "队伍名称", "name_cn", "name_zh"}},
        {"kind", {"类型", "队伍类型", "种类", "type"}},
        {"members", {"人数", "成员数", "队员数"}},
        {"mode", {"出行方式", "交通方式"}},
        {"leader", {"负责人", "组长", "队长"}},
        {"unit", {"派出单位", "单位", "所属单位"}}};
    static const std::vector<Synonyms> roster = {{"post", {"卡点", "卡点编号", "岗位"}},
                                                 {"team", {"专班", "队伍", "队伍编号"}},
                                                 {"from", {"开始时间", "上岗时间", "起始时间"}},
                                                 {"to", {"结束时间", "下岗时间", "截止时间"}},
                                                 {"staff", {"人数", "在岗人数"}},
                                                 {"unit", {"单位", "派出单位"}},
                                                 {"person", {"姓名", "人员"}}};
    static const std::vector<Synonyms> roads = {{"name", {"名称", "道路名称", "路名", "name_cn"}},
                                                {"highway", {"道路等级", "等级", "fclass"}},
                                                {"oneway", {"单行", "单向"}},
                                                {"maxspeed", {"限速"}},
                                                {"closed", {"封闭", "是否封闭"}}};
    static const std::vector<Synonyms> facilities = {
        {"name", {"名称", "名字", "设施名称", "name_cn", "name_zh"}},
        {"kind", {"类型", "设施类型", "种类", "type"}},
        {"address", {"地址", "详细地址", "addr"}}};
    switch (kind) {
    case FeedKind::Areas:
        return areas;
    case FeedKind::Zones:
        return zones;
    case FeedKind::Posts:
        return posts;
    case FeedKind::Teams:
        return teams;
    case FeedKind::Roster:
        return roster;
    case FeedKind::Roads:
        return roads;
    case FeedKind::Facilities:
        return facilities;
    }
    return areas;
}

const std::vector<ValueLabels>& valueLabels(FeedKind kind, std::string_view field) {
    static const std::vector<ValueLabels> levels = {{"district", {"区", "城区", "县", "区县", "市辖区"}},
                                                    {"subdistrict", {"街道", "街道办", "乡镇", "镇", "乡"}},
                                                    {"community", {"社区", "村", "村委会", "居委会"}},
                                                    {"compound", {"小区", "楼院", "院落"}}};
    static const std::vector<ValueLabels> risks = {{"high", {"高", "高风险", "高风险区"}},
                                                   {"medium", {"中", "中风险", "中风险区"}},
                                                   {"low", {"低", "低风险", "低风险区"}}};
    static const std::vector<ValueLabels> postKinds = {
        {"compound_gate", {"小区卡口", "小区门岗", "楼院卡口", "小区卡点", "卡口", "门岗"}},
        {"city_entry",
         {"入市卡点", "进城卡点", "入市检查站", "进城检查站", "城市入口", "检查站", "市际卡点"}},
        {"highway_exit", {"高速出口", "高速口", "高速卡口", "高速卡点"}},
        {"service_station", {"服务区", "高速服务区"}},
        {"testing_site", {"核酸检测点", "检测点", "采样点", "核酸采样点"}}};
    static const std::vector<ValueLabels> teamKinds = {
        {"task_force", {"专班", "工作专班", "包联专班"}},
        {"door_team", {"三人小组", "入户小组", "走访小组"}},
        {"volunteer_team", {"志愿者", "志愿服务队", "志愿者队"}},
        {"testing_team", {"检测队", "采样队", "核酸采样队"}},
        {"supply_team", {"保障组", "物资保障组", "保供组"}}};
    static const std::vector<ValueLabels> modes = {{"walk", {"步行"}}, {"drive", {"驾车", "车辆", "开车"}}};
    static const std::vector<ValueLabels> facilityKinds = {
        {"hospital", {"医院", "定点医院"}},
        {"isolation_site", {"隔离点", "方舱", "方舱医院", "集中隔离点"}},
        {"testing_site", {"检测点", "核酸检测点", "采样点"}},
        {"depot", {"仓库", "物资点", "物资仓库"}},
        {"command_post", {"指挥部", "指挥中心"}}};
    if (kind == FeedKind::Areas && field == "level") return levels;
    if (kind == FeedKind::Zones && field == "risk") return risks;
    if (kind == FeedKind::Posts && field == "kind") return postKinds;
    if (kind == FeedKind::Teams && field == "kind") return teamKinds;
    if (kind == FeedKind::Teams && field == "mode") return modes;
    if (kind == FeedKind::Facilities && field == "kind") return facilityKinds;
    static const std::vector<ValueLabels> none;
    return none;
}

bool sameName(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
               return lower(x) == lower(y);
           });
}

/// The first of `fields` that `names` recognises (in the order of `names`: the better name first).
const std::string* findField(const std::vector<std::string>& fields,
                             const std::vector<std::string_view>& names) {
    for (std::string_view name : names)
        for (const std::string& f : fields)
            if (sameName(f, name)) return &f;
    return nullptr;
}

} // namespace

std::vector<std::string> recogniseFields(FeedMapping& mapping, const std::vector<std::string>& fields) {
    std::vector<std::string> added;
    if (!mapping.feed) return added;
    const auto mapped = [&](std::string_view target) {
        return std::any_of(mapping.map.begin(), mapping.map.end(),
                           [&](const FieldMapping& m) { return m.target == target; });
    };
    const auto used = [&](const std::string& source) {
        return std::any_of(mapping.map.begin(), mapping.map.end(),
                           [&](const FieldMapping& m) { return !m.isLiteral() && m.source == source; });
    };
    for (const Synonyms& s : fieldSynonyms(*mapping.feed)) {
        if (mapped(s.target) || std::find(fields.begin(), fields.end(), s.target) != fields.end()) continue;
        const std::string* source = findField(fields, s.names);
        if (!source || used(*source)) continue;
        mapping.map.push_back({std::string(s.target), *source, {}});
        added.emplace_back(s.target);
    }
    if (mapping.idField.empty() && std::find(fields.begin(), fields.end(), "id") == fields.end())
        if (const std::string* id = findField(fields, {"编号", "ID", "code", "代码", "编码"});
            id && !used(*id)) {
            mapping.idField = *id;
            added.emplace_back("id");
        }
    return added;
}

std::optional<std::string_view> recogniseValue(FeedKind kind, std::string_view field,
                                               std::string_view value) {
    for (const ValueLabels& v : valueLabels(kind, field))
        for (std::string_view label : v.labels)
            if (label == value) return v.value;
    return std::nullopt;
}

} // namespace cordon
