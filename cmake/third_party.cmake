# SDL2, OpenGL ES 3 and Dear ImGui, from Debian (natively) or from $CORDON_CACHE (both targets).
# tools/setup.sh fetches the sources and builds SDL2 for wasm there.

set(CORDON_IMGUI_DIR "${CORDON_CACHE}/imgui")
if(NOT EXISTS "${CORDON_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${CORDON_IMGUI_DIR}: run tools/setup.sh")
endif()

add_library(cordon_sdl2 INTERFACE)
add_library(cordon_gles INTERFACE)
if(EMSCRIPTEN)
  set(CORDON_SDL2_WASM "${CORDON_CACHE}/sdl2-wasm")
  if(NOT EXISTS "${CORDON_SDL2_WASM}/lib/libSDL2.a")
    message(FATAL_ERROR "SDL2 for wasm not found in ${CORDON_SDL2_WASM}: run tools/setup.sh")
  endif()
  # Before Emscripten's own (older) SDL headers.
  target_include_directories(cordon_sdl2 BEFORE INTERFACE "${CORDON_SDL2_WASM}/include/SDL2")
  target_link_libraries(cordon_sdl2 INTERFACE "${CORDON_SDL2_WASM}/lib/libSDL2.a")
  target_link_options(cordon_gles INTERFACE -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2)
else()
  find_package(SDL2 REQUIRED CONFIG)
  target_link_libraries(cordon_sdl2 INTERFACE SDL2::SDL2)
  find_library(CORDON_GLESV2 GLESv2 REQUIRED)
  target_link_libraries(cordon_gles INTERFACE ${CORDON_GLESV2})
endif()

add_library(imgui STATIC
  "${CORDON_IMGUI_DIR}/imgui.cpp" "${CORDON_IMGUI_DIR}/imgui_draw.cpp"
  "${CORDON_IMGUI_DIR}/imgui_tables.cpp" "${CORDON_IMGUI_DIR}/imgui_widgets.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${CORDON_IMGUI_DIR}" "${CORDON_IMGUI_DIR}/backends")
target_compile_definitions(imgui PUBLIC IMGUI_IMPL_OPENGL_ES3 IMGUI_DISABLE_OBSOLETE_FUNCTIONS)

add_library(imgui_backends STATIC
  "${CORDON_IMGUI_DIR}/backends/imgui_impl_sdl2.cpp" "${CORDON_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_link_libraries(imgui_backends PUBLIC imgui cordon_sdl2 cordon_gles)
