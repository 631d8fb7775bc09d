// The feed status view: the loader's sources, change log and failures as the feeds panel, the
// wall's strip and the page state, and the loader's two questions with their answers.

#include "app/feed_status_view.hpp"

#include "platform/page.hpp"
#include "ui/feed_messages.hpp"
#include "ui/strings.hpp"

#include <cmath>
#include <utility>

namespace cordon {

namespace {

/// A failed attempt in the user's language: the refusal's reason, else the load error.
std::string failureText(const std::string& error, const std::optional<UpdateCheck>& refusal, Lang lang) {
    if (refusal) return updateText(*refusal, lang);
    return error.empty() ? std::string() : loadErrorText(error, lang);
}

} // namespace

FeedStrip FeedStatusView::update(const FeedLoader& loader, Lang lang, std::uint64_t nowMs, int nowMinute) {
    m_panel.lang = lang;
    m_panel.rows.clear();
    std::string stale, failed;
    for (const FeedSourceStatus* s : loader.sources()) {
        FeedRow row;
        row.source = s->source;
        if (s->kind) row.kind = feedDisplayName(*s->kind, lang);
        row.features = s->features;
        row.hasData = s->hasData;
        row.supersededBy = sourceFileName(s->supersededBy);
        row.ageSeconds = loader.ageSeconds(*s);
        row.stale = loader.isStale(*s);
        row.error = s->error;
        row.message = failureText(s->error, s->refusal, lang);
        if (s->refusal) row.refusal = updateProblemName(s->refusal->problem);
        row.errorAgoSeconds = static_cast<double>(nowMs - s->errorMs) / 1000.0;
        row.refreshSeconds = s->refreshSeconds;
        row.versions = s->versions;
        row.unchanged = s->unchanged;
        row.failures = s->failures;
        if (!row.message.empty())
            failed += (failed.empty() ? "" : "; ") + sourceFileName(row.source) +
                      (lang == Lang::En ? " (" : "（") + row.message + (lang == Lang::En ? ")" : "）");
        else if (row.stale)
            stale += (stale.empty() ? "" : ", ") + sourceFileName(row.source);
        m_panel.rows.push_back(std::move(row));
    }
    m_panel.changes.clear();
    const auto& changes = loader.changes();
    for (auto it = changes.rbegin(); it != changes.rend(); ++it)
        m_panel.changes.push_back(
            {static_cast<double>(nowMs - it->atMs) / 1000.0, it->source, changeSummary(it->change, lang)});
    m_panel.failureCount = loader.failureCount();
    m_panel.failures.clear();
    const auto& failures = loader.failureLog();
    for (auto it = failures.rbegin(); it != failures.rend() && m_panel.failures.size() < 20; ++it)
        m_panel.failures.push_back({static_cast<double>(nowMs - it->atMs) / 1000.0, it->source,
                                    failureText(it->error, it->refusal, lang)});
    FeedStrip strip;
    if (!stale.empty()) strip.stale = std::string(tr(TextId::WallFeedsStale, lang)) + ": " + stale;
    if (!failed.empty())
        strip.failed =
            std::string(tr(TextId::WallFeedsFailed, lang)) + (lang == Lang::En ? ": " : "：") + failed;
    constexpr std::size_t kTickerChanges = 4;
    for (auto it = changes.rbegin(); it != changes.rend() && strip.recent.size() < kTickerChanges; ++it) {
        strip.recent.push_back(clockTextAt(it->atMs, nowMinute, nowMs) + " " +
                               changeSummary(it->change, lang));
    }
    return strip;
}

int FeedStatusView::trouble() const {
    int n = 0;
    for (const FeedRow& row : m_panel.rows)
        n += row.stale || !row.error.empty();
    return n;
}

bool FeedStatusView::drawQuestions(const FeedLoader& loader, Lang lang, float mapLeft) {
    m_updatePrompt.mapLeft = m_kindPrompt.mapLeft = mapLeft;
    const bool answered = drawPendingUpdate(loader, lang);
    return drawUnknownFile(loader, lang) || answered;
}

bool FeedStatusView::drawPendingUpdate(const FeedLoader& loader, Lang lang) {
    const std::optional<PendingUpdate>& pending = loader.pending();
    m_updatePrompt.visible = pending.has_value();
    if (!pending) return false;
    m_updatePrompt.lang = lang;
    m_updatePrompt.feed = feedDisplayName(pending->check.loadedAs, lang);
    m_updatePrompt.source = sourceFileName(pending->source);
    m_updatePrompt.before = pending->check.before;
    m_updatePrompt.added = pending->check.change.added;
    m_updatePrompt.removed = pending->check.change.removed;
    m_updatePrompt.removedNames = pending->check.change.removedNames;
    m_updateAnswer = drawUpdatePrompt(m_updatePrompt);
    return m_updateAnswer.apply || m_updateAnswer.keep;
}

bool FeedStatusView::drawUnknownFile(const FeedLoader& loader, Lang lang) {
    const std::optional<UnknownFile>& unknown = loader.unknownFile();
    m_kindPrompt.visible = unknown.has_value() && !loader.pending();
    if (!m_kindPrompt.visible) return false;
    const FeedPreview& p = unknown->preview;
    m_kindPrompt.lang = lang;
    m_kindPrompt.source = sourceFileName(unknown->source);
    m_kindPrompt.features = p.features;
    m_kindPrompt.geometry = p.geometry;
    m_kindPrompt.fields = p.propertyNames;
    m_kindPrompt.names = p.names;
    m_kindPrompt.guess = p.guess;
    m_kindPrompt.gcj02 = unknown->gcj02;
    if (m_importChoiceFor != unknown->source) { // a new file: GCJ-02 ticked when it looks so
        m_importChoiceFor = unknown->source;
        m_importChoice = ImportChoice{};
        m_importChoice.fromGcj02 = unknown->gcj02.likely;
        m_kindPrompt.saveMapping = false;
    }
    m_kindPrompt.add = m_importChoice.add;
    m_kindPrompt.fromGcj02 = m_importChoice.fromGcj02;
    m_kindAnswer = drawKindPrompt(m_kindPrompt);
    if (m_kindAnswer.add) m_importChoice.add = *m_kindAnswer.add;
    if (m_kindAnswer.fromGcj02) m_importChoice.fromGcj02 = *m_kindAnswer.fromGcj02;
    if (m_kindAnswer.saveMapping) m_kindPrompt.saveMapping = *m_kindAnswer.saveMapping;
    return m_kindAnswer.chosen || m_kindAnswer.cancel || m_kindAnswer.add || m_kindAnswer.fromGcj02 ||
           m_kindAnswer.saveMapping;
}

bool FeedStatusView::answer(FeedLoader& loader, FeedSet& feeds, bool& answered) {
    bool changed = false;
    answered = false;
    const KindPromptActions kind = std::exchange(m_kindAnswer, {});
    if (kind.chosen) {
        ImportChoice choice = m_importChoice;
        choice.kind = *kind.chosen;
        if (m_kindPrompt.saveMapping) saveMappingFile(loader, choice);
        changed |= loader.chooseKind(choice, feeds);
        m_importChoiceFor.clear();
        answered = true;
    } else if (kind.cancel) {
        loader.dismissUnknown();
        m_importChoiceFor.clear();
        answered = true;
    }
    const UpdatePromptActions update = std::exchange(m_updateAnswer, {});
    if (update.apply)
        changed |= loader.applyPending(feeds);
    else if (update.keep)
        loader.discardPending();
    answered |= update.apply || update.keep;
    return changed;
}

void FeedStatusView::saveMappingFile(const FeedLoader& loader, const ImportChoice& choice) {
    const std::string json = loader.mappingFileFor(choice);
    const std::string name = m_kindPrompt.source.substr(0, m_kindPrompt.source.find('.')) + ".mapping.json";
    m_lastMappingFile = json;
    if (!page::downloadFile(name, json, "application/json")) page::showError("cannot write " + name);
}

void FeedStatusView::writeState(JsonWriter& out, const FeedLoader& loader, Lang lang,
                                const std::string& wallFailure) const {
    out.beginObject().key("sources").beginArray();
    for (const FeedRow& r : m_panel.rows) {
        out.beginObject()
            .member("source", r.source)
            .member("features", r.features)
            .member("hasData", r.hasData)
            .key("ageSeconds")
            .fixed(r.ageSeconds, 0)
            .member("stale", r.stale)
            .member("refreshSeconds", r.refreshSeconds)
            .member("versions", r.versions)
            .member("unchanged", r.unchanged)
            .member("failures", r.failures)
            .member("error", r.error)
            .member("message", r.message)
            .member("refusal", r.refusal)
            .member("supersededBy", r.supersededBy)
            .endObject();
    }
    out.endArray().key("changes").beginArray();
    for (const FeedChangeRecord& c : loader.changes())
        out.beginObject()
            .member("source", c.source)
            .member("feed", feedKindName(c.change.kind))
            .member("added", c.change.added)
            .member("removed", c.change.removed)
            .member("changed", c.change.changed)
            .member("highRiskAdded", c.change.highRiskAdded)
            .member("highRiskLifted", c.change.highRiskLifted)
            .member("text", changeSummary(c.change, lang))
            .endObject();
    out.endArray()
        .member("failureCount", loader.failureCount())
        .member("failureLog", loader.failureLog().size())
        .key("pendingUpdate");
    if (const std::optional<PendingUpdate>& p = loader.pending())
        out.beginObject()
            .member("source", p->source)
            .member("feed", feedKindName(p->check.loadedAs))
            .member("before", p->check.before)
            .member("added", p->check.change.added)
            .member("removed", p->check.change.removed)
            .endObject();
    else
        out.null();
    out.key("unknownFile");
    writeUnknownFile(out, loader);
    out.member("mappingFile", m_lastMappingFile).member("wallFailure", wallFailure).endObject();
}

void FeedStatusView::writeUnknownFile(JsonWriter& out, const FeedLoader& loader) const {
    const std::optional<UnknownFile>& u = loader.unknownFile();
    if (!u) {
        out.null();
        return;
    }
    out.beginObject().member("source", u->source).member("features", u->preview.features).key("guess");
    if (u->preview.guess)
        out.value(feedKindName(*u->preview.guess));
    else
        out.null();
    out.key("fields").beginArray();
    for (const std::string& f : u->preview.propertyNames)
        out.value(f);
    static constexpr const char* kEvidence[] = {"none", "declared", "named", "roadOffset"};
    const Gcj02Guess& g = u->gcj02;
    const auto metres = [&](const char* key, const std::optional<double>& m) {
        out.key(key);
        if (m)
            out.value(std::lround(*m));
        else
            out.null();
    };
    out.endArray()
        .key("gcj02")
        .beginObject()
        .member("likely", g.likely)
        .member("evidence", kEvidence[static_cast<int>(g.evidence)]);
    metres("asGivenMetres", g.asGivenMetres);
    metres("convertedMetres", g.convertedMetres);
    out.endObject()
        .member("add", m_importChoice.add)
        .member("fromGcj02", m_importChoice.fromGcj02)
        .endObject();
}

} // namespace cordon
