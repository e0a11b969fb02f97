// The scans under the JSON reader's and writer's string loops: how far a
// string runs before a byte that needs work (an escape, a quote, a control
// character, malformed UTF-8). Strings are mostly long runs of Chinese text
// (an article's body, a record's sentence), so these loops were most of the
// CLI's own cost: about 13 instructions a byte each way, 13 % of `aidtext
// extract`'s instructions on JSON Lines input (session 9).
#ifndef AIDTEXT_FORMAT_JSON_SCAN_H_
#define AIDTEXT_FORMAT_JSON_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace aidtext::json::scan {

// The first index at or after `i` of a '"', a '\\' or a byte below 0x20 in
// s, or s.size(): the end of a JSON string literal's plain run. Sixteen
// bytes a step where SSE2 is there.
inline size_t reader_run_end(std::string_view s, size_t i) {
  const size_t n = s.size();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), top_control = _mm_set1_epi8(0x1F);
  for (; i + 16 <= n; i += 16) {
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // b <= 0x1F (unsigned) exactly when max(b, 0x1F) == 0x1F.
    const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(b, top_control), top_control);
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b, quote), _mm_cmpeq_epi8(b, backslash)), control);
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i < n; ++i)
    if (p[i] == '"' || p[i] == '\\' || p[i] < 0x20) return i;
  return n;
}

// The first index at or after `i` in s of a byte the JSON writer must not
// copy as it is: '"', '\\', a control character (below 0x20, or 0x7F), or
// the start of anything but a well-formed UTF-8 sequence; s.size() if none.
inline size_t writer_run_end(std::string_view s, size_t i) {
  const size_t n = s.size();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  while (i < n) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      if (b < 0x20 || b == '"' || b == '\\' || b == 0x7F) return i;
      ++i;
      continue;
    }
    // Three-byte sequences of leads E1..EC and EE..EF (all of the BMP's Han,
    // kana, CJK punctuation and full-width forms) take any two
    // continuation bytes; E0 and ED constrain the second byte and go the
    // general way.
    if (i + 3 <= n && b >= 0xE1 && b <= 0xEF && b != 0xED && (p[i + 1] & 0xC0) == 0x80 &&
        (p[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    const int len = utf8::sequence_at(s, i);
    if (len == 0) return i;
    i += static_cast<size_t>(len);
  }
  return n;
}

}  // namespace aidtext::json::scan

#endif  // AIDTEXT_FORMAT_JSON_SCAN_H_
