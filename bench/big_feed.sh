#!/usr/bin/env bash
# Memory on a 200 MB feed: peak RSS of the native `cordon validate` and the wasm heap of the app in
# headless Chromium (tests/browser/big_feed.test.mjs), on the same generated zones feed.
# usage: bench/big_feed.sh   (after the native-release and wasm-release builds); prints Markdown rows
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
made=$(node tests/browser/big_feed.mjs "$data/zones.geojson" 200)
/usr/bin/time -f '%M %e' -o "$data/time" build/native-release/bin/cordon validate --feed zones "$data/zones.geojson" >/dev/null
read -r rssKb seconds <"$data/time"
browser=$(cd tests/browser && node --test --test-reporter=spec big_feed.test.mjs 2>&1 | grep '^big feed:' || true)
python3 - "$made" "$rssKb" "$seconds" "$browser" <<'PY'
import json, sys
made = json.loads(sys.argv[1])
rss = int(sys.argv[2]) * 1024
print(f"| native `cordon validate` | {made['bytes']/1e6:.0f} MB, {made['features']:,} zones | "
      f"peak RSS {rss/1e6:.0f} MB ({rss/made['bytes']:.2f}x the file) | {float(sys.argv[3]):.1f} s |")
print(f"| browser (wasm, Chromium) | {sys.argv[4] or 'test failed: see tests/browser/big_feed.test.mjs'} | | |")
PY
