// Runs of other scripts and of box drawing inside Chinese text (foreign_runs.h).
#include "repair/foreign_runs.h"

#include <algorithm>
#include <bit>

#include "core/utf8.h"
#include "repair/char_lm.h"
#include "repair/damage_scan.h"
#include "repair/legacy_codecs.h"

namespace aidtext::repair {

namespace {

// Whether no source view of the repairer (Latin-1, cp1252, GBK, GB18030's
// two-byte pairs, Big5) has the script's letters: then they are never
// mojibake, and never rare to the check.
bool never_mojibake(RunScript s) {
  return s != RunScript::kNone && s != RunScript::kGreek && s != RunScript::kCyrillic &&
         s != RunScript::kKana && s != RunScript::kBoxDrawing;
}

// Whether kana are at least this share of the non-ASCII characters of a
// window: Japanese text, where half the characters are kana, not mojibake,
// where kana are one character in 60 to 250 (UTF-8 and Big5 read as GBK,
// GBK read as Big5, over the test articles) and not many more anywhere.
constexpr uint32_t kJapaneseKanaShareInverse = 5;  // one in five

bool reads_as_japanese(std::string_view text, uint32_t begin, uint32_t end) {
  uint32_t kana = 0, non_ascii = 0;
  for (uint32_t i = begin; i < end;) {
    int len;
    const char32_t c = utf8::decode(text, i, &len);
    i += static_cast<uint32_t>(len);
    non_ascii += c >= 0x80;
    kana += run_script(c) == RunScript::kKana;
  }
  return kana * kJapaneseKanaShareInverse >= non_ascii && kana > 0;
}

// Whether `c` is a Latin letter beyond ASCII (À..ɏ, not × or ÷), or one
// of ASCII.
bool latin_letter(char32_t c) { return c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7; }
bool ascii_letter(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Whether [begin, end) of `text` raises a signal the scan's way
// (damage_scan.cc: a rare run, kRareRunCount rare among the last
// kRareRunWindow non-ASCII characters, restarting at each line; a C1
// control, or two pieces of single-byte debris at most kDebrisGap
// characters apart, one of them a letter) when these are let pass:
//   - for the rare run, characters continuing a run, letters no source
//     view has, characters beyond the BMP, and every kana of a window that
//     reads as Japanese;
//   - for both, a Latin letter followed by an ASCII character or after an
//     ASCII letter: a letter of a Latin word (pinyin's fúpín, “Zhōngguó”,
//     French été), for in Latin-1 or cp1252 mojibake every letter is a
//     lead byte (UTF-8's C0..F7, GBK's pairs from C0), whose trail bytes
//     (80..BF; GB2312's A1..FE) never read as ASCII. After an ASCII letter
//     (GDPå¢žé•¿) the lead is let pass, but not its trail bytes, nor the
//     next character's lead (é after ž): only a lone damaged character
//     right after a Latin word would go unseen, and one character is too
//     little evidence for a repair anyway.
bool holds_signal(std::string_view text, uint32_t begin, uint32_t end) {
  const uint64_t* rare_words = rare_char_bits();
  const bool japanese = reads_as_japanese(text, begin, end);
  uint32_t rare_bits = 0;  // one bit per recent non-ASCII character: rare?
  uint32_t index = 0, last_debris = 0;  // characters, for the debris gap
  bool have_debris = false, last_debris_letter = false;
  char32_t prev = 0;
  int len;
  char32_t c = begin < end ? utf8::decode(text, begin, &len) : 0;
  for (uint32_t i = begin; i < end; ++index) {
    i += static_cast<uint32_t>(len);
    const char32_t next = i < end ? utf8::decode(text, i, &len) : 0;
    if (c < 0x80) {
      if (c == '\n') rare_bits = 0;
    } else {
      const bool latin_word = latin_letter(c) && ((next != 0 && next < 0x80) || ascii_letter(prev));
      const RunScript script = run_script(c);
      const bool passes = latin_word || continues_foreign_run(prev, c) || never_mojibake(script) ||
                          (japanese && script == RunScript::kKana);
      const bool rare = c < 0x10000 && ((rare_words[c >> 6] >> (c & 63)) & 1) && !passes;
      rare_bits = ((rare_bits << 1) | (rare ? 1u : 0u)) & ((1u << kRareRunWindow) - 1);
      if (rare && std::popcount(rare_bits) >= kRareRunCount) return true;
      if (is_single_byte_debris(c) && !latin_word) {
        const bool letter = c < 0xA0 || (c >= 0xC0 && c <= 0xFF);
        if (c < 0xA0) return true;
        if (have_debris && index - last_debris <= kDebrisGap && (letter || last_debris_letter)) return true;
        have_debris = true;
        last_debris = index;
        last_debris_letter = letter;
      }
    }
    prev = c;
    c = next;
  }
  return false;
}

}  // namespace

void drop_foreign_windows(std::string_view text, std::vector<SuspectWindow>& windows) {
  std::erase_if(windows, [&](const SuspectWindow& w) {
    return (w.signals & ~(kRareRun | kSingleByteDebris)) == 0 && !holds_signal(text, w.begin, w.end);
  });
}

}  // namespace aidtext::repair
