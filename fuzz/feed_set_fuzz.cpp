// libFuzzer target for a set of feeds with references between them: the input holds up to seven
// files separated by the byte 0x1e, read in feed order (areas, zones, posts, teams, roster, roads,
// facilities). Checks the typed columns match the features, references are checked without
// crashing, the update rule and the recognised-column mapping judge every file without crashing
// and with counts that add up, and the staffing model and the shared figures built on the set
// have sane totals.

#include "core/feeds/feed_mapping.hpp"
#include "core/feeds/feed_set.hpp"
#include "core/feeds/feed_update.hpp"
#include "core/map/figures.hpp"
#include "core/staffing/staffing.hpp"
#include "fuzz_support.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

using cordon::fuzz::check;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    cordon::FeedSet set;
    for (int k = 0; k < cordon::kFeedKindCount && !rest.empty(); ++k) {
        const std::size_t cut = rest.find('\x1e');
        const std::string_view file = rest.substr(0, cut);
        rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
        const auto kind = static_cast<cordon::FeedKind>(k);
        cordon::FeedReadResult r = cordon::readFeed(file, kind, "fuzz");
        cordon::FeedMapping mapping;
        mapping.feed = kind;
        if (const cordon::MappedFeed mapped = cordon::mapGeoJsonToFeed(file, mapping, "fuzz"); mapped.geojson)
            (void)cordon::readFeed(*mapped.geojson, kind, "fuzz");
        if (!r.feed) continue;
        const cordon::UpdateCheck update = cordon::checkUpdate(file, r, kind, set.get(kind));
        check(update.valid <= update.total, "valid features are among the file's");
        check(update.valid == r.feed->size(), "valid features are the ones kept");
        (void)cordon::describeUpdate(update);
        const cordon::Feed& f = *r.feed;
        const std::size_t n = f.size();
        const std::size_t columns[] = {f.areas.size(),  f.zones.size(), f.posts.size(),     f.teams.size(),
                                       f.roster.size(), f.roads.size(), f.facilities.size()};
        check(columns[k] == n, "the feed's own column has one row per feature");
        for (std::size_t i = 0; i < n; ++i)
            if (!f.layer.features[i].id.empty())
                check(f.find(f.layer.features[i].id).has_value(), "ids are found");
        set.replace(std::move(*r.feed));
    }
    for (const cordon::Diagnostic& d : cordon::checkReferences(set))
        (void)d.toString();
    if (const cordon::Feed* roster = set.get(cordon::FeedKind::Roster);
        roster && set.get(cordon::FeedKind::Posts)) {
        if (const std::optional<cordon::StaffingDay> day = cordon::rosterDay(*roster)) {
            const cordon::StaffingModel model = cordon::StaffingModel::build(set, *day);
            check(model.city().shortPersonMinutes >= 0, "shortfall is never negative");
            check(model.city().onDutyPersonMinutes >= 0, "on-duty time is never negative");
            const cordon::Figures figures = cordon::computeFigures(set, &model, nullptr, 23 * 60);
            check(figures[cordon::FigureId::ZonesWithoutTaskForce] <=
                      figures[cordon::FigureId::ZonesBreakingRule],
                  "zones with no task force break the rule");
            check(figures[cordon::FigureId::ZonesBreakingRule] <= figures[cordon::FigureId::HighRiskZones],
                  "only high-risk zones break the rule");
        }
    }
    return 0;
}
