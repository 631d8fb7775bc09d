#pragma once
/// Map labels placed without overlapping: candidates (a name, where it belongs on screen, how
/// important it is, how big its text is) in, the ones that fit out. Greedy by priority, as map
/// renderers do it: a label is kept when its box, with a margin, is on screen and touches no box
/// already kept. GL-free and font-free: the caller measures the text.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace cordon {

struct LabelCandidate {
    std::string_view text;       ///< the name; it must outlive the frame (anchors and features do)
    float x = 0, y = 0;          ///< anchor in screen pixels (y down): the label is centred on it
    float width = 0, height = 0; ///< text size in pixels
    int priority = 0;            ///< higher first (districts over sub-districts over roads)
    std::uint32_t id = 0;        ///< the caller's reference (e.g. which feature)
    float textScale = 1;         ///< text size relative to the UI text (for whoever draws it)
    bool boxed = false;          ///< a note on a box of its own (a plan move), not a name on the map
};

/// Indices of the candidates to draw, in drawing order (most important first). `marginPx` keeps
/// neighbours apart; labels partly outside the map (`left` to `width`, 0 to `height`: the laptop's
/// map starts right of its side panel) are dropped. Ties in priority go to the candidate listed
/// first, so the result is stable from frame to frame.
std::vector<std::size_t> placeLabels(std::span<const LabelCandidate> candidates, float width, float height,
                                     float marginPx = 4, float left = 0);

} // namespace cordon
