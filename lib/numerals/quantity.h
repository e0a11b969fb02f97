// Quantity: one numeric expression found in normalized text (spec: quantities.md).
#ifndef AIDTEXT_NUMERALS_QUANTITY_H_
#define AIDTEXT_NUMERALS_QUANTITY_H_

#include <optional>
#include <string>

#include "core/range.h"
#include "numerals/decimal.h"
#include "numerals/numeral_parser.h"

namespace aidtext {

enum class QuantityKind { kQuantity, kDate, kOrdinal };
enum class Approx { kNone, kOver, kAbout, kUnder };

const char* to_string(QuantityKind k);  // "quantity", "date", "ordinal"
const char* to_string(Approx a);        // nullptr for kNone, else "over", "about", "under"
// The record's error marker: nullptr for kNone, else "out_of_range",
// "malformed", "empty" (the identifier written to JSON, CSV and the C ABI).
const char* error_id(NumeralError e);

struct Quantity {
  QuantityKind kind = QuantityKind::kQuantity;
  Range span;                  // bytes of the whole expression in the NORMALIZED text
  Decimal value;               // exact, unit-scaled (0.81万户 -> 8100; 9.05% -> 9.05)
  std::optional<Decimal> value_high;  // ranges: 3至5万元 -> 30000..50000
  std::string unit;            // canonical id ("CNY", "person", "household", "percent", "count", ...; "" none;
                               // the full list is in recognizer.h)
  std::string classifier;      // counting classifier kept for unit "count" ("个", "项", ...)
  Approx approx = Approx::kNone;
  std::string date;            // dates: ISO-like "2018", "2018-12", "2017-05-22T14:50"; without a year
                               // "--05-28" (month-day), "--05", "---28", "T14:50" (ISO 8601 truncated)
  bool relative_date = false;  // 今年/去年: `date` is empty; `date_offset` years from the document's
  int date_offset = 0;
  bool date_end_of_period = false;  // 2018年底 (the end of the period)
  Range number;                // bytes of the numeral(s) alone: no approximation word, no unit
                               // (约200万元 -> 200万; 3至5万元 -> 3至5万)
  // kOutOfRange: the expression is there (span, unit, approximation are
  // right) but its number cannot be held exactly (Decimal: more than 18
  // significant digits or |exponent| > 300), so it has NO value: `value` is
  // 0 and `value_high` empty, and writers print a null value with the error.
  // Such a record is never a metric. kNone for every other record.
  NumeralError error = NumeralError::kNone;
  // The expression (`span`) overlaps a character the mojibake repairer
  // guessed from context (Repair::guessed: its bytes were lost) or a number
  // cut by a lost character (numerals/cut_numbers.h), so its value may be
  // wrong (a guessed 万 or numeral, 200人 of 1�200人). Set by
  // Engine::quantities(); the recognizer alone leaves it false.
  bool guessed = false;
  // The numeral belongs to a number cut by a lost character
  // (numerals/cut_numbers.h); `guessed` is then set too. Set by
  // Engine::quantities(), for extract_metrics() to flag the records read
  // from such figures; the recognizer alone leaves it false.
  bool cut = false;
  bool has_value() const { return error == NumeralError::kNone; }
};

}  // namespace aidtext

#endif  // AIDTEXT_NUMERALS_QUANTITY_H_
