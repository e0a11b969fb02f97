// Decoding with an ICU converter while keeping provenance: ucnv_toUnicode's
// `offsets` output gives the source byte of every UTF-16 unit, so every
// output character maps to exactly the input bytes it came from (one block
// piece per multi-byte character, linear runs for single-byte ASCII).
#ifndef AIDTEXT_ENCODING_ICU_DECODE_H_
#define AIDTEXT_ENCODING_ICU_DECODE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "core/offset_map.h"

namespace aidtext {

struct IcuDecoded {
  bool ok = false;            // false: ICU has no converter of that name
  std::string text;           // UTF-8
  OffsetMap map;              // text byte -> input byte range (input = `bytes`)
  uint32_t invalid_sequences = 0;
};

// Decodes `bytes` with ICU converter `icu_name`; invalid or unmappable
// sequences become U+FFFD and are counted. `base` is added to every input
// offset (the bytes may follow a BOM in the caller's input).
//
// GB18030 and windows-950 (Big5) text goes through their pair tables
// (pair_decode.h) when every byte is theirs to decide, UTF-16 through
// utf16_decode.h when every unit is well formed, and through ICU
// otherwise; the result is the same either way.
IcuDecoded icu_decode(std::string_view bytes, const char* icu_name, uint32_t base = 0);

// icu_decode() through ICU alone: the reference the pair tables are tested
// against.
IcuDecoded icu_decode_with_icu(std::string_view bytes, const char* icu_name, uint32_t base = 0);

// UTF-8 decoding that replaces each invalid sequence (a maximal invalid
// subpart) with U+FFFD and counts it; valid text maps linearly.
IcuDecoded utf8_decode_lenient(std::string_view bytes, uint32_t base = 0);

}  // namespace aidtext

#endif  // AIDTEXT_ENCODING_ICU_DECODE_H_
