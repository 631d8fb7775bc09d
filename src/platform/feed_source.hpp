#pragma once
/// Where feed bytes come from outside the binary: URLs fetched by the browser (or, natively,
/// files), and files dropped onto the window. Results are queued and taken by the app once per
/// frame, so no callback runs in the middle of a frame.

#include "core/feeds/fetched_file.hpp"

#include <string>
#include <vector>

namespace cordon {

/// Starts loading `url` (web: fetch relative to the page; native: a file path). Progress shows in
/// the page's loading bar. With validators the web request is conditional (If-None-Match /
/// If-Modified-Since) and an unchanged file comes back as `notModified` without a body.
void requestFile(const std::string& url, const std::string& etag = {}, const std::string& lastModified = {});

/// A request is given up on after this many seconds without a byte from the server.
inline constexpr double kDefaultFetchTimeoutSeconds = 30;

/// Changes that silence limit (the page's `timeout=`; fractions of a second for tests).
void setFetchTimeout(double seconds);

/// Files that finished loading (or failed) since the last call, in completion order.
std::vector<FetchedFile> takeLoadedFiles();

/// Number of requests still in flight.
int pendingRequests();

/// Native: a file dropped onto the window (SDL_DROPFILE); web drops arrive through the page.
void acceptDroppedPath(const std::string& path);

} // namespace cordon
