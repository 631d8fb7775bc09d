#!/usr/bin/env bash
# Builds the libFuzzer targets (CMake preset `fuzz`: clang, ASan + UBSan) and runs each one for
# SECONDS (default 60). Exits non-zero on any crash, leak, timeout or out-of-memory, printing the
# input that triggered it. See docs/FUZZING.md.
#
#   tools/fuzz.sh [SECONDS]
#
# Seeds: fuzz/corpus/<name>/ (in the repository) and ../shared/data/<...> (read-only). New inputs
# and crash files go to $CORDON_FUZZ_OUT (kept, so a later run continues from that corpus), else
# to a fresh temporary folder that is removed when every target passes.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: tools/fuzz.sh [seconds]" >&2; exit 2; }
shared=${CORDON_SHARED_DATA:-../shared/data}

# target | seeds in the repository | seeds under $shared | dictionary
targets=(
  "geojson_reader_fuzz|fuzz/corpus/geojson|geojson-fixtures|fuzz/geojson.dict"
  "feed_set_fuzz|fuzz/corpus/feed_set|geojson-fixtures|fuzz/geojson.dict"
  "road_network_fuzz|fuzz/corpus/road_network||"
  "staffing_fuzz|fuzz/corpus/staffing||"
)

if [ -n "${CORDON_FUZZ_OUT:-}" ]; then
  out=$CORDON_FUZZ_OUT
  keep=1
  mkdir -p "$out"
else
  out=$(mktemp -d "${TMPDIR:-/tmp}/cordon-fuzz.XXXXXX")
  keep=0
fi

names=()
for t in "${targets[@]}"; do names+=("${t%%|*}"); done

echo "== fuzz: build (preset fuzz)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${names[@]}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ] && [ -x /usr/lib/llvm-14/bin/llvm-symbolizer ]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi

failed=0
for t in "${targets[@]}"; do
  IFS='|' read -r name seeds sharedSeeds dict <<<"$t"
  work="$out/$name"
  mkdir -p "$work/corpus" "$work/artifacts"
  # libFuzzer writes new inputs only into the first folder; the others are read.
  dirs=("$work/corpus" "$seeds")
  if [ -z "$sharedSeeds" ]; then
    :
  elif [ -d "$shared/$sharedSeeds" ]; then
    dirs+=("$shared/$sharedSeeds")
  else
    echo "fuzz: $shared/$sharedSeeds not found; seeding from $seeds only" >&2
  fi
  log="$work/fuzz.log"
  echo "== fuzz: $name for ${seconds}s (log: $log)"
  rc=0
  "build/fuzz/bin/$name" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -timeout=10 \
    ${dict:+-dict="$dict"} -artifact_prefix="$work/artifacts/" -print_final_stats=1 "${dirs[@]}" >"$log" 2>&1 || rc=$?
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb|new_units_added)' "$log" |
    sed 's/^/   /' || true
  if [ $rc -ne 0 ]; then
    failed=1
    echo "FAIL: $name exited with $rc" >&2
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error:|[a-z_]+_fuzz: )' "$log" | head -5 >&2 || true
    crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    if [ -n "$crash" ]; then
      echo "crash input: $crash" >&2
      echo "reproduce:   build/fuzz/bin/$name $crash" >&2
    else
      echo "no crash input written; see $log" >&2
    fi
  fi
done

if [ $failed -ne 0 ]; then
  echo "fuzz: FAILED; inputs, crash files and logs kept in $out" >&2
  exit 1
fi
if [ $keep = 1 ]; then
  echo "fuzz: ok; corpus and logs in $out"
else
  rm -rf "$out"
  echo "fuzz: ok"
fi
