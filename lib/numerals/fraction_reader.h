// Fractions in running text: N分之M (三分之一, spaces allowed: 五 分之 一),
// a bare power of ten below as a percent (百万分之五 = 0.0005 %), a/b with
// Arabic integers (3/5), and mixed numbers (三百五十又三分之一, 1 3/5).
// Values are exact when the quotient terminates, else rounded to 15
// significant digits (1/3 -> 0.333333333333333).
#ifndef AIDTEXT_NUMERALS_FRACTION_READER_H_
#define AIDTEXT_NUMERALS_FRACTION_READER_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "numerals/decimal.h"
#include "numerals/numeral_parser.h"

namespace aidtext::numerals {

struct Fraction {
  Decimal value;
  size_t end = 0;
  bool percent = false;  // a bare power of ten below: 百万分之五 = 0.0005 %
  Decimal numerator, denominator;
};

// The fraction that starts with the numeral `m` of `text`, if any.
std::optional<Fraction> read_fraction(std::string_view text, const NumeralMatch& m);

}  // namespace aidtext::numerals

#endif  // AIDTEXT_NUMERALS_FRACTION_READER_H_
