#!/usr/bin/env bash
# Runs the whole test suite from a clean clone: set-up, native build (ASan+UBSan) with unit, CLI
# and Xvfb smoke tests, formatting check, then the WebAssembly build with its browser tests, then
# 60 s of fuzzing (tools/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
export NODE_PATH=/usr/share/nodejs

echo "== format check (.clang-format)"
git ls-files -- '*.cpp' '*.hpp' | xargs clang-format --dry-run --Werror

echo "== layering (core has no SDL, GL, ImGui or Emscripten)"
bash tools/check_layers.sh

echo "== native (debug, ASan+UBSan)"
cmake --preset native-debug >/dev/null
cmake --build --preset native-debug
ctest --preset native-debug

echo "== wasm (release) + browser tests"
cmake --preset wasm-release >/dev/null
cmake --build --preset wasm-release
ctest --preset wasm-release

echo "== fuzz (libFuzzer, 60 s per target, four targets; docs/FUZZING.md)"
bash tools/fuzz.sh 60
