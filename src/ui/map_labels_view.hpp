#pragma once
/// Draws map labels over the map and under the panels: measures each candidate's text in the UI
/// font (which carries every character of the loaded names), keeps those that fit without
/// overlapping (placeLabels) and draws them dark on a white halo, readable on any fill.

#include "render/label_layout.hpp"

#include <vector>

namespace cordon {

/// Sets each candidate's size from its text, places and draws them right of `left` (UI pixels);
/// returns the indices drawn.
std::vector<std::size_t> drawMapLabels(std::vector<LabelCandidate>& candidates, float left = 0);

} // namespace cordon
