// Fuzz target: the quantity recognizer over valid UTF-8 (its contract: it
// reads normalized text), the numeral parser (whole-string parse_numeral()
// in its three modes, and scan_numeral() at the start of each character),
// and the exact Decimal parser and arithmetic every value goes through.
// The first byte picks which: 0 and 3 the recognizer, 1 Decimal, 2 numerals.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/utf8.h"
#include "fuzz_checks.h"
#include "fuzz_input.h"
#include "numerals/decimal.h"
#include "numerals/numeral_parser.h"
#include "numerals/recognizer.h"

namespace {

// Exactness: an operation either refuses (nullopt) or gives a value that
// reads back as itself.
void check_decimal_round_trip(const aidtext::Decimal& d) {
  std::string s = d.to_string();
  AIDTEXT_FUZZ_CHECK(!s.empty());
  std::optional<aidtext::Decimal> back = aidtext::Decimal::parse(s);
  // to_string() of a value with up to 18 significant digits parses back,
  // unless plain notation needs more than the parser takes (huge exponents).
  if (back) AIDTEXT_FUZZ_CHECK(back->normalized() == d.normalized());
}

void fuzz_decimal(aidtext::fuzz::FuzzInput& in) {
  std::optional<aidtext::Decimal> a = aidtext::Decimal::parse(in.short_string(40));
  std::optional<aidtext::Decimal> b = aidtext::Decimal::parse(in.short_string(40));
  if (a) check_decimal_round_trip(*a);
  if (a && b) {
    if (auto sum = a->add(*b)) check_decimal_round_trip(*sum);
    if (auto product = a->mul(*b)) check_decimal_round_trip(*product);
  }
  if (a) {
    int32_t power = static_cast<int32_t>(in.u32());
    if (auto scaled = a->scale10(power % 400)) check_decimal_round_trip(*scaled);
  }
}

void fuzz_numeral_parser(aidtext::fuzz::FuzzInput& in) {
  std::string text = aidtext::fuzz::to_valid_utf8(in.rest());
  for (auto mode : {aidtext::NumeralMode::kStrict, aidtext::NumeralMode::kNormal,
                    aidtext::NumeralMode::kSmart}) {
    aidtext::ParsedNumeral p = aidtext::parse_numeral(text, mode);
    if (p.ok()) check_decimal_round_trip(p.value);
    if (p.ok() && p.value_high) check_decimal_round_trip(*p.value_high);
  }
  // A scan from each of the first 64 characters: scanning every one of a
  // long input would make each run quadratic for nothing.
  size_t starts = 0;
  for (size_t pos = 0; pos < text.size() && starts < 64; ++pos) {
    if (!aidtext::fuzz::is_char_boundary(text, pos)) continue;
    ++starts;
    std::optional<aidtext::NumeralMatch> m = aidtext::scan_numeral(text, pos);
    if (!m) continue;
    AIDTEXT_FUZZ_CHECK(m->begin == pos);
    AIDTEXT_FUZZ_CHECK(m->end > m->begin && m->end <= text.size());
    AIDTEXT_FUZZ_CHECK(aidtext::fuzz::is_char_boundary(text, m->end));
    if (m->error == aidtext::NumeralError::kNone) check_decimal_round_trip(m->value);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  aidtext::fuzz::FuzzInput in(data, size);
  switch (in.byte() % 4) {
    case 1: fuzz_decimal(in); return 0;
    case 2: fuzz_numeral_parser(in); return 0;
    default: break;
  }
  std::string text = aidtext::fuzz::to_valid_utf8(in.rest());
  std::vector<aidtext::Quantity> qs = aidtext::recognize_quantities(text);
  aidtext::fuzz::check_quantities(text, qs);
  for (const aidtext::Quantity& q : qs) check_decimal_round_trip(q.value);
  return 0;
}
