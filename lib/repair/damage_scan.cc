#include "repair/damage_scan.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/utf8.h"
#include "repair/char_lm.h"
#include "repair/legacy_codecs.h"
#include "repair/scan_context.h"

// Generated at build time by make_rare_chars.py (lib/repair/CMakeLists.txt):
// the rare set, then the watched set, 0x10000 bits each.
extern "C" const unsigned char aidtext_repair_char_sets[];

namespace aidtext::repair {

using namespace scan_context;  // kBitCount, back_chars, forward_chars, ContextEnds

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

#ifdef __SSE2__
namespace {

// Whether the 64 code points of rarity-table word `word` (c >> 6) are quiet:
// U+3000..U+9FFF (CJK punctuation, kana, Han) or U+FF00..U+FFBF (full-width
// forms), which raise no signal but rarity. The blocks' table below and
// their character-by-character pass ask it alike.
constexpr bool is_quiet_word(uint32_t word) {
  return (word >= 0x3000 / 64 && word <= 0x9FFF / 64) || (word >= 0xFF00 / 64 && word <= 0xFFBF / 64);
}

// The scan's blocks' one test per three-byte character: a bit per BMP code
// point, set where the character is rare (rare_char_bits) or is not quiet:
// outside U+3000..U+9FFF (CJK punctuation, kana, Han) and U+FF00..U+FFBF
// (full-width forms), which raise no signal but rarity. A block where no
// bit is set (four in five of the dev articles') needs nothing more per
// character. Built at first use from the rare set: 1024 words.
const uint64_t* rare_or_loud_words() {
  static const std::array<uint64_t, 0x10000 / 64> words = [] {
    std::array<uint64_t, 0x10000 / 64> w;
    const uint64_t* rare = rare_char_bits();
    for (uint32_t k = 0; k < w.size(); ++k) {
      w[k] = is_quiet_word(k) ? rare[k] : ~uint64_t{0};
    }
    return w;
  }();
  return words.data();
}

}  // namespace
#endif

uint32_t scan_start_before(std::string_view text, size_t first_signal) {
  constexpr size_t kPairReach = 4 * kDebrisGap;
  if (first_signal <= kPairReach) return 0;
  const size_t p = std::min(first_signal - kPairReach, text.size());
  const size_t line_end = text.rfind('\n', p - 1);
  return line_end == std::string_view::npos ? 0 : static_cast<uint32_t>(line_end + 1);
}

std::vector<SuspectWindow> find_suspect_windows(std::string_view text, bool* saw_gbk_read_fffd, uint32_t from) {
  static_assert(kRareRunWindow == 8, "the scan keeps the window in the low 8 bits of rare_bits");
  bool saw_kun = false;  // 锟 is rare: the scan looks at every rare character alone
  const uint64_t* rare_words = rare_char_bits();
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
  while (i < n) {
#ifdef __SSE2__
    // Quiet text, 32 bytes at a time: ASCII but '\n' and '?', and the
    // three-byte characters U+3000..U+9FFF (CJK punctuation, kana, Han) and
    // U+FF00..U+FFBF (full-width forms: ，：；（）！), which raise no signal
    // but rarity. A block's quiet prefix (up to the first other byte, or a
    // character the block does not hold whole) costs about a hundred vector
    // and mask operations and a table test per three-byte character; the
    // character after it takes the path below, and the next block starts
    // right after that character. Clean news text is such runs between
    // “quotes”, line ends and two-byte characters (·, ×, the é of pinyin
    // notes). The scan this replaced took blocks of four characters with
    // leads E3..E9 only and left them, through a per-character loop, at
    // every full-width mark, ASCII byte or rare character. Instructions a
    // round of the scan (callgrind, library build), conversion off so that
    // it reads all of each text: the five dev articles 478k (14.6 a byte)
    // -> 396k, tests/metrics/articles 1,187k -> 843k.
    // After a '?', the path below, which keeps that scan's order of hits.
    if (prev != '?') {
      const __m128i newline = _mm_set1_epi8('\n'), question = _mm_set1_epi8('?');
      const __m128i lowest_lead = _mm_set1_epi8(static_cast<char>(0xC0));
      const __m128i top_four = _mm_set1_epi8(static_cast<char>(0xF0)), three_byte_lead = _mm_set1_epi8(static_cast<char>(0xE0));
      const uint64_t* flag_words = rare_or_loud_words();
      const __m128i low4 = _mm_set1_epi16(0x0F), low6 = _mm_set1_epi16(0x3F);
      // Masks of 16 bytes: '\n' or '?', continuation bytes, three-byte leads.
      auto stops_of = [&](__m128i v) {
        return static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, question))));
      };
      auto continuations_of = [&](__m128i v) {  // 0x80..0xBF: below 0xC0 as signed bytes
        return static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmplt_epi8(v, lowest_lead)));
      };
      auto three_byte_leads_of = [&](__m128i v) {
        return static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, top_four), three_byte_lead)));
      };
      // The rarity table's word (c >> 6: the lead's low four bits over the
      // next byte's low six) at each even position, from 16-bit lanes.
      auto words_of = [&](__m128i v) {
        return _mm_or_si128(_mm_slli_epi16(_mm_and_si128(v, low4), 6), _mm_and_si128(_mm_srli_epi16(v, 8), low6));
      };
      for (;;) {
        __m128i lo, hi;
        if (i + 32 <= n) {
          lo = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
          hi = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + 16));
        } else {
          if (i >= n) break;
          // The text's last bytes, padded with 0xFF (never quiet, never a
          // continuation byte): a character cut off at the end is not quiet.
          alignas(16) unsigned char tail[32];
          std::memset(tail, 0xFF, sizeof tail);
          std::memcpy(tail, s + i, n - i);
          lo = _mm_load_si128(reinterpret_cast<const __m128i*>(tail));
          hi = _mm_load_si128(reinterpret_cast<const __m128i*>(tail + 16));
        }
        const uint32_t stops = stops_of(lo) | stops_of(hi) << 16;
        const uint32_t quiet_ascii =
            ~(static_cast<uint32_t>(_mm_movemask_epi8(lo)) | static_cast<uint32_t>(_mm_movemask_epi8(hi)) << 16) & ~stops;
        if (quiet_ascii == 0xFFFFFFFF) {
          i += 32;
          char_index += 32;
          prev = s[i - 1];
          continue;
        }
        const uint32_t cont = continuations_of(lo) | continuations_of(hi) << 16;
        // Three-byte leads whose two continuation bytes are in the block.
        const uint32_t leads = (three_byte_leads_of(lo) | three_byte_leads_of(hi) << 16) & (cont >> 1) & (cont >> 2);
        const uint32_t quiet = quiet_ascii | leads | (leads << 1) | (leads << 2);
        uint32_t quiet_len = quiet == 0xFFFFFFFF ? 32 : static_cast<uint32_t>(__builtin_ctz(~quiet));
        if (quiet_len == 0) break;
        const uint32_t prefix_leads = quiet_len == 32 ? leads : leads & ((1u << quiet_len) - 1);
        const unsigned char* block = s + i;
        // The table's word of the character led at p (c >> 6: the lead's
        // low four bits over the next byte's low six).
        auto word_of = [&](size_t p) { return ((block[p] & 0x0Fu) << 6) | (block[p + 1] & 0x3Fu); };
        uint64_t flagged = 0;
        constexpr uint32_t kTenThreeByte = 0x09249249;  // leads at 0, 3, ..., 27
        if (prefix_leads == kTenThreeByte) {
          // Ten three-byte characters in a row (a third of the blocks of the
          // dev articles, whose commas are ASCII; more where they are
          // full-width): their words from 16-bit lanes, even positions from
          // the block's, odd ones from those of the block one byte on, not
          // in the loop over the leads below (12 instructions a character):
          // 425k -> 388k instructions a round of the scan alone on the dev
          // articles.
          const __m128i lo_next = _mm_or_si128(_mm_srli_si128(lo, 1), _mm_slli_si128(hi, 15));
          const __m128i hi_next = _mm_srli_si128(hi, 1);
          const __m128i lo_even = words_of(lo), lo_odd = words_of(lo_next);
          const __m128i hi_even = words_of(hi), hi_odd = words_of(hi_next);
          auto test = [&](uint32_t word, size_t p) { flagged |= flag_words[word] >> (block[p + 2] & 63); };
          test(static_cast<uint32_t>(_mm_extract_epi16(lo_even, 0)), 0);
          test(static_cast<uint32_t>(_mm_extract_epi16(lo_odd, 1)), 3);
          test(static_cast<uint32_t>(_mm_extract_epi16(lo_even, 3)), 6);
          test(static_cast<uint32_t>(_mm_extract_epi16(lo_odd, 4)), 9);
          test(static_cast<uint32_t>(_mm_extract_epi16(lo_even, 6)), 12);
          test(static_cast<uint32_t>(_mm_extract_epi16(lo_odd, 7)), 15);
          test(static_cast<uint32_t>(_mm_extract_epi16(hi_even, 1)), 18);
          test(static_cast<uint32_t>(_mm_extract_epi16(hi_odd, 2)), 21);
          test(static_cast<uint32_t>(_mm_extract_epi16(hi_even, 4)), 24);
          test(static_cast<uint32_t>(_mm_extract_epi16(hi_odd, 5)), 27);
        } else {
          for (uint32_t m = prefix_leads; m != 0; m &= m - 1) {
            const size_t p = static_cast<size_t>(__builtin_ctz(m));
            flagged |= flag_words[word_of(p)] >> (block[p + 2] & 63);
          }
        }
        if (flagged & 1) {
          // A rare character (about 1 % of clean text) or one the path
          // below must see (“quotes”, dashes): character by character, up
          // to the first of the latter.
          for (uint32_t m = prefix_leads; m != 0; m &= m - 1) {
            const uint32_t p = static_cast<uint32_t>(__builtin_ctz(m));
            const uint32_t word = word_of(p);
            if (!is_quiet_word(word)) {
              quiet_len = p;
              break;
            }
            const uint32_t rare = static_cast<uint32_t>(rare_words[word] >> (block[p + 2] & 63)) & 1;
            rare_bits = ((rare_bits << 1) | rare) & 0xFF;
            if (rare) {
              if (kBitCount[rare_bits] >= kRareRunCount) hit(i + p, kRareRun);
              saw_kun |= word == (0x951F >> 6) && (block[p + 2] & 0x3F) == (0x951F & 0x3F);  // 锟
            }
          }
          if (quiet_len == 0) break;
        } else if (rare_bits != 0) {
          const uint32_t count = kBitCount[prefix_leads & 0xFF] + kBitCount[(prefix_leads >> 8) & 0xFF] +
                                 kBitCount[(prefix_leads >> 16) & 0xFF] + kBitCount[prefix_leads >> 24];
          rare_bits = (rare_bits << count) & 0xFF;  // count <= 11
        }
        // char_index is only compared with a debris character's, at most
        // kDebrisGap (2) characters back: a prefix of 9 bytes or more holds
        // 3 characters or more, so no such pair spans it, and it may count
        // one a byte. A shorter one counts its characters.
        char_index += quiet_len >= 9 ? quiet_len : quiet_len - kBitCount[cont & ((1u << quiet_len) - 1)];
        // Its last byte stands for the last character: prev is only
        // compared with '?' and 0x80, where a continuation byte does as
        // well as the character.
        prev = s[i + quiet_len - 1];
        i += quiet_len;
        // A prefix of 30 or 31 bytes may stop at a character the block
        // cuts: the next block holds it.
        if (quiet_len < 30) break;
      }
      if (i >= n) break;
    }
