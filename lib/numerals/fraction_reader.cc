// Fractions in running text (see fraction_reader.h).
#include "numerals/fraction_reader.h"

#include "numerals/char_context.h"

namespace aidtext::numerals {
namespace {

// N分之M starting with the denominator `den` (spaces allowed around 分之).
std::optional<Fraction> fenzhi(std::string_view text, const NumeralMatch& den) {
  if (den.value_high || den.value.is_zero()) return std::nullopt;
  size_t e = spaced_word(text, den.end, "分之");
  if (!e) return std::nullopt;
  while (e < text.size() && text[e] == ' ') ++e;
  auto num = scan_numeral(text, e, recognizer_scan_options());
  if (!num || num->error != NumeralError::kNone || num->value_high) return std::nullopt;
  // 百分之 / 百万分之: a denominator written with unit characters only is a percent.
  bool bare_power = den.chinese_digits == 0 && !den.has_arabic && den.value.normalized().mantissa() == 1 &&
                    !den.negative;
  Fraction f;
  f.end = num->end;
  if (bare_power) {
    auto v = num->value.mul(Decimal(100));
    auto p = v ? v->div(den.value, 15) : std::nullopt;
    if (!p) return std::nullopt;
    f.value = *p;
    f.percent = true;
    return f;
  }
  auto v = num->value.div(den.value, 15);
  if (!v) return std::nullopt;
  f.value = *v;
  f.numerator = num->value;
  f.denominator = den.value;
  return f;
}

// a/b with Arabic integers (3/5, -3/2), not a date (7/14/2020 is refused).
std::optional<Fraction> slash(std::string_view text, const NumeralMatch& a) {
  if (!a.has_arabic || a.has_chinese || a.has_point || a.has_unit || !starts_with_at(text, a.end, "/")) return std::nullopt;
  ScanOptions o = recognizer_scan_options();
  o.allow_sign = false;
  o.allow_spaces = false;
  auto b = scan_numeral(text, a.end + 1, o);
  if (!b || b->error != NumeralError::kNone || b->has_chinese || b->has_point || b->value.is_zero()) return std::nullopt;
  if (starts_with_at(text, b->end, "/")) return std::nullopt;
  auto v = a.value.div(b->value, 15);
  if (!v) return std::nullopt;
  return Fraction{*v, b->end, false, a.value, b->value};
}

}  // namespace

// A fraction starting with `m`: N分之M, a/b, or a mixed number m 又 N分之M / m a/b.
std::optional<Fraction> read_fraction(std::string_view text, const NumeralMatch& m) {
  // Every form starts right after the numeral with a space, '/', or 分 / 又
  // (both lead byte E5): nothing else is tried for the others (三个, 5万元).
  if (m.end >= text.size()) return std::nullopt;
  if (const char b = text[m.end]; b != ' ' && b != '/' && static_cast<unsigned char>(b) != 0xE5) return std::nullopt;
  if (auto f = fenzhi(text, m)) return f;
  if (auto f = slash(text, m)) return f;
  // Mixed numbers: 三百五十又三分之一, 1 3/5.
  size_t p = m.end;
  size_t you = spaced_word(text, p, "又");
  bool spaced_arabic = !you && m.has_arabic && !m.has_chinese && starts_with_at(text, p, " ");
  if (!you && !spaced_arabic) return std::nullopt;
  if (!m.value.is_integer() || m.value_high) return std::nullopt;
  size_t q = you ? you : p;
  while (q < text.size() && text[q] == ' ') ++q;
  auto den = scan_numeral(text, q, recognizer_scan_options());
  if (!den || den->error != NumeralError::kNone) return std::nullopt;
  auto f = spaced_arabic ? slash(text, *den) : fenzhi(text, *den);
  if (!f || f->percent) return std::nullopt;
  // (whole x den + num) / den, rounded once to 15 significant digits.
  Decimal num = f->numerator;
  if (m.negative) num = Decimal(-num.mantissa(), num.exponent());
  auto whole = m.value.mul(f->denominator);
  auto top = whole ? whole->add(num) : std::nullopt;
  auto v = top ? top->div(f->denominator, 15) : std::nullopt;
  if (!v) return std::nullopt;
  f->value = *v;
  return f;
}

}  // namespace aidtext::numerals
