// Words of other alphabets inside Chinese text: a Russian or Greek quote, a
// Japanese or Korean name or sentence. The language model has never seen
// their letters, so each one costs as much as the rarest Han character: a
// paragraph of them is a rare run to the damage scan (the decoder then
// tried every hypothesis on it: a Russian paragraph of 700 letters made
// an article's normalize 67 times dearer) and, worse, the text as it is
// looks so unlikely that a decoder's reading of its bytes as Chinese won
// (Greek read back as Big5 bytes turned καταπολέμηση into καταπολέ米灰考灰).
//
// What tells a foreign word from mojibake is that its letters follow one
// another. Mojibake makes these scripts' letters too (GBK and Big5 hold
// kana, Greek and Cyrillic rows), but scattered among rare Han: over about
// 1.4M characters of the test articles damaged eight ways (UTF-8, GBK and
// Big5 read as one another, shifted GBK), letters of one script followed
// one another at most three in a row, and such a pair once in about a
// thousand characters; a foreign word's letters, all but its first, follow
// one of their own script. So a letter that continues a word of its own
// script is
//   - not rare to the foreign-window check below, and
//   - priced at kForeignLetterCost, at most, when the repairer weighs a
//     decoded stretch against the text it would replace (repairer.cc).
#ifndef AIDTEXT_REPAIR_FOREIGN_WORDS_H_
#define AIDTEXT_REPAIR_FOREIGN_WORDS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "repair/damage_scan.h"

namespace aidtext::repair {

// The alphabetic scripts whose words are told apart (0: none of them).
// Latin letters beyond ASCII are not among them: Latin-1 mojibake is made
// of exactly those (the scan's debris signal), and a French or German
// word's é or ü stands between ASCII letters anyway.
enum class LetterScript : uint8_t {
  kNone = 0,
  kGreek,
  kCyrillic,
  kKana,      // hiragana and katakana, one script: Japanese mixes them
  kHangul,
  kArabic,
  kHebrew,
  kThai,
  kDevanagari,
};

// Its script when `c` is a letter of one of them (kNone for everything
// else, at two compares for Han and ASCII).
inline LetterScript letter_script(char32_t c) {
  // ASCII, Latin and IPA; Han, CJK symbols and everything past Hangul: the
  // decoder asks this of tokens of a damaged window, most of them Han.
  if (c < 0x370 || (c >= 0x3200 && c < 0xAC00) || c > 0xD7A3) return LetterScript::kNone;
  if (c <= 0x3FF) return c == 0x37E || c == 0x387 ? LetterScript::kNone : LetterScript::kGreek;  // ; and · are punctuation
  if (c <= 0x52F) return LetterScript::kCyrillic;
  if (c >= 0x590 && c <= 0x5FF) return LetterScript::kHebrew;
  if (c >= 0x600 && c <= 0x6FF) return LetterScript::kArabic;
  if (c >= 0x900 && c <= 0x97F) return LetterScript::kDevanagari;
  if (c >= 0xE00 && c <= 0xE7F) return LetterScript::kThai;
  if (c >= 0x1100 && c <= 0x11FF) return LetterScript::kHangul;  // jamo
  if (c >= 0x1F00 && c <= 0x1FFF) return LetterScript::kGreek;   // with accents
  // Kana, but not the middle dot U+30FB, which Chinese text writes in
  // foreign names (a word break, not a letter).
  if (c >= 0x3041 && c <= 0x30FF) return c == 0x30FB ? LetterScript::kNone : LetterScript::kKana;
  if (c >= 0x3131 && c <= 0x318E) return LetterScript::kHangul;  // compatibility jamo
  if (c >= 0x31F0 && c <= 0x31FF) return LetterScript::kKana;    // small katakana
  if (c >= 0xAC00 && c <= 0xD7A3) return LetterScript::kHangul;  // syllables
  return LetterScript::kNone;
}

// Whether `c` continues a word whose previous letter is `prev`: both are
// letters of one script in the list above.
inline bool continues_foreign_word(char32_t prev, char32_t c) {
  const LetterScript s = letter_script(c);
  return s != LetterScript::kNone && s == letter_script(prev);
}

// What a letter that continues a foreign word costs, at most, in the text
// as it is: about the price of a letter of a 20-30 letter alphabet (ln 25
// = 3.2 nats), and far below what the model gives a letter it never saw
// (over 10). Mojibake keeps its costs: its rare Han are untouched, and a
// letter after a letter of its script is too seldom to lower a damaged
// stretch's cost by much (the mojibake suite is unchanged with it).
inline constexpr float kForeignLetterCost = 3.0f;

// Drops the windows that only a rare run raised (no other signal) and
// that hold no rare run once letters continuing a foreign word are not
// counted as rare (the scan's count: kRareRunCount rare among the last
// kRareRunWindow non-ASCII characters, restarting at each line). A window
// with any other signal ('?', U+FFFD, private use, debris) stays: a
// decoded stretch over a foreign word is then refused by its cost.
void drop_foreign_windows(std::string_view text, std::vector<SuspectWindow>& windows);

}  // namespace aidtext::repair

#endif  // AIDTEXT_REPAIR_FOREIGN_WORDS_H_
