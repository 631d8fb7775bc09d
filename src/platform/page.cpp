#include "platform/page.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace cordon::page {

#ifdef __EMSCRIPTEN__

void setStatus(std::string_view text) {
    const std::string s(text);
    EM_ASM(
        {
            if (window.cordonPage) window.cordonPage.status(UTF8ToString($0));
        },
        s.c_str());
}

void showError(std::string_view text) {
    const std::string s(text);
    EM_ASM(
        {
            if (window.cordonPage)
                window.cordonPage.error(UTF8ToString($0));
            else
                console.error(UTF8ToString($0));
        },
        s.c_str());
}

void signalReady(std::string_view stateJson) {
    const std::string s(stateJson);
    EM_ASM(
        {
            if (window.cordonPage) window.cordonPage.ready(JSON.parse(UTF8ToString($0)));
        },
        s.c_str());
}

void publishState(std::string_view stateJson) {
    const std::string s(stateJson);
    EM_ASM({ window.cordonState = JSON.parse(UTF8ToString($0)); }, s.c_str());
}

EM_JS(char*, cordonLocationQuery, (), {
    var s = window.location.search.substring(1);
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

std::string queryString() {
    char* q = cordonLocationQuery();
    std::string s = q ? q : "";
    free(q);
    return s;
}

#else

void setStatus(std::string_view text) {
    std::fprintf(stderr, "status: %.*s\n", int(text.size()), text.data());
}

void showError(std::string_view text) {
    std::fprintf(stderr, "error: %.*s\n", int(text.size()), text.data());
}

void signalReady(std::string_view stateJson) {
    std::printf("ready %.*s\n", int(stateJson.size()), stateJson.data());
    std::fflush(stdout);
}

void publishState(std::string_view) {}

std::string queryString() {
    return {};
}

#endif

} // namespace cordon::page
