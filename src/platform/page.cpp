#include "platform/page.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

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

EM_JS(void, cordonDownload, (const char* name, const char* bytes, int size, const char* mime), {
    var data = HEAPU8.slice(bytes, bytes + size);
    var url = URL.createObjectURL(new Blob([data], {
        type:
            UTF8ToString(mime)
    }));
    var a = document.createElement('a');
    a.href = url;
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(
        function() { URL.revokeObjectURL(url); }, 10000);
});

bool downloadFile(const std::string& name, std::string_view bytes, const char* mimeType) {
    cordonDownload(name.c_str(), bytes.data(), static_cast<int>(bytes.size()), mimeType);
    return true;
}

namespace {
std::optional<std::string> g_searchQuery;
bool g_searchSubmit = false;
} // namespace

bool hasSearchBox() {
    return true;
}

void showSearchBox(bool show, std::string_view placeholder) {
    const std::string text(placeholder);
    EM_ASM(
        {
            var box = document.getElementById('search');
            if (!box) return;
            box.placeholder = UTF8ToString($1);
            box.style.display = $0 ? 'block' : 'none';
        },
        show ? 1 : 0, text.c_str());
}

void placeSearchBox(float mapLeft) {
    EM_ASM(
        {
            var box = document.getElementById('search');
            if (box) box.style.left = 'calc((100% + ' + $0 + 'px) / 2)';
        },
        mapLeft);
}

namespace {
std::string g_typedText;
} // namespace

void placeTextInput(bool editing, float x, float y, float lineHeight) {
    EM_ASM(
        {
            if (window.cordonPage && window.cordonPage.placeTextInput)
                window.cordonPage.placeTextInput($0, $1, $2, $3);
        },
        editing ? 1 : 0, x, y, lineHeight);
}

std::string takeTypedText() {
    return std::exchange(g_typedText, std::string());
}

/// The input-method proxy hands the text committed in it in here (see web/shell.html).
extern "C" EMSCRIPTEN_KEEPALIVE void cordon_text(const char* text) {
    if (text) g_typedText += text;
}

std::optional<std::string> takeSearchQuery() {
    return std::exchange(g_searchQuery, std::nullopt);
}

bool takeSearchSubmit() {
    return std::exchange(g_searchSubmit, false);
}

bool searchPending() {
    return g_searchQuery.has_value() || g_searchSubmit;
}

/// The page's search box hands its text in here on every change, with `submit` on Enter (see
/// web/shell.html).
extern "C" EMSCRIPTEN_KEEPALIVE void cordon_search(const char* text, int submit) {
    g_searchQuery = text ? text : "";
    if (submit) g_searchSubmit = true;
}

void showBriefing(std::string_view briefingJson) {
    const std::string s(briefingJson);
    EM_ASM(
        {
            if (window.cordonPage && window.cordonPage.briefing)
                window.cordonPage.briefing(JSON.parse(UTF8ToString($0)));
        },
        s.c_str());
}

void showPrintMap(int width, int height, std::span<const std::uint8_t> rgba) {
    EM_ASM(
        {
            if (window.cordonPage && window.cordonPage.printMap)
                window.cordonPage.printMap($0, $1, HEAPU8.slice($2, $2 + $3));
        },
        width, height, rgba.data(), rgba.size());
}

namespace {
std::function<void()> g_printHandler;
} // namespace

void setPrintHandler(std::function<void()> handler) {
    g_printHandler = std::move(handler);
}

/// The page's `beforeprint` listener calls this; the print map is drawn before it returns.
extern "C" EMSCRIPTEN_KEEPALIVE void cordon_print() {
    if (g_printHandler) g_printHandler();
}

bool openFilePicker() {
    return EM_ASM_INT({
               var picker = document.getElementById('import');
               if (!picker || (window.cordonPage && window.cordonPage.snapshot)) return 0;
               picker.click();
               return 1;
           }) != 0;
}

EM_JS(char*, cordonLocationQuery, (), {
    var s = window.cordonPage && window.cordonPage.query ? window.cordonPage.query()
                                                         : window.location.search.substring(1);
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

bool hasSearchBox() {
    return false;
}

void showSearchBox(bool, std::string_view) {}
void placeSearchBox(float) {}
void placeTextInput(bool, float, float, float) {}
std::string takeTypedText() {
    return {};
}

std::optional<std::string> takeSearchQuery() {
    return std::nullopt;
}

bool takeSearchSubmit() {
    return false;
}

bool searchPending() {
    return false;
}

bool downloadFile(const std::string& name, std::string_view bytes, const char*) {
    std::FILE* f = std::fopen(name.c_str(), "wb");
    if (!f) return false;
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    return std::fclose(f) == 0 && ok;
}

void showError(std::string_view text) {
    std::fprintf(stderr, "error: %.*s\n", int(text.size()), text.data());
}

void signalReady(std::string_view stateJson) {
    std::printf("ready %.*s\n", int(stateJson.size()), stateJson.data());
    std::fflush(stdout);
}

void publishState(std::string_view) {}

void showBriefing(std::string_view) {}

void showPrintMap(int, int, std::span<const std::uint8_t>) {}

void setPrintHandler(std::function<void()>) {}

bool openFilePicker() {
    return false;
}

std::string queryString() {
    return {};
}

#endif

} // namespace cordon::page
