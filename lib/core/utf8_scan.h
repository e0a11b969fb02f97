// One fast pass over bytes that are probably UTF-8: are they valid, and do
// they hold NUL bytes (a hint of BOM-less UTF-16)? The decoder's fast path
// (valid UTF-8 is then copied as is) and utf8::valid().
#ifndef AIDTEXT_CORE_UTF8_SCAN_H_
#define AIDTEXT_CORE_UTF8_SCAN_H_

#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <string_view>

namespace aidtext {

struct Utf8Scan {
  bool valid = true;     // well-formed UTF-8 (no overlongs, surrogates, > U+10FFFF)
  bool has_nul = false;  // some byte is 0x00
};

#ifdef __SSE2__
// Sixteen bytes at a time while they are ASCII, three-byte sequences whose
// lead is E1..EC or EE..EF (no overlong or surrogate range to check: nearly
// all of Chinese text) and two-byte sequences (lead C2..DF). With one bit
// per byte, the block is valid when its continuation bytes are exactly the
// two after each three-byte lead and the one after each two-byte lead (a
// lead near the end passes its expectation on to the next block) and it
// holds no other non-ASCII byte. Stops at the first block that is not
// simply valid, at a character boundary, and leaves it to the scalar loop.
//
// Two-byte leads are looked for only in a block that fails without them.
// Until session 14 they sent the block to the scalar loop: the pinyin notes
// of a text with converter artefacts (协(xié)) did so every few characters,
// and the check of dev article 003's traditional copy cost 6 instructions
// a byte. With them, and the block's carry and the last character's cut
// worked out once rather than per block: the five dev articles' traditional
// copies 110k -> 83k instructions a round (callgrind), every block taken.
inline size_t skip_simple_utf8(const unsigned char* p, size_t i, size_t n, bool* has_nul) {
  const __m128i e0_mask = _mm_set1_epi8(static_cast<char>(0xF0)), e0 = _mm_set1_epi8(static_cast<char>(0xE0));
  const __m128i c0_mask = _mm_set1_epi8(static_cast<char>(0xE0)), c0 = _mm_set1_epi8(static_cast<char>(0xC0));
  const __m128i c1 = _mm_set1_epi8(static_cast<char>(0xC1));
  const __m128i cont_mask = _mm_set1_epi8(static_cast<char>(0xC0)), cont = _mm_set1_epi8(static_cast<char>(0x80));
  const __m128i ed = _mm_set1_epi8(static_cast<char>(0xED)), zero = _mm_setzero_si128();
  // Continuation bytes the leads so far expect, one bit per byte from the
  // block's start: bits 16 and 17 are the next block's (a lead cut by the
  // block's end), its carry.
  uint32_t carry = 0;
  uint32_t last_leads3 = 0, last_leads2 = 0;  // of the last block taken
  uint32_t zeros_seen = 0;
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const uint32_t non_ascii = static_cast<uint32_t>(_mm_movemask_epi8(v));
    const uint32_t conts = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, cont_mask), cont)));
    const __m128i any_e = _mm_cmpeq_epi8(_mm_and_si128(v, e0_mask), e0);
    const __m128i quirky = _mm_or_si128(_mm_cmpeq_epi8(v, e0), _mm_cmpeq_epi8(v, ed));
    const uint32_t leads3 = static_cast<uint32_t>(_mm_movemask_epi8(_mm_andnot_si128(quirky, any_e)));
    uint32_t expected = (leads3 << 1) | (leads3 << 2) | carry;
    uint32_t leads2 = 0;
    if (non_ascii != (leads3 | conts) || conts != (expected & 0xFFFF)) {
      // Two-byte characters (the Latin-1 letters of pinyin notes), looked
      // for only in a block that fails without them: Han text pays nothing.
      const __m128i any_c = _mm_cmpeq_epi8(_mm_and_si128(v, c0_mask), c0);
      const __m128i overlong = _mm_or_si128(_mm_cmpeq_epi8(v, c0), _mm_cmpeq_epi8(v, c1));
      leads2 = static_cast<uint32_t>(_mm_movemask_epi8(_mm_andnot_si128(overlong, any_c)));
      expected |= leads2 << 1;
      if (non_ascii != (leads3 | leads2 | conts) || conts != (expected & 0xFFFF)) break;
    }
    zeros_seen |= static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero)));
    carry = expected >> 16;
    last_leads3 = leads3;
    last_leads2 = leads2;
    i += 16;
  }
  *has_nul |= zeros_seen != 0;
  // Back to the start of the character the last block's end cut (at most
  // two bytes): a three-byte lead in its last or next-to-last byte, or a
  // two-byte lead in its last.
  if ((last_leads3 | last_leads2) & 0x8000) return i - 1;
  if (last_leads3 & 0x4000) return i - 2;
  return i;
}
#endif

inline Utf8Scan scan_utf8(std::string_view s) {
  Utf8Scan r;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  size_t vector_retry = 0;  // after a block the vector path could not take, 16 bytes go scalar
  while (i < n) {
#ifdef __SSE2__
    if (i >= vector_retry) {
      i = skip_simple_utf8(p, i, n, &r.has_nul);
      if (i >= n) break;
      vector_retry = i + 16;
    }
#endif
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

#endif  // AIDTEXT_CORE_UTF8_SCAN_H_
