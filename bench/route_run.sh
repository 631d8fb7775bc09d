#!/usr/bin/env bash
# Routing speed: cordon native, cordon wasm (Node) and the JavaScript peers in one run, on Porto and
# the demo city; rewrites the routing section of docs/BENCHMARKS.md.
# usage: bench/route_run.sh [REPEATS]      (called by bench/run.sh; builds route_bench first)
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
repeats=${1:-21}
[ -d bench/node_modules/ngraph.path ] || (cd bench && npm install --no-audit --no-fund --loglevel=error >/dev/null)
cmake --preset native-release >/dev/null
cmake --build --preset native-release --target route_bench >/dev/null
cmake --preset wasm-release >/dev/null && cmake --build --preset wasm-release --target route_bench >/dev/null
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
python3 tools/generate_demo.py --seed 1 --out "$data/demo" >/dev/null

results=""
rounds=3
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# Rounds of native, wasm and peers one after the other: a slow spell of this shared VM then falls on
# all three, and each figure is the median over the rounds.
for round in $(seq $rounds); do
  # The demo city has teams, zones, posts and areas next to its roads: coverage is timed on it.
  for input in "../shared/data/roads/porto.geojson porto" "$data/demo/roads.geojson demo --feeds $data/demo"; do
    set -- $input
    roads=$1 name=$2
    shift 2
    native=$(build/native-release/bench/route_bench "$roads" "$repeats" --export "$data/$name.graph.json" "$@")
    wasm=$(node --no-experimental-fetch build/wasm-release/bench/route_bench.js "$roads" "$repeats" "$@")
    peers=$(node bench/route_peers.mjs "$data/$name.graph.json" 5)
    results+="$name"$'\t'"$native"$'\t'"$wasm"$'\t'"$peers"$'\n'
  done
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$results" "$repeats" "$load_before" "$load_after" "$rounds" <<'PY'
import json, os, re, statistics, sys, datetime, platform, subprocess
repeats = sys.argv[2]
load_before, load_after = sys.argv[3], sys.argv[4]
rounds = sys.argv[5]

def median_of(values):
    """The rounds' results as one: each number the median over the rounds (counts agree anyway)."""
    first = values[0]
    if isinstance(first, dict):
        return {k: median_of([v[k] for v in values]) for k in first}
    if isinstance(first, (int, float)) and not isinstance(first, bool):
        m = statistics.median(values)
        return int(m) if all(isinstance(v, int) for v in values) and m == int(m) else m
    return first

runs = {}
for line in sys.argv[1].strip().splitlines():
    name, n, w, p = line.split("\t")
    runs.setdefault(name, []).append((json.loads(n), json.loads(w), json.loads(p)))
rows = {name: tuple(median_of([r[i] for r in rs]) for i in range(3)) for name, rs in runs.items()}
label = {"porto": "Porto (`porto.geojson`)", "demo": "demo city (`generate_demo.py --seed 1`)"}

def ms(v):
    return f"{v:.1f} ms" if v >= 10 else f"{v:.2f} ms"

def mark(ok):
    return "met" if ok else "**missed**"

table = ["| input | nodes / edges | graph build native | graph build wasm | wasm / native |",
         "|---|---|---|---|---|"]
for k, (n, w, p) in rows.items():
    table.append(f"| {label[k]} | {n['nodes']:,} / {n['edges']:,} | {ms(n['buildMs'])} | {ms(w['buildMs'])} "
                 f"| {w['buildMs'] / n['buildMs']:.2f}x |")
spt = ["| input | mode | nodes reached | cordon native | cordon wasm | wasm / native | ngraph.path | "
       "geojson-path-finder | ngraph.path / cordon wasm | geojson-path-finder / cordon wasm |",
       "|---|---|---|---|---|---|---|---|---|---|"]
for k, (n, w, p) in rows.items():
    for mode in ("walk", "drive"):
        nm, wm, pm = n[mode], w[mode], p[mode]
        ng, gp = pm["ngraph"]["queryMs"], pm["geojsonPathFinder"]["queryMs"]
        spt.append(f"| {label[k]} | {mode} | {nm['reached']:,} | {ms(nm['sptMs'])} | {ms(wm['sptMs'])} "
                   f"| {wm['sptMs'] / nm['sptMs']:.2f}x | {ms(ng)} | {ms(gp)} | **{ng / wm['sptMs']:.0f}x** "
                   f"| **{gp / wm['sptMs']:.0f}x** |")
sweep = ["| input | mode | hierarchy build native / wasm | shortcuts | cordon sweep native | cordon sweep wasm "
         "| wasm / native | Dijkstra wasm / sweep wasm | ngraph.path / sweep wasm | geojson-path-finder / sweep wasm |",
         "|---|---|---|---|---|---|---|---|---|---|"]
