# web_exports.cmake — the web build's exported functions, found in the sources instead of
# a list kept by hand: every function defined EMSCRIPTEN_KEEPALIVE in the given files
# (src/platform/platform_web.cpp, web_api.cpp), plus main, malloc and free.
#
#   atlas_web_exports(OUT_VAR file...)   sets OUT_VAR to "_main,_malloc,_free,_atlas_…"
#
# Read at configure time; editing a scanned file re-runs the configure step (Ninja sees
# it through CMAKE_CONFIGURE_DEPENDS), so a new function is exported at the next build.
# Fails loudly when the files define none, or when web/atlas.js calls a Module._atlas_…
# function that none of them defines (a typo, or a function removed from the C side).
function(atlas_web_exports out_var)
  set(names)
  foreach(file ${ARGN})
    set_property(DIRECTORY "${CMAKE_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
    file(READ "${file}" text)
    # "EMSCRIPTEN_KEEPALIVE const char* atlas_api_stats(" -> atlas_api_stats
    string(REGEX MATCHALL "EMSCRIPTEN_KEEPALIVE[^(;{}]*[ *&\n]([A-Za-z_][A-Za-z0-9_]*)\\("
           hits "${text}")
    foreach(hit ${hits})
      string(REGEX REPLACE "^.*[ *&\n]([A-Za-z_][A-Za-z0-9_]*)\\($" "\\1" name "${hit}")
      list(APPEND names "_${name}")
    endforeach()
  endforeach()
  list(LENGTH names count)
  if(count EQUAL 0)
    message(FATAL_ERROR "web exports: no EMSCRIPTEN_KEEPALIVE function found in ${ARGN}: "
                        "window.atlas would have nothing to call")
  endif()
  list(REMOVE_DUPLICATES names)

  # Everything the page calls must exist.
  set(page "${CMAKE_SOURCE_DIR}/web/atlas.js")
  set_property(DIRECTORY "${CMAKE_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${page}")
  file(READ "${page}" js)
  string(REGEX MATCHALL "Module\\._atlas_[A-Za-z0-9_]+" calls "${js}")
  list(REMOVE_DUPLICATES calls)
  foreach(call ${calls})
    string(REPLACE "Module." "" fn "${call}")
    if(NOT fn IN_LIST names)
      message(FATAL_ERROR "web exports: web/atlas.js calls ${fn}, which no "
                          "EMSCRIPTEN_KEEPALIVE function in ${ARGN} defines")
    endif()
  endforeach()

  list(PREPEND names _main _malloc _free)
  list(JOIN names "," joined)
  message(STATUS "Web exports: ${count} functions from the sources")
  set(${out_var} "${joined}" PARENT_SCOPE)
endfunction()
