// The quantity recognizer: every numeral, quantity, date and ordinal in
// normalized text (spec: quantities.md).
#ifndef AIDTEXT_NUMERALS_RECOGNIZER_H_
#define AIDTEXT_NUMERALS_RECOGNIZER_H_

#include <string_view>
#include <vector>

#include "numerals/quantity.h"

namespace aidtext {

// Records in text order, never overlapping; spans are byte ranges of `text`
// (normalized text: simplified, half-width digits, UTF-8; traditional
// numeral characters and full-width digits are read too). Never throws
// except std::bad_alloc; any byte sequence is safe (invalid UTF-8 is
// skipped), and the time is linear in the text.
//
// Unit ids: CNY USD HKD JPY EUR GBP TWD AUD CAD KRW THB RUB (money);
// person, person_time, household; km2 m2 mu hectare; t kg jin g; km m cm mm;
// percent (%, 百分之, 千分之, 成, 折), percentage_point, times (倍),
// fraction (三分之一 = 0.333333333333333, 3/5), point (分: 两千分);
// year / month / day / hour / minute (durations: 3年, 5个月, 十天), age (岁);
// count (with `classifier`: 个 项 期 家 所 批 座 次 场 名* 套 台 间 条 ...,
// and 口** of wells, cellars, ponds, pots);
// "" for a bare number or a scaled one (7000万贫困人口).
// (* 名 is a person: 9595名贫困人口. ** 口 is a person too (一家三口, 5口人)
// unless such a noun follows it or ends before the number in its clause:
// 30口机井, 打井30口.)
// Dates carry `date` (ISO-like) and value 0; ordinals carry the value.
// A numeral too large or too precise for an exact Decimal (more than 18
// significant digits, or a power of ten beyond +-300) still gives its
// record, with span, unit and approximation, but with `error` kOutOfRange
// and no value (Quantity::has_value() is false); never a rounded value.
std::vector<Quantity> recognize_quantities(std::string_view text);

}  // namespace aidtext

#endif  // AIDTEXT_NUMERALS_RECOGNIZER_H_
