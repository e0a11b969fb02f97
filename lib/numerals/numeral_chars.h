// Classification of the characters numerals are written with: Chinese digits
// (plain, financial 壹贰叁, and the traditional forms 兩貳參陸萬億 that may
// survive in text), unit characters, the decimal point 点, signs, and ASCII /
// full-width digits. One table lookup per code point; no allocation.
#ifndef AIDTEXT_NUMERALS_NUMERAL_CHARS_H_
#define AIDTEXT_NUMERALS_NUMERAL_CHARS_H_

#include <cstdint>

namespace aidtext::numerals {

enum class NumCharKind : uint8_t {
  kNone,
  kDigit,      // 零〇一二两三...九 壹贰...玖 (value 0..9)
  kSmallUnit,  // 十拾 百佰 千仟 (value = power of ten: 1, 2, 3)
  kBigUnit,    // 万萬 亿億 兆 (value = power of ten: 4, 8, 12)
  kTens,       // 廿 卅 卌 (value = 2, 3, 4 tens)
  kPoint,      // 点 點
  kNegative,   // 负 負
  kArabic,     // 0-9 and full-width ０-９ (value 0..9)
  kApprox,     // 余 多 来 几 幾: approximation inside a numeral (2800余万)
};

struct NumChar {
  NumCharKind kind = NumCharKind::kNone;
  uint8_t value = 0;
  bool is_two = false;     // 两/兩/俩/倆: never read digit by digit (两三个 is a range)
  bool is_zero_char = false;  // 零/〇
  bool is_financial = false;  // 壹贰叁... 拾佰仟
};

// The numeral characters from U+3000 on (ASCII digits are classified
// inline), each with what it is; the full-width digits are added by
// for_each_listed_numeral_char(). In the header so that tables built at
// compile time from it (the recognizer's start characters:
// numerals/record_starts.h) need no loop over the code points.
struct NumeralCharEntry {
  char32_t c;
  NumChar k;
};
inline constexpr NumeralCharEntry kListedNumeralChars[] = {
    {U'零', {NumCharKind::kDigit, 0, false, true, false}}, {U'〇', {NumCharKind::kDigit, 0, false, true, false}},
    {U'一', {NumCharKind::kDigit, 1}}, {U'二', {NumCharKind::kDigit, 2}},
    {U'两', {NumCharKind::kDigit, 2, true}}, {U'兩', {NumCharKind::kDigit, 2, true}},
    {U'俩', {NumCharKind::kDigit, 2, true}}, {U'倆', {NumCharKind::kDigit, 2, true}},
    {U'三', {NumCharKind::kDigit, 3}}, {U'四', {NumCharKind::kDigit, 4}}, {U'五', {NumCharKind::kDigit, 5}},
    {U'六', {NumCharKind::kDigit, 6}}, {U'七', {NumCharKind::kDigit, 7}}, {U'八', {NumCharKind::kDigit, 8}},
    {U'九', {NumCharKind::kDigit, 9}},
    {U'壹', {NumCharKind::kDigit, 1, false, false, true}}, {U'贰', {NumCharKind::kDigit, 2, false, false, true}},
    {U'貳', {NumCharKind::kDigit, 2, false, false, true}}, {U'叁', {NumCharKind::kDigit, 3, false, false, true}},
    {U'參', {NumCharKind::kDigit, 3, false, false, true}}, {U'肆', {NumCharKind::kDigit, 4, false, false, true}},
    {U'伍', {NumCharKind::kDigit, 5, false, false, true}}, {U'陆', {NumCharKind::kDigit, 6, false, false, true}},
    {U'陸', {NumCharKind::kDigit, 6, false, false, true}}, {U'柒', {NumCharKind::kDigit, 7, false, false, true}},
    {U'捌', {NumCharKind::kDigit, 8, false, false, true}}, {U'玖', {NumCharKind::kDigit, 9, false, false, true}},
    {U'十', {NumCharKind::kSmallUnit, 1}}, {U'拾', {NumCharKind::kSmallUnit, 1, false, false, true}},
    {U'百', {NumCharKind::kSmallUnit, 2}}, {U'佰', {NumCharKind::kSmallUnit, 2, false, false, true}},
    {U'千', {NumCharKind::kSmallUnit, 3}}, {U'仟', {NumCharKind::kSmallUnit, 3, false, false, true}},
    {U'万', {NumCharKind::kBigUnit, 4}}, {U'萬', {NumCharKind::kBigUnit, 4}},
    {U'亿', {NumCharKind::kBigUnit, 8}}, {U'億', {NumCharKind::kBigUnit, 8}},
    {U'兆', {NumCharKind::kBigUnit, 12}},
    {U'廿', {NumCharKind::kTens, 2}}, {U'卅', {NumCharKind::kTens, 3}}, {U'卌', {NumCharKind::kTens, 4}},
    {U'点', {NumCharKind::kPoint, 0}}, {U'點', {NumCharKind::kPoint, 0}},
    {U'负', {NumCharKind::kNegative, 0}}, {U'負', {NumCharKind::kNegative, 0}},
    {U'余', {NumCharKind::kApprox, 0}}, {U'多', {NumCharKind::kApprox, 0}}, {U'来', {NumCharKind::kApprox, 0}},
    {U'几', {NumCharKind::kApprox, 0}}, {U'幾', {NumCharKind::kApprox, 0}},
};

// Calls f(c, what c is) for every numeral character from U+3000 on: the
// list above, then the full-width digits ０-９.
template <typename F>
constexpr void for_each_listed_numeral_char(F&& f) {
  for (const NumeralCharEntry& e : kListedNumeralChars) f(e.c, e.k);
  for (char32_t c = 0xFF10; c <= 0xFF19; ++c) f(c, NumChar{NumCharKind::kArabic, static_cast<uint8_t>(c - 0xFF10)});
}

// Whether a character of this classification can start a numeral (a
// digit, 十/百/千/万/亿 may start "十五", 百户), or a sign.
constexpr bool starts_numeral(const NumChar& n) {
  return n.kind != NumCharKind::kNone && n.kind != NumCharKind::kPoint && n.kind != NumCharKind::kApprox;
}

// Every numeral character is in U+3000..U+FFFF; one byte per code point of
// that range indexes a short list of distinct classifications.
struct NumCharTable {
  uint8_t index[0x10000 - 0x3000] = {};
  NumChar kinds[64] = {};
};
extern const NumCharTable kNumCharTable;

inline NumChar classify_numeral_char(char32_t c) {
  if (c < 0x3000) {
    if (c >= U'0' && c <= U'9') return {NumCharKind::kArabic, static_cast<uint8_t>(c - U'0')};
    return {};
  }
  if (c >= 0x10000) return {};
  return kNumCharTable.kinds[kNumCharTable.index[c - 0x3000]];
}

// True when c can start a numeral (starts_numeral()); cheap prefilter for
// the scanner.
inline bool may_start_numeral(char32_t c) { return starts_numeral(classify_numeral_char(c)); }

}  // namespace aidtext::numerals

#endif  // AIDTEXT_NUMERALS_NUMERAL_CHARS_H_
