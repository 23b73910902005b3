# atlas_embed(target file symbol): a static library holding `file`'s bytes as
#   extern const unsigned char symbol[]; extern const unsigned long symbol_size;
# (a NUL follows the bytes, so text can be used as a C string). Generated at build
# time from the file in place: nothing generated is committed.
function(atlas_embed target file symbol)
  set(out "${CMAKE_BINARY_DIR}/embed/${symbol}.c")
  add_custom_command(OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${out} -DSYM=${symbol}
            -P "${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake"
    DEPENDS "${file}" "${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake"
    COMMENT "Embedding ${file}")
  add_library(${target} STATIC "${out}")
endfunction()