#endif
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
    if (prev == '?') {
      // The scan this replaced hit a '?' before a run of U+3000..U+9FFF and
      // U+FF00..U+FFEF only after the run's rare-run hits (the run was its
      // fast path): the same order of hits gives the same windows.
      uint32_t j = i;
      char32_t last = 0;
      while (j + 2 < n) {
        const uint32_t b0 = s[j], b1 = s[j + 1], b2 = s[j + 2];
        if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) break;
        const uint32_t c = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
        if (!((c >= 0x3000 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF))) break;
        const uint32_t rare = static_cast<uint32_t>(rare_words[c >> 6] >> (c & 63)) & 1;
        rare_bits = ((rare_bits << 1) | rare) & 0xFF;
        if (rare && kBitCount[rare_bits] >= kRareRunCount) hit(j, kRareRun);
        saw_kun |= rare && c == 0x951F;
        last = c;
        j += 3;
        ++char_index;
      }
      hit(prev_pos, kQuestionMark);
      prev = 0;  // hit
      if (j > i) {
        prev = last;
        prev_pos = j - 3;
        i = j;
        continue;
      }
    }
    char32_t c;
    int len;
    // A well-formed three-byte sequence without utf8::decode's checks.
    if ((b & 0xF0) == 0xE0 && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80 &&
        (b != 0xE0 || s[i + 1] >= 0xA0) && (b != 0xED || s[i + 1] < 0xA0)) {
      c = (char32_t{b & 0x0Fu} << 12) | (char32_t{s[i + 1] & 0x3Fu} << 6) | (s[i + 2] & 0x3Fu);
      len = 3;
    } else {
      c = utf8::decode(text, i, &len);
    }
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
    // None outside the BMP: no reading's source view produces one (damage_scan.h).
    const bool rare = c < 0x10000 && ((rare_words[c >> 6] >> (c & 63)) & 1);
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
