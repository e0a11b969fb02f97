// Exact decimal arithmetic on mantissa x 10^exponent (see decimal.h).
#include "numerals/decimal.h"

#include <cmath>
#include <cstdlib>

namespace aidtext {
namespace {

// 10^0 .. 10^18: every power that fits in int64_t.
constexpr int64_t kPow10[] = {1LL,
                              10LL,
                              100LL,
                              1000LL,
                              10000LL,
                              100000LL,
                              1000000LL,
                              10000000LL,
                              100000000LL,
                              1000000000LL,
                              10000000000LL,
                              100000000000LL,
                              1000000000000LL,
                              10000000000000LL,
                              100000000000000LL,
                              1000000000000000LL,
                              10000000000000000LL,
                              100000000000000000LL,
                              1000000000000000000LL};
constexpr int kMaxPow10 = 18;

// Exponents beyond this are refused: no numeral in text needs them, and the
// bound keeps every exponent sum far from int32 overflow.
constexpr int32_t kMaxExponent = 300;

bool exponent_ok(int64_t e) { return e >= -kMaxExponent && e <= kMaxExponent; }

// At most 18 significant digits (as parse() promises): |m| < 10^18.
std::optional<Decimal> checked(int64_t m, int64_t e) {
  while (m != 0 && m % 10 == 0 && e < kMaxExponent) {
    m /= 10;
    ++e;
  }
  if (m >= kPow10[18] || m <= -kPow10[18] || !exponent_ok(e)) return std::nullopt;
  return Decimal(m, static_cast<int32_t>(e));
}

// m x 10^k in int64, or nullopt on overflow.
std::optional<int64_t> times_pow10(int64_t m, int k) {
  if (m == 0) return 0;
  if (k > kMaxPow10) return std::nullopt;
  int64_t out;
  if (__builtin_mul_overflow(m, kPow10[k], &out)) return std::nullopt;
  return out;
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view s) {
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    negative = s[i] == '-';
    ++i;
  }
  // Significant digits are gathered without leading zeros; trailing zeros of
  // the integer part are counted separately so that 10^20 still fits.
  int64_t mantissa = 0;
  int significant = 0;
  int64_t exponent = 0;
  int64_t pending_zeros = 0;  // zeros seen after the last nonzero digit
  bool any_digit = false, seen_point = false, last_was_digit = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      any_digit = true;
      last_was_digit = true;
      if (seen_point) --exponent;
      if (c == '0') {
        if (significant > 0) ++pending_zeros;
        continue;
      }
      // Flush the zeros that turned out to be inside the number.
      if (significant + pending_zeros + 1 > kMaxPow10) return std::nullopt;
      auto widened = times_pow10(mantissa, static_cast<int>(pending_zeros) + 1);
      if (!widened) return std::nullopt;
      mantissa = *widened + (c - '0');
      significant += static_cast<int>(pending_zeros) + 1;
      pending_zeros = 0;
    } else if (c == ',') {
      // Thousands separator: only between digits of the integer part.
      if (!last_was_digit || seen_point || i + 1 >= s.size() || s[i + 1] < '0' || s[i + 1] > '9') return std::nullopt;
      last_was_digit = false;
    } else if (c == '.') {
      if (seen_point) return std::nullopt;
      seen_point = true;
      last_was_digit = false;
    } else if (c == 'e' || c == 'E') {
      if (!any_digit) return std::nullopt;
      size_t j = i + 1;
      bool eneg = false;
      if (j < s.size() && (s[j] == '-' || s[j] == '+')) eneg = s[j++] == '-';
      if (j >= s.size()) return std::nullopt;
      int64_t e = 0;
      for (; j < s.size(); ++j) {
        if (s[j] < '0' || s[j] > '9') return std::nullopt;
        e = e * 10 + (s[j] - '0');
        if (e > 100000) return std::nullopt;
      }
      exponent += eneg ? -e : e;
      break;
    } else {
      return std::nullopt;
    }
  }
  if (!any_digit) return std::nullopt;
  // Zeros after the last nonzero digit: 1200 -> 12 x 10^2; 1.200 -> 12 x 10^-1.
  exponent += pending_zeros;
  if (mantissa == 0) exponent = 0;
  if (!exponent_ok(exponent)) return std::nullopt;
  return Decimal(negative ? -mantissa : mantissa, static_cast<int32_t>(exponent));
}

std::optional<Decimal> Decimal::add(const Decimal& o) const {
  if (mantissa_ == 0) return o;
  if (o.mantissa_ == 0) return *this;
  const Decimal& hi = exponent_ >= o.exponent_ ? *this : o;  // larger exponent
  const Decimal& lo = exponent_ >= o.exponent_ ? o : *this;
  auto aligned = times_pow10(hi.mantissa_, hi.exponent_ - lo.exponent_);
  if (!aligned) return std::nullopt;
  int64_t sum;
  if (__builtin_add_overflow(*aligned, lo.mantissa_, &sum)) return std::nullopt;
  return checked(sum, lo.exponent_);
}

std::optional<Decimal> Decimal::mul(const Decimal& o) const {
  if (mantissa_ == 0 || o.mantissa_ == 0) return Decimal(0, 0);
  Decimal a = normalized(), b = o.normalized();
  int64_t m;
  if (__builtin_mul_overflow(a.mantissa_, b.mantissa_, &m)) return std::nullopt;
  return checked(m, int64_t{a.exponent_} + b.exponent_);
}

std::optional<Decimal> Decimal::scale10(int32_t power) const {
  if (mantissa_ == 0) return *this;
  int64_t e = int64_t{exponent_} + power;
  if (!exponent_ok(e)) return std::nullopt;
  return Decimal(mantissa_, static_cast<int32_t>(e));
}

