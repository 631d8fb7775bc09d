#!/usr/bin/env bash
# Runs the benchmarks and rewrites docs/BENCHMARKS.md with the numbers and the command used.
# usage: bench/run.sh [ingest]   (builds native-release and wasm-release first; `ingest`: that section only)
# The routing section comes from bench/route_run.sh, run at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-} # read now: the loops below reset the positional parameters
export NODE_PATH=/usr/share/nodejs
cmake --preset native-release >/dev/null
cmake --build --preset native-release --target ingest_bench json_layer_bench >/dev/null
cmake --preset wasm-release >/dev/null && cmake --build --preset wasm-release --target ingest_bench cordon_web cordon_single >/dev/null
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
python3 bench/make_feeds.py "$data" 100000

inputs=("../shared/data/roads/porto.geojson roads" "$data/posts.geojson posts" "$data/zones.geojson zones")
rows=""
for input in "${inputs[@]}"; do
  set -- $input
  # cordon native, cordon wasm and JSON.parse take turns, three rounds each; the best round of each
  # is kept, so that a neighbour's burst on this shared VM does not land on one side only.
  native="" wasm="" peer=""
  for _ in 1 2 3; do
    native+=$(build/native-release/bench/ingest_bench "$1" "$2" 11)$'\n'
    wasm+=$(node --no-experimental-fetch build/wasm-release/bench/ingest_bench.js "$1" "$2" 11)$'\n'
    peer+=$(node bench/json_parse.mjs "$1" 11)$'\n'
  done
  rows+=$(python3 - "$1" "$native" "$wasm" "$peer" <<'PY'
import json, os, sys
name = os.path.basename(sys.argv[1])
best = lambda lines: max((json.loads(l) for l in lines.split("\n") if l.strip()), key=lambda r: r["mbPerS"])
n, w, p = best(sys.argv[2]), best(sys.argv[3]), best(sys.argv[4])
print(f"| {name} | {n['bytes']/1e6:.1f} MB | {n['features']:,} | {n['mbPerS']:.0f} MB/s | {w['mbPerS']:.0f} MB/s "
      f"| {p['mbPerS']:.0f} MB/s | **{w['mbPerS']/p['mbPerS']:.2f}x** | {n['modelBytes']/n['bytes']:.2f}x |")
PY
)$'\n'
done

layers=""
for input in "${inputs[0]}" "${inputs[1]}"; do
  set -- $input
  layers+="$(basename "$1")"$'\t'"$(build/native-release/bench/json_layer_bench "$1" "$2" 11 | tr '\n' ' ')"$'\n'
done

python3 - "$rows" "$layers" <<'PY'
import json, re, sys, datetime, platform, subprocess
rows = sys.argv[1].rstrip("\n")
layer_rows = []
for line in sys.argv[2].strip().splitlines():
    name, results = line.split("\t")
    r = {d["layer"]: d for d in (json.loads(x) for x in results.replace("} {", "}\n{").split("\n") if x.strip())}
    layer_rows.append(f"| {name} | " + " | ".join(f"{r[k]['mbPerS']:.0f} MB/s" for k in
                      ("rapidjson-sax", "simdjson-dom", "cordon-scanner-skip", "cordon-feed-ingest")) + " |")
layers = "\n".join(layer_rows)
node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown CPU")
section = f"""<!-- ingest:start -->
## Feed ingest: parse + validate + build the model

Command: `bench/run.sh` ({datetime.date.today()}, {platform.machine()}, {cpu}, 2 cores; Node {node}; medians of 11 runs
after one warm-up, input already in memory; cordon native, cordon wasm and `JSON.parse` take turns
for three rounds and each one's best round is shown). cordon's figures include the update rule
(`checkUpdate`: valid share, and the diff against the version on the map that finds a large
shrink), as a refresh of a held feed runs it. Peer: Node's `JSON.parse` of the same text in the
same run, which only parses (no validation, no typed model, no id index). Targets: wasm at least
2.5x `JSON.parse`, native at least 300 MB/s, model under 3x the file size.

| input | size | features | cordon native | cordon wasm (Node) | JSON.parse (Node) | wasm / JSON.parse | model / file |
|---|---|---|---|---|---|---|---|
{rows}

The machine is a shared 2-core VM: absolute MB/s move by up to a third between runs (RapidJSON's
no-op parse of Porto measured 579-919 MB/s on the same day), so compare figures within one run.

Model size counts the flat arrays, typed columns, the kept properties text and the id index
(native build; the wasm model is smaller, with 32-bit pointers).

### Choosing the JSON layer (native, same run)

| input | RapidJSON SAX (no-op handler) | simdjson DOM | cordon scanner, skip only | cordon full ingest |
|---|---|---|---|---|
{layers}

RapidJSON and simdjson only parse here; the full ingest also validates and builds the model. The
raw parse is not where the time goes (the model is), simdjson's speed comes from x86 SIMD kernels
that a WebAssembly build does not get, and a pull scanner of our own gives what the feeds need and
neither library gives as is: byte offset, line and column of the first error, NaN/Infinity read as
a bad coordinate (one feature lost, not the file), correctly rounded coordinates, no dependency in
the wasm build. So the reader is built on cordon's own scanner (`src/core/formats/json_cursor.hpp`).
<!-- ingest:end -->"""
path = "docs/BENCHMARKS.md"
try:
    text = open(path, encoding="utf-8").read()
except FileNotFoundError:
    text = "# Benchmarks\n\nEvery number here was produced by the command named with it, side by side with the named peer in the same run.\n"
if "<!-- ingest:start -->" in text:
    text = re.sub(r"<!-- ingest:start -->.*?<!-- ingest:end -->", lambda m: section, text, flags=re.S)
else:
    text = text.rstrip("\n") + "\n\n" + section + "\n"
open(path, "w", encoding="utf-8").write(text)
print(section)
PY
[ "$mode" = ingest ] && exit 0
cmake --build --preset native-release --target cordon >/dev/null
python3 bench/page_size.py build/wasm-release build/native-release/bin/cordon >/dev/null
bench/route_run.sh
bench/staffing_run.sh
bench/frame_run.sh
