#include "platform/feed_source.hpp"

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace cordon {

namespace {
std::vector<FetchedFile> g_done;
int g_pending = 0;
double g_timeoutSeconds = kDefaultFetchTimeoutSeconds;

void readLocalFile(const std::string& path) {
    FetchedFile f;
    f.source = path;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        f.error = "cannot open " + path;
    } else {
        std::ostringstream bytes;
        bytes << in.rdbuf();
        f.bytes = std::move(bytes).str();
    }
    g_done.push_back(std::move(f));
}
} // namespace

#ifdef __EMSCRIPTEN__

// Fetches with progress, then hands the bytes to cordon_file_loaded. Errors (HTTP status,
// network, a server silent for `timeoutMs`) are reported the same way with an empty body.
EM_JS(void, cordonFetch, (const char* urlPtr, const char* etagPtr, const char* modifiedPtr, int timeoutMs), {
    var url = UTF8ToString(urlPtr);
    var headers = {};
    if (etagPtr && HEAPU8[etagPtr]) headers['If-None-Match'] = UTF8ToString(etagPtr);
    if (modifiedPtr && HEAPU8[modifiedPtr]) headers['If-Modified-Since'] = UTF8ToString(modifiedPtr);
    var etag = "";
    var modified = "";
    var status = 0;
    var delivered = false;
    var deliver = function(bytes, error) {
        if (delivered) return;
        delivered = true;
        clearTimeout(watchdog);
        if (window.cordonPage && window.cordonPage.progress)
            window.cordonPage.progress(url, bytes.length, bytes.length, true);
        var urlBytes = lengthBytesUTF8(url) + 1;
        var urlMem = _malloc(urlBytes);
        stringToUTF8(url, urlMem, urlBytes);
        var errBytes = lengthBytesUTF8(error) + 1;
        var errMem = _malloc(errBytes);
        stringToUTF8(error, errMem, errBytes);
        var mem = _cordon_bytes_alloc(bytes.length);
        HEAPU8.set(bytes, mem);
        var validators = [ etag, modified ].map(function(text) {
            var n = lengthBytesUTF8(text) + 1;
            var p = _malloc(n);
            stringToUTF8(text, p, n);
            return p;
        });
        _cordon_file_loaded(urlMem, mem, bytes.length, errMem, status, validators[0], validators[1]);
        _free(urlMem);
        _free(errMem);
        validators.forEach(function(p) { _free(p); });
    };
    var progress = function(received, total) {
        if (window.cordonPage && window.cordonPage.progress) window.cordonPage.progress(url, received, total);
    };
    // A briefing snapshot's own feeds are read from the page, never fetched.
    var embedded = window.cordonPage && window.cordonPage.embedded ? window.cordonPage.embedded(url) : null;
    if (embedded) {
        setTimeout(
            function() { deliver(embedded, ""); }, 0);
        return;
    }
    // A server that stops answering is given up on after `timeoutMs` without a byte (the clock
    // restarts with the headers and with every chunk, so a big feed on a slow line still arrives).
    var controller = new AbortController();
    var watchdog = 0;
    var seconds = Math.round(timeoutMs / 100) / 10;
    var arm = function() {
        clearTimeout(watchdog);
        watchdog = setTimeout(
            function() {
                deliver(new Uint8Array(0), 'timed out: no answer for ' + seconds + ' s');
                controller.abort();
            },
            timeoutMs);
    };
    arm();
    // 'no-store': the app keeps the validators itself, so a 304 reaches it instead of the browser
    // quietly answering from its cache.
    fetch(url, {cache : 'no-store', headers : headers, signal : controller.signal})
        .then(function(response) {
            arm();
            status = response.status;
            etag = response.headers.get('ETag') || "";
            modified = response.headers.get('Last-Modified') || "";
            if (response.status == 304) {
                deliver(new Uint8Array(0), "");
                return;
            }
            if (!response.ok) {
                deliver(new Uint8Array(0), 'HTTP ' + response.status + ' ' + response.statusText);
                return;
            }
            var total = Number(response.headers.get('Content-Length')) || 0;
            if (!response.body || !response.body.getReader) {
                return response.arrayBuffer().then(function(b) { deliver(new Uint8Array(b), ""); });
            }
            var reader = response.body.getReader();
            var chunks = [];
            var received = 0;
            var pump = function() {
                return reader.read().then(function(step) {
                    if (step.done) {
                        var all = new Uint8Array(received);
                        var at = 0;
                        chunks.forEach(function(c) {
                            all.set(c, at);
                            at += c.length;
                        });
                        deliver(all, "");
                        return;
                    }
                    arm();
                    chunks.push(step.value);
                    received += step.value.length;
                    progress(received, total);
                    return pump();
                });
            };
            return pump();
        })
        .catch(function(e) { deliver(new Uint8Array(0), 'network error: ' + e.message); });
});

