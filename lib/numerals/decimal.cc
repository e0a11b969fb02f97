// STUB: replaced by the real implementation.
#include "numerals/decimal.h"
#include <cmath>
namespace aidtext {
std::optional<Decimal> Decimal::parse(std::string_view) { return std::nullopt; }
std::optional<Decimal> Decimal::add(const Decimal&) const { return std::nullopt; }
std::optional<Decimal> Decimal::mul(const Decimal&) const { return std::nullopt; }
std::optional<Decimal> Decimal::scale10(int32_t) const { return std::nullopt; }
bool Decimal::is_integer() const { return exponent_ >= 0; }
std::string Decimal::to_string() const { return std::to_string(mantissa_) + "e" + std::to_string(exponent_); }
double Decimal::to_double() const { return static_cast<double>(mantissa_) * std::pow(10.0, exponent_); }
Decimal Decimal::normalized() const { return *this; }
bool operator==(const Decimal& a, const Decimal& b) { return a.mantissa_ == b.mantissa_ && a.exponent_ == b.exponent_; }
bool operator<(const Decimal& a, const Decimal& b) { return a.to_double() < b.to_double(); }
}  // namespace aidtext
