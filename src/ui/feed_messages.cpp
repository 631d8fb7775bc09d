#include "ui/feed_messages.hpp"

#include <cmath>
#include <cstdlib>

namespace cordon {
namespace {

std::string feedName(FeedKind kind, Lang lang) {
    return std::string(feedDisplayName(kind, lang));
}

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

} // namespace

std::string updateText(const UpdateCheck& c, Lang lang) {
    switch (c.problem) {
    case UpdateProblem::None:
        return {};
    case UpdateProblem::OtherKind: {
        const std::string readsAs = c.readsAs ? feedName(*c.readsAs, lang) : std::string("?");
        return fillText(tr(TextId::UpdateOtherKind, lang), {readsAs, feedName(c.loadedAs, lang)});
    }
    case UpdateProblem::FewValid:
        return fillText(tr(TextId::UpdateFewValid, lang),
                        {std::to_string(c.valid), std::to_string(c.total),
                         std::to_string(static_cast<int>(std::lround(c.minValidShare * 100)))});
    case UpdateProblem::LargeShrink:
        return fillText(
            tr(TextId::UpdateLargeShrink, lang),
            {std::to_string(c.change.removed), std::to_string(c.before), std::to_string(c.change.added)});
    }
    return {};
}

std::string loadErrorText(std::string_view error, Lang lang) {
    if (startsWith(error, "HTTP ")) {
        const int status = std::atoi(std::string(error.substr(5, 3)).c_str());
        const std::string code = std::to_string(status);
        if (status == 404) return std::string(tr(TextId::LoadHttpNotFound, lang));
        if (status == 401 || status == 403) return fillText(tr(TextId::LoadHttpForbidden, lang), {code});
        if (status >= 500) return fillText(tr(TextId::LoadHttpServer, lang), {code});
        return fillText(tr(TextId::LoadHttp, lang), {code});
    }
    if (startsWith(error, "timed out")) {
        // "timed out: no answer for 30 s"
        const std::size_t at = error.find(" for ");
        const std::string seconds = at == std::string_view::npos
                                        ? "?"
                                        : std::string(error.substr(at + 5, error.find(' ', at + 5) - at - 5));
        return fillText(tr(TextId::LoadTimeout, lang), {seconds});
    }
    if (startsWith(error, "network error")) return std::string(tr(TextId::LoadNetwork, lang));
    if (startsWith(error, "gzip: ")) return fillText(tr(TextId::LoadGzip, lang), {error.substr(6)});
    if (startsWith(error, "not valid JSON")) return fillText(tr(TextId::LoadNotJson, lang), {error});
    if (startsWith(error, "the file (") || error.find("over the limit") != std::string_view::npos)
        return fillText(tr(TextId::LoadTooLarge, lang), {error});
    if (error == "manifest rejected") return std::string(tr(TextId::LoadManifest, lang));
    if (startsWith(error, "cannot tell which feed")) return std::string(tr(TextId::LoadUnknownKind, lang));
    return lang == Lang::En ? std::string(error) : fillText(tr(TextId::LoadOther, lang), {error});
}

} // namespace cordon
