# Build-time data from Debian packages, shared by the stages that generate
# compiled-in tables (lib/encoding, lib/convert, lib/repair):
#   - OpenCC's dictionaries (package opencc / libopencc-data, Apache-2.0),
#     exported from .ocd2 to text by OpenCC's own opencc_dict tool;
#   - jieba's word-frequency dictionary (package python3-jieba, MIT);
#   - the Python that runs the generators: Debian's /usr/bin/python3, whose
#     standard codecs are the ones that made the mojibake the repairer undoes.
find_program(AIDTEXT_OPENCC_DICT opencc_dict REQUIRED)
set(AIDTEXT_OPENCC_DATA_DIR /usr/share/opencc CACHE PATH "Where OpenCC's .ocd2 dictionaries are")
set(AIDTEXT_JIEBA_DICT /usr/lib/python3/dist-packages/jieba/dict.txt CACHE FILEPATH
    "jieba's word-frequency dictionary (Debian python3-jieba)")
if(EXISTS /usr/bin/python3)
  set(AIDTEXT_GENERATOR_PYTHON /usr/bin/python3)
else()
  set(AIDTEXT_GENERATOR_PYTHON ${Python3_EXECUTABLE})
endif()

# aidtext_export_opencc(DICT OUT_DIR): a rule in the calling directory that
# writes OUT_DIR/DICT.txt from OpenCC's DICT.ocd2 (each stage exports what it
# needs into its own table folder: a generated file is a rule of one folder).
function(aidtext_export_opencc dict out_dir)
  add_custom_command(
    OUTPUT ${out_dir}/${dict}.txt
    COMMAND ${AIDTEXT_OPENCC_DICT} -i ${AIDTEXT_OPENCC_DATA_DIR}/${dict}.ocd2
            -o ${out_dir}/${dict}.txt -f ocd2 -t text
    DEPENDS ${AIDTEXT_OPENCC_DATA_DIR}/${dict}.ocd2
    COMMENT "Exporting OpenCC dictionary ${dict}"
    VERBATIM)
endfunction()
