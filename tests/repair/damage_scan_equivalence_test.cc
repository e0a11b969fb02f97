// find_suspect_windows() must find the same windows (begin, end, signals),
// and the same answer about 锟, as the scan it replaced: a copy of that scan
// (commit 905d38f, lib/repair/damage_scan.cc) is kept below as the reference.
// Compared on the dev corpus and the metrics articles (whole, from every line
// start, and cut at many places, also inside characters), on the peer
// mojibake suite, and on pseudo-random hostile text mixing every byte class
// the scan tells apart: ASCII, '?', '\n', NUL, common and rare Han, 锟,
// full-width forms, CJK and cp1252 punctuation, Latin-1 letters and C1
// controls, private use, U+FFFD, two- and four-byte characters, stray
// continuation bytes, truncated, overlong and surrogate sequences.
#define BOOST_TEST_MODULE damage_scan_equivalence
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/utf8.h"
#include "repair/damage_scan.h"
#include "repair/legacy_codecs.h"
#include "repair/scan_context.h"
#include "mojibake_cases.h"

namespace aidtext::repair::reference {
namespace {

using aidtext::repair::is_single_byte_debris;
using aidtext::repair::rare_char_bits;
using namespace aidtext::repair::scan_context;  // unchanged since: shared with the scan


}  // namespace

std::vector<SuspectWindow> reference_find_suspect_windows(std::string_view text, bool* saw_gbk_read_fffd, uint32_t from) {
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
    // None outside the BMP: changed with the scan when four-byte characters
    // stopped counting as rare (damage_scan.h).
    const bool rare = c < 0x10000 && ((rare_table[c >> 6] >> (c & 63)) & 1);
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

}  // namespace aidtext::repair::reference

namespace {

using aidtext::repair::SuspectWindow;

int compared = 0;
int with_windows = 0;

std::string describe(const std::vector<SuspectWindow>& ws) {
  std::ostringstream o;
  for (const auto& w : ws) o << "[" << w.begin << "," << w.end << "," << int(w.signals) << "]";
  return o.str();
}

std::string hex_prefix(std::string_view s) {
  std::ostringstream o;
  for (size_t i = 0; i < std::min<size_t>(s.size(), 200); ++i) o << std::hex << (static_cast<unsigned>(static_cast<unsigned char>(s[i])) | 0x100) % 0x100 << ' ';
  return o.str();
}

// Compares the scans of `text` from `from`; true when they agree.
bool same_from(std::string_view text, uint32_t from) {
  bool ref_kun = false, kun = true;
  const auto ref = aidtext::repair::reference::reference_find_suspect_windows(text, &ref_kun, from);
  const auto got = aidtext::repair::find_suspect_windows(text, &kun, from);
  ++compared;
  if (!ref.empty()) ++with_windows;
  const bool same = ref_kun == kun && ref.size() == got.size() &&
                    std::equal(ref.begin(), ref.end(), got.begin(), [](const SuspectWindow& a, const SuspectWindow& b) {
                      return a.begin == b.begin && a.end == b.end && a.signals == b.signals;
                    });
  if (!same)
    BOOST_ERROR("scan differs from the reference (from " << from << ", " << text.size() << " bytes): reference "
                << describe(ref) << " kun " << ref_kun << ", got " << describe(got) << " kun " << kun
                << "; bytes: " << hex_prefix(text));
  // Without the 锟 answer the windows are the same too.
  const auto got_plain = aidtext::repair::find_suspect_windows(text, nullptr, from);
  if (got_plain.size() != got.size()) BOOST_ERROR("scan differs without saw_gbk_read_fffd");
  return same;
}

// From 0 and from every line start.
bool same_from_every_line(std::string_view text) {
  bool same = same_from(text, 0);
  for (size_t k = 0; k < text.size() && same; ++k)
    if (text[k] == '\n') same = same_from(text, static_cast<uint32_t>(k + 1));
  return same;
}

std::vector<std::string> read_texts(const std::filesystem::path& dir) {
  std::vector<std::string> texts;
  if (!std::filesystem::is_directory(dir)) return texts;
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".txt") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream o;
    o << in.rdbuf();
    texts.push_back(o.str());
  }
  return texts;
}

void check_article(std::string_view text) {
  if (!same_from_every_line(text)) return;
  // Cut at many places, inside characters too: text ending mid-sequence.
  const size_t step = std::max<size_t>(1, text.size() / 150);
  for (size_t cut = 0; cut < text.size(); cut += step + (cut % 3))
    if (!same_from(text.substr(0, cut), 0)) return;
  // Suffixes starting inside lines, as texts of their own.
  for (size_t k = 0; k + 1 < text.size(); k += 1 + text.size() / 40)
    if (!same_from(text.substr(k), 0)) return;
}

