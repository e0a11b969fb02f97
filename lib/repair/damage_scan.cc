#include "repair/damage_scan.h"

#include <algorithm>
#include <array>
#include <bit>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/utf8.h"
#include "repair/char_lm.h"
#include "repair/legacy_codecs.h"

// Generated at build time by make_rare_chars.py (lib/repair/CMakeLists.txt):
// the rare set, then the watched set, 0x10000 bits each.
extern "C" const unsigned char aidtext_repair_char_sets[];

namespace aidtext::repair {
namespace {

// Bits set in a byte: std::popcount without the POPCNT instruction (not in
// the baseline x86-64 the library is built for) is a call into libgcc,
// made at every rare character.
constexpr std::array<uint8_t, 256> kBitCount = [] {
  std::array<uint8_t, 256> t{};
  for (int b = 0; b < 256; ++b) t[b] = static_cast<uint8_t>(std::popcount(static_cast<unsigned>(b)));
  return t;
}();

uint32_t back_chars(std::string_view s, uint32_t pos, uint32_t count) {
  while (pos > 0 && count > 0) {
    uint32_t p = pos - 1;
    while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
    if (s[p] == '\n') break;
    pos = p;
    --count;
  }
  return pos;
}

// utf8::sequence_length by table: its chain of comparisons was a branch
// per character, mispredicted where damage mixes one- and three-byte
// characters (4 % of the mispredicted branches of normalize() on dev
// article 001, in cachegrind's branch simulation).
const std::array<uint8_t, 256> kSequenceLength = [] {
  std::array<uint8_t, 256> t{};
  for (int b = 0; b < 256; ++b) t[b] = static_cast<uint8_t>(utf8::sequence_length(static_cast<unsigned char>(b)));
  return t;
}();

// `count` characters on from `pos`, stopping at a line end; `*left`: the
// steps it did not take (0 when it took them all).
uint32_t forward_chars(std::string_view s, uint32_t pos, uint32_t count, uint32_t* left) {
  const uint32_t n = static_cast<uint32_t>(s.size());
  while (pos < n && count > 0) {
    if (s[pos] == '\n') break;
    pos += kSequenceLength[static_cast<unsigned char>(s[pos])];
    if (pos > n) pos = n;
    --count;
  }
  *left = count;
  return pos;
}

// The end of a hit's context, forward_chars(pos, kContextChars + 1), worked
// out from the last one's where it can: inside damage every rare character
// is a hit, and walking 49 characters on from each was a third of the
// scan of dev article 001 (40k instructions). From the last hit at `from`,
// whose walk of 49 steps ended at `end`, a hit d steps further on ends d
// steps after `end`; a walk that stopped at a line end (or the text's
// end) stops there again. A hit behind the last one, far ahead of it, or
// not on its walk's steps (malformed UTF-8) walks in full.
class ContextEnds {
 public:
  explicit ContextEnds(std::string_view s) : s_(s) {}
  uint32_t end_of(uint32_t pos) {
    constexpr uint32_t kSteps = kContextChars + 1;
    if (from_ != UINT32_MAX && pos >= from_ && pos <= end_ && pos - from_ <= 64) {
      uint32_t q = from_, d = 0;
      while (q < pos) {
        q += kSequenceLength[static_cast<unsigned char>(s_[q])];
        ++d;
      }
      if (q == pos && d <= kSteps) {
        if (full_) {
          uint32_t left;
          end_ = forward_chars(s_, end_, d, &left);
          full_ = left == 0;
        }
        from_ = pos;
        return end_;
      }
    }
    uint32_t left;
    end_ = forward_chars(s_, pos, kSteps, &left);
    full_ = left == 0;
    from_ = pos;
    return end_;
  }

