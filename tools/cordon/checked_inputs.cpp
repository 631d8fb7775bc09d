// Reading the inputs of the commands that report on files (validate, stats): every file read and
// timed on its own, its problems kept whole.

#include "cordon/checked_inputs.hpp"

#include "cordon/file_io.hpp"

#include <chrono>
#include <filesystem>
#include <ostream>

namespace cordon {

namespace {

std::optional<CheckedFile> readChecked(const std::string& file, const std::optional<FeedKind>& kind,
                                       std::string& error) {
    const std::optional<std::string> bytes = readFile(file, error);
    if (!bytes) return std::nullopt;
    CheckedFile l;
    l.file = file;
    l.bytes = bytes->size();
    const auto start = std::chrono::steady_clock::now();
    FeedReadResult r = kind ? readFeed(*bytes, *kind, file) : readFeedDetectKind(*bytes, file);
    const bool kindUnknown = !r.feed && !r.diagnostics.empty() && r.diagnostics[0].path == "cordon.feed" &&
                             r.diagnostics[0].featureIndex < 0 && !kind;
    if (kindUnknown) {
        GeoJsonReadResult g = readGeoJson(*bytes, std::filesystem::path(file).filename().string());
        l.plain = std::move(g.layer);
        l.diagnostics = std::move(g.diagnostics);
    } else {
        l.feed = std::move(r.feed);
        l.diagnostics = std::move(r.diagnostics);
    }
    l.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return l;
}

} // namespace

std::optional<CheckedInputs> readCheckedInputs(const ParsedArgs& args, std::string_view command,
                                               std::ostream& err) {
    std::optional<FeedKind> kind;
    if (const std::optional<std::string> name = args.value("--feed")) {
        kind = feedKindFromName(*name);
        if (!kind) {
            err << "cordon " << command << ": unknown feed '" << *name
                << "' (areas, zones, posts, teams, roster, roads, facilities)\n";
            return std::nullopt;
        }
    }
    std::vector<std::string> files;
    for (const std::string& operand : args.operands)
        for (std::string& f : feedFilesIn(operand))
            files.push_back(std::move(f));
    if (files.empty()) {
        err << "cordon " << command << ": no input file\n";
        return std::nullopt;
    }
    CheckedInputs inputs;
    FeedSet set;
    for (const std::string& file : files) {
        std::string error;
        std::optional<CheckedFile> l = readChecked(file, kind, error);
        if (!l) {
            err << "cordon " << command << ": " << error << "\n";
            return std::nullopt;
        }
        if (l->feed) set.replace(*l->feed);
        inputs.files.push_back(std::move(*l));
    }
    inputs.references = checkReferences(set);
    return inputs;
}

} // namespace cordon
