// Decimal: an exact decimal number, mantissa x 10^exponent. Numerals are
// resolved with it so that 0.81万 is 8100, never 8099.999...
#ifndef AIDTEXT_NUMERALS_DECIMAL_H_
#define AIDTEXT_NUMERALS_DECIMAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aidtext {

class Decimal {
 public:
  constexpr Decimal() = default;
  constexpr Decimal(int64_t mantissa, int32_t exponent = 0) : mantissa_(mantissa), exponent_(exponent) {}

  // Parses ASCII "123", "-0.81", "2,800", "1e3"; nullopt when malformed or
  // out of range (more than 18 significant digits, or |exponent| > 300).
  static std::optional<Decimal> parse(std::string_view ascii);

  // Arithmetic that refuses to lose precision: nullopt on overflow.
  std::optional<Decimal> add(const Decimal& o) const;
  std::optional<Decimal> mul(const Decimal& o) const;
  std::optional<Decimal> scale10(int32_t power) const;  // x 10^power
  // this / o, exact when the quotient terminates within `digits` significant
  // digits (then *exact = true), else rounded half up to `digits` digits with
  // *exact = false (1/3 -> 0.333333333333333). nullopt on division by zero.
  std::optional<Decimal> div(const Decimal& o, int digits = 15, bool* exact = nullptr) const;

  int64_t mantissa() const { return mantissa_; }
  int32_t exponent() const { return exponent_; }
  bool is_zero() const { return mantissa_ == 0; }
  bool is_integer() const;
  // Exact plain decimal text: "8100", "0.5", "-3", "560000000", no exponent.
  std::string to_string() const;
  double to_double() const;
  // Removes trailing zeros of the mantissa (8100 = 81 x 10^2).
  Decimal normalized() const;
  friend bool operator==(const Decimal& a, const Decimal& b);
  friend bool operator<(const Decimal& a, const Decimal& b);

 private:
  int64_t mantissa_ = 0;
  int32_t exponent_ = 0;
};

}  // namespace aidtext

#endif  // AIDTEXT_NUMERALS_DECIMAL_H_
