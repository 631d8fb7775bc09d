#pragma once
/// The briefing-snapshot panel (`B`): a title and the author's note, and the button that saves the
/// map as it is now as one offline HTML file.

#include "ui/strings.hpp"

#include <array>
#include <string>

namespace cordon {

struct SnapshotPanelModel {
    Lang lang = Lang::Zh;
    bool visible = false;
    std::array<char, 256> title{};
    std::array<char, 2048> note{};
    bool busy = false;  ///< the app page is being fetched
    std::string status; ///< the last result ("Saved 6.1 MB" or the error)
    float mapLeft = 0;  ///< where the map starts: the dialog opens over the map's middle
};

struct SnapshotPanelActions {
    bool save = false;
};

SnapshotPanelActions drawSnapshotPanel(SnapshotPanelModel& model);

} // namespace cordon
