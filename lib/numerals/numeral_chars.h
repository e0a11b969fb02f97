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

// True when c can start a numeral (a digit, 十/百/千/万/亿 may start "十五", 百户),
// or a sign; cheap prefilter for the scanner.
inline bool may_start_numeral(char32_t c) {
  NumChar n = classify_numeral_char(c);
  return n.kind != NumCharKind::kNone && n.kind != NumCharKind::kPoint && n.kind != NumCharKind::kApprox;
}

}  // namespace aidtext::numerals

#endif  // AIDTEXT_NUMERALS_NUMERAL_CHARS_H_
