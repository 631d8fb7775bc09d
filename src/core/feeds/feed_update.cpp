#include "core/feeds/feed_update.hpp"

#include "core/feeds/feed_preview.hpp"

namespace cordon {

UpdateCheck checkUpdate(std::string_view bytes, const FeedReadResult& read, FeedKind loadedAs,
                        const Feed* before, const UpdatePolicy& policy) {
    UpdateCheck check;
    check.loadedAs = loadedAs;
    check.total = read.featuresInFile();
    check.valid = read.feed ? read.feed->size() : 0;
    check.before = before ? before->size() : 0;
    check.minValidShare = policy.minValidShare;
    if (check.total > 0 && double(check.valid) < policy.minValidShare * double(check.total)) {
        const FeedPreview preview = previewFeed(bytes);
        if (preview.guess && *preview.guess != loadedAs) {
            check.problem = UpdateProblem::OtherKind;
            check.readsAs = preview.guess;
        } else {
            check.problem = UpdateProblem::FewValid;
        }
        return check;
    }
    if (before && read.feed) {
        check.change = diffFeeds(*before, *read.feed, false); // ids only: the shrink is about what goes
        if (check.before >= policy.shrinkFloor &&
            double(check.change.removed) > policy.maxShrinkShare * double(check.before))
            check.problem = UpdateProblem::LargeShrink;
    }
    return check;
}

UpdateCheck otherKindCheck(FeedKind loadedAs, FeedKind declared) {
    UpdateCheck check;
    check.problem = UpdateProblem::OtherKind;
    check.loadedAs = loadedAs;
    check.readsAs = declared;
    return check;
}

std::string_view updateProblemName(UpdateProblem problem) {
    switch (problem) {
    case UpdateProblem::None:
        return "";
    case UpdateProblem::OtherKind:
        return "otherKind";
    case UpdateProblem::FewValid:
        return "fewValid";
    case UpdateProblem::LargeShrink:
        return "largeShrink";
    }
    return "";
}

std::string describeUpdate(const UpdateCheck& c) {
    const std::string loaded(feedKindName(c.loadedAs));
    switch (c.problem) {
    case UpdateProblem::None:
        return "taken";
    case UpdateProblem::OtherKind:
        return "this is " + std::string(c.readsAs ? feedKindName(*c.readsAs) : "another feed") +
               " data, not " + loaded + "; the last good version stays on the map";
    case UpdateProblem::FewValid:
        return "only " + std::to_string(c.valid) + " of " + std::to_string(c.total) + " features are valid " +
               loaded + "; the last good version stays on the map";
    case UpdateProblem::LargeShrink:
        return "would remove " + std::to_string(c.change.removed) + " of " + std::to_string(c.before) + " " +
               loaded + " features at once (+" + std::to_string(c.change.added) + " / -" +
               std::to_string(c.change.removed) + "); held until confirmed";
    }
    return {};
}

} // namespace cordon
