#pragma once
/// The label view: names on the map for the current zoom (districts first, then sub-districts,
/// posts and the rest by priority), the selected feature's name above all, placed without overlaps
/// by the UI font's measures. `T` hides them.

#include "core/formats/json_writer.hpp"
#include "core/map/feature_picker.hpp"
#include "render/camera.hpp"
#include "render/map_labels.hpp"

#include <optional>
#include <vector>

namespace cordon {

class LabelView {
  public:
    /// The anchors of every named feature in `feeds` (after each new version).
    void feedsChanged(const FeedSet& feeds);
    /// Places and draws the labels seen through `camera`; `toUi` converts device pixels to the UI's,
    /// `textScale` enlarges them (the wall).
    void draw(const FeedSet& feeds, const Camera& camera, double toUi, float textScale,
              const std::optional<PickedFeature>& selected);
    void toggle() { m_shown = !m_shown; }
    /// Labels beside the feeds' names, such as the plan's moves (LabelKind::PlanMove); replaced
    /// whenever what they label changes.
    void setNotes(std::vector<LabelAnchor> notes) { m_notes = std::move(notes); }
    /// The wall names only the districts (and the selection): the rest is quiet context.
    void setDistrictsOnly(bool on) { m_districtsOnly = on; }
    /// Where the map starts (UI pixels): no label goes under the laptop's side panel.
    void setMapLeft(float left) { m_mapLeft = left; }
    /// The page state's `labels` member; `glyphs` is the font's count.
    void writeState(JsonWriter& out, std::size_t glyphs) const;

  private:
    std::vector<LabelAnchor> m_anchors;
    std::vector<LabelAnchor> m_notes;
    bool m_shown = true;
    bool m_districtsOnly = false;
    float m_mapLeft = 0;
    int m_placed = 0, m_districts = 0, m_notesPlaced = 0;
};

} // namespace cordon
