// One fast pass over bytes that are probably UTF-8: are they valid, and do
// they hold NUL bytes (a hint of BOM-less UTF-16)? The decoder's fast path:
// valid UTF-8 is then copied as is.
#ifndef AIDTEXT_ENCODING_UTF8_SCAN_H_
#define AIDTEXT_ENCODING_UTF8_SCAN_H_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace aidtext {

struct Utf8Scan {
  bool valid = true;     // well-formed UTF-8 (no overlongs, surrogates, > U+10FFFF)
  bool has_nul = false;  // some byte is 0x00
};

inline Utf8Scan scan_utf8(std::string_view s) {
  Utf8Scan r;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time; a zero byte inside also stops the skip.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      const bool has_zero = ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL) != 0;
      if ((w & 0x8080808080808080ULL) || has_zero) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char b = p[i];
    if (b < 0x80) {
      r.has_nul |= b == 0;
      ++i;
      continue;
    }
    if (b >= 0xE1 && b <= 0xEF && b != 0xED) {  // the bulk of CJK: three bytes, no range quirks
      if (i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
        i += 3;
        continue;
      }
      r.valid = false;
      return r;
    }
    if (b >= 0xC2 && b <= 0xDF) {
      if (i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
        i += 2;
        continue;
      }
      r.valid = false;
      return r;
    }
    if (b == 0xE0 || b == 0xED) {  // E0: no overlongs (A0..BF); ED: no surrogates (80..9F)
      const unsigned char lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xE0 ? 0xBF : 0x9F;
      if (i + 2 < n && p[i + 1] >= lo && p[i + 1] <= hi && (p[i + 2] & 0xC0) == 0x80) {
        i += 3;
        continue;
      }
      r.valid = false;
      return r;
    }
    if (b >= 0xF0 && b <= 0xF4) {  // F0: 90..BF; F4: 80..8F (nothing past U+10FFFF)
      const unsigned char lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
      if (i + 3 < n && p[i + 1] >= lo && p[i + 1] <= hi && (p[i + 2] & 0xC0) == 0x80 &&
          (p[i + 3] & 0xC0) == 0x80) {
        i += 4;
        continue;
      }
    }
    r.valid = false;
    return r;
  }
  return r;
}

}  // namespace aidtext

#endif  // AIDTEXT_ENCODING_UTF8_SCAN_H_
