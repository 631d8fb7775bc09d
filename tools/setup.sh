#!/usr/bin/env bash
# Installs everything cordon needs to build and test, from the Debian archive and the npm registry.
# Idempotent: a second run only checks and returns in seconds.
# Third-party sources (SDL2, Dear ImGui) and the SDL2 WebAssembly build go to $CORDON_CACHE
# (default ~/.cache/cordon), outside the source tree.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${CORDON_CACHE:-$HOME/.cache/cordon}
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"

log() { printf '[setup] %s\n' "$*"; }

packages=(
  cmake ninja-build g++ clang-format dpkg-dev python3 ca-certificates
  clang libclang-rt-14-dev libc++-14-dev libc++abi-14-dev
  emscripten
  libsdl2-dev libgl-dev libgles-dev libegl-dev libgl1-mesa-dri xvfb xauth
  chromium fonts-wqy-microhei fonttools libgeos-dev
  gdal-bin libgdal-dev rapidjson-dev libsimdjson-dev
)
backports=(catch2)

write_if_changed() { # path content
  if [ ! -f "$1" ] || [ "$(cat "$1")" != "$2" ]; then
    printf '%s\n' "$2" | $sudo tee "$1" >/dev/null
    return 0
  fi
  return 1
}

missing=()
for p in "${packages[@]}" "${backports[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Catch2 must be v3 (bookworm's own is v2).
if dpkg-query -W -f='${Version}' catch2 2>/dev/null | grep -q '^2\.'; then missing+=(catch2); fi

# The Debian mirror this machine already uses for bookworm (deb822 or one-line sources).
mirror=$(awk '/^URIs:/{u=$2} /^Suites:/{for(i=2;i<=NF;i++) if($i=="bookworm") print u}' \
  /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
[ -n "$mirror" ] || mirror=$(awk '$1=="deb" && $3=="bookworm"{print $2}' \
  /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -1)
[ -n "$mirror" ] || { echo "setup: no Debian bookworm source configured in /etc/apt" >&2; exit 1; }

sources_changed=0
write_if_changed /etc/apt/sources.list.d/cordon.sources "Types: deb
URIs: $mirror
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: $mirror
Suites: bookworm trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg" && sources_changed=1

if [ ${#missing[@]} -gt 0 ] || [ $sources_changed = 1 ]; then
  log "installing: ${missing[*]:-(sources changed)}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends -t bookworm-backports "${backports[@]}" >/dev/null
fi

# Third-party sources from Debian source packages.
mkdir -p "$cache/src"
src_dir() { find "$cache/src" -maxdepth 1 -type d -name "$1" | sort | tail -1; }
fetch_source() { # package/suite dir-glob
  if [ -z "$(src_dir "$2")" ]; then
    log "fetching source $1"
    (cd "$cache/src" && apt-get source -qq "$1" >/dev/null 2>&1) || true
  fi
}
fetch_source libsdl2/bookworm 'libsdl2-2.*'
fetch_source imgui/trixie 'imgui-1.*'
sdl_src=$(src_dir 'libsdl2-2.*')
imgui_src=$(src_dir 'imgui-1.*')
[ -n "$sdl_src" ] && [ -n "$imgui_src" ] || { echo "setup: SDL2 or ImGui source missing in $cache/src" >&2; exit 1; }
ln -sfn "$sdl_src" "$cache/sdl2-src"
ln -sfn "$imgui_src" "$cache/imgui"

# SDL2 for WebAssembly, built once (Emscripten ports download at build time, which cannot work here).
export NODE_PATH=/usr/share/nodejs
prefix="$cache/sdl2-wasm"
if [ ! -f "$prefix/lib/libSDL2.a" ]; then
  log "building SDL2 for wasm (once, a few minutes)"
  rm -rf "$cache/sdl2-wasm-build"
  emcmake cmake -S "$cache/sdl2-src" -B "$cache/sdl2-wasm-build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL_THREADS=OFF \
    -DCMAKE_INSTALL_PREFIX="$prefix" >"$cache/sdl2-wasm-configure.log" 2>&1
  cmake --build "$cache/sdl2-wasm-build" >"$cache/sdl2-wasm-build.log" 2>&1
  cmake --install "$cache/sdl2-wasm-build" >/dev/null
fi

# Browser test driver (uses Debian's Chromium; never downloads a browser).
if [ ! -d "$repo/tests/browser/node_modules/playwright-core" ]; then
  log "npm install (tests/browser)"
  (cd "$repo/tests/browser" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi
# JavaScript peers for the speed benchmarks (bench/route_peers.mjs, bench/frame/), pinned in bench/package.json.
if [ ! -d "$repo/bench/node_modules/geojson-path-finder" ] || [ ! -d "$repo/bench/node_modules/ngraph.path" ] ||
  [ ! -d "$repo/bench/node_modules/ngraph.graph" ] || [ ! -d "$repo/bench/node_modules/maplibre-gl" ]; then
  log "npm install (bench)"
  (cd "$repo/bench" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi
# gdal3.js for importing Shapefile/KML/GPKG/CSV in the served page (web/package.json).
if [ ! -f "$repo/web/node_modules/gdal3.js/dist/package/gdal3WebAssembly.wasm" ]; then
  log "npm install (web: gdal3.js)"
  (cd "$repo/web" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi
log "ready (cache: $cache)"
