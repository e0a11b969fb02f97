// Runs of characters Chinese text borrows from elsewhere: words of other
// alphabets (a Russian or Greek quote, a Japanese or Korean name or
// sentence) and lines of box drawing (a table drawn in text, ┌──┬──┐).
// The language model has never seen them, so each one costs as much as
// the rarest Han character: a paragraph of them is a rare run to the
// damage scan (the decoder then tried every hypothesis on it: a Russian
// paragraph of 700 letters made an article's normalize 67 times dearer)
// and, worse, the text as it is looks so unlikely that a decoder's reading
// of its bytes as Chinese won (Greek read back as Big5 bytes turned
// καταπολέμηση into καταπολέ米灰考灰, a table's ────── became 岸岸岸岸岸岸).
//
// What tells such a run from mojibake is that its characters follow one
// another. Mojibake makes these characters too (GBK and Big5 hold kana,
// Greek, Cyrillic and box-drawing rows), but scattered among rare Han: over
// about 1.4M characters of the test articles damaged eight ways (UTF-8,
// GBK and Big5 read as one another, shifted GBK), characters of one of
// these kinds followed one another at most three in a row, and such a pair
// once in about a thousand characters; a word's letters, all but its
// first, follow one of their own script, and a table's rules one another.
// So a character that continues a run of its own kind is
//   - not rare to the second look at rare-run windows (drop_foreign_windows),
//   - kept by the decoder at kForeignRunCharCost at most
//     (NodeScorer::kept_cost), and priced so when the repairer weighs a
//     decoded stretch against the text it would replace (repairer.cc).
#ifndef AIDTEXT_REPAIR_FOREIGN_RUNS_H_
#define AIDTEXT_REPAIR_FOREIGN_RUNS_H_

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "repair/damage_scan.h"

namespace aidtext::repair {

// The kinds of run told apart (kNone: none of them): alphabetic scripts,
// and box drawing. Latin letters beyond ASCII are not among them: Latin-1
// mojibake is made of exactly those (the scan's debris signal), and a
// French or German word's é or ü stands between ASCII letters anyway.
enum class RunScript : uint8_t {
  kNone = 0,
  kGreek,
  kCyrillic,
  kKana,      // hiragana and katakana, one script: Japanese mixes them
  kHangul,
  kArabic,
  kHebrew,
  kThai,
  kDevanagari,
  kBoxDrawing,  // U+2500..U+259F: box drawing and block elements
};

// The kind of run `c` belongs to (kNone for everything else, at a few
// compares for Han and ASCII).
inline RunScript run_script(char32_t c) {
  // ASCII, Latin and IPA; Han, CJK symbols and everything past Hangul: the
  // decoder asks this of tokens of a damaged window, most of them Han.
  if (c < 0x370 || (c >= 0x3200 && c < 0xAC00) || c > 0xD7A3) return RunScript::kNone;
  if (c >= 0x2500 && c <= 0x259F) return RunScript::kBoxDrawing;
  if (c <= 0x3FF) return c == 0x37E || c == 0x387 ? RunScript::kNone : RunScript::kGreek;  // ; and · are punctuation
  if (c <= 0x52F) return RunScript::kCyrillic;
  if (c >= 0x590 && c <= 0x5FF) return RunScript::kHebrew;
  if (c >= 0x600 && c <= 0x6FF) return RunScript::kArabic;
  if (c >= 0x900 && c <= 0x97F) return RunScript::kDevanagari;
  if (c >= 0xE00 && c <= 0xE7F) return RunScript::kThai;
  if (c >= 0x1100 && c <= 0x11FF) return RunScript::kHangul;  // jamo
  if (c >= 0x1F00 && c <= 0x1FFF) return RunScript::kGreek;   // with accents
  // Kana, but not the middle dot U+30FB, which Chinese text writes in
  // foreign names (a word break, not a letter).
  if (c >= 0x3041 && c <= 0x30FF) return c == 0x30FB ? RunScript::kNone : RunScript::kKana;
  if (c >= 0x3131 && c <= 0x318E) return RunScript::kHangul;  // compatibility jamo
  if (c >= 0x31F0 && c <= 0x31FF) return RunScript::kKana;    // small katakana
  if (c >= 0xAC00 && c <= 0xD7A3) return RunScript::kHangul;  // syllables
  return RunScript::kNone;
}

// Whether `c` continues a run whose previous character is `prev`: both
// are of one kind in the list above.
inline bool continues_foreign_run(char32_t prev, char32_t c) {
  const RunScript s = run_script(c);
  return s != RunScript::kNone && s == run_script(prev);
}

// What a character that continues a run costs, at most, in the text as
// it is: about the price of a letter of a 20-30 letter alphabet (ln 25 =
// 3.2 nats), and far below what the model gives a character it never saw
// (over 10). Mojibake keeps its costs: its rare Han are untouched, and a
// pair of one kind is too seldom to lower a damaged stretch's cost by
// much (the mojibake suite is unchanged with it).
inline constexpr float kForeignRunCharCost = 3.0f;

// `cost`, the model's price of keeping `c` after `prev`, capped at
// kForeignRunCharCost when `c` continues a run: what the decoder's kept
// tokens and the repairer's gain test both charge.
inline float kept_run_cost(char32_t prev, char32_t c, float cost) {
  return continues_foreign_run(prev, c) ? std::min(cost, kForeignRunCharCost) : cost;
}

// Drops the windows that only a rare run raised (no other signal) and
// that hold no rare run once these are not counted as rare: characters
// continuing a run, letters of scripts no source view of the repairer has
// (Hangul, Arabic, Hebrew, Thai, Devanagari), characters beyond the BMP
// (emoji: no source view makes them either), and every kana of a window
// that reads as Japanese (the scan's count: kRareRunCount rare among the last
// kRareRunWindow non-ASCII characters, restarting at each line). A window
// with any other signal ('?', U+FFFD, private use, debris) stays: a
// decoded stretch over a run is then refused by its cost.
void drop_foreign_windows(std::string_view text, std::vector<SuspectWindow>& windows);

}  // namespace aidtext::repair

#endif  // AIDTEXT_REPAIR_FOREIGN_RUNS_H_
