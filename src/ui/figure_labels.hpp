#pragma once
/// The one label of each shared figure (core/map/figures.hpp), used by the wall, the panels, the
/// legend and the briefing alike.

#include "core/map/figures.hpp"
#include "ui/strings.hpp"

#include <string>

namespace cordon {

/// "违反一高风险区一专班", "专班15分钟内不可达的高风险区", ... (`thresholdMinutes` fills the reach figure).
std::string figureLabel(FigureId figure, Lang lang, double thresholdMinutes = 15);

} // namespace cordon
