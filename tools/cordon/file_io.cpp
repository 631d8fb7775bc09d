// File access for the command-line tool: reading feeds and folders, writing outputs.

#include "cordon/file_io.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace cordon {

bool writeFile(const std::string& path, std::string_view text, std::string_view command, std::ostream& err) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (file) file.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!file.flush()) {
        err << "cordon " << command << ": cannot write " << path << ": " << std::strerror(errno) << "\n";
        return false;
    }
    return true;
}

std::optional<std::string> readFile(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path + ": " + std::strerror(errno);
        return std::nullopt;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) {
        error = path + ": read error";
        return std::nullopt;
    }
    return std::move(bytes).str();
}

std::vector<std::string> feedFilesIn(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(path, ec)) return {path};
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(path, ec)) {
        const std::string ext = e.path().extension().string();
        if (e.is_regular_file() && (ext == ".geojson" || ext == ".json")) files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::optional<double> parseNumber(const std::string& text) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || !end || *end != '\0' || !(v > 0)) return std::nullopt;
    return v;
}

std::optional<FeedSet> loadFeedSet(const std::vector<std::string>& files, std::string_view command,
                                   std::ostream& err, std::size_t* errorCount) {
    constexpr std::size_t kErrorsShown = 10;
    FeedSet feeds;
    std::size_t errors = 0;
    for (const std::string& file : files) {
        std::string error;
        const std::optional<std::string> bytes = readFile(file, error);
        if (!bytes) {
            err << "cordon " << command << ": " << error << "\n";
            return std::nullopt;
        }
        FeedReadResult r = readFeedDetectKind(*bytes, file);
        if (!r.feed) {
            err << "cordon " << command << ": " << file << " is not a usable feed"
                << (r.diagnostics.empty() ? "" : ": " + r.diagnostics[0].toString()) << "\n";
            return std::nullopt;
        }
        for (const Diagnostic& d : r.diagnostics)
            if (d.severity == Severity::Error && ++errors <= kErrorsShown)
                err << file << ": " << d.toString() << "\n";
        feeds.replace(std::move(*r.feed));
    }
    if (errors > kErrorsShown) err << "... " << errors << " errors in all (cordon validate lists them)\n";
    if (errorCount) *errorCount = errors;
    return feeds;
}

} // namespace cordon
