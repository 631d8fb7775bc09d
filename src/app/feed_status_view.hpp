#pragma once
/// The feed status view: what the loader knows about each source (age, state, failures, the change
/// log) as the feeds panel and the wall's strip, and the two questions it may ask — a new version
/// that would remove most of a feed, and a file whose feed cannot be told — with their answers,
/// which are carried out before the next frame (new data may rebuild the font atlas).

#include "app/feed_loader.hpp"
#include "core/formats/json_writer.hpp"
#include "ui/feeds_panel.hpp"
#include "ui/kind_prompt.hpp"
#include "ui/update_prompt.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace cordon {

/// The wall's line about the feeds ("" for nothing to say).
struct FeedStrip {
    std::string stale;               ///< the stale feeds, named
    std::string failed;              ///< the failed feeds with their reasons
    std::vector<std::string> recent; ///< the latest changes, newest first, each with its time
};

class FeedStatusView {
  public:
    /// Refills the feeds panel from the loader (`nowMs` on the loader's clock, `nowMinute` the time
    /// of day it is) and returns the strip.
    FeedStrip update(const FeedLoader& loader, Lang lang, std::uint64_t nowMs, int nowMinute);
    /// The 数据源 tab's contents (in the workspace's open tab).
    void drawTab() { drawFeedsTab(m_panel); }
    /// A waiting question, centred on the map (right of `mapLeft`, UI pixels); true when the user
    /// answered one.
    bool drawQuestions(const FeedLoader& loader, Lang lang, float mapLeft);
    /// Feeds failed or stale, for the tab's label.
    int trouble() const;
    /// Carries out the answers given in the last frame. True when the feeds changed; `answered`
    /// is set when the loader's problems may have changed.
    bool answer(FeedLoader& loader, FeedSet& feeds, bool& answered);
    /// The page state's `feeds` member (`wallFailure`: what the wall's strip says failed).
    void writeState(JsonWriter& out, const FeedLoader& loader, Lang lang,
                    const std::string& wallFailure) const;

    FeedsModel& panel() { return m_panel; }

  private:
    FeedsModel m_panel;
    UpdatePromptModel m_updatePrompt;
    UpdatePromptActions m_updateAnswer;
    KindPromptModel m_kindPrompt;
    KindPromptActions m_kindAnswer;
    ImportChoice m_importChoice;   ///< the boxes of the which-feed dialog as they stand
    std::string m_importChoiceFor; ///< the file they are for
    std::string m_lastMappingFile; ///< the last one offered (page state `feeds.mappingFile`)

    bool drawPendingUpdate(const FeedLoader& loader, Lang lang);
    bool drawUnknownFile(const FeedLoader& loader, Lang lang);
    /// Offers the which-feed dialog's choices as a mapping file download.
    void saveMappingFile(const FeedLoader& loader, const ImportChoice& choice);
    void writeUnknownFile(JsonWriter& out, const FeedLoader& loader) const;
};

} // namespace cordon
