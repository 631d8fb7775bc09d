#include "ui/figure_labels.hpp"

#include <cmath>

namespace cordon {

std::string figureLabel(FigureId figure, Lang lang, double thresholdMinutes) {
    switch (figure) {
    case FigureId::HighRiskZones:
        return std::string(tr(TextId::KpiHighRiskZones, lang));
    case FigureId::ZonesBreakingRule:
        return std::string(tr(TextId::ZoneRuleGaps, lang));
    case FigureId::ZonesWithoutTaskForce:
        return std::string(tr(TextId::FigureZonesWithoutTaskForce, lang));
    case FigureId::ZonesOutOfReach:
        return fillText(tr(TextId::KpiZonesWithoutTaskForce, lang),
                        {std::to_string(static_cast<long>(std::lround(thresholdMinutes)))});
    case FigureId::PostsShortNow:
        return std::string(tr(TextId::KpiPostsShortNow, lang));
    case FigureId::PersonHoursShort:
        return std::string(tr(TextId::KpiPersonHoursShort, lang));
    case FigureId::HouseholdsAwaiting:
        return std::string(tr(TextId::KpiHouseholdsAwaiting, lang));
    }
    return {};
}

} // namespace cordon
