// Numerals that name or mark instead of counting: plan names in quotes
// (“1236”) or joined by + (1+17), codes glued to Latin letters (G20, 5G),
// numerals inside URLs, names after 双 (双十一, 双11), list markers (一、 (一) 1. 一是), fixed expressions
// (一条心, 一鼓作气), parallel idioms N1-X-N2-Y (一户一策, 两不愁三保障,
// 三省四县), N个 slogans (四个意识, 五个一批), the five-year plans 十X五,
// session numbers (十八届), and short numbered phrases alone in quotes
// (“三个落实”, “六个精准”).
#ifndef AIDTEXT_NUMERALS_NAME_RULES_H_
#define AIDTEXT_NUMERALS_NAME_RULES_H_

#include <cstddef>
#include <string_view>

#include "numerals/numeral_parser.h"

namespace aidtext::numerals {

// When the numeral `m` of `text` is part of a name or a marker: the byte
// where the whole name / marker ends (the recognizer continues there); else 0.
size_t skip_name_or_marker(std::string_view text, const NumeralMatch& m);

// True when [begin, end) stands right after an opening quote and a closing
// quote follows within four Han characters: “三个落实”.
bool quoted_phrase(std::string_view text, size_t begin, size_t end);

}  // namespace aidtext::numerals

#endif  // AIDTEXT_NUMERALS_NAME_RULES_H_
