// Decoding: bytes of unknown encoding -> UTF-8 (BOM, UTF-8 check,
// GB18030/GBK/Big5/UTF-16 detection with ICU converters).
#ifndef AIDTEXT_ENCODING_DECODER_H_
#define AIDTEXT_ENCODING_DECODER_H_

#include <string>
#include <string_view>

#include "core/offset_map.h"

namespace aidtext {

struct Decoded {
  std::string text;         // valid UTF-8; invalid input sequences became U+FFFD
  OffsetMap map;            // text byte -> input byte range
  std::string encoding;     // "UTF-8", "GB18030", "Big5", "UTF-16LE", "UTF-16BE"
  double confidence = 1.0;  // 0..1
  bool had_bom = false;
  uint32_t invalid_sequences = 0;
};

// forced: "" to detect, else an encoding name (case-insensitive) to use.
Decoded decode(std::string_view input, std::string_view forced = {});

}  // namespace aidtext

#endif  // AIDTEXT_ENCODING_DECODER_H_
