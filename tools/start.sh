#!/usr/bin/env bash
# Builds cordon and starts it on the embedded demo data.
#   tools/start.sh            WebAssembly build, served at http://127.0.0.1:8080 (open it in a browser)
#   tools/start.sh --native   the native app in a window (needs a display, or xvfb-run)
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
export NODE_PATH=/usr/share/nodejs
if [ "${1:-}" = "--native" ]; then
  cmake --preset native-release >/dev/null
  cmake --build --preset native-release
  exec build/native-release/bin/cordon_app "${@:2}"
fi
cmake --preset wasm-release >/dev/null
cmake --build --preset wasm-release
port=${PORT:-8080}
echo "cordon: http://127.0.0.1:$port/   (single file: build/wasm-release/web/cordon-single.html)"
exec /usr/bin/python3 -m http.server --bind 127.0.0.1 --directory build/wasm-release/web "$port"