std::optional<Decimal> Decimal::div(const Decimal& o, int digits, bool* exact) const {
  if (exact) *exact = true;
  if (o.mantissa_ == 0) return std::nullopt;
  if (mantissa_ == 0) return Decimal(0, 0);
  if (digits < 1) digits = 1;
  if (digits > kMaxPow10) digits = kMaxPow10;
  Decimal a = normalized(), b = o.normalized();
  bool negative = (a.mantissa_ < 0) != (b.mantissa_ < 0);
  // Long division on magnitudes (unsigned 128 bit: no overflow for 18-digit operands).
  auto magnitude = [](int64_t m) -> unsigned __int128 {
    return m < 0 ? 0 - static_cast<uint64_t>(m) : static_cast<uint64_t>(m);
  };
  unsigned __int128 num = magnitude(a.mantissa_);
  const unsigned __int128 den = magnitude(b.mantissa_);
  int64_t exponent = int64_t{a.exponent_} - b.exponent_;
  unsigned __int128 q = num / den, r = num % den;
  // Add fractional digits until exact or until `digits` significant digits.
  auto count_digits = [](unsigned __int128 v) {
    int n = 0;
    while (v > 0) { v /= 10; ++n; }
    return n;
  };
  while (r != 0 && count_digits(q) < digits) {
    r *= 10;
    q = q * 10 + r / den;
    r %= den;
    --exponent;
  }
  if (r != 0) {
    if (exact) *exact = false;
    if (r * 2 >= den) ++q;  // round half up
  }
  while (count_digits(q) > kMaxPow10) {  // keep it in int64 range
    if (exact && q % 10 != 0) *exact = false;
    q /= 10;
    ++exponent;
  }
  if (!exponent_ok(exponent)) return std::nullopt;
  int64_t m = static_cast<int64_t>(q);
  return Decimal(negative ? -m : m, static_cast<int32_t>(exponent)).normalized();
}

bool Decimal::is_integer() const {
  if (exponent_ >= 0 || mantissa_ == 0) return true;
  return normalized().exponent_ >= 0;
}

std::string Decimal::to_string() const {
  Decimal n = normalized();
  if (n.mantissa_ == 0) return "0";
  bool negative = n.mantissa_ < 0;
  // Magnitude as digits (int64 min has no positive counterpart: go unsigned).
  uint64_t mag = negative ? 0 - static_cast<uint64_t>(n.mantissa_) : static_cast<uint64_t>(n.mantissa_);
  std::string digits = std::to_string(mag);
  std::string out = negative ? "-" : "";
  if (n.exponent_ >= 0) {
    out += digits;
    out.append(static_cast<size_t>(n.exponent_), '0');
    return out;
  }
  size_t frac = static_cast<size_t>(-int64_t{n.exponent_});
  if (digits.size() > frac) {
    out += digits.substr(0, digits.size() - frac);
    out += '.';
    out += digits.substr(digits.size() - frac);
  } else {
    out += "0.";
    out.append(frac - digits.size(), '0');
    out += digits;
  }
  return out;
}

double Decimal::to_double() const {
  // strtod of the exact text rounds once, correctly (no pow() error).
  std::string s = std::to_string(mantissa_) + "e" + std::to_string(exponent_);
  return std::strtod(s.c_str(), nullptr);
}

Decimal Decimal::normalized() const {
  if (mantissa_ == 0) return Decimal(0, 0);
  int64_t m = mantissa_;
  int32_t e = exponent_;
  while (m % 10 == 0 && e < kMaxExponent) {
    m /= 10;
    ++e;
  }
  return Decimal(m, e);
}

bool operator==(const Decimal& a, const Decimal& b) {
  // One exponent: the mantissas decide (the common case: integers).
  if (a.exponent_ == b.exponent_) return a.mantissa_ == b.mantissa_;
  Decimal x = a.normalized(), y = b.normalized();
  return x.mantissa_ == y.mantissa_ && x.exponent_ == y.exponent_;
}

bool operator<(const Decimal& a, const Decimal& b) {
  // One exponent: the mantissas decide (the common case: an integer against
  // a constant such as Decimal(3000)); the general case normalizes both.
  if (a.exponent_ == b.exponent_) return a.mantissa_ < b.mantissa_;
  if ((a.mantissa_ < 0) != (b.mantissa_ < 0)) return a.mantissa_ < 0;
  if (a.mantissa_ == 0 || b.mantissa_ == 0) return a.mantissa_ < b.mantissa_;
  // Same sign, both nonzero: compare magnitudes by number of digits first.
  Decimal x = a.normalized(), y = b.normalized();
  bool negative = x.mantissa_ < 0;
  auto digits = [](int64_t m) {
    int n = 0;
    uint64_t v = m < 0 ? 0 - static_cast<uint64_t>(m) : static_cast<uint64_t>(m);
    while (v > 0) { v /= 10; ++n; }
    return n;
  };
  int64_t mx = int64_t{digits(x.mantissa_)} + x.exponent_;  // order of magnitude
  int64_t my = int64_t{digits(y.mantissa_)} + y.exponent_;
  bool mag_less;
  if (mx != my) {
    mag_less = mx < my;
  } else {
    // Same magnitude: align exponents (the difference is at most 18 digits).
    __int128 vx = x.mantissa_ < 0 ? -static_cast<__int128>(x.mantissa_) : x.mantissa_;
    __int128 vy = y.mantissa_ < 0 ? -static_cast<__int128>(y.mantissa_) : y.mantissa_;
    int32_t ex = x.exponent_, ey = y.exponent_;
    while (ex > ey) { vx *= 10; --ex; }
    while (ey > ex) { vy *= 10; --ey; }
    if (vx == vy) return false;
    mag_less = vx < vy;
  }
  return negative ? !mag_less : mag_less;
}

}  // namespace aidtext