 private:
  std::string_view s_;
  uint32_t from_ = UINT32_MAX, end_ = 0;
  bool full_ = false;  // the walk from from_ took all its steps
};

}  // namespace

// One bit per BMP code point: rare (see kRareCost), generated at build time
// from the language model by make_rare_chars.py (which also lists the
// typography of Chinese text the model never saw and that is not rare:
// full-width forms, circled and Roman numerals, unit squares, ℃, ※,
// shapes and stars, whose runs are dates and lists, ２０１９年, ①②③, not
// mojibake). 锟 counts as rare whatever the model says: the scan must look
// at it alone. Built at first use, the set cost the first document 3.3M
// instructions and the model's pages (tests/repair/damage_watch_test.cc
// computes it from the model again, to check the generated set).
const uint64_t* rare_char_bits() { return reinterpret_cast<const uint64_t*>(aidtext_repair_char_sets); }
const uint64_t* watched_char_bits() { return rare_char_bits() + 0x10000 / 64; }

uint32_t scan_start_before(std::string_view text, size_t first_signal) {
  constexpr size_t kPairReach = 4 * kDebrisGap;
  if (first_signal <= kPairReach) return 0;
  const size_t p = std::min(first_signal - kPairReach, text.size());
  const size_t line_end = text.rfind('\n', p - 1);
  return line_end == std::string_view::npos ? 0 : static_cast<uint32_t>(line_end + 1);
}

std::vector<SuspectWindow> find_suspect_windows(std::string_view text, bool* saw_gbk_read_fffd, uint32_t from) {
  static_assert(kRareRunWindow == 8, "the scan keeps the window in the low 8 bits of rare_bits");
  bool saw_kun = false;  // 锟 is rare: both loops below see it one character at a time
  const uint64_t* rare_table = rare_char_bits();
  std::vector<SuspectWindow> windows;
  ContextEnds context_ends(text);
  auto hit = [&](uint32_t pos, uint8_t signal) {
    const uint32_t e = context_ends.end_of(pos);
    // A hit inside the last window joins it whatever its context before
    // (which starts at or before it): no walk back, whose loop exits were
    // mispredicted (damaged text mixes one- and three-byte characters):
    // 3.5 % of the mispredicted branches of normalize() on dev article 001.
    const bool inside_last = !windows.empty() && pos <= windows.back().end;
    const uint32_t b = inside_last ? pos : back_chars(text, pos, kContextChars);
    if (!windows.empty() && b <= windows.back().end) {
      SuspectWindow& w = windows.back();
      if (e > w.end) w.end = e;
      w.signals |= signal;
      return;
    }
    windows.push_back({b, e, signal});
  };

  const unsigned char* s = reinterpret_cast<const unsigned char*>(text.data());
  const uint32_t n = static_cast<uint32_t>(text.size());
  uint32_t rare_bits = 0;  // one bit per recent non-ASCII character: rare?
  uint32_t char_index = 0;
  uint32_t last_debris = 0;
  uint32_t last_debris_pos = 0;
  bool have_debris = false;
  bool last_debris_letter = false;
  char32_t prev = 0;
  uint32_t prev_pos = 0;
  uint32_t i = from;
  const uint64_t* rare_words = rare_table;
  while (i < n) {
    // Fast path: a run of CJK characters and full-width forms (U+3000..U+9FFF,
    // U+FF00..U+FFEF), which never signal anything but rarity. This loop is
    // all that clean Chinese text costs: a decode and a bit test per character.
    // Only a three-byte lead starts one: ASCII and two-byte characters go
    // straight to the path below (they had tried a block of four and one
    // character first, about 20 instructions each: 3 % of the repair of dev
    // article 003, which has 500 ASCII and 120 two-byte characters).
    if ((s[i] & 0xF0) == 0xE0) {
      uint32_t bits = rare_bits, j = i, count = 0, last = 0;
      for (;;) {  // blocks of four while they last, then one character
#ifdef __SSE2__
        // Four characters at a time while all four are three-byte sequences in
        // the fast path's ranges and none is rare: one 16-byte compare checks
        // the byte pattern, four bit tests the rarity. A block with a rare
        // character (about 1 % of clean text) goes one character at a time.
        const __m128i pattern_mask = _mm_setr_epi8(
            static_cast<char>(0xF0), static_cast<char>(0xC0), static_cast<char>(0xC0), static_cast<char>(0xF0),
            static_cast<char>(0xC0), static_cast<char>(0xC0), static_cast<char>(0xF0), static_cast<char>(0xC0),
            static_cast<char>(0xC0), static_cast<char>(0xF0), static_cast<char>(0xC0), static_cast<char>(0xC0), 0, 0, 0, 0);
        const __m128i pattern = _mm_setr_epi8(
            static_cast<char>(0xE0), static_cast<char>(0x80), static_cast<char>(0x80), static_cast<char>(0xE0),
            static_cast<char>(0x80), static_cast<char>(0x80), static_cast<char>(0xE0), static_cast<char>(0x80),
            static_cast<char>(0x80), static_cast<char>(0xE0), static_cast<char>(0x80), static_cast<char>(0x80), 0, 0, 0, 0);
        // A block whose four lead bytes are E3..E9 (U+3000..U+9FFF, the
        // fast path's main range) needs no range check, and the table word
        // of each character (c >> 6: the lead's low four bits over the
        // second byte's six) is worked out for the four at once, two from
        // the block's 16-bit lanes and two from those of the block one
        // byte on. Other leads (EF: full-width forms) take the checks
        // character by character. Instructions per normalize() (with the
        // byte count table below): dev 001 1,620k -> 1,607k, 003 765k ->
        // 753k (the scan had cost 25 instructions a character here).
        const __m128i lead_over = _mm_setr_epi8(
            static_cast<char>(0x15), 0, 0, static_cast<char>(0x15), 0, 0, static_cast<char>(0x15), 0, 0,
            static_cast<char>(0x15), 0, 0, 0, 0, 0, 0);  // EA + 0x15 = 0xFF: saturates above E9
        const __m128i lead_base = _mm_setr_epi8(
            static_cast<char>(0xE3), 0, 0, static_cast<char>(0xE3), 0, 0, static_cast<char>(0xE3), 0, 0,
            static_cast<char>(0xE3), 0, 0, 0, 0, 0, 0);
        const __m128i low4 = _mm_set1_epi16(0x0F), low6 = _mm_set1_epi16(0x3F);
        while (j + 16 <= n) {
          const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + j));
          if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, pattern_mask), pattern)) != 0xFFFF) break;
          // Lead lanes: v + 0x15 reaches 0xFF only above E9, and
          // E3 - v (saturating) is non-zero only below E3.
          const __m128i above = _mm_cmpeq_epi8(_mm_adds_epu8(v, lead_over), _mm_set1_epi8(static_cast<char>(0xFF)));
          const __m128i below = _mm_subs_epu8(lead_base, v);
          const bool main_range =
              (_mm_movemask_epi8(above) & 0x249) == 0 && _mm_movemask_epi8(_mm_cmpeq_epi8(below, _mm_setzero_si128())) == 0xFFFF;
          const unsigned char* q = s + j;
          uint32_t rare = 0;
          if (main_range) {
            // 16-bit lanes x = b0 | b1 << 8: characters 0 and 2 in lanes 0
            // and 3 of v, 1 and 3 in lanes 1 and 4 of v one byte on.
            const __m128i u = _mm_srli_si128(v, 1);
            const __m128i wv = _mm_or_si128(_mm_slli_epi16(_mm_and_si128(v, low4), 6),
                                            _mm_and_si128(_mm_srli_epi16(v, 8), low6));
            const __m128i wu = _mm_or_si128(_mm_slli_epi16(_mm_and_si128(u, low4), 6),
                                            _mm_and_si128(_mm_srli_epi16(u, 8), low6));
            const uint32_t w0 = static_cast<uint32_t>(_mm_extract_epi16(wv, 0));
            const uint32_t w1 = static_cast<uint32_t>(_mm_extract_epi16(wu, 1));
            const uint32_t w2 = static_cast<uint32_t>(_mm_extract_epi16(wv, 3));
            const uint32_t w3 = static_cast<uint32_t>(_mm_extract_epi16(wu, 4));
            rare = static_cast<uint32_t>((rare_words[w0] >> (q[2] & 63)) | (rare_words[w1] >> (q[5] & 63)) |
                                         (rare_words[w2] >> (q[8] & 63)) | (rare_words[w3] >> (q[11] & 63))) &
                   1;
            if (rare) break;
            last = (w3 << 6) | (q[11] & 0x3Fu);
          } else {
            uint32_t c[4];
            uint32_t in_range = 1;
            for (int k = 0; k < 4; ++k) {
              const unsigned char* r = q + 3 * k;
              c[k] = ((r[0] & 0x0Fu) << 12) | ((r[1] & 0x3Fu) << 6) | (r[2] & 0x3Fu);
              in_range &= (c[k] - 0x3000u <= 0x9FFFu - 0x3000u) | (c[k] - 0xFF00u <= 0xFFEFu - 0xFF00u);
              rare |= static_cast<uint32_t>(rare_words[c[k] >> 6] >> (c[k] & 63)) & 1;
            }
            if (!in_range || rare) break;
            last = c[3];
          }
          bits = (bits << 4) & 0xFF;
          j += 12;
          count += 4;
        }