// Pieces of every byte class the scan tells apart.
const std::vector<std::string>& hostile_pieces() {
  static const std::vector<std::string> pieces = {
      // Clean text: common Han (also in runs), kana, CJK and full-width punctuation.
      "的", "是", "中国", "人民", "發展", "臺灣", "經濟", "。", "、", "「", "」", "《", "》", "\u3000", "の",
      "，", "：", "；", "（", "）", "！", "？", "％", "１", "Ａ", "\uFFE5", "\uFFE0", "\uFFEF", "\uFFC0",
      // Rare Han, 锟斤拷, other rare three-byte characters.
      "锟", "斤", "拷", "齉", "鍥", "蟔", "鍙", "\uAC00", "\u1E00", "\u0800", "\u2E80", "\uFFF0", "\uFFFE",
      // ASCII, '?', line ends, NUL.
      "a", "Z", "7", " ", "?", "??", "\n", "\r\n", std::string(1, '\0'), "What?", "http://x.cn/a?b=1",
      // Latin-1 letters and symbols, C1 controls, cp1252 punctuation.
      "\u00C3", "\u00A9", "\u00E9", "\u00B7", "\u00D7", "\u00A0", "\u0085", "\u0080", "\u009F", "\u00FF",
      "\u201C", "\u201D", "\u2018", "\u2014", "\u2026", "\u2122", "\u20AC", "\u0152", "\u2013", "\u2030",
      "\u2002", "\u203B", "\u00C3\u00A4\u00C2\u00B8",
      // Private use, U+FFFD, four-byte characters.
      "\uE000", "\uF000", "\uF8FF", "\uEFFF", "\uFFFD", "\U00020000", "\U0001F600",
      // Malformed: stray continuation bytes, lone leads, truncated, overlong, surrogate, never-valid bytes.
      "\x80", "\xBC", "\xBF", "\xE9", "\xEF", "\xEF\xBC", "\xE4\xB8", "\xC3", "\xF0\x9F", "\xE0\x80\x80",
      "\xE0\x9F\xBF", "\xED\xA0\x80", "\xED\x9F\xBF", "\xC0\x80", "\xF5\x80\x80\x80", "\xFF", "\xFE",
      "\xEF\xBF\xBD\xBD", "\xEE\x80", "\xE3\x80\x80\x80",
  };
  return pieces;
}

// Random text: runs of clean Chinese (long enough for the scan's blocks),
// runs of ASCII, and hostile pieces, in random proportions.
std::string hostile_text(std::mt19937& rng, size_t max_pieces) {
  static const std::vector<std::string> clean = {"的", "是", "中", "国", "發", "展", "，", "。", "「", "」", "（", "）",
                                                 "：", "经", "济", "１", "a", " ", "7"};
  const auto& pieces = hostile_pieces();
  std::uniform_int_distribution<size_t> count(1, max_pieces), pick(0, pieces.size() - 1), pick_clean(0, clean.size() - 1),
      run(1, 40), mode(0, 9);
  // How often a hostile piece comes, per text: from nearly clean to all debris.
  const int hostile_share = std::uniform_int_distribution<int>(1, 9)(rng);
  std::string s;
  for (size_t n = count(rng); n > 0; --n) {
    const size_t m = mode(rng);
    if (m < static_cast<size_t>(hostile_share)) {
      s += pieces[pick(rng)];
    } else if (m == 9) {
      for (size_t k = run(rng); k > 0; --k) s += static_cast<char>('a' + k % 26);
    } else {
      for (size_t k = run(rng); k > 0; --k) s += clean[pick_clean(rng)];
    }
  }
  return s;
}

// Random clean-looking text with rare Han and '?' only: long lines where a
// '?' before a rare run opens the first window (the order of the hits
// decides where it begins).
std::string rare_and_question_text(std::mt19937& rng, size_t length) {
  static const std::vector<std::string> pieces = {"的", "是", "中", "国", "，", "。", "Ａ", "a", " ", "?",
                                                  "齉", "鍥", "蟔", "鍙", "锟", "斤", "拷", "\u2E80", "\n"};
  std::discrete_distribution<size_t> pick({30, 20, 20, 20, 6, 3, 2, 4, 2, 4, 5, 5, 5, 5, 2, 1, 1, 2, 1});
  std::string s;
  for (size_t k = 0; k < length; ++k) s += pieces[pick(rng)];
  return s;
}