for k, (n, w, p) in rows.items():
    for mode in ("walk", "drive"):
        nm, wm, pm = n[mode], w[mode], p[mode]
        ng, gp = pm["ngraph"]["queryMs"], pm["geojsonPathFinder"]["queryMs"]
        sweep.append(f"| {label[k]} | {mode} | {ms(nm['hierarchyMs'])} / {ms(wm['hierarchyMs'])} "
                     f"| {nm['shortcuts']:,} | {ms(nm['sweepMs'])} | {ms(wm['sweepMs'])} "
                     f"| {wm['sweepMs'] / nm['sweepMs']:.2f}x | {wm['sptMs'] / wm['sweepMs']:.1f}x "
                     f"| **{ng / wm['sweepMs']:.0f}x** | **{gp / wm['sweepMs']:.0f}x** |")
peer_build = ["| input | mode | arcs | ngraph.graph build | geojson-path-finder build (topology + compaction) |",
              "|---|---|---|---|---|"]
for k, (n, w, p) in rows.items():
    for mode in ("walk", "drive"):
        pm = p[mode]
        peer_build.append(f"| {label[k]} | {mode} | {pm['arcs']:,} | {ms(pm['ngraph']['buildMs'])} "
                          f"| {ms(pm['geojsonPathFinder']['buildMs'])} |")
iso = ["| input | nodes reached (15 min) | polygons / rings / points | cordon native | cordon wasm | "
       "wasm / native | of which search (native / wasm) |", "|---|---|---|---|---|---|---|"]
for k, (n, w, p) in rows.items():
    ni, wi = n["isochrone"], w["isochrone"]
    iso.append(f"| {label[k]} | {ni['reached']:,} | {ni['polygons']} / {ni['rings']} / {ni['points']:,} "
               f"| {ms(ni['ms'])} | {ms(wi['ms'])} | {wi['ms'] / ni['ms']:.2f}x "
               f"| {ms(ni['searchMs'])} / {ms(wi['searchMs'])} |")
cov = [k for k, (n, w, p) in rows.items() if "coverage" in w]
def coverage_row(k):
    n, w = rows[k][0]["coverage"], rows[k][1]["coverage"]
    return (f"| {label[k]} | {n['teams']} / {n['zones']} / {n['posts']} / {n['compounds']:,} "
            f"| {n['groupRuns']} + {n['assignedRuns']} | {ms(n['ms'])} | {ms(w['ms'])} | {w['ms'] / n['ms']:.2f}x "
            f"| {ms(n['sweptMs'])} | {ms(w['sweptMs'])} |")
coverage_rows = "\n".join(coverage_row(k) for k in cov)

# Targets, judged on the worst input.
def worst(f):
    return max(f(n, w, p) for n, w, p in rows.values())
def least(f):
    return min(f(n, w, p) for n, w, p in rows.values())
build_w = worst(lambda n, w, p: w["buildMs"])
iso_w = worst(lambda n, w, p: w["isochrone"]["ms"])
ratio = worst(lambda n, w, p: max(w["buildMs"] / n["buildMs"], w["isochrone"]["ms"] / n["isochrone"]["ms"],
                                  *(w[m]["sptMs"] / n[m]["sptMs"] for m in ("walk", "drive")),
                                  *(w[m]["sweepMs"] / n[m]["sweepMs"] for m in ("walk", "drive")),
                                  *([w["coverage"]["ms"] / n["coverage"]["ms"]] if "coverage" in w else [])))
def peer_ratio(key):
    return least(lambda n, w, p: min(min(p[m]["ngraph"]["queryMs"], p[m]["geojsonPathFinder"]["queryMs"]) /
                                     w[m][key] for m in ("walk", "drive")))
peer_x, peer_dijkstra = peer_ratio("sweepMs"), peer_ratio("sptMs")
targets = [
    f"| graph build from the parsed feed, wasm | < 300 ms | {ms(build_w)} (slowest input) | {mark(build_w < 300)} |",
    f"| 15-min drive isochrone, 3 contours with polygons, wasm | <= 20 ms | {ms(iso_w)} (slowest input) "
    f"| {mark(iso_w <= 20)} |",
    "| coverage, all teams and posts of the demo city, wasm | < 100 ms | "
    + (f"{ms(rows['demo'][1]['coverage']['ms'])} (Dijkstra; {ms(rows['demo'][1]['coverage']['sweptMs'])} swept) "
       f"| {mark(rows['demo'][1]['coverage']['ms'] < 100)} |"
       if "demo" in cov else "not measured yet (coverage is not on this branch) | open |"),
    f"| wasm within 2x of native | <= 2x | {ratio:.2f}x (worst of all rows) | {mark(ratio <= 2)} |",
    f"| shortest-path tree, faster than the JavaScript peers | >= 20x | {peer_x:.0f}x over the contraction "
    f"hierarchy (`TreeSweep`; worst peer, worst row); Dijkstra alone {peer_dijkstra:.0f}x | {mark(peer_x >= 20)} |",
]

cpu = "unknown CPU"
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
except OSError:
    pass
