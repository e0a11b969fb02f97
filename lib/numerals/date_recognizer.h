// Dates and times, so that they are never read as amounts: 2018年, 2018年底,
// 5月28日, 2017年05月22日 14时50分, 2020-07-14, 21.11.2015 20:04, 两点半,
// 今年 / 去年 / 明年 (relative to the document's year).
//
// The `date` string is ISO-like: "2018", "2018-05", "2018-05-22",
// "2017-05-22T14:50"; parts without a year use ISO 8601's truncated forms:
// "--05" (a month), "--05-28" (month and day), "---28" (a day), "T14:50"
// (a time of day).
#ifndef AIDTEXT_NUMERALS_DATE_RECOGNIZER_H_
#define AIDTEXT_NUMERALS_DATE_RECOGNIZER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "numerals/numeral_parser.h"

namespace aidtext::numerals {

struct DateMatch {
  size_t begin = 0, end = 0;  // bytes of the text
  std::string date;
  bool end_of_period = false;  // 2018年底, 10月底
  bool relative = false;       // 今年 / 去年 ...
  int offset = 0;              // years from the document's year when relative
  int components = 0;          // 1 for a lone year / month / day (a range end), more otherwise
};

// Numeric forms at an ASCII digit: 2020-07-14, 2020/7/14, 2020.07.14,
// 21.11.2015, each with an optional time (20:04), or a time alone (20:04).
std::optional<DateMatch> match_numeric_date(std::string_view text, size_t pos);

// Calendar forms beginning with the numeral `m`: 2018年[5月[28日]] [14时50分],
// 2018年底, 5月28日, 28日, 14时50分, 两点半, 三点五分.
std::optional<DateMatch> match_calendar_date(std::string_view text, const NumeralMatch& m);

// 今年 / 去年 / 明年 / 前年 / 后年 (with 底/末) starting at `pos`.
std::optional<DateMatch> match_relative_year(std::string_view text, size_t pos);

// True when `m` reads as a calendar year (4 Arabic digits 1000-2999, or four
// Chinese digits read one by one: 二〇一八).
bool is_year_like(const NumeralMatch& m);

}  // namespace aidtext::numerals

#endif  // AIDTEXT_NUMERALS_DATE_RECOGNIZER_H_