#endif
        if (j + 2 >= n) break;
        const uint32_t b0 = s[j], b1 = s[j + 1], b2 = s[j + 2];
        if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) break;
        const uint32_t c = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
        if (!((c >= 0x3000 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF))) break;
        const uint32_t rare = static_cast<uint32_t>(rare_words[c >> 6] >> (c & 63)) & 1;
        bits = ((bits << 1) | rare) & 0xFF;
        if (rare && kBitCount[bits] >= kRareRunCount) hit(j, kRareRun);
        saw_kun |= rare && c == 0x951F;
        last = c;
        j += 3;
        ++count;
      }
      if (count) {
        if (prev == '?') hit(prev_pos, kQuestionMark);
        prev = last;
        prev_pos = j - 3;
        rare_bits = bits;
        char_index += count;
        i = j;
        if (i >= n) break;
      }
    }
    const unsigned char b = s[i];
    if (b < 0x80) {
      if (b == '\n') rare_bits = 0;
      if (b == '?' && prev >= 0x80) hit(i, kQuestionMark);
      prev = b;
      prev_pos = i;
      ++i;
      ++char_index;
      continue;
    }
    char32_t c;
    int len;
    // Fast path: a well-formed three-byte sequence (all of CJK).
    if ((b & 0xF0) == 0xE0 && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80 &&
        (b != 0xE0 || s[i + 1] >= 0xA0) && (b != 0xED || s[i + 1] < 0xA0)) {
      c = (char32_t{b & 0x0Fu} << 12) | (char32_t{s[i + 1] & 0x3Fu} << 6) | (s[i + 2] & 0x3Fu);
      len = 3;
    } else {
      c = utf8::decode(text, i, &len);
    }
    if (prev == '?') hit(prev_pos, kQuestionMark);
    if (c < 0x4E00 || c > 0x9FFF) {  // Han needs only the rarity bit below
      if (c == utf8::kReplacement) {
        hit(i, kReplacement);
      } else if (c >= 0xE000 && c <= 0xF8FF) {
        hit(i, kPrivateUse);
      } else if (is_single_byte_debris(c)) {
        // UTF-8 and GBK lead bytes read as Latin-1 are C1 controls or
        // letters (U+00C0..U+00FF); runs of symbols or cp1252 punctuation
        // alone (no-break spaces, “quotes”) are typography.
        const bool letter = c < 0xA0 || (c >= 0xC0 && c <= 0xFF);
        if (c < 0xA0) {
          hit(i, kSingleByteDebris);
        } else if (have_debris && char_index - last_debris <= kDebrisGap && (letter || last_debris_letter)) {
          hit(last_debris_pos, kSingleByteDebris);
          hit(i, kSingleByteDebris);
        }
        have_debris = true;
        last_debris = char_index;
        last_debris_pos = i;
        last_debris_letter = letter;
      }
    }
    const bool rare = c < 0x10000 ? (rare_table[c >> 6] >> (c & 63)) & 1 : true;
    rare_bits = ((rare_bits << 1) | (rare ? 1u : 0u)) & 0xFF;
    if (rare && kBitCount[rare_bits] >= kRareRunCount) hit(i, kRareRun);
    saw_kun |= c == 0x951F;
    prev = c;
    prev_pos = i;
    i += static_cast<uint32_t>(len);
    ++char_index;
  }
  if (saw_gbk_read_fffd) *saw_gbk_read_fffd = saw_kun;
  return windows;
}

}  // namespace aidtext::repair
