// The option parser: GNU-style arguments split by a command's option table, and its help.

#include "cordon/option_parser.hpp"

#include <algorithm>

namespace cordon {

namespace {

const OptionSpec* findOption(const CommandSpec& command, std::string_view name) {
    for (const OptionSpec& o : command.options)
        if (o.name == name || (!o.alias.empty() && o.alias == name)) return &o;
    return nullptr;
}

} // namespace

std::string usageText(const CommandSpec& command) {
    // The synopsis in lines of at most 100 characters, continuations indented under the first option.
    constexpr std::size_t kWidth = 100;
    std::string text;
    std::string line = "cordon " + std::string(command.name);
    const std::size_t indent = line.size();
    auto add = [&](const std::string& item) {
        if (line.size() + 1 + item.size() > kWidth) {
            text += line + "\n";
            line = std::string(indent, ' ');
        }
        line += " " + item;
    };
    for (const OptionSpec& o : command.options) {
        const std::string item = std::string(o.name) + (o.value.empty() ? "" : " " + std::string(o.value));
        add((o.required ? item : "[" + item + "]") + (o.repeatable ? "..." : ""));
    }
    if (!command.operands.empty()) add(std::string(command.operands));
    text += line + "\n";
    text += command.description;
    if (!text.empty() && text.back() != '\n') text += '\n';
    std::size_t width = 0;
    const auto names = [](const OptionSpec& o) {
        return std::string(o.name) + (o.alias.empty() ? "" : ", " + std::string(o.alias)) +
               (o.value.empty() ? "" : " " + std::string(o.value));
    };
    for (const OptionSpec& o : command.options)
        width = std::max(width, names(o).size());
    for (const OptionSpec& o : command.options) {
        std::string head = "  " + names(o);
        head.resize(width + 4, ' ');
        std::string_view help = o.help;
        bool first = true;
        while (!help.empty() || first) {
            const std::size_t cut = help.find('\n');
            const std::string_view part = help.substr(0, cut);
            text += (first ? head : std::string(width + 4, ' ')) + std::string(part) + "\n";
            first = false;
            help = cut == std::string_view::npos ? std::string_view() : help.substr(cut + 1);
        }
    }
    text += "  Exit code: " + std::string(command.exitCodes);
    return text;
}

bool ParsedArgs::has(std::string_view name) const {
    return std::any_of(options.begin(), options.end(), [&](const auto& o) { return o.first == name; });
}

std::optional<std::string> ParsedArgs::value(std::string_view name) const {
    for (auto it = options.rbegin(); it != options.rend(); ++it)
        if (it->first == name) return it->second;
    return std::nullopt;
}

std::vector<std::string> ParsedArgs::values(std::string_view name) const {
    std::vector<std::string> out;
    for (const auto& [n, v] : options)
        if (n == name) out.push_back(v);
    return out;
}

ParsedArgs parseArgs(const std::vector<std::string>& args, const CommandSpec& command) {
    ParsedArgs parsed;
    bool optionsEnded = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (optionsEnded || a.size() < 2 || a[0] != '-') {
            parsed.operands.push_back(a);
            continue;
        }
        if (a == "--") {
            optionsEnded = true;
            continue;
        }
        const std::size_t equals = a.rfind("--", 0) == 0 ? a.find('=') : std::string::npos;
        const std::string name = a.substr(0, equals);
        const OptionSpec* spec = findOption(command, name);
        if (!spec) {
            parsed.error = "unknown option " + a;
            return parsed;
        }
        if (spec->value.empty()) {
            if (equals != std::string::npos) {
                parsed.error = "unknown option " + a + " (" + name + " takes no value)";
                return parsed;
            }
            parsed.options.emplace_back(spec->name, "");
            continue;
        }
        if (equals != std::string::npos) {
            parsed.options.emplace_back(spec->name, a.substr(equals + 1));
        } else if (i + 1 < args.size()) {
            parsed.options.emplace_back(spec->name, args[++i]); // taken whole, even when it begins with '-'
        } else {
            parsed.error = name + " needs a value (" + std::string(spec->value) + ")";
            return parsed;
        }
    }
    for (const OptionSpec& o : command.options)
        if (o.required && !parsed.has(o.name)) {
            parsed.error = std::string(o.name) + " " + std::string(o.value) + " is required";
            return parsed;
        }
    return parsed;
}

} // namespace cordon
