#!/usr/bin/env bash
# The layering rule (README, Architecture): src/core includes nothing from SDL, GL, ImGui or
# Emscripten, and nothing from the layers above it; src/render includes no ImGui or SDL; src/ui no
# GL; src/app no GL call (the renderer and platform/imgui_backend make them); `#ifdef __EMSCRIPTEN__`
# only in src/platform and src/app. Exits 1 naming every offending line.
set -euo pipefail
cd "$(dirname "$0")/.."
bad=0
check() { # folder, pattern, what
  local hits
  hits=$(grep -rnE "$2" "$1" --include='*.cpp' --include='*.hpp' || true)
  if [ -n "$hits" ]; then
    echo "layering: $1 must not $3:" >&2
    echo "$hits" >&2
    bad=1
  fi
}
check src/core '#\s*include\s*[<"](SDL|GL|GLES|imgui|emscripten|webgl)|#\s*include\s*"(render|ui|app|platform)/' \
  'include SDL, GL, ImGui, Emscripten or a higher layer'
check src/core '__EMSCRIPTEN__' 'depend on the platform'
check src/render '#\s*include\s*[<"](SDL|imgui|emscripten)|#\s*include\s*"(ui|app|platform)/' 'include SDL, ImGui or a higher layer'
check src/render '__EMSCRIPTEN__' 'depend on the platform'
check src/ui '#\s*include\s*[<"](GL|GLES)|#\s*include\s*"(app|platform|render/gl)/|__EMSCRIPTEN__|\bgl[A-Z][a-zA-Z]+\(' \
  'call GL or depend on the app or platform'
check src/app '#\s*include\s*[<"](GL|GLES|imgui_impl)|\bgl[A-Z][a-zA-Z]+\(|ImGui_Impl' \
  'call GL or an ImGui backend (the renderer reads and clears the framebuffer; platform/imgui_backend wraps ImGui'"'"'s backends)'
# Inside core, each sub-layer includes only itself and the ones below it
# (geo <- formats <- feeds <- routing <- {coverage, staffing} <- map; docs/architecture.md).
core_layer() { # folder, the core folders it must not include
  check "src/core/$1" "#\\s*include\\s*\"core/($2)/" "include core/$2 (a higher or sibling sub-layer)"
}
core_layer geo 'formats|feeds|routing|coverage|staffing|map'
core_layer formats 'feeds|routing|coverage|staffing|map'
core_layer feeds 'routing|coverage|staffing|map'
core_layer routing 'coverage|staffing|map'
core_layer coverage 'staffing|map'
core_layer staffing 'coverage|map'
loose=$(find src/core -maxdepth 1 -type f \( -name '*.cpp' -o -name '*.hpp' \))
if [ -n "$loose" ]; then
  echo "layering: every file in src/core belongs to a sub-layer folder:" >&2
  echo "$loose" >&2
  bad=1
fi
[ $bad -eq 0 ] && echo "layering: ok (core and its sub-layers, render, ui, app)"
exit $bad