node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
emcc = "Emscripten 3.1.6"
section = f"""<!-- routing:start -->
## Routing: graph build, shortest-path trees, isochrones

Command: `bench/route_run.sh` (also run by `bench/run.sh`) on {datetime.date.today()}. Machine: {cpu},
{os.cpu_count()} cores ({platform.machine()}, shared VM), Node {node}, wasm by {emcc} (`-O3`, core with
`-msimd128`, wasm-release preset) run under Node. cordon: medians of {repeats} runs after one warm-up; peers: medians of 5 queries
(graph builds: one, after one warm-up). Native, wasm and peers ran one after the other, {rounds} rounds of the three in
the same run, and each figure below is the median of its rounds (a slow spell of the VM falls on all three, not one).
Load average (1/5/15 min) {load_before} before the run and {load_after} after it: other jobs share
this 2-core VM, so single figures move between runs; compare within one run.

### Targets

| target | limit | measured | |
|---|---|---|---|
{chr(10).join(targets)}

### Graph build (`RoadGraph::build` from the parsed feed: nodes, edges, both modes' adjacency, components, snap grid)

{chr(10).join(table)}

### Full shortest-path tree from the centre

{chr(10).join(spt)}

What was compared: cordon runs `TravelTimes::run` with no cutoff, the whole single-source tree
(time to every node). Neither peer has a single-source tree in its API, only point-to-point
queries, so each peer is timed on one query from the same source node to the node cordon's tree
reaches last (the farthest one). A Dijkstra search settles every node nearer than its target
before it stops, so that query does the same search as the full tree (and then builds one path):
it is the closest their APIs get. ngraph.path runs `aStar` with its default zero heuristic (that is
Dijkstra) on an `ngraph.graph` with one directed link per cordon arc. geojson-path-finder builds
its own topology from one two-point LineString per node pair with cordon's weight each way and,
as it always does, contracts the chains of degree-2 nodes first; its query then runs on that
smaller graph (part of why it is the faster peer; its build pays for the contraction).

Same graph: `route_bench --export` writes cordon's nodes (1e-7 degree integers) and each mode's
arcs with cordon's float weights written exactly; the peers build from that (parallel arcs reduced
to the fastest, self-loops dropped: neither can lie on a shortest path). The source is the
nearer end of the edge the bounding-box centre snaps to in that mode. Correctness:
`bench/route_peers.mjs` checks each peer's path cost to five targets per mode (nodes at 1/5 ... 4/5
of cordon's settle order and the farthest) against cordon's tree time, 1e-6 relative, and fails
the run if one differs.

The same tree over a contraction hierarchy (`ContractionHierarchy` + `TreeSweep`, PHAST): the
hierarchy is built once per graph and mode (contraction with witness searches of up to 64 settled nodes,
shortcuts summed in double); the sweep climbs from the source over the arcs that go up the
hierarchy, then passes once over all nodes, most important first, each taking its best arc from
above. `route_bench` checks that every node's sweep time equals its Dijkstra time exactly (it
exits with an error otherwise). The peers' figures are the same as in the table above; their
graph builds are not counted, and neither is the hierarchy's (shown here):

{chr(10).join(sweep)}

Peers' graph build, for context (not part of the ratios above):

{chr(10).join(peer_build)}

### 15-minute drive isochrone from the centre (contours 5/10/15 min, polygons with holes)

What the app does on a click: snap the centre in drive mode, `TravelTimes::run` with a 15-minute
cutoff, `buildIsochrones` at 5/10/15 minutes (the reached edges sampled onto a grid in edge order,
one min-filter pass for the walk off the road, marching squares over all thresholds with one link
table and rows skipped 8 cells at a time where nothing crosses, rings with holes). "Search" is the
snap and bounded Dijkstra (ring of time buckets, nodes numbered along a Hilbert curve) alone.

{chr(10).join(iso)}
"""
if cov:
    section += f"""
### Coverage, all teams and posts

`computeCoverage` with default options (15-minute threshold) over the graph already built, from the
teams, zones, posts and areas feeds of the same city: snapping every team base, zone boundary,
post and compound to the network, one multi-source run per (kind, mode), and single-team runs for
assigned teams that are not the nearest of their group (bounded by the best time known there):
what the app redoes when a feed changes. Runs: multi-source + single-team, per call. "Swept": the
same call with both modes' contraction hierarchies (built beforehand, not timed), as the app runs it
once it has built them in the background: the multi-source runs are tree sweeps.

| input | teams / zones / posts / compounds | runs | cordon native | cordon wasm | wasm / native | swept native | swept wasm |
|---|---|---|---|---|---|---|---|
{coverage_rows}
"""
section += "<!-- routing:end -->"
path = "docs/BENCHMARKS.md"
text = open(path, encoding="utf-8").read()
if "<!-- routing:start -->" in text:
    text = re.sub(r"<!-- routing:start -->.*?<!-- routing:end -->", lambda m: section, text, flags=re.S)
else:
    text = text.rstrip("\n") + "\n\n" + section + "\n"
open(path, "w", encoding="utf-8").write(text)
print(section)
PY
