// The numeral parser: Arabic (2,800  0.81  ３７２１７), Chinese (一百零一,
// 一万二 = 12000, 十二 and 一十二, 廿二, 两), financial (壹佰叁拾), mixed
// (1.2万  3千万  2万3千  200亿零四千230), decimals with 点, signs (负三, -3),
// nested scales (四万万, 一万亿, 一亿亿), digit-by-digit readings (一七二零
// = 1720), adjacent-digit ranges (三四十 = 30..40, 八九亿), and approximation
// marks inside a numeral (2800余万, 十多万, 二十几万).
//
// Two entry points:
//  - scan_numeral(): the longest numeral starting at a byte offset of running
//    text (used by the quantity recognizer). It stops before the first
//    character that cannot continue the numeral, so "两点半" scans "两" and
//    "10.1万零100" scans "10.1万".
//  - parse_numeral(): one whole string, one numeral, with cn2an's three modes
//    (strict / normal / smart), including money suffixes (伍仟元整 = 5000,
//    壹拾壹元壹角壹分 = 11.11). Anything left over is an error.
//
// Values are exact (Decimal). A number too large for 18 significant digits
// is an out-of-range error, never a wrong value.
#ifndef AIDTEXT_NUMERALS_NUMERAL_PARSER_H_
#define AIDTEXT_NUMERALS_NUMERAL_PARSER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "numerals/decimal.h"

namespace aidtext {

// The modes of cn2an's cn2an():
//  kStrict: the textbook form only. Chinese characters only; 十 may omit its
//    digit only at the start; a skipped place needs 零 (一千零十, not 一千一十);
//    no omitted trailing unit (三万五), no digit-by-digit reading, no 〇, and
//    a decimal may not end in 零.
//  kNormal: any Chinese numeral people write: 一一 = 11, 三万五 = 35000,
//    一百十一 = 111, 零点零 = 0, 〇.
//  kSmart: kNormal plus Arabic digits mixed in: 100万三千, 10.1万, 1百01, -10.1.
enum class NumeralMode { kStrict, kNormal, kSmart };

enum class NumeralError {
  kNone,
  kEmpty,       // nothing numeric
  kMalformed,   // not a numeral in this mode, or text left over
  kOutOfRange,  // too large or too precise for an exact value
};
const char* to_string(NumeralError e);

// One numeral found by scan_numeral().
struct NumeralMatch {
  size_t begin = 0, end = 0;          // bytes of the text
  Decimal value;                      // exact; the low end of a range
  std::optional<Decimal> value_high;  // 三四十 -> 30..40; 两三 -> 2..3
  NumeralError error = NumeralError::kNone;  // kOutOfRange: the numeral is there, its value is not
  bool has_chinese = false;      // any Chinese digit or unit character
  bool has_arabic = false;       // any ASCII / full-width digit
  bool has_unit = false;         // any of 十百千万亿兆 (or 廿卅)
  bool has_point = false;        // a decimal point (. or 点)
  bool digit_string = false;     // read digit by digit: 一七二零, 二〇一八
  bool digit_pair = false;       // exactly two adjacent Chinese digits and no unit (两三, 七八)
  bool approx_inside = false;    // 余/多/来/几 inside: 2800余万, 十多万
  bool negative = false;
  int chinese_digits = 0;        // number of Chinese digit characters
  int arabic_digits = 0;         // number of Arabic digit characters in the integer part
  int8_t last_unit_power = 0;    // power of ten of the last unit character (万 = 4), 0 none
  bool last_unit_big = false;    // that unit is 万/亿/兆
  bool ends_with_unit = false;   // the numeral's last character is a unit (三千, 5万)
  int8_t big_unit_power = 0;     // power of the largest 万/亿/兆 group, 0 none
  bool letter_scaled = false;    // an Arabic number with a k / w suffix (15k, 30w)
};

struct ScanOptions {
  NumeralMode mode = NumeralMode::kSmart;
  // Spaces between the parts of one numeral ("7 万5 千4 百", "1000  万").
  bool allow_spaces = true;
  // 负 / - / + at the start.
  bool allow_sign = true;
  // 余 多 来 几 between a number and its unit (2800余万).
  bool allow_approx = true;
  // Arabic number suffixes k (thousand) and w (万) as in "15k", "30w".
  bool allow_letter_scales = true;
  // Scientific notation 2e5, 12.32e+14.
  bool allow_exponent = true;
  // Decimal point 点 / '.' (off when reading the hour of 三点五分).
  bool allow_point = true;
  // A unit right after another unit with no digit between (一百十一 = 111).
  // cn2an's normal mode takes it; running text does not (千百年 is an idiom).
  bool allow_bare_inner_unit = true;
};

// The longest numeral starting exactly at `pos`, or nullopt when none starts
// there. A match may carry kOutOfRange (its span is still right).
std::optional<NumeralMatch> scan_numeral(std::string_view text, size_t pos, const ScanOptions& options = {});

struct ParsedNumeral {
  NumeralError error = NumeralError::kNone;
  Decimal value;
  std::optional<Decimal> value_high;  // adjacent-digit ranges (三四十) in normal/smart
  bool ok() const { return error == NumeralError::kNone; }
};

// The whole string as one numeral (cn2an's cn2an(text, mode)). A money
// suffix is understood: 元/圆 with 整/正 or 角/分 (strict requires one of
// those after 元; normal and smart also take a bare 元).
ParsedNumeral parse_numeral(std::string_view text, NumeralMode mode);

}  // namespace aidtext

#endif  // AIDTEXT_NUMERALS_NUMERAL_PARSER_H_
