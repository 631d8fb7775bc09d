#include "core/formats/append_format.hpp"

#include <cstdarg>
#include <cstdio>

namespace cordon {

namespace {

std::string& appendFormatV(std::string& out, const char* format, std::va_list args) {
    std::va_list again;
    va_copy(again, args);
    const int size = std::vsnprintf(nullptr, 0, format, args);
    if (size > 0) {
        const std::size_t start = out.size();
        out.resize(start + static_cast<std::size_t>(size) + 1);
        std::vsnprintf(out.data() + start, static_cast<std::size_t>(size) + 1, format, again);
        out.pop_back(); // vsnprintf's terminating zero
    }
    va_end(again);
    return out;
}

} // namespace

std::string& appendFormat(std::string& out, const char* format, ...) {
    std::va_list args;
    va_start(args, format);
    appendFormatV(out, format, args);
    va_end(args);
    return out;
}

std::string formatted(const char* format, ...) {
    std::string out;
    std::va_list args;
    va_start(args, format);
    appendFormatV(out, format, args);
    va_end(args);
    return out;
}

} // namespace cordon
