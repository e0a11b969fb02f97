// CharIndex: a document's characters decoded once, for the metric stage's
// scans that stop at a few characters of thousands (place suffixes, the
// first characters of place names and cues, clause marks).
//
// Each of those scans decoded the whole text again with next_marked()
// (about 27 instructions a Han character; four scans a document). Here the
// text is decoded once, stepping exactly as next_char() does, and a scan
// tests one array element a character (about 8 instructions).
#ifndef AIDTEXT_METRICS_CHAR_INDEX_H_
#define AIDTEXT_METRICS_CHAR_INDEX_H_

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <memory>

#include "metrics/char_scan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace aidtext {

// The class bit a table of classes must give the code points whose
// three-byte forms are malformed (overlong below U+0800, surrogates): the
// index then tells them apart with the class it loads anyway, where testing
// each lead for E0 and ED took 8 instructions a pair of characters.
inline constexpr uint8_t kIrregular3ByteClass = 0x80;

class CharIndex {
 public:
  // `classes`: one byte a BMP code point (RulePackData::char_classes) for
  // next_in_class(), with kIrregular3ByteClass where it belongs; or nullptr.
  explicit CharIndex(std::string_view text, const uint8_t* classes = nullptr)
      : storage_(new uint32_t[2 * text.size() + 1 + (text.size() + 8 + 3) / 4]),
        offsets_(storage_.get()),
        chars_(storage_.get() + text.size() + 1),
        classes_(reinterpret_cast<uint8_t*>(storage_.get() + 2 * text.size() + 1)),
        has_classes_(classes != nullptr) {
    // Without a table every character is of no class (but for the bit).
    static const std::array<uint8_t, 0x10000> kNoClasses = [] {
      std::array<uint8_t, 0x10000> t{};
      for (char32_t c = 0; c < 0x10000; ++c)
        if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) t[c] = kIrregular3ByteClass;
      return t;
    }();
    const uint8_t* table = classes ? classes : kNoClasses.data();
    assert((table[0] & kIrregular3ByteClass) && (table[0xD800] & kIrregular3ByteClass));
    uint8_t* cl = classes_;
    // Lead bytes E1-EC, EE, EF with two continuation bytes decode to a
    // 3-byte character whatever the continuations (as in next_marked());
    // ASCII is itself; everything else goes to next_char(). A plain
    // next_char() loop pushing to vectors took 55 instructions a character.
    static constexpr std::array<bool, 256> kSafeLead = [] {
      std::array<bool, 256> t{};
      for (int b = 0xE1; b <= 0xEF; ++b) t[b] = b != 0xED;
      return t;
    }();
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    uint32_t* c = chars_;
    uint32_t* o = offsets_;
    size_t k = 0;
    for (size_t pos = 0; pos < n;) {
      // A run of ASCII (a figure's digits, the commas and brackets that
      // normalization writes in ASCII): each byte is itself, without the
      // tests for fours and pairs that fail on it (CharIndex 249,000 to
      // 219,000 instructions a round of the dev articles).
      while (pos < n && p[pos] < 0x80) {
        o[k] = static_cast<uint32_t>(pos);
        cl[k] = table[p[pos]];
        c[k++] = p[pos++];
      }
#if defined(__SSE2__)
      // Four 3-byte characters at once (twelve of sixteen bytes loaded),
      // decoded in the lanes of an SSE2 register, while there are four in
      // a row; the pairs below take the rest of a run (CharIndex 297,000 to
      // 249,000 instructions a round of the dev articles). Normalized text
      // writes commas and brackets in ASCII: Han runs are short, and
      // keeping the characters of a broken four, or retrying fours after
      // each pair, cost more than it saved.
      while (pos + 16 <= n) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + pos));
        // Bytes 0, 3, 6, 9 lead (1110xxxx), the others of the twelve
        // continue (10xxxxxx); bytes 12 to 15 always pass.
        const __m128i kShape = _mm_setr_epi32(static_cast<int>(0xF0C0C0F0u), static_cast<int>(0xC0F0C0C0u),
                                              static_cast<int>(0xC0C0F0C0u), 0);
        const __m128i kThreeByte = _mm_setr_epi32(static_cast<int>(0xE08080E0u), static_cast<int>(0x80E08080u),
                                                  static_cast<int>(0x8080E080u), 0);
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, kShape), kThreeByte)) != 0xFFFF) break;
        // Character j's bytes to the low three bytes of lane j: lanes 0
        // and 1 of v, and of v shifted left a byte in each half, hold
        // bytes 0-2 and 3-5; the same of v six bytes on, 6-8 and 9-11.
        const __m128i on = _mm_srli_si128(v, 6);
        const __m128i firsts = _mm_unpacklo_epi32(v, on);  // bytes 0-2, 6-8
        const __m128i seconds =
            _mm_srli_si128(_mm_unpacklo_epi32(_mm_slli_epi64(v, 8), _mm_slli_epi64(on, 8)), 8);  // 3-5, 9-11
        const __m128i w = _mm_unpacklo_epi32(firsts, seconds);
        // (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F), b0 the lane's low byte.
        const __m128i cps = _mm_or_si128(_mm_or_si128(_mm_slli_epi32(_mm_and_si128(w, _mm_set1_epi32(0x0F)), 12),
                                                      _mm_and_si128(_mm_srli_epi32(w, 2), _mm_set1_epi32(0xFC0))),
                                         _mm_and_si128(_mm_srli_epi32(w, 16), _mm_set1_epi32(0x3F)));
        const uint8_t cl0 = table[_mm_extract_epi16(cps, 0)], cl1 = table[_mm_extract_epi16(cps, 2)],
                      cl2 = table[_mm_extract_epi16(cps, 4)], cl3 = table[_mm_extract_epi16(cps, 6)];
        // An overlong form or a surrogate: the pairs and next_char() decide.
        if ((cl0 | cl1 | cl2 | cl3) & kIrregular3ByteClass) break;
        _mm_storeu_si128(reinterpret_cast<__m128i*>(c + k), cps);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(o + k),
                         _mm_add_epi32(_mm_set1_epi32(static_cast<int>(pos)), _mm_setr_epi32(0, 3, 6, 9)));
        cl[k] = cl0;
        cl[k + 1] = cl1;
        cl[k + 2] = cl2;
        cl[k + 3] = cl3;
        k += 4;
        pos += 12;
      }
