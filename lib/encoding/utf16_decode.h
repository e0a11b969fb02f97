// Decoding UTF-16 without ICU where every unit is a character or half of a
// well-formed surrogate pair: the result is ICU's own (text, map pieces:
// a block per character of its two or four bytes), at a fraction of the
// cost. Anything else (an unpaired surrogate, an odd byte at the end) is
// left to ICU, whose substitution rules then apply.
#ifndef AIDTEXT_ENCODING_UTF16_DECODE_H_
#define AIDTEXT_ENCODING_UTF16_DECODE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "encoding/icu_decode.h"

namespace aidtext {

// The UTF-16 unit of bytes p[i] and p[i + 1].
inline char16_t utf16_unit(const unsigned char* p, size_t i, bool big_endian) {
  return big_endian ? static_cast<char16_t>(p[i] << 8 | p[i + 1]) : static_cast<char16_t>(p[i + 1] << 8 | p[i]);
}

// `bytes` as UTF-16 (big-endian when `big_endian`), every input offset
// shifted by `base`; nullopt where ICU must decide.
std::optional<IcuDecoded> decode_utf16(std::string_view bytes, bool big_endian, uint32_t base = 0);

}  // namespace aidtext

#endif  // AIDTEXT_ENCODING_UTF16_DECODE_H_
