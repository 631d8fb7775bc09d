#pragma once
/// What the app tells its host: the web page (status line, error box, ready signal) or, natively,
/// the terminal.

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cordon::page {

/// Loading progress text shown over the map until the first frame.
void setStatus(std::string_view text);
/// An error a person must see: the page's error box (and the console), or stderr natively.
void showError(std::string_view text);
/// The first full frame is drawn; `stateJson` is published for tests and monitoring.
void signalReady(std::string_view stateJson);
/// Publishes the app's current state (view, counts) as `window.cordonState`; natively a no-op.
void publishState(std::string_view stateJson);
/// Offers `bytes` to the user as a file download named `name` (the browser's download), or
/// natively writes it to `name` in the working folder. False when it could not be written.
bool downloadFile(const std::string& name, std::string_view bytes, const char* mimeType);
/// The page's own search box (an HTML input, so Chinese input methods work): whether there is one,
/// showing it with its placeholder, and what was typed since the last call / whether Enter was
/// pressed. Natively there is none and the app's panel has its own input.
bool hasSearchBox();
void showSearchBox(bool show, std::string_view placeholder);
/// While an ImGui text field has the keyboard (`editing`), the page's input-method proxy sits at
/// its caret (`x`, `y`, `lineHeight` in CSS pixels) and holds the focus, so that 拼音 composition
/// shows there and the committed text reaches the field (takeTypedText); keys still reach SDL.
void placeTextInput(bool editing, float x, float y, float lineHeight);
/// Text committed in the page's proxy since the last call (UTF-8; empty natively, where SDL's own
/// text input events carry it).
std::string takeTypedText();
/// Centres the page's search box on the map right of `mapLeft` CSS pixels (the side panel).
void placeSearchBox(float mapLeft);
std::optional<std::string> takeSearchQuery();
bool takeSearchSubmit();
/// Whether the search box has something the app has not taken yet.
bool searchPending();
/// In a briefing snapshot, shows its header and printable summary (`briefingJson`: labels, KPI
/// tiles and the top gaps, all shown as text); elsewhere a no-op.
void showBriefing(std::string_view briefingJson);
/// In a briefing, the map its print shows: `width` x `height` RGBA pixels, rows top to bottom.
/// Elsewhere a no-op.
void showPrintMap(int width, int height, std::span<const std::uint8_t> rgba);
/// Called, synchronously, when the page is about to print (the browser's `beforeprint`, from its
/// print button or Ctrl+P), so that the print map is of the view as it is then.
void setPrintHandler(std::function<void()> handler);
/// Opens the page's file picker (GeoJSON, Shapefile zip, KML, GPKG, CSV, a mapping file); the
/// chosen files arrive like dropped ones. False where there is none (natively, in a snapshot).
bool openFilePicker();
/// The page URL's query string without '?', or "" natively.
std::string queryString();

} // namespace cordon::page