#endif
      // Two 3-byte characters with safe leads at once, as most of a
      // Chinese text is: one test of their six bytes' high bits (byte
      // order little-endian; 28 to 21 instructions a character).
      while (std::endian::native == std::endian::little && pos + 8 <= n) {
        uint64_t x;
        std::memcpy(&x, p + pos, 8);
        // Bytes 0 and 3 lead (1110xxxx), bytes 1, 2, 4, 5 continue (10xxxxxx).
        if ((x & 0x0000C0C0F0C0C0F0ull) != 0x00008080E08080E0ull) break;
        const unsigned char b0 = p[pos], b3 = p[pos + 3];
        const char32_t c0 = (char32_t(b0 & 0x0F) << 12) | (char32_t(p[pos + 1] & 0x3F) << 6) | (p[pos + 2] & 0x3F);
        const char32_t c1 = (char32_t(b3 & 0x0F) << 12) | (char32_t(p[pos + 4] & 0x3F) << 6) | (p[pos + 5] & 0x3F);
        const uint8_t cl0 = table[c0], cl1 = table[c1];
        // An overlong form or a surrogate: next_char() decides, below. Any
        // other E0- or ED-led character is what next_char() makes of it.
        if ((cl0 | cl1) & kIrregular3ByteClass) break;
        o[k] = static_cast<uint32_t>(pos);
        c[k] = c0;
        cl[k] = cl0;
        o[k + 1] = static_cast<uint32_t>(pos + 3);
        c[k + 1] = c1;
        cl[k + 1] = cl1;
        k += 2;
        pos += 6;
      }
      if (pos >= n) break;
      const unsigned char b0 = p[pos];
      o[k] = static_cast<uint32_t>(pos);
      if (b0 < 0x80) {
        cl[k] = table[b0];
        c[k++] = b0;
        ++pos;
        continue;
      }
      if (kSafeLead[b0] && pos + 2 < n) {
        const unsigned char b1 = p[pos + 1], b2 = p[pos + 2];
        if (!(((b1 ^ 0x80) | (b2 ^ 0x80)) & 0xC0)) {
          const char32_t c0 = (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | (b2 & 0x3F);
          cl[k] = table[c0];
          c[k++] = c0;
          pos += 3;
          continue;
        }
      }
      int len = 1;
      const char32_t c0 = next_char(text, pos, &len);
      aligned_ = aligned_ && len == utf8::sequence_length(b0);
      valid_ = valid_ && !(b0 >= 0x80 && len == 1);  // decode() takes one byte of a malformed sequence
      beyond_bmp_ = beyond_bmp_ || c0 >= 0x10000;
      // Beyond the BMP: every class, so that each scan stops and its caller decides.
      cl[k] = c0 < 0x10000 ? table[c0] : 0xFF;
      c[k++] = c0;
      pos += static_cast<size_t>(len);
    }
    o[k] = static_cast<uint32_t>(n);
    std::memset(cl + k, 0, 8);  // next_in_class() reads eight at a time
    size_ = k;
  }

  size_t size() const { return size_; }
  // Whether every character is as long as its lead byte says
  // (utf8::sequence_length), as in valid UTF-8: then a walk that steps by
  // lead bytes (text/segmenter.h) stops where the index's characters start.
  bool aligned() const { return aligned_; }
  // Whether the text is valid UTF-8: then each character's start is also
  // where utf8::char_start_before() walks back to from its end.
  bool valid() const { return valid_; }
  // Byte offset of character k (k == size(): the text's end).
  uint32_t offset(size_t k) const { return offsets_[k]; }
  char32_t at(size_t k) const { return static_cast<char32_t>(chars_[k]); }
  // Index of the first character starting at or after byte `pos`.
  size_t index_at(uint32_t pos) const {
    return static_cast<size_t>(std::lower_bound(offsets_, offsets_ + size_, pos) - offsets_);
  }
  // Whether byte `pos` starts a character (text.size() counts as one).
  bool starts_char(uint32_t pos) const {
    const size_t k = index_at(pos);
    return offsets_[k] == pos;
  }

  // The first k in [k, end) whose code point has its bit set in `bits`
  // (one bit per BMP code point) or lies beyond the BMP; `end` when none.
  // The scans' callers test the character again, as they did after
  // next_marked(), so stopping at every code point beyond the BMP is safe.
  // `words(w)`: word w of the bits, as next_marked() of char_scan.h reads them.
  template <typename Words>
  size_t next_marked(size_t k, size_t end, const Words& words) const {
    const uint32_t* c = chars_;
    auto marked = [&words](char32_t ch) { return ch >= 0x10000 || ((words(ch >> 6) >> (ch & 63)) & 1); };
    // Four characters a test: most of them are not marked.
    for (; k + 4 <= end; k += 4)
      if (marked(c[k]) | marked(c[k + 1]) | marked(c[k + 2]) | marked(c[k + 3])) break;
    for (; k < end; ++k)
      if (marked(c[k])) break;
    return k;
  }
  size_t next_marked(size_t k, size_t end, const uint64_t* bits) const {
    return next_marked(k, end, [bits](size_t w) { return bits[w]; });
  }

  // The same with one byte a BMP code point (65536 of them, non-zero:
  // marked) instead of one bit, where U+FFFF stands for every code point
  // beyond the BMP and must be marked (table[0xFFFF] != 0): a load a
  // character where a bit test took four operations (find_bare's scan
  // 150,000 to 57,000 instructions a round of the dev articles).
  size_t next_in_table(size_t k, size_t end, const uint8_t* table) const {
    // Clamped only when the text holds such code points (two operations a
    // character).
    return beyond_bmp_ ? next_in(k, end, [table](uint32_t ch) { return table[std::min<uint32_t>(ch, 0xFFFF)]; })
                       : next_in(k, end, [table](uint32_t ch) { return table[ch]; });
  }

  // With classes: the last k in [begin, end) whose class has a bit of
  // `mask` (beyond the BMP: any), SIZE_MAX when none; eight characters a
  // test.
  size_t last_in_class(size_t begin, size_t end, uint8_t mask) const {
    const uint8_t* cl = classes_;
    size_t k = end;
    if constexpr (std::endian::native == std::endian::little) {
      const uint64_t wide = uint64_t{mask} * 0x0101010101010101ull;
      for (; k >= begin + 8; k -= 8) {
        uint64_t x;
        std::memcpy(&x, cl + k - 8, 8);
        if (x & wide) return k - 8 + static_cast<size_t>((63 - std::countl_zero(x & wide)) / 8);
      }
    }
    while (k > begin)
      if (cl[--k] & mask) return k;
    return SIZE_MAX;
  }

  bool has_classes() const { return has_classes_; }
  // Character k's class bits (0 without classes; 0xFF beyond the BMP).
  uint8_t class_at(size_t k) const { return classes_[k]; }
  // With classes: the first k in [k, end) whose class has a bit of `mask`
  // (beyond the BMP: any), `end` when none; eight characters a test.
  size_t next_in_class(size_t k, size_t end, uint8_t mask) const {
    const uint8_t* cl = classes_;
    if constexpr (std::endian::native == std::endian::little) {
      const uint64_t wide = uint64_t{mask} * 0x0101010101010101ull;
      for (; k + 8 <= end; k += 8) {
        uint64_t x;
        std::memcpy(&x, cl + k, 8);
        if (x & wide) return k + static_cast<size_t>(std::countr_zero(x & wide) / 8);
      }
    }
    for (; k < end; ++k)
      if (cl[k] & mask) break;
    return k;
  }

 private:
  // At most one character a byte; size_ of them used.
  // One allocation for the three arrays (large allocations each made
  // malloc consolidate its free lists):
  std::unique_ptr<uint32_t[]> storage_;
  uint32_t* offsets_;  // one more than the characters: the end
  uint32_t* chars_;    // code points
  size_t size_ = 0;
  uint8_t* classes_;  // per character (all 0 without a table), 8 bytes of zero padding
  bool has_classes_ = false;
  bool aligned_ = true;
  bool valid_ = true;
  bool beyond_bmp_ = false;  // some character lies beyond the BMP

  // The first k in [k, end) that `marked` (a code point's test) marks.
  template <typename Marked>
  size_t next_in(size_t k, size_t end, Marked marked) const {
    const uint32_t* c = chars_;
    for (; k + 4 <= end; k += 4)
      if (marked(c[k]) | marked(c[k + 1]) | marked(c[k + 2]) | marked(c[k + 3])) break;
    for (; k < end; ++k)
      if (marked(c[k])) break;
    return k;
  }
};

}  // namespace aidtext

#endif  // AIDTEXT_METRICS_CHAR_INDEX_H_
