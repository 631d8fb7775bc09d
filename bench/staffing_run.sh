#!/usr/bin/env bash
# Staffing speed on the demo city, native and wasm (Node): writes the `staffing` section of
# docs/BENCHMARKS.md.
# usage: bench/staffing_run.sh   (builds native-release and wasm-release targets staffing_bench first)
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
cmake --preset native-release >/dev/null
cmake --build --preset native-release -j2 --target staffing_bench cordon_demo_city >/dev/null
cmake --preset wasm-release >/dev/null
cmake --build --preset wasm-release -j2 --target staffing_bench >/dev/null
demo=build/native-release/src/demo-city
native=$(build/native-release/bench/staffing_bench "$demo" 21)
wasm=$(node --no-experimental-fetch build/wasm-release/bench/staffing_bench.js "$demo" 21)
node_version=$(node --version)
python3 - "$native" "$wasm" "$node_version" <<'PY'
import datetime, json, platform, sys
sys.path.insert(0, "bench")
from bench_doc import write_section
n, w = json.loads(sys.argv[1]), json.loads(sys.argv[2])
def row(what, key, target, unit="ms", digits=2):
    return (f"| {what} | {n[key]:.{digits}f} {unit} | {w[key]:.{digits}f} {unit} | {target} |")
body = f"""## Staffing gaps: full recompute and one roster change

Command: `bench/staffing_run.sh` ({datetime.date.today()}, {platform.machine()}, 2 cores shared; Node {sys.argv[3]};
medians of 21 runs after one warm-up; roster changes: 2,000 single entries moved by an hour, each timed on
its own). Input: the demo city (seed 1), {n['posts']:,} posts, {n['areas']:,} areas, {n['rosterEntries']:,} roster
entries, {n['slots']} slots of 15 min. The demo roster has {n['rosterEntries']:,} entries; to measure the
~20,000 the target names, the "4x roster" row splits every entry into four ({n['longRosterEntries']:,} entries,
same people). Model: `src/core/staffing/staffing.hpp`, rules in `docs/staffing.md`.

| step | native | wasm (Node) | target (wasm) |
|---|---|---|---|
{row("build from loaded feeds (ids, area chains, demand rows, households, then a full recompute)", "buildMs", "under 5 ms")}
{row("full recompute from the roster", "recomputeMs", "under 5 ms")}
{row("full recompute, 4x roster", "recomputeLongMs", "under 5 ms")}
{row("one roster change (median)", "changeMedianMs", "under 0.5 ms", digits=4)}
{row("one roster change (99th percentile)", "changeP99Ms", "under 0.5 ms", digits=4)}
{row("suggestion plan: candidates (snaps, k-nearest Dijkstra) and min-cost flow", "planMs", "under 200 ms")}
{row("of which candidates", "planCandidatesMs", "")}
{row("greedy nearest-first plan on the same candidates", "greedyMs", "")}

A full recompute is O(roster + posts x slots): each entry adds its staff at two cells of a
difference array, prefix sums make the post x slot rows, then every post is summarised and added
to its own area, and the areas into their parents, deepest first. A roster change touches only the rows of the posts (and task forces) named by
the old and new entry: it takes them out of the roll-ups, edits their slots, re-summarises them
and adds them back along their chain of areas (compound to city).

Suggestion plan (docs/staffing.md, "Suggestions"; road graph built beforehand, not timed):
{n['planSuppliers']} sources (posts with surplus, standby teams), {n['planGaps']} short posts,
{n['planCandidates']:,} candidate pairs (12 nearest sources per post within 45 min), {n['planBlocks']} blocks.
Optimal (min-cost flow) closes {n['optimalClosedHours']:,.0f} person-hours with {n['optimalTravelMinutes']:,.0f}
person-minutes of travel; greedy nearest-first closes {n['greedyClosedHours']:,.0f} with
{n['greedyTravelMinutes']:,.0f}; the optimum closing greedy's {n['greedyClosedHours']:,.0f} travels
{n['optimalAtGreedyFlowMinutes']:,.0f}."""
write_section("staffing", body)
print(body)
PY
