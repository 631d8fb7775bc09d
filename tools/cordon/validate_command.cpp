// `cordon validate`: every problem of every file, in the user's language or as JSON.

#include "cordon/validate_command.hpp"

#include "cordon/checked_inputs.hpp"
#include "cordon/cli.hpp"
#include "core/formats/json_writer.hpp"
#include "ui/diagnostic_text.hpp"

#include <algorithm>
#include <ostream>

namespace cordon {

namespace {

constexpr OptionSpec kValidateOptions[] = {
    {"--feed", "NAME",
     "read every file as this feed (areas, zones, posts, teams, roster, roads,\nfacilities)"},
    {"--json", "", "print a machine-readable report instead"},
    {"--lang", "zh|en", "problems in Chinese (default English)"},
};

} // namespace

const CommandSpec kValidateCommand{
    "validate", "FILE|FOLDER...",
    "  Reads each file as a cordon feed: its kind comes from its \"cordon\": {\"feed\": ...} member,\n"
    "  else from its name (zones.geojson), else --feed; files of no known kind are checked as plain\n"
    "  GeoJSON. A folder stands for its .geojson/.json files. References between the given feeds\n"
    "  are checked too. One line per problem: file: feed[index] id=ID: path: severity: message.",
    kValidateOptions,
    "0 no errors (warnings allowed), 1 errors found, 2 bad command line or unreadable file."};

namespace {

void writeDiagnostic(JsonWriter& out, const std::string& file, const Diagnostic& d) {
    out.lineBreak()
        .beginObject()
        .member("file", file)
        .member("feed", d.feed)
        .member("severity", d.severity == Severity::Error ? "error" : "warning")
        .member("feature", d.featureIndex)
        .member("id", d.featureId)
        .member("path", d.path)
        .member("message", d.message)
        .member("code", static_cast<int>(d.code))
        .endObject();
}

} // namespace

int runValidateCommand(const std::vector<std::string>& given, std::ostream& out, std::ostream& err) {
    const ParsedArgs args = parseArgs(given, kValidateCommand);
    if (!args.error.empty()) {
        err << "cordon validate: " << args.error << "\n";
        return kExitUsage;
    }
    const bool json = args.has("--json");
    const Lang lang = parseLang(args.value("--lang").value_or("en"));
    const std::optional<CheckedInputs> inputs = readCheckedInputs(args, "validate", err);
    if (!inputs) return kExitUsage;

    std::size_t errors = 0, warnings = 0;
    JsonWriter problems; // the array, until the counts that come before it are known
    problems.beginArray();
    auto report = [&](const std::string& file, const Diagnostic& d) {
        (d.severity == Severity::Error ? errors : warnings)++;
        if (json)
            writeDiagnostic(problems, file, d);
        else
            out << file << ": " << diagnosticText(d, lang) << "\n";
    };
    for (const CheckedFile& l : inputs->files) {
        for (const Diagnostic& d : l.diagnostics)
            report(l.file, d);
        if (!json && (l.feed || l.plain)) {
            const std::size_t n = l.feed ? l.feed->size() : l.plain->features.size();
            out << l.file << ": " << n << " features read"
                << (l.feed ? " as " + std::string(feedKindName(l.feed->kind)) : "") << "\n";
        }
        if (!json && !l.feed && !l.plain) out << l.file << ": rejected as a whole\n";
    }
    for (const Diagnostic& d : inputs->references) {
        const auto it = std::find_if(inputs->files.begin(), inputs->files.end(), [&](const CheckedFile& l) {
            return l.feed && feedKindName(l.feed->kind) == d.feed;
        });
        report(it != inputs->files.end() ? it->file : d.feed, d);
    }
    if (json) {
        problems.lineBreak().endArray();
        JsonWriter json;
        json.beginObject()
            .member("errors", errors)
            .member("warnings", warnings)
            .key("problems")
            .raw(problems.text());
        out << json.endObject().text() << "\n";
    } else {
        out << errors << " errors, " << warnings << " warnings\n";
    }
    return errors > 0 ? kExitProblems : kExitOk;
}

} // namespace cordon
