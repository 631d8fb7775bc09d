#include "core/feeds/feed_set.hpp"

namespace cordon {

namespace {

class ReferenceChecker {
  public:
    ReferenceChecker(const FeedSet& set, std::vector<Diagnostic>& out) : m_set(set), m_out(out) {}

    /// Checks one reference of feature `index` in `from` to an id in feed `to`.
    void check(const Feed& from, std::size_t index, const std::string& path, const std::string& id,
               FeedKind to) {
        if (id.empty()) return;
        const Feed* target = m_set.get(to);
        if (!target || target->find(id)) return;
        m_out.push_back({Severity::Warning,
                         std::string(feedKindName(from.kind)),
                         static_cast<long>(index),
                         from.layer.features[index].id,
                         path,
                         "unknown " + std::string(feedKindName(to)) + " id '" + id + "'",
                         DiagnosticCode::UnknownReference,
                         {std::string(feedKindName(to)), id}});
    }

    void checkList(const Feed& from, std::size_t index, const std::string& key,
                   const std::vector<std::string>& ids, FeedKind to) {
        for (std::size_t i = 0; i < ids.size(); ++i)
            check(from, index, "properties." + key + "[" + std::to_string(i) + "]", ids[i], to);
    }

  private:
    const FeedSet& m_set;
    std::vector<Diagnostic>& m_out;
};

} // namespace

FeedStamp::FeedStamp() {
    m_reads.fill(true);
}

FeedStamp::FeedStamp(std::initializer_list<FeedKind> inputs) {
    for (FeedKind kind : inputs)
        m_reads[static_cast<int>(kind)] = true;
}

bool FeedStamp::current(const FeedSet& feeds) const {
    if (!m_made) return false;
    for (int k = 0; k < kFeedKindCount; ++k)
        if (m_reads[k] && m_versions[k] != feeds.versions[k]) return false;
    return true;
}

void FeedStamp::stamp(const FeedSet& feeds) {
    m_versions = feeds.versions;
    m_made = true;
}

std::vector<Diagnostic> checkReferences(const FeedSet& set) {
    std::vector<Diagnostic> out;
    ReferenceChecker c(set, out);
    if (const Feed* f = set.get(FeedKind::Areas))
        for (std::size_t i = 0; i < f->size(); ++i) {
            c.check(*f, i, "properties.parent", f->areas[i].parent, FeedKind::Areas);
            if (f->areas[i].parent == f->layer.features[i].id && !f->areas[i].parent.empty())
                out.push_back({Severity::Warning, "areas", static_cast<long>(i), f->layer.features[i].id,
                               "properties.parent", "an area cannot be its own parent",
                               DiagnosticCode::OwnParent});
        }
    if (const Feed* f = set.get(FeedKind::Zones))
        for (std::size_t i = 0; i < f->size(); ++i)
            c.check(*f, i, "properties.area", f->zones[i].area, FeedKind::Areas);
    if (const Feed* f = set.get(FeedKind::Posts))
        for (std::size_t i = 0; i < f->size(); ++i) {
            c.check(*f, i, "properties.area", f->posts[i].area, FeedKind::Areas);
            c.check(*f, i, "properties.zone", f->posts[i].zone, FeedKind::Zones);
        }
    if (const Feed* f = set.get(FeedKind::Teams))
        for (std::size_t i = 0; i < f->size(); ++i) {
            c.checkList(*f, i, "zones", f->teams[i].zones, FeedKind::Zones);
            c.checkList(*f, i, "posts", f->teams[i].posts, FeedKind::Posts);
        }
    if (const Feed* f = set.get(FeedKind::Roster))
        for (std::size_t i = 0; i < f->size(); ++i) {
            c.check(*f, i, "properties.post", f->roster[i].post, FeedKind::Posts);
            c.check(*f, i, "properties.team", f->roster[i].team, FeedKind::Teams);
        }
    return out;
}

} // namespace cordon
