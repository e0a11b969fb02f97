// The baseline the normalizer is measured against: a plain, honest scalar
// loop that validates UTF-8 (no overlongs, surrogates or code points above
// U+10FFFF) and copies it to an output buffer, one sequence at a time. No
// SIMD, no ASCII fast path beyond what the loop does naturally: the fastest
// thing a "normalizer" that does nothing could be, written the obvious way.
#ifndef AIDTEXT_TESTS_BENCHMARKS_UTF8_COPY_H_
#define AIDTEXT_TESTS_BENCHMARKS_UTF8_COPY_H_

#include <cstddef>
#include <cstdint>

namespace aidtext::bench {

// Copies `in` to `out` (which holds at least n bytes) when it is valid
// UTF-8; returns the bytes copied, or SIZE_MAX at the first invalid sequence.
inline size_t validate_and_copy_utf8(const unsigned char* in, size_t n, unsigned char* out) {
  size_t i = 0;
  while (i < n) {
    unsigned char b = in[i];
    if (b < 0x80) {
      out[i] = b;
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (b >= 0xC2 && b <= 0xDF) {
      len = 2;
      cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      cp = b & 0x0F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      cp = b & 0x07;
    } else {
      return SIZE_MAX;
    }
    if (i + len > n) return SIZE_MAX;
    for (size_t k = 1; k < len; ++k) {
      unsigned char c = in[i + k];
      if ((c & 0xC0) != 0x80) return SIZE_MAX;
      cp = (cp << 6) | (c & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return SIZE_MAX;
    for (size_t k = 0; k < len; ++k) out[i + k] = in[i + k];
    i += len;
  }
  return n;
}

}  // namespace aidtext::bench

#endif  // AIDTEXT_TESTS_BENCHMARKS_UTF8_COPY_H_
