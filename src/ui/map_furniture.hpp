#pragma once
/// What every map picture carries beside the map: a scale bar and a north arrow, drawn at the
/// ImGui cursor (the wall's legend and the exported picture use the same ones).

#include "ui/strings.hpp"

#include <imgui.h>

namespace cordon {

/// A scale bar: the longest round distance (1, 2 or 5 times a power of ten metres) that fits in
/// `maxPx`, drawn as a bar with its length in km or m, in `colour`.
void drawScaleBar(double metresPerPixel, float maxPx, Lang lang, const ImVec4& colour);

/// A north arrow `size` pixels tall with 北 / N under it (Web Mercator: north is always up).
void drawNorthArrow(float size, Lang lang, const ImVec4& colour);

} // namespace cordon
