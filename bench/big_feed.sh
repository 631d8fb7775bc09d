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
import json, re, sys
made = json.loads(sys.argv[1])
rss = int(sys.argv[2]) * 1024
print(f"| native `cordon validate` | {made['bytes']/1e6:.0f} MB, {made['features']:,} zones | "
      f"peak RSS {rss/1e6:.0f} MB ({rss/made['bytes']:.2f}x the file) | {float(sys.argv[3]):.1f} s |")
m = re.search(r"ready in ([0-9.]+) s; wasm heap ([0-9]+) MB \(([0-9.]+)x the file\), in use ([0-9]+) MB \(([0-9.]+)x", sys.argv[4])
if not m:
    sys.exit("the browser test failed: run tests/browser/big_feed.test.mjs")
print(f"| browser (wasm, Chromium) | {made['bytes']/1e6:.0f} MB, {made['features']:,} zones | wasm heap {m[2]} MB "
      f"({m[3]}x the file), in use after loading {m[4]} MB ({m[5]}x) | ready in {m[1]} s |")
PY