// Random bytes from the classes the scan's blocks look at.
std::string hostile_bytes(std::mt19937& rng, size_t length) {
  static const unsigned char bytes[] = {0x00, '\n', '?', 'a', ' ', 0x80, 0x88, 0x9C, 0xA0, 0xB8, 0xBC, 0xBD, 0xBE,
                                        0xBF, 0xC2, 0xC3, 0xE0, 0xE2, 0xE3, 0xE4, 0xE9, 0xEA, 0xED, 0xEE, 0xEF, 0xF0,
                                        0xF4, 0xF5, 0xFF};
  std::uniform_int_distribution<size_t> pick(0, sizeof bytes - 1);
  std::string s;
  for (size_t k = 0; k < length; ++k) s += static_cast<char>(bytes[pick(rng)]);
  return s;
}

}  // namespace

BOOST_AUTO_TEST_CASE(same_windows_on_articles) {
  int articles = 0;
  for (const auto& dir : {std::filesystem::path(AIDTEXT_SHARED_DIR) / "corpus" / "dev",
                          std::filesystem::path(AIDTEXT_SOURCE_DIR) / "tests" / "metrics" / "articles"}) {
    const auto texts = read_texts(dir);
    if (texts.empty()) BOOST_TEST_MESSAGE("SKIPPED: no texts in " << dir);
    for (const auto& t : texts) {
      check_article(t);
      ++articles;
    }
  }
  BOOST_TEST(articles > 0);  // tests/metrics/articles is in the source tree
  BOOST_TEST_MESSAGE(articles << " articles, " << compared << " scans compared");
}

BOOST_AUTO_TEST_CASE(same_windows_on_the_mojibake_suite) {
  const auto cases = aidtext::testing::load_mojibake_cases(std::string(AIDTEXT_SHARED_DIR) + "/peer/mojibake/cases.json");
  if (!cases) {
    BOOST_TEST_MESSAGE("SKIPPED: peer mojibake suite not found");
    return;
  }
  with_windows = 0;
  for (const auto& c : *cases) {
    same_from_every_line(c.garbled);
    same_from_every_line(c.expected);
    // Damage inside clean context: the cases with an article's text around them.
    same_from_every_line("中国经济发展，「" + c.garbled + "」。\n" + c.expected + "；" + c.garbled);
  }
  BOOST_TEST(with_windows > 0);
}

BOOST_AUTO_TEST_CASE(same_windows_where_the_order_of_hits_matters) {
  // A '?' after ASCII and before a run of Han whose first character
  // completes a rare run: the scan this replaced hit the run first, then
  // the '?', so the window begins 32 characters before the run's hit, not
  // before the '?'.
  std::string line;
  for (int k = 0; k < 40; ++k) line += "的";
  for (const char* tail : {"齉鍥蟔a?鍙的的的", "齉鍥蟔 ?鍙，的的", "齉鍥a?蟔鍙齉的", "齉鍥蟔a?，鍙的", "齉鍥蟔?a鍙的",
                           "齉鍥蟔a?\u00E9鍙的", "齉鍥蟔??鍙的", "齉鍥蟔a?锟的", "齉鍥蟔?鍙的的的"}) {
    BOOST_TEST(same_from_every_line(line + tail), tail);
    BOOST_TEST(same_from_every_line(line + "\n" + line + tail + line), tail);
  }
}

BOOST_AUTO_TEST_CASE(same_windows_on_hostile_text) {
  std::mt19937 rng(20261123);
  with_windows = 0;
  int texts = 0;
  for (size_t max_pieces : {4, 16, 64, 256}) {
    for (int k = 0; k < 2500; ++k, ++texts) {
      if (!same_from_every_line(hostile_text(rng, max_pieces))) return;
    }
  }
  for (size_t length : {20, 60, 120, 300}) {
    for (int k = 0; k < 1500; ++k, ++texts) {
      if (!same_from_every_line(rare_and_question_text(rng, length))) return;
    }
  }
  for (size_t length : {1, 2, 3, 5, 15, 16, 17, 31, 33, 100, 400}) {
    for (int k = 0; k < 600; ++k, ++texts) {
      if (!same_from_every_line(hostile_bytes(rng, length))) return;
    }
  }
  // Every signal and the 锟 answer are exercised.
  BOOST_TEST(with_windows > texts / 4);
  BOOST_TEST_MESSAGE(texts << " hostile texts, " << with_windows << " scans with windows");
}
