// Numbers cut by a lost character (cut_numbers.h).
#include "numerals/cut_numbers.h"

#include "core/utf8.h"
#include "numerals/numeral_chars.h"

namespace aidtext {
namespace {

// A character a number is written with, as the recognizer reads them
// (numerals/numeral_chars.h): digits of every kind (ASCII, full-width,
// Chinese, financial, traditional: 兩 萬 億 survive where conversion is
// off), the units 十百千万亿 and theirs, and the digit group's '.' and ','.
// Not 点, 负 or the approximations 余 多 来 几, which are words as often
// (重点?3, 很多?1000人).
bool is_numeral(char32_t c) {
  if (c == '.' || c == ',') return true;
  switch (numerals::classify_numeral_char(c).kind) {
    case numerals::NumCharKind::kArabic:
    case numerals::NumCharKind::kDigit:
    case numerals::NumCharKind::kSmallUnit:
    case numerals::NumCharKind::kBigUnit:
    case numerals::NumCharKind::kTens:
      return true;
    default:
      return false;
  }
}

bool is_hole(char32_t c) { return c == '?' || c == utf8::kReplacement; }

// The character before byte `pos` (0 when none), and where it starts.
char32_t char_before(std::string_view text, size_t pos, size_t* start) {
  if (pos == 0) return 0;
  *start = utf8::char_start_before(text, pos);
  int len;
  return utf8::decode(text, *start, &len);
}

// The character at byte `pos` (0 at the end), and its length.
char32_t char_at(std::string_view text, size_t pos, int* len) {
  *len = 1;
  return pos < text.size() ? utf8::decode(text, pos, len) : 0;
}

}  // namespace

bool number_cut_by_hole(std::string_view text, Range number) {
  // Leftwards: numerals, holes, a numeral.
  size_t p = number.begin, start = 0;
  char32_t c = char_before(text, p, &start);
  for (; c && is_numeral(c); c = char_before(text, p, &start)) p = start;
  if (c && is_hole(c)) {
    for (; c && is_hole(c); c = char_before(text, p, &start)) p = start;
    if (c && is_numeral(c)) return true;
  }
  // Rightwards: the same.
  size_t q = number.end;
  int len;
  c = char_at(text, q, &len);
  for (; c && is_numeral(c); c = char_at(text, q, &len)) q += static_cast<size_t>(len);
  if (!c || !is_hole(c)) return false;
  for (; c && is_hole(c); c = char_at(text, q, &len)) q += static_cast<size_t>(len);
  return c && is_numeral(c);
}

}  // namespace aidtext
