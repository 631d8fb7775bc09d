#include "cordon/file_io.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace cordon {

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

} // namespace cordon