namespace {
/// Buffers handed to the page by cordon_bytes_alloc, keyed by their data: the page writes a
/// file's bytes straight into one and the receiving call adopts it, so a 200 MB feed is never
/// held twice in the wasm heap.
std::map<const char*, std::unique_ptr<std::string>> g_buffers;

std::string takeBytes(const char* bytes, int length) {
    const auto it = g_buffers.find(bytes);
    if (it == g_buffers.end()) return std::string(bytes, static_cast<std::size_t>(length));
    std::string adopted = std::move(*it->second);
    g_buffers.erase(it);
    adopted.resize(static_cast<std::size_t>(length));
    return adopted;
}
} // namespace

/// Room for `length` bytes of a file, owned by the app: pass the pointer to one of the calls below,
/// which takes it over (the page never frees it).
extern "C" EMSCRIPTEN_KEEPALIVE char* cordon_bytes_alloc(int length) {
    auto buffer = std::make_unique<std::string>(static_cast<std::size_t>(length > 0 ? length : 0), '\0');
    char* data = buffer->data(); // stays put: the string itself never moves
    g_buffers.emplace(data, std::move(buffer));
    return data;
}

extern "C" EMSCRIPTEN_KEEPALIVE void cordon_file_loaded(const char* source, const char* bytes, int length,
                                                        const char* error, int status, const char* etag,
                                                        const char* lastModified) {
    FetchedFile f;
    f.source = source;
    f.bytes = takeBytes(bytes, length);
    f.error = error;
    f.notModified = status == 304;
    f.etag = etag;
    f.lastModified = lastModified;
    g_done.push_back(std::move(f));
    if (g_pending > 0) --g_pending;
}

/// The page hands dropped files in here (see web/shell.html).
extern "C" EMSCRIPTEN_KEEPALIVE void cordon_file_dropped(const char* name, const char* bytes, int length) {
    FetchedFile f;
    f.source = name;
    f.bytes = takeBytes(bytes, length);
    g_done.push_back(std::move(f));
}

/// The page hands files converted by gdal3.js in here (or why they could not be), with the mapping
/// file dropped alongside them (see web/shell.html).
extern "C" EMSCRIPTEN_KEEPALIVE void cordon_file_imported(const char* name, const char* bytes, int length,
                                                          const char* mapping, const char* error) {
    FetchedFile f;
    f.source = name;
    f.bytes = takeBytes(bytes, length);
    f.error = error;
    f.converted = true;
    f.mappingJson = mapping;
    g_done.push_back(std::move(f));
}

void requestFile(const std::string& url, const std::string& etag, const std::string& lastModified) {
    ++g_pending;
    cordonFetch(url.c_str(), etag.c_str(), lastModified.c_str(), static_cast<int>(g_timeoutSeconds * 1000));
}

#else

void requestFile(const std::string& url, const std::string&, const std::string&) {
    readLocalFile(url);
}

#endif

void setFetchTimeout(double seconds) {
    if (seconds > 0) g_timeoutSeconds = seconds;
}

void acceptDroppedPath(const std::string& path) {
    readLocalFile(path);
}

std::vector<FetchedFile> takeLoadedFiles() {
    std::vector<FetchedFile> out;
    out.swap(g_done);
    return out;
}

int pendingRequests() {
    return g_pending;
}

} // namespace cordon
