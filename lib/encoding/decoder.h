// Decoding: bytes of unknown encoding -> UTF-8 (BOM, UTF-8 check,
// GB18030/GBK/Big5/UTF-16 detection with ICU converters).
//
// Order of decisions:
//   1. a BOM (UTF-8, UTF-16LE/BE, GB18030) decides, confidence 1;
//   2. valid UTF-8 is taken as is (one validation pass, identity map);
//   3. otherwise every candidate (UTF-8 with errors, GB18030, Big5,
//      UTF-16LE, UTF-16BE) decodes a sample and is scored by how much of it
//      is plausible Chinese text (see detector.h); the best one decodes all,
//   4. unless the input has both valid UTF-8 lines of Chinese and lines that
//      are not UTF-8: then each line is decoded in UTF-8 or the legacy
//      encoding, whichever reads more plausibly (mixed_lines.h), and the
//      encoding is reported as "UTF-8+GB18030" (the one with more bytes
//      first) when both were used.
// A forced encoding skips detection. Every input byte ends up in the range
// of some output character: invalid sequences become U+FFFD (counted), and
// nothing is dropped silently.
#ifndef AIDTEXT_ENCODING_DECODER_H_
#define AIDTEXT_ENCODING_DECODER_H_

#include <string>
#include <string_view>

#include "core/offset_map.h"

namespace aidtext {

struct Decoded {
  std::string text;         // valid UTF-8; invalid input sequences became U+FFFD
  OffsetMap map;            // text byte -> input byte range
  std::string encoding;     // "UTF-8", "GB18030", "Big5", "UTF-16LE", "UTF-16BE"; two joined by '+'
                            // when lines came in both (mixed_lines.h)
  double confidence = 1.0;  // 0..1
  bool had_bom = false;
  uint32_t invalid_sequences = 0;
  std::string warning;      // non-empty when a forced encoding was unknown (then detected)
  // The text is the input's last text.size() bytes as they are (valid UTF-8,
  // after a BOM if there was one), and the map says so.
  bool verbatim = false;
};

// forced: "" to detect, else an encoding name (case-insensitive) to use:
// "UTF-8", "GB18030", "GBK", "GB2312", "Big5", "Big5-HKSCS", "UTF-16LE",
// "UTF-16BE", "UTF-16" or any other name ICU knows.
Decoded decode(std::string_view input, std::string_view forced = {});

}  // namespace aidtext

#endif  // AIDTEXT_ENCODING_DECODER_H_
