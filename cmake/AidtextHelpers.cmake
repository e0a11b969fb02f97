# aidtext_stage(NAME SOURCES ... DEPS ...): one OBJECT library per pipeline stage.
# DEPS are other stages (without the aidtext_ prefix) or imported targets.
function(aidtext_stage name)
  cmake_parse_arguments(S "" "" "SOURCES;DEPS" ${ARGN})
  set(tgt aidtext_${name})
  add_library(${tgt} OBJECT ${S_SOURCES})
  target_include_directories(${tgt} PUBLIC ${PROJECT_SOURCE_DIR}/lib ${PROJECT_SOURCE_DIR}/include
                                           ${PROJECT_BINARY_DIR}/lib)
  foreach(dep ${S_DEPS})
    if(TARGET aidtext_${dep})
      target_link_libraries(${tgt} PUBLIC aidtext_${dep})
    else()
      target_link_libraries(${tgt} PUBLIC ${dep})
    endif()
  endforeach()
  set(AIDTEXT_STAGE_TARGETS ${AIDTEXT_STAGE_TARGETS} ${tgt} CACHE INTERNAL "")
endfunction()

# aidtext_embed(TARGET SYMBOL FILE [ALIGN N]): compile a generated binary FILE into TARGET as
#   extern "C" const unsigned char SYMBOL[]; extern "C" const unsigned long SYMBOL_size;
# through the assembler's .incbin: fast to build, whatever the size. SYMBOL is
# aligned to N bytes (16 by default).
function(aidtext_embed target symbol file)
  cmake_parse_arguments(PARSE_ARGV 3 embed "" "ALIGN" "")
  if(NOT embed_ALIGN)
    set(embed_ALIGN 16)
  endif()
  set(asm ${CMAKE_CURRENT_BINARY_DIR}/${symbol}.S)
  file(WRITE ${asm}.in
"    .section .rodata.${symbol},\"a\",@progbits
    .balign ${embed_ALIGN}
    .globl ${symbol}
    .hidden ${symbol}
${symbol}:
    .incbin \"@EMBED_FILE@\"
.L${symbol}_end:
    .byte 0
    .balign 8
    .globl ${symbol}_size
    .hidden ${symbol}_size
${symbol}_size:
    .quad .L${symbol}_end - ${symbol}
    .section .note.GNU-stack,\"\",@progbits
")
  set(EMBED_FILE ${file})
  configure_file(${asm}.in ${asm} @ONLY)
  set_source_files_properties(${asm} PROPERTIES OBJECT_DEPENDS ${file})
  target_sources(${target} PRIVATE ${asm})
endfunction()
