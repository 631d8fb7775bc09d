#pragma once
/// The wall view: the KPI tiles from the shared figures (each greyed with the time of its last
/// good data when its inputs failed or went stale), the clock and data time, the feed strip, and
/// the district tour. It keeps the wall panel's model; the app draws it in wall mode and flies to
/// the district the tour names.

#include "core/formats/json_writer.hpp"
#include "core/map/figures.hpp"
#include "core/map/situation.hpp"
#include "ui/wall_panel.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace cordon {

class WallView {
  public:
    /// The tiles from `figures`; `asOf` per figure: "" when current, else the time of its data.
    void setFigures(const Figures& figures, const std::array<std::string, kFigureCount>& asOf);
    /// The strip: stale feeds, failed feeds with their reasons, the latest change ("" for none).
    void setFeedStrip(std::string stale, std::string failed, std::string lastChange);
    /// Clock and data time; with the tour on, the district to show now (the first at once, then
    /// the next every `tourSeconds`), named on the wall. `nowMs` is a monotonic clock.
    std::optional<std::uint32_t> tick(const Situation& situation, Lang lang, int nowMinute,
                                      int dataAsOfMinute, std::uint64_t nowMs, bool tour, int tourSeconds);

    /// The five tiles' numbers as members of the open object (the wall and the `kpis` member).
    void writeKpiMembers(JsonWriter& out) const;
    /// The page state's `wall` member; the type sizes are the font's.
    void writeState(JsonWriter& out, long textPx, long figuresPx) const;

    WallModel& model() { return m_model; }
    const WallModel& model() const { return m_model; }

  private:
    WallModel m_model;
    std::uint64_t m_lastTourMs = 0;
    std::size_t m_tourStop = 0;
};

} // namespace cordon
