#pragma once
/// The laptop workspace: one side panel docked at the left edge, full height, resizable by its
/// right edge and collapsible to a strip, with the tabs 图层, 覆盖分析, 排班缺口, 详情, 数据源. The
/// map has the rest of the window, so no panel ever covers it; fit and fly-to use that rest
/// (mapLeft). The caller draws the open tab's contents between beginWorkspace and endWorkspace.

#include "ui/strings.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cordon {

enum class WorkspaceTab : std::uint8_t { Layers, Coverage, Gaps, Details, Feeds };
inline constexpr int kWorkspaceTabCount = 5;

/// The time the tables look at: the whole day, the night shift (23:00-07:00), or the time the
/// staffing strip is scrubbed to.
enum class TimeFilter : std::uint8_t { Day, Night, Scrubbed };

/// What the tables, the plan and the map's highlight are narrowed to; shown above the tabs.
struct ViewFilter {
    std::optional<std::uint32_t> district; ///< feature index in the areas feed
    TimeFilter time = TimeFilter::Day;
    bool active() const { return district.has_value() || time != TimeFilter::Day; }
    bool operator==(const ViewFilter&) const = default;
};

struct WorkspaceModel {
    Lang lang = Lang::Zh;
    float width = 0; ///< the panel's width in UI pixels (0: the default for the font size)
    bool collapsed = false;
    WorkspaceTab tab = WorkspaceTab::Layers;
    /// Opens this tab in the next frame (a feature clicked on the map opens 详情).
    std::optional<WorkspaceTab> request;
    int feedTrouble = 0;  ///< feeds failed or stale: counted on the 数据源 tab
    bool feedsTab = true; ///< a briefing has no live feeds to show
    /// The districts the filter offers: areas feature index and name.
    std::vector<std::pair<std::uint32_t, std::string>> districts;
    ViewFilter filter;
};

/// Where the map starts: the panel's right edge (the strip's when collapsed), in UI pixels, for
/// `fontSize` (before the first frame the panel's default width).
float workspaceMapLeft(const WorkspaceModel& model, float fontSize);

/// Begins the panel, its filter row and its tab bar; returns the open tab, or nullopt when
/// collapsed (then nothing is to be drawn and endWorkspace is still called). `filterChanged` is
/// set when the user changed or cleared the filter.
std::optional<WorkspaceTab> beginWorkspace(WorkspaceModel& model, bool& filterChanged);
void endWorkspace();

/// The page state's name of a tab ("layers", "coverage", "gaps", "details", "feeds").
const char* workspaceTabKey(WorkspaceTab tab);
/// The tab of that name (`tab=gaps` in the URL), nullopt for none.
std::optional<WorkspaceTab> workspaceTabFromKey(std::string_view key);
/// "day", "night", "slot" (the page state, `time=` in the URL).
const char* timeFilterKey(TimeFilter time);
TimeFilter timeFilterFromKey(std::string_view key);

} // namespace cordon
