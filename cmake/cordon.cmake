# Project-wide helpers.

# Warnings every cordon target is built with (the build must stay free of them).
function(cordon_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  # GCC 12 at -O2/-O3 reports a false -Wrestrict inside std::string concatenation (GCC bug 105651).
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
endfunction()

# Generates FILE.cpp defining `std::string_view FUNCTION(std::string_view)` over NAME=PATH pairs.
function(cordon_embed out function)
  set(pairs ${ARGN})
  set(paths)
  foreach(pair IN LISTS pairs)
    string(REGEX REPLACE "^[^=]*=" "" path "${pair}")
    list(APPEND paths "${path}")
  endforeach()
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${Python3_EXECUTABLE} "${CMAKE_SOURCE_DIR}/tools/embed_files.py" "${out}" ${function} ${pairs}
    DEPENDS "${CMAKE_SOURCE_DIR}/tools/embed_files.py" ${paths}
    COMMENT "Embedding ${function} files"
    VERBATIM)
endfunction()
