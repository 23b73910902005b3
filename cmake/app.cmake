# The app: Dear ImGui (from the Debian source package fetched by tools/setup), the
# same sources for both targets, one platform file chosen here.
set(IMGUI_DIR "${ATLAS_DEPS}/src/imgui")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui's source is missing at ${IMGUI_DIR}: run tools/setup")
endif()

add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp
  ${IMGUI_DIR}/imgui_draw.cpp
  ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp
  ${IMGUI_DIR}/backends/imgui_impl_sdl2.cpp
  ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp
  ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp
)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
# IMGUI_ENABLE_TEST_ENGINE: ImGui's item hooks, which src/ui/widget_probe.cpp implements
# (where each widget is, for end-to-end tests); off at run time until a test asks.
# IMGUI_DISABLE_DEBUG_TOOLS: ImGui's metrics window, debug log and item picker, which
# nothing opens, out of the download.
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS
  IMGUI_DISABLE_OBSOLETE_KEYIO IMGUI_DISABLE_FILE_FUNCTIONS IMGUI_ENABLE_TEST_ENGINE
  IMGUI_DISABLE_DEBUG_TOOLS)

if(EMSCRIPTEN)
  set(ATLAS_SDL2_WASM "${ATLAS_DEPS}/sdl2-wasm")
  if(NOT EXISTS "${ATLAS_SDL2_WASM}/lib/libSDL2.a")
    message(FATAL_ERROR "SDL2 for WebAssembly is missing under ${ATLAS_DEPS}: run tools/setup")
  endif()
  add_library(sdl2_wasm STATIC IMPORTED)
  set_target_properties(sdl2_wasm PROPERTIES
    IMPORTED_LOCATION "${ATLAS_SDL2_WASM}/lib/libSDL2.a"
    INTERFACE_INCLUDE_DIRECTORIES "${ATLAS_SDL2_WASM}/include/SDL2")
  target_link_libraries(imgui PUBLIC sdl2_wasm)
  # WebGL 2 is OpenGL ES 3.0 (ImGui's backend assumes ES 2 on Emscripten otherwise).
  target_compile_definitions(imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
  set(ATLAS_PLATFORM_SOURCE src/platform/platform_web.cpp src/platform/web_api.cpp)
  set(ATLAS_WEB_EXPORT_SOURCES "${CMAKE_SOURCE_DIR}/src/platform/platform_web.cpp"
    "${CMAKE_SOURCE_DIR}/src/platform/web_api.cpp")
else()
  find_package(SDL2 REQUIRED)
  find_package(OpenGL REQUIRED)
  target_link_libraries(imgui PUBLIC SDL2::SDL2 OpenGL::GL ${CMAKE_DL_LIBS})
  # OpenSSL's libcrypto: File > Publish stamps the published site's worker with SHA-256.
  find_package(OpenSSL REQUIRED COMPONENTS Crypto)
  set(ATLAS_PLATFORM_SOURCE src/platform/platform_desktop.cpp src/platform/file_store.cpp
    src/platform/site_folder.cpp)
endif()

# Fonts come from Debian's packages at build time (fonts-noto-core); never committed.
find_file(ATLAS_FONT_SANS NotoSans-Regular.ttf PATHS /usr/share/fonts/truetype/noto
  NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
find_file(ATLAS_FONT_THAI NotoSansThai-Regular.ttf PATHS /usr/share/fonts/truetype/noto
  NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
# Noto Sans has no arrows and no minus sign (→ −): they come from Noto Sans Math.
find_file(ATLAS_FONT_MATH NotoSansMath-Regular.ttf PATHS /usr/share/fonts/truetype/noto
  NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
if(NOT ATLAS_FONT_SANS OR NOT ATLAS_FONT_THAI OR NOT ATLAS_FONT_MATH)
  message(FATAL_ERROR "Noto Sans fonts are missing (Debian package fonts-noto-core): run tools/setup")
endif()
# Only the glyphs the UI asks for (Latin, Vietnamese, punctuation, arrows, shapes):
# 500 KB of font becomes ~70 KB of download. Ranges match src/ui/theme.cpp.
find_program(PYFTSUBSET pyftsubset)
if(PYFTSUBSET)
  set(ATLAS_FONT_SANS_SUBSET "${CMAKE_BINARY_DIR}/fonts/NotoSans-subset.ttf")
  add_custom_command(OUTPUT "${ATLAS_FONT_SANS_SUBSET}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/fonts"
    COMMAND ${PYFTSUBSET} "${ATLAS_FONT_SANS}"
            "--unicodes=U+0020-024F,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+25A0-25FF"
            --no-hinting "--layout-features=" "--output-file=${ATLAS_FONT_SANS_SUBSET}"
    DEPENDS "${ATLAS_FONT_SANS}"
    COMMENT "Subsetting Noto Sans to the UI's glyphs")
  atlas_embed(atlas_font_sans_data "${ATLAS_FONT_SANS_SUBSET}" atlas_font_sans)
  set(ATLAS_FONT_MATH_SUBSET "${CMAKE_BINARY_DIR}/fonts/NotoSansMath-arrows.ttf")
  add_custom_command(OUTPUT "${ATLAS_FONT_MATH_SUBSET}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/fonts"
    COMMAND ${PYFTSUBSET} "${ATLAS_FONT_MATH}" "--unicodes=U+2190-21FF,U+2212"
            --no-hinting "--layout-features=" "--output-file=${ATLAS_FONT_MATH_SUBSET}"
    DEPENDS "${ATLAS_FONT_MATH}"
    COMMENT "Subsetting Noto Sans Math to arrows and the minus sign")
  atlas_embed(atlas_font_math_data "${ATLAS_FONT_MATH_SUBSET}" atlas_font_math)
  # Thai: the block's characters without hinting or layout tables (the glyph atlas draws
  # no shaping): 19 KB gzipped becomes 7.
  set(ATLAS_FONT_THAI_SUBSET "${CMAKE_BINARY_DIR}/fonts/NotoSansThai-subset.ttf")
  add_custom_command(OUTPUT "${ATLAS_FONT_THAI_SUBSET}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/fonts"
    COMMAND ${PYFTSUBSET} "${ATLAS_FONT_THAI}" "--unicodes=U+0E00-0E7F"
            --no-hinting "--layout-features=" "--output-file=${ATLAS_FONT_THAI_SUBSET}"
    DEPENDS "${ATLAS_FONT_THAI}"
    COMMENT "Subsetting Noto Sans Thai to the Thai block")
  atlas_embed(atlas_font_thai_data "${ATLAS_FONT_THAI_SUBSET}" atlas_font_thai)
else()
  message(WARNING "pyftsubset (Debian package fonttools) not found: embedding the whole fonts")
  atlas_embed(atlas_font_sans_data "${ATLAS_FONT_SANS}" atlas_font_sans)
  atlas_embed(atlas_font_math_data "${ATLAS_FONT_MATH}" atlas_font_math)
  atlas_embed(atlas_font_thai_data "${ATLAS_FONT_THAI}" atlas_font_thai)
endif()

# The CJK font is not embedded: it is a file of its own (fonts/cjk.ttf beside the page,
# or beside the desktop program) that the app loads only when a dataset has Chinese
# text. Built from Debian's fonts-noto-cjk, subset to the characters Chinese, Japanese and
# Korean names use (tools/fonts/cjk_unicodes.py reads them from Debian's locales charmaps).
find_file(ATLAS_FONT_CJK NotoSansCJK-Regular.ttc PATHS /usr/share/fonts/opentype/noto
  NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
find_path(ATLAS_CHARMAPS GB2312.gz PATHS /usr/share/i18n/charmaps NO_DEFAULT_PATH
  NO_CMAKE_FIND_ROOT_PATH)
find_program(PYTHON3 python3)
if(NOT ATLAS_FONT_CJK OR NOT ATLAS_CHARMAPS OR NOT PYFTSUBSET OR NOT PYTHON3)
  message(FATAL_ERROR "The CJK font needs fonts-noto-cjk, locales and fonttools: run tools/setup")
endif()
set(ATLAS_FONT_CJK_SUBSET "${CMAKE_BINARY_DIR}/fonts/cjk.ttf")
add_custom_command(OUTPUT "${ATLAS_FONT_CJK_SUBSET}"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/fonts"
  COMMAND ${PYTHON3} "${CMAKE_SOURCE_DIR}/tools/fonts/cjk_unicodes.py" "${ATLAS_CHARMAPS}"
          "${CMAKE_BINARY_DIR}/fonts/cjk-unicodes.txt"
  COMMAND ${PYFTSUBSET} "${ATLAS_FONT_CJK}" --font-number=2
          "--unicodes-file=${CMAKE_BINARY_DIR}/fonts/cjk-unicodes.txt" --no-hinting
          "--layout-features=" "--output-file=${ATLAS_FONT_CJK_SUBSET}"
  DEPENDS "${ATLAS_FONT_CJK}" "${CMAKE_SOURCE_DIR}/tools/fonts/cjk_unicodes.py"
  COMMENT "Subsetting Noto Sans CJK to common Chinese, Japanese and Korean (loaded on demand)")
add_custom_target(atlas_cjk_font ALL DEPENDS "${ATLAS_FONT_CJK_SUBSET}")

# Shaders: GLSL sources from shaders/, embedded; the version line is added at load.
foreach(shader map_fill.vert map_fill.frag map_line.vert map_line.frag)
  string(REPLACE "." "_" sym "atlas_shader_${shader}")
  atlas_embed(${sym}_data "${CMAKE_SOURCE_DIR}/shaders/${shader}" ${sym})
  list(APPEND ATLAS_SHADER_LIBS ${sym}_data)
endforeach()
if(NOT EMSCRIPTEN)  # the web fetches both beside the page instead (not in the wasm)
  atlas_embed(atlas_basemap_data "${ATLAS_BASEMAP}" atlas_basemap)
  atlas_embed(atlas_gazetteer_data "${ATLAS_GAZETTEER}" atlas_gazetteer)
endif()

# The basemap's renderer, the shaders and the PNG writer (src/render).
add_library(atlas_render STATIC src/render/map_renderer.cpp src/render/png.cpp
  src/render/shader.cpp)
target_link_libraries(atlas_render PUBLIC atlas_geo imgui ${ATLAS_SHADER_LIBS})
target_compile_options(atlas_render PRIVATE ${ATLAS_WARNINGS})

# The UI (src/ui): Dear ImGui views over the app's state, reaching the platform only
# through app/host.hpp. An object library, so the app and the UI's tests each link every
# object: imgui itself calls the test-engine hooks in ui/widget_probe.cpp.
add_library(atlas_ui OBJECT
  src/ui/about.cpp
  src/ui/reach.cpp
  src/ui/csv_import_dialog.cpp
  src/ui/export_menu.cpp src/ui/publish_dialog.cpp
  src/ui/app_ui.cpp
  src/ui/dialogs.cpp
  src/ui/drag.cpp
  src/ui/editor.cpp
  src/ui/editor_plan.cpp
  src/ui/file_dialog.cpp
  src/ui/glyph_loader.cpp
  src/ui/list_pane.cpp
  src/ui/plan_pane.cpp
  src/ui/map_view.cpp
  src/ui/menu_bar.cpp
  src/ui/phone_layout.cpp
  src/ui/presenter.cpp
  src/ui/theme.cpp
  src/ui/timeline_view.cpp
  src/ui/widget_probe.cpp
)
target_link_libraries(atlas_ui PUBLIC atlas_app atlas_geo atlas_timeline atlas_render imgui
  atlas_font_sans_data atlas_font_thai_data atlas_font_math_data)
target_compile_options(atlas_ui PRIVATE ${ATLAS_WARNINGS})
target_compile_definitions(atlas_ui PRIVATE ATLAS_VERSION="${PROJECT_VERSION}")

# The program: main, the loop both platforms share, and one platform's files.
add_executable(coalition-atlas src/main.cpp src/platform/frame_driver.cpp
  ${ATLAS_PLATFORM_SOURCE})
add_dependencies(coalition-atlas atlas_cjk_font)
target_link_libraries(coalition-atlas PRIVATE atlas_ui)
if(NOT EMSCRIPTEN)
  target_link_libraries(coalition-atlas PRIVATE atlas_basemap_data atlas_gazetteer_data
    atlas_tzdata_data OpenSSL::Crypto)
else()
  add_dependencies(coalition-atlas gazetteer basemap)
endif()
target_compile_options(coalition-atlas PRIVATE ${ATLAS_WARNINGS})
target_compile_definitions(coalition-atlas PRIVATE ATLAS_VERSION="${PROJECT_VERSION}")

if(EMSCRIPTEN)
  # -sEXPORTED_FUNCTIONS: every EMSCRIPTEN_KEEPALIVE function of the web's files.
  include(cmake/web_exports.cmake)
  atlas_web_exports(ATLAS_WEB_EXPORTS ${ATLAS_WEB_EXPORT_SOURCES})
  target_link_options(coalition-atlas PRIVATE
    -sALLOW_MEMORY_GROWTH=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
    -sENVIRONMENT=web -sINITIAL_MEMORY=33554432 -sDISABLE_EXCEPTION_CATCHING=0
    -sDYNAMIC_EXECUTION=0  # no eval or new Function: the page's CSP allows neither
    -sFILESYSTEM=0  # no files in the browser: data comes through the page (web/atlas.js)
    "-sEXPORTED_FUNCTIONS=[${ATLAS_WEB_EXPORTS}]"
    "-sEXPORTED_RUNTIME_METHODS=[UTF8ToString,stringToUTF8,lengthBytesUTF8,HEAPU8]")
  # The page: web/ plus the compiled js + wasm, in one folder tools/run serves.
  set(ATLAS_SITE "${CMAKE_BINARY_DIR}/site")
  file(GLOB ATLAS_WEB_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*")
  add_custom_command(TARGET coalition-atlas POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E make_directory "${ATLAS_SITE}"
    COMMAND ${CMAKE_COMMAND} -E copy_if_different
            "$<TARGET_FILE_DIR:coalition-atlas>/coalition-atlas.js"
            "$<TARGET_FILE_DIR:coalition-atlas>/coalition-atlas.wasm" "${ATLAS_SITE}/"
    COMMENT "Assembling the page in ${ATLAS_SITE}")
  # Files the page fetches beside the app: copied whenever they are rebuilt, even when
  # the program itself is not relinked.
  add_custom_command(OUTPUT "${ATLAS_SITE}/fonts/cjk.ttf" "${ATLAS_SITE}/gazetteer.bin"
    "${ATLAS_SITE}/tzdata.bin" "${ATLAS_SITE}/basemap.bin"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${ATLAS_SITE}/fonts"
    COMMAND ${CMAKE_COMMAND} -E copy "${ATLAS_FONT_CJK_SUBSET}" "${ATLAS_SITE}/fonts/cjk.ttf"
    COMMAND ${CMAKE_COMMAND} -E copy "${ATLAS_GAZETTEER}" "${ATLAS_SITE}/gazetteer.bin"
    COMMAND ${CMAKE_COMMAND} -E copy "${ATLAS_TZDATA}" "${ATLAS_SITE}/tzdata.bin"
    COMMAND ${CMAKE_COMMAND} -E copy "${ATLAS_BASEMAP}" "${ATLAS_SITE}/basemap.bin"
    DEPENDS "${ATLAS_FONT_CJK_SUBSET}" "${ATLAS_GAZETTEER}" "${ATLAS_TZDATA}" "${ATLAS_BASEMAP}"
    COMMENT "Copying the CJK font, the city list, the zones and the basemap beside the page")
  # The page's own files (web/): copied whenever one changes, not only when the program
  # is relinked. index.html and sw.js are templates, stamped with the version below.
  set(ATLAS_SITE_WEB_FILES)
  set(ATLAS_SITE_PRECACHE index.html coalition-atlas.js coalition-atlas.wasm basemap.bin)
  # File > Publish's two libraries, from npm (tools/setup installs them): SHA-256 for the
  # published worker's stamp, and the .zip. Loaded only when publishing; kept offline.
  foreach(pair "js-sha256/build/sha256.min.js=js-sha256.min.js" "fflate/umd/index.js=fflate.min.js")
    string(REPLACE "=" ";" pair "${pair}")
    list(GET pair 0 from)
    list(GET pair 1 name)
    set(from "${CMAKE_SOURCE_DIR}/node_modules/${from}")
    if(NOT EXISTS "${from}")
      message(FATAL_ERROR "${from} is missing (File > Publish needs it): run tools/setup")
    endif()
    add_custom_command(OUTPUT "${ATLAS_SITE}/${name}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${ATLAS_SITE}"
      COMMAND ${CMAKE_COMMAND} -E copy "${from}" "${ATLAS_SITE}/${name}"
      DEPENDS "${from}")
    list(APPEND ATLAS_SITE_PRECACHE "${name}")
    list(APPEND ATLAS_SITE_WEB_FILES "${ATLAS_SITE}/${name}")
  endforeach()
  # atlas.js carries the page's own words in every language (its SHELL_TEXT, filled from
  # the compiled catalogs and the pseudo-locale: tools/i18n/shell_text.mjs).
  set(ATLAS_SHELL_MOS)
  foreach(po ${ATLAS_PO_FILES})
    get_filename_component(name "${po}" NAME_WE)
    if(NOT name STREQUAL "en")
      list(APPEND ATLAS_SHELL_MOS "${CMAKE_BINARY_DIR}/generated/po/${name}.mo")
    endif()
  endforeach()
  add_custom_command(OUTPUT "${ATLAS_SITE}/atlas.js"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${ATLAS_SITE}"
    COMMAND ${NODE} "${CMAKE_SOURCE_DIR}/tools/i18n/shell_text.mjs"
            "${CMAKE_SOURCE_DIR}/web/atlas.js" "${ATLAS_SITE}/atlas.js" ${ATLAS_SHELL_MOS}
    DEPENDS "${CMAKE_SOURCE_DIR}/web/atlas.js" "${CMAKE_SOURCE_DIR}/tools/i18n/shell_text.mjs"
            "${CMAKE_SOURCE_DIR}/tools/i18n/mo.mjs" ${ATLAS_SHELL_MOS}
    COMMENT "The page's own words in each language, into atlas.js")
  list(APPEND ATLAS_SITE_PRECACHE atlas.js)
  list(APPEND ATLAS_SITE_WEB_FILES "${ATLAS_SITE}/atlas.js")
  foreach(f ${ATLAS_WEB_FILES})
    get_filename_component(name "${f}" NAME)
    if(name STREQUAL "index.html" OR name STREQUAL "sw.js" OR name STREQUAL "atlas.js")
      continue()
    endif()
    list(APPEND ATLAS_SITE_PRECACHE "${name}")
    add_custom_command(OUTPUT "${ATLAS_SITE}/${name}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${ATLAS_SITE}"
      COMMAND ${CMAKE_COMMAND} -E copy "${f}" "${ATLAS_SITE}/${name}"
      DEPENDS "${f}")
    list(APPEND ATLAS_SITE_WEB_FILES "${ATLAS_SITE}/${name}")
  endforeach()
  # The version: a content hash of every file the page needs, stamped into the page and
  # its service worker (one cache per version, whole or not at all: web/sw.js). The
  # lists are the build's: everything above is kept for offline use, the font once fetched.
  list(JOIN ATLAS_SITE_PRECACHE "," ATLAS_SITE_PRECACHE_ARG)
  add_custom_command(OUTPUT "${ATLAS_SITE}/index.html" "${ATLAS_SITE}/sw.js"
    COMMAND ${NODE} "${CMAKE_SOURCE_DIR}/tools/web/stamp_version.mjs" "${ATLAS_SITE}"
            "${CMAKE_SOURCE_DIR}/web" --precache "${ATLAS_SITE_PRECACHE_ARG}"
            --optional fonts/cjk.ttf,tzdata.bin,gazetteer.bin
    DEPENDS "${CMAKE_SOURCE_DIR}/tools/web/stamp_version.mjs" "${CMAKE_SOURCE_DIR}/web/index.html"
            "${CMAKE_SOURCE_DIR}/web/sw.js" coalition-atlas "${ATLAS_SITE}/fonts/cjk.ttf"
            "${ATLAS_SITE}/gazetteer.bin" "${ATLAS_SITE}/tzdata.bin" "${ATLAS_SITE}/basemap.bin"
            ${ATLAS_SITE_WEB_FILES}
    COMMENT "Stamping the page and its service worker with the build's version")
  # Precompressed copies beside the big files (FILE.gz, FILE.br: Debian's gzip and
  # brotli), for hosts that serve them (tools/serve.mjs does, with Content-Encoding).
  # Not index.html and sw.js: `atlas publish` rewrites those, and copies these as they are.
  find_program(ATLAS_GZIP gzip REQUIRED)
  find_program(ATLAS_BROTLI brotli REQUIRED)
  set(ATLAS_SITE_COMPRESSED)
  foreach(name coalition-atlas.wasm coalition-atlas.js atlas.js store.js basemap.bin gazetteer.bin
          tzdata.bin fonts/cjk.ttf)
    add_custom_command(OUTPUT "${ATLAS_SITE}/${name}.gz" "${ATLAS_SITE}/${name}.br"
      COMMAND ${ATLAS_GZIP} -9 -n -k -f "${ATLAS_SITE}/${name}"
      COMMAND ${ATLAS_BROTLI} -q 11 -k -f "${ATLAS_SITE}/${name}"
      DEPENDS "${ATLAS_SITE}/index.html")  # stamped after every file of the site is in place
    list(APPEND ATLAS_SITE_COMPRESSED "${ATLAS_SITE}/${name}.gz" "${ATLAS_SITE}/${name}.br")
  endforeach()
  add_custom_target(atlas_site_compressed ALL DEPENDS ${ATLAS_SITE_COMPRESSED})
  add_custom_target(atlas_site_files ALL DEPENDS "${ATLAS_SITE}/fonts/cjk.ttf"
    "${ATLAS_SITE}/gazetteer.bin" "${ATLAS_SITE}/tzdata.bin" "${ATLAS_SITE}/basemap.bin"
    ${ATLAS_SITE_WEB_FILES} "${ATLAS_SITE}/index.html"
    "${ATLAS_SITE}/sw.js")
else()
  # App logic tests (no window): the state behind the UI and the JS API, the PNG writer.
  add_executable(atlas_app_tests tests/main.cpp tests/app/test_state.cpp tests/app/test_coordinates.cpp
    tests/app/test_persistence.cpp tests/app/test_session.cpp tests/app/test_view_mode.cpp
    tests/app/test_mirror.cpp tests/app/test_store_words.cpp
    tests/render/test_png.cpp
    src/platform/file_store.cpp)
  target_include_directories(atlas_app_tests PRIVATE ${DOCTEST_INCLUDE})
  target_link_libraries(atlas_app_tests PRIVATE atlas_app atlas_render)
  target_compile_options(atlas_app_tests PRIVATE ${ATLAS_WARNINGS})
  add_test(NAME app_unit COMMAND atlas_app_tests)

  # The UI without a platform: AppUI and its panes with a fake host (tests/ui/ui_harness),
  # Dear ImGui run headless (a font atlas, no GL context, no window).
  add_executable(atlas_ui_tests tests/main.cpp tests/ui/test_app_ui.cpp tests/ui/test_editor.cpp
    tests/ui/test_publish.cpp
    tests/ui/test_plan.cpp tests/ui/test_theme_contrast.cpp tests/ui/test_reach.cpp
    tests/ui/test_csv_import.cpp)
  target_include_directories(atlas_ui_tests PRIVATE ${DOCTEST_INCLUDE})
  target_link_libraries(atlas_ui_tests PRIVATE atlas_ui)
  target_compile_options(atlas_ui_tests PRIVATE ${ATLAS_WARNINGS})
  target_compile_definitions(atlas_ui_tests PRIVATE ATLAS_CJK_FONT="${ATLAS_FONT_CJK_SUBSET}"
    ATLAS_GAZETTEER="${ATLAS_GAZETTEER}" ATLAS_TZDATA="${ATLAS_TZDATA}")
  add_dependencies(atlas_ui_tests atlas_cjk_font gazetteer tzdata)
  add_test(NAME ui_unit COMMAND atlas_ui_tests)

  # The desktop app under Xvfb: draws, writes a non-blank PNG, exits 0.
  add_test(NAME desktop COMMAND sh "${CMAKE_SOURCE_DIR}/tests/desktop/test_desktop.sh"
    $<TARGET_FILE:coalition-atlas> "${CMAKE_BINARY_DIR}/desktop-shots")
  # Real keyboard and mouse (xdotool) on the desktop build: type, undo, redo.
  add_test(NAME desktop_edit COMMAND sh "${CMAKE_SOURCE_DIR}/tests/desktop/test_desktop_edit.sh"
    $<TARGET_FILE:coalition-atlas> "${CMAKE_BINARY_DIR}/desktop-edit")
  # The pseudo-locale (--lang pseudo) under Xvfb: every widget label translated and whole.
  add_test(NAME desktop_pseudo COMMAND ${NODE} "${CMAKE_SOURCE_DIR}/tests/i18n/desktop_pseudo.mjs"
    $<TARGET_FILE:coalition-atlas> "${CMAKE_BINARY_DIR}/desktop-pseudo")
endif()
