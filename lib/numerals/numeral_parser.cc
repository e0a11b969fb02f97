// The numeral parser (see numeral_parser.h): a token reader and a small state
// machine that accepts one token at a time or refuses it, so the longest
// valid numeral is always the state before the first refused token.
#include "numerals/numeral_parser.h"

#include <utility>

#include "core/utf8.h"
#include "numerals/char_context.h"
#include "numerals/numeral_chars.h"

namespace aidtext {

const char* to_string(NumeralError e) {
  switch (e) {
    case NumeralError::kNone: return "ok";
    case NumeralError::kEmpty: return "empty";
    case NumeralError::kMalformed: return "malformed";
    case NumeralError::kOutOfRange: return "out of range";
  }
  return "?";
}

namespace {

using numerals::classify_numeral_char;
using numerals::NumChar;
using numerals::NumCharKind;

// An Arabic number longer than this is not a count of anything; the token is
// still consumed whole (so the span is right) but its value is out of range.
constexpr size_t kMaxArabicChars = 64;
// 万/亿/兆 groups in one numeral. Real numerals have at most three
// (五兆六十二亿四万); more are refused rather than tracked.
constexpr int kMaxTerms = 6;

struct Token {
  enum Kind : uint8_t { kNone, kDigit, kSmallUnit, kBigUnit, kTens, kPoint, kNegative, kApprox, kArabic, kSign };
  Kind kind = kNone;
  int8_t value = 0;        // digit value, or power of ten of a unit
  bool is_two = false;     // 两
  bool is_ling = false;    // 零 / 〇
  bool is_circle = false;  // 〇 (refused in strict mode)
  bool negative = false;   // kSign: '-'
  // kArabic:
  Decimal number;
  bool plain_digits = false;  // only digits: usable as decimal places after 点
  bool fractional = false;    // had a decimal point
  bool out_of_range = false;
  bool letter_scaled = false; // k / w suffix
  int digits = 0;             // digits in the integer part
  size_t begin = 0, end = 0;
};

bool is_ascii_digit_at(std::string_view s, size_t i, int* len, int* value) {
  if (i >= s.size()) return false;
  unsigned char b = static_cast<unsigned char>(s[i]);
  if (b >= '0' && b <= '9') {
    *len = 1;
    *value = b - '0';
    return true;
  }
  if (b == 0xEF && i + 2 < s.size()) {  // ０-９ = EF BC 90 .. EF BC 99
    unsigned char b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
    if (b1 == 0xBC && b2 >= 0x90 && b2 <= 0x99) {
      *len = 3;
      *value = b2 - 0x90;
      return true;
    }
  }
  return false;
}

// '.' or '．'; ',' or '，'.
int match_ascii_or_fullwidth(std::string_view s, size_t i, char ascii, char32_t wide) {
  if (i < s.size() && s[i] == ascii) return 1;
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xEF) {
    int len;
    if (utf8::decode(s, i, &len) == wide) return len;
  }
  return 0;
}

bool is_ascii_letter(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  char c = s[i];
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

size_t skip_spaces(std::string_view s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

// Reads an Arabic number at i: digits, thousands separators (followed by
// exactly three digits), one decimal point, optional exponent and k/w suffix.
Token read_arabic(std::string_view s, size_t i, const ScanOptions& opt) {
  Token t;
  t.kind = Token::kArabic;
  t.begin = i;
  char buf[kMaxArabicChars + 1];
  size_t n = 0;
  bool overflow = false, point = false;
  auto push = [&](char c) {
    if (n < kMaxArabicChars) buf[n++] = c; else overflow = true;
  };
  int len, v;
  bool separators = true;
  while (true) {
    if (is_ascii_digit_at(s, i, &len, &v)) {
      push(static_cast<char>('0' + v));
      if (!point) ++t.digits;
      i += len;
      continue;
    }
    int sep = match_ascii_or_fullwidth(s, i, ',', U'，');
    if (sep && !point && separators) {
      // Exactly three digits must follow, then a non-digit.
      size_t j = i + sep;
      int count = 0;
      while (count < 4 && is_ascii_digit_at(s, j, &len, &v)) { j += len; ++count; }
      if (count == 3) { i += sep; continue; }
      break;
    }
    int dot = match_ascii_or_fullwidth(s, i, '.', U'．');
    if (dot && !point && opt.allow_point && is_ascii_digit_at(s, i + dot, &len, &v)) {
      point = true;
      push('.');
      i += dot;
      continue;
    }
    break;
  }
  t.plain_digits = !point && n == static_cast<size_t>(t.digits) && (i - t.begin) == n;
  t.fractional = point;
  // Exponent: 2e5, 12.32e+14, 2.7890e-1 (only when no letter follows).
  if (opt.allow_exponent && i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    std::string_view sign;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
    int mlen = 0;
    if (j < s.size() && static_cast<unsigned char>(s[j]) == 0xEF && utf8::decode(s, j, &mlen) == U'－') j += mlen;
    size_t digits_begin = j;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9' && j - digits_begin < 4) ++j;
    if (j > digits_begin && !is_ascii_letter(s, j) && !(j < s.size() && s[j] >= '0' && s[j] <= '9')) {
      push('e');
      bool neg = (s[i + 1] == '-') || (mlen > 0);
      if (neg) push('-');
      for (size_t k = digits_begin; k < j; ++k) push(s[k]);
      i = j;
      t.plain_digits = false;
    }
  }
  t.end = i;
  auto value = overflow ? std::nullopt : Decimal::parse(std::string_view(buf, n));
  if (!value) {
    t.out_of_range = true;
    value = Decimal(0);
  }
  // Letter scales: 15k = 15000, 30w = 300000 (not 5km, not 3kg).
  if (opt.allow_letter_scales && i < s.size() && !is_ascii_letter(s, i + 1)) {
    int power = (s[i] == 'k' || s[i] == 'K') ? 3 : (s[i] == 'w' || s[i] == 'W') ? 4 : 0;
    if (power) {
      auto scaled = value->scale10(power);
      if (scaled) value = scaled;
      t.end = i + 1;
      t.plain_digits = false;
      t.letter_scaled = true;
    }
  }
  t.number = *value;
  return t;
}

Token read_token(std::string_view s, size_t i, const ScanOptions& opt) {
  Token t;
  if (i >= s.size()) return t;
  int len, v;
  if (is_ascii_digit_at(s, i, &len, &v)) return read_arabic(s, i, opt);
  unsigned char b = static_cast<unsigned char>(s[i]);
  if (b == '.' && opt.allow_point && is_ascii_digit_at(s, i + 1, &len, &v)) return read_arabic(s, i, opt);  // .5
  if (b == '-' || b == '+') {
    t.kind = Token::kSign;
    t.negative = b == '-';
    t.begin = i;
    t.end = i + 1;
    return t;
  }
  if (b < 0xE0) return t;  // every numeral character is 3 bytes in UTF-8
  char32_t c = numerals::decode_at(s, i, &len);
  if (c == U'－' || c == U'＋') {
    t.kind = Token::kSign;
    t.negative = c == U'－';
    t.begin = i;
    t.end = i + len;
    return t;
  }
  NumChar nc = classify_numeral_char(c);
  t.begin = i;
  t.end = i + len;
  t.value = static_cast<int8_t>(nc.value);
  switch (nc.kind) {
    case NumCharKind::kDigit:
      t.kind = Token::kDigit;
      t.is_two = nc.is_two;
      t.is_ling = nc.is_zero_char;
      t.is_circle = c == U'〇';
      break;
    case NumCharKind::kSmallUnit: t.kind = Token::kSmallUnit; break;
    case NumCharKind::kBigUnit: t.kind = Token::kBigUnit; break;
    case NumCharKind::kTens: t.kind = Token::kTens; break;
    case NumCharKind::kPoint: t.kind = Token::kPoint; break;
    case NumCharKind::kNegative: t.kind = Token::kNegative; break;
    case NumCharKind::kApprox: t.kind = Token::kApprox; break;
    default: t.kind = Token::kNone; break;
  }
  return t;
}

// Everything the parser knows after the tokens accepted so far.
struct State {
  Decimal terms[kMaxTerms];  // closed 万/亿/兆 groups, powers strictly decreasing
  int8_t term_power[kMaxTerms] = {};
  int nterms = 0;
  Decimal section;  // the group being built (below the next 万/亿)
  bool section_set = false;
  Decimal pending;  // a digit (or Arabic number) not yet given a unit
  bool has_pending = false;
  bool pending_single_cn = false;  // one Chinese digit: may take an omitted unit (三万五)
  bool pending_fractional = false;
  // Chinese digits before any unit: a digit-by-digit reading or a pair.
  int lead_count = 0;
  Decimal lead_value;
  int8_t lead_first = 0, lead_second = 0;
  bool lead_has_two = false;
  int8_t last_small = 0;  // power of the last small unit of this group (0 none)
  int8_t last_unit = 0;   // power of the last unit token (0 none)
  bool last_token_big = false;
  bool zero_gap = false;  // 零 since the last unit
  int8_t zero_after = 0;  // power of the unit before that 零
  bool any_unit = false;
  bool any_value = false;
  bool negative = false;
  bool sign_seen = false;
  bool frozen = false;  // a fractional number was scaled (10.1万): nothing lower may follow
  bool in_fraction = false;
  Decimal fraction;  // decimal places as an integer
  int fraction_digits = 0;
  int8_t last_fraction_digit = 0;
  int8_t fraction_scale = 0;  // 三点五万: power applied after the fraction
  bool range = false;
  int8_t range_low = 0, range_high = 0;
  bool approx = false;
  bool need_wan = false;    // strict: after 亿 without 零 the next group must end in 万
  int8_t expect_small = 0;  // strict: the next small unit must be this one (0 any)
  bool strict_violation = false;
  bool arabic_violation = false;  // Arabic digits outside smart mode
  bool out_of_range = false;
  bool has_chinese = false, has_arabic = false, has_point = false, ends_with_unit = false;
  bool letter_scaled = false;
  int chinese_digits = 0, arabic_digits = 0;
  int8_t max_big = 0;
};

bool has_any_value(const State& st) {
  return st.has_pending || st.section_set || st.nterms > 0 || st.lead_count > 0;
}

void set_overflow(State& st) { st.out_of_range = true; }

Decimal add_or_flag(State& st, const Decimal& a, const Decimal& b) {
  auto r = a.add(b);
  if (!r) { set_overflow(st); return a; }
  return *r;
}
Decimal scale_or_flag(State& st, const Decimal& a, int power) {
  auto r = a.scale10(power);
  if (!r) { set_overflow(st); return a; }
  return *r;
}

// The pending digit with an omitted trailing unit applied (三万五 -> 5000).
// Before a 万/亿 (before_big), only a small unit can be omitted: 一千五万 =
// 1500万, but 六十二亿四万 is 62亿 + 4万.
Decimal resolved_pending(State& st, bool strict, bool before_big = false) {
  if (!st.has_pending) return Decimal(0);
  if (st.pending_single_cn && !st.zero_gap && st.last_unit >= 2 && !(before_big && st.last_unit >= 4)) {
    if (strict) st.strict_violation = true;
    return scale_or_flag(st, st.pending, st.last_unit - 1);
  }
  if (strict && !before_big && st.any_unit && !st.zero_gap && st.last_small != 1 && st.pending_single_cn)
    st.strict_violation = true;
  return st.pending;
}

bool accept_digit(State& st, const Token& t, bool strict) {
  st.has_chinese = true;
  if (st.in_fraction) {
    if (t.is_two) return false;  // 两百点两: 两 is not a decimal place
    if (st.fraction_scale) return false;
    if (st.fraction_digits >= 18) { set_overflow(st); return true; }
    st.fraction = add_or_flag(st, scale_or_flag(st, st.fraction, 1), Decimal(t.value));
    ++st.fraction_digits;
    st.last_fraction_digit = t.value;
    ++st.chinese_digits;
    st.ends_with_unit = false;
    return true;
  }
  if (st.frozen || st.range) return false;
  if (!st.any_unit) {
    if (st.has_pending && !st.pending_single_cn) return false;  // Arabic then a Chinese digit
    if (st.lead_count >= 1 && strict) st.strict_violation = true;
    if (st.lead_count == 0) st.lead_first = t.value; else if (st.lead_count == 1) st.lead_second = t.value;
    if (st.lead_count >= 18) { set_overflow(st); }
    else st.lead_value = add_or_flag(st, scale_or_flag(st, st.lead_value, 1), Decimal(t.value));
    ++st.lead_count;
    st.lead_has_two |= t.is_two;
    if (strict && t.is_circle) st.strict_violation = true;
    st.pending = Decimal(t.value);
    st.has_pending = true;
    st.pending_single_cn = true;
    st.any_value = true;
    ++st.chinese_digits;
    st.ends_with_unit = false;
    return true;
  }
  if (st.has_pending) return false;  // 一百一一
  ++st.chinese_digits;
  st.ends_with_unit = false;
  if (t.is_ling) {
    if (strict && (st.zero_gap || t.is_circle)) st.strict_violation = true;
    if (!st.zero_gap) st.zero_after = st.last_unit;
    st.zero_gap = true;
    st.need_wan = false;  // 一亿零一: after 零 any smaller group may follow
    return true;
  }
  st.pending = Decimal(t.value);
  st.has_pending = true;
  st.pending_single_cn = true;
  st.pending_fractional = false;
  return true;
}

bool accept_small_unit(State& st, int8_t power, bool strict, bool bare_inner_ok, bool is_tens_char = false,
                       int8_t tens_value = 0) {
  if (st.in_fraction || st.frozen) return false;
  if (st.last_small != 0 && power >= st.last_small) return false;  // 十一十二, 一百一千
  Decimal multiplier(1);
  if (is_tens_char) {
    if (st.has_pending || st.lead_count > 0) return false;
    multiplier = Decimal(tens_value);
  } else if (st.lead_count >= 2) {
    // Two adjacent digits then a unit: 三四十, 两三百, 八九 (亿 handled in big unit).
    if (strict) return false;
    if (st.lead_count != 2 || !(st.lead_first >= 1 && st.lead_second > st.lead_first && st.lead_second - st.lead_first <= 2))
      return false;
    st.range = true;
    st.range_low = st.lead_first;
    st.range_high = st.lead_second;
    multiplier = Decimal(st.lead_second);
  } else if (st.has_pending) {
    if (st.lead_count == 1 && st.pending.is_zero()) {
      multiplier = Decimal(1);  // 零十 = 10
    } else {
      multiplier = st.pending;
      if (st.pending_fractional) st.frozen = true;  // 1.5千
    }
  } else if (!st.any_unit && st.nterms == 0) {
    if (strict && power != 1) st.strict_violation = true;  // only 十 may stand alone: 十一, not 百十一
  } else if (!st.zero_gap) {
    if (!bare_inner_ok) return false;
    if (strict) st.strict_violation = true;  // 一百十一
  }
  if (strict) {
    if (st.zero_gap) {
      if (st.zero_after >= 2 && st.zero_after <= 4 && power > st.zero_after - 2) st.strict_violation = true;
    } else if (st.expect_small && power != st.expect_small) {
      st.strict_violation = true;  // 一千一十: a skipped place needs 零
    }
  }
  st.section = add_or_flag(st, st.section, scale_or_flag(st, multiplier, power));
  st.section_set = true;
  st.has_pending = false;
  st.pending_single_cn = false;
  st.pending_fractional = false;
  st.last_small = power;
  st.last_unit = power;
  st.last_token_big = false;
  st.zero_gap = false;
  st.any_unit = true;
  st.any_value = true;
  st.expect_small = static_cast<int8_t>(power - 1);
  st.has_chinese = true;
  st.ends_with_unit = true;
  return true;
}

bool accept_big_unit(State& st, int8_t power, bool strict) {
  if (st.in_fraction) {
    // 三点五万: the whole number is scaled, once, and only below any 万/亿 group.
    if (st.fraction_scale || st.nterms > 0 || st.fraction_digits == 0) return false;
    st.fraction_scale = power;
    st.last_unit = power;
    st.ends_with_unit = true;
    st.has_chinese = true;
    if (power > st.max_big) st.max_big = power;
    return true;
  }
  bool empty = !st.has_pending && !st.section_set;
  if (st.lead_count >= 2 && !st.range) {
    // 八九亿: a pair scaled directly.
    if (strict || st.lead_count != 2 ||
        !(st.lead_first >= 1 && st.lead_second > st.lead_first && st.lead_second - st.lead_first <= 2))
      return false;
    st.range = true;
    st.range_low = st.lead_first;
    st.range_high = st.lead_second;
    st.pending = Decimal(st.lead_second);
  }
  if (empty) {
    // 四万万, 一万亿, 一亿亿: the scale multiplies the group just closed.
    if (!(st.nterms > 0 && st.last_token_big)) return false;
    Decimal& top = st.terms[st.nterms - 1];
    top = scale_or_flag(st, top, power);
    st.term_power[st.nterms - 1] = static_cast<int8_t>(st.term_power[st.nterms - 1] + power);
    if (st.term_power[st.nterms - 1] > st.max_big) st.max_big = st.term_power[st.nterms - 1];
    st.last_unit = power;
    st.ends_with_unit = true;
    st.expect_small = 0;
    st.need_wan = false;
    return true;
  }
  bool fractional = st.pending_fractional;
  Decimal x = add_or_flag(st, st.section, resolved_pending(st, strict, true));
  int n = st.nterms;
  while (n > 0 && st.term_power[n - 1] < power) {  // 一千一百万 ... 亿: lower groups join
    x = add_or_flag(st, x, st.terms[n - 1]);
    --n;
  }
  if (n > 0 && st.term_power[n - 1] <= power) return false;  // 一万二万
  if (n >= kMaxTerms) return false;
  if (strict && st.need_wan && power != 4) st.strict_violation = true;
  st.terms[n] = scale_or_flag(st, x, power);
  st.term_power[n] = power;
  st.nterms = n + 1;
  if (power > st.max_big) st.max_big = power;
  st.section = Decimal(0);
  st.section_set = false;
  st.has_pending = false;
  st.pending_single_cn = false;
  st.pending_fractional = false;
  st.last_small = 0;
  st.last_unit = power;
  st.last_token_big = true;
  st.zero_gap = false;
  st.any_unit = true;
  st.any_value = true;
  st.has_chinese = true;
  st.ends_with_unit = true;
  if (fractional) st.frozen = true;
  if (power == 4) {
    st.need_wan = false;
    st.expect_small = 3;
  } else {
    st.need_wan = power == 8;
    st.expect_small = 0;
  }
  return true;
}

bool accept_arabic(State& st, const Token& t, const ScanOptions& opt) {
  if (opt.mode != NumeralMode::kSmart) st.arabic_violation = true;
  st.has_arabic = true;
  if (t.out_of_range) st.out_of_range = true;
  if (st.in_fraction) {
    // 一百点123: Arabic decimal places.
    if (!t.plain_digits || st.fraction_digits > 0 || st.fraction_scale) return false;
    if (t.digits > 18) { set_overflow(st); return true; }
    st.fraction = t.number;
    st.fraction_digits = t.digits;
    st.last_fraction_digit = 1;
    st.ends_with_unit = false;
    return true;
  }
  if (st.has_pending || st.lead_count > 0 || st.frozen || st.range) return false;
  st.letter_scaled = t.letter_scaled;
  st.pending = t.number;
  st.has_pending = true;
  st.pending_single_cn = false;
  st.pending_fractional = !t.number.is_integer();
  st.any_value = true;
  st.ends_with_unit = false;
  if (!st.any_unit) st.arabic_digits += t.digits;
  if (t.fractional) st.has_point = true;
  return true;
}

bool accept_point(State& st, bool strict) {
  if (st.in_fraction || st.range || st.frozen || !has_any_value(st)) return false;
  if (st.has_pending && !st.pending_single_cn && !st.any_unit) return false;  // 3点5 is a time, not 3.5
  if (st.lead_count < 2) {
    Decimal p = resolved_pending(st, strict);  // 两千三点一 = 2300.1
    st.section = add_or_flag(st, st.section, p);
    st.section_set = true;
    st.has_pending = false;
  }
  st.in_fraction = true;
  st.has_point = true;
  st.has_chinese = true;
  st.ends_with_unit = false;
  return true;
}

// The match the state describes, or false when it holds no numeral.
bool finish(State& st, const ScanOptions& opt, NumeralMatch* m) {
  bool strict = opt.mode == NumeralMode::kStrict;
  if (!has_any_value(st)) return false;
  if (st.in_fraction && st.fraction_digits == 0) return false;
  Decimal value(0);
  bool digit_string = st.lead_count >= 2 && !st.any_unit;
  if (digit_string) {
    value = st.lead_value;
  } else {
    for (int i = 0; i < st.nterms; ++i) value = add_or_flag(st, value, st.terms[i]);
    value = add_or_flag(st, value, st.section);
    if (!st.in_fraction) value = add_or_flag(st, value, resolved_pending(st, strict));
    if (strict && st.need_wan && (st.section_set || st.has_pending)) st.strict_violation = true;
  }
  if (st.in_fraction) {
    if (strict && st.last_fraction_digit == 0) st.strict_violation = true;  // 零点零
    value = add_or_flag(st, value, scale_or_flag(st, st.fraction, -st.fraction_digits));
    if (st.fraction_scale) value = scale_or_flag(st, value, st.fraction_scale);
  }
  m->value_high.reset();
  if (st.range) {
    // value = high digit x (units): the low end is the same units on the low digit.
    bool exact = true;
    auto unit = value.div(Decimal(st.range_high), 18, &exact);
    auto low = unit ? unit->mul(Decimal(st.range_low)) : std::nullopt;
    if (!low || !exact) set_overflow(st);
    else { m->value_high = value; value = *low; }
  }
  m->digit_pair = digit_string && st.lead_count == 2 && !st.in_fraction;
  if (m->digit_pair && st.lead_second > st.lead_first && st.lead_first >= 1 && st.lead_second - st.lead_first <= 2) {
    m->value_high = Decimal(st.lead_second);
    value = Decimal(st.lead_first);
  }
  if (st.negative) {
    value = Decimal(-value.mantissa(), value.exponent());
    if (m->value_high) *m->value_high = Decimal(-m->value_high->mantissa(), m->value_high->exponent());
  }
  m->value = value.normalized();
  m->error = st.out_of_range ? NumeralError::kOutOfRange
             : (st.strict_violation || st.arabic_violation) ? NumeralError::kMalformed
                                                            : NumeralError::kNone;
  m->has_chinese = st.has_chinese;
  m->has_arabic = st.has_arabic;
  m->has_unit = st.any_unit || st.fraction_scale;
  m->has_point = st.has_point;
  m->digit_string = digit_string && !st.lead_has_two;
  m->approx_inside = st.approx;
  m->negative = st.negative;
  m->chinese_digits = st.chinese_digits;
  m->arabic_digits = st.arabic_digits;
  m->last_unit_power = st.fraction_scale ? st.fraction_scale : st.last_unit;
  m->last_unit_big = m->last_unit_power >= 4;
  m->ends_with_unit = st.ends_with_unit;
  m->big_unit_power = st.max_big;
  m->letter_scaled = st.letter_scaled && !st.any_unit;
  // 两 is never read digit by digit: 两两, 两三四 are not numerals (两三 is a range).
  if (digit_string && st.lead_has_two && !m->value_high) m->error = NumeralError::kMalformed;
  return true;
}

}  // namespace

// The common case in running text, a lone Arabic number (2018, 37217, 9.05)
// that nothing numeric follows, is answered without the state machine.
// When it answers nothing, *first holds the token it read at pos (kNone if
// none): scan_numeral()'s first token, not read twice.
std::optional<NumeralMatch> lone_arabic(std::string_view text, size_t pos, const ScanOptions& opt, Token* first) {
  if (pos >= text.size() || text[pos] < '0' || text[pos] > '9') return std::nullopt;
  Token& t = *first;
  t = read_arabic(text, pos, opt);
  size_t p = opt.allow_spaces ? skip_spaces(text, t.end) : t.end;
  Token next = read_token(text, p, opt);
  if (next.kind != Token::kNone && next.kind != Token::kSign) return std::nullopt;
  NumeralMatch m;
  m.begin = pos;
  m.end = t.end;
  m.value = t.number.normalized();
  m.error = t.out_of_range ? NumeralError::kOutOfRange
            : opt.mode != NumeralMode::kSmart ? NumeralError::kMalformed : NumeralError::kNone;
  m.has_arabic = true;
  m.has_point = t.fractional;
  m.arabic_digits = t.digits;
  m.letter_scaled = t.letter_scaled;
  return m;
}

std::optional<NumeralMatch> scan_numeral(std::string_view text, size_t pos, const ScanOptions& opt) {
  Token first_token;
  if (auto m = lone_arabic(text, pos, opt, &first_token)) return m;
  bool strict = opt.mode == NumeralMode::kStrict;
  // The state after the tokens accepted so far and the next one's, two
  // buffers that trade places when a token is accepted (no copy back). The
  // state after the last token that can end a numeral is that state itself
  // unless tokens that cannot end one (sign, 点, 余) were accepted since:
  // then it was saved in `saved` before the first of them.
  State bufs[2];
  State* cur = &bufs[0];
  State* nxt = &bufs[1];
  std::optional<State> saved;
  bool have_good = false, good_is_cur = false;
  size_t p = pos;
  size_t end = pos;
  bool first = true;
  while (p < text.size()) {
    const State& st = *cur;
    size_t q = p;
    bool spaced = false;
    if (!first && opt.allow_spaces) {
      q = skip_spaces(text, p);
      spaced = q > p;
    }
    // The first token at pos: read by lone_arabic() already when an Arabic digit is there.
    Token t = first && first_token.kind == Token::kArabic ? first_token : read_token(text, q, opt);
    if (t.kind == Token::kNone) break;
    if (t.kind == Token::kArabic && text[t.begin] == '.' && has_any_value(st)) break;  // .5 only starts a number
    if (spaced && t.kind == Token::kArabic) {
      // "7万 5千 4百": after a unit, a spaced Arabic number continues only
      // when its own unit follows ("3万 5人" is two numbers).
      Token after = read_token(text, t.end, opt);
      if (!st.ends_with_unit || (after.kind != Token::kSmallUnit && after.kind != Token::kBigUnit)) break;
    }
    State& next = *nxt;
    next = st;
    bool ok = false;
    switch (t.kind) {
      case Token::kSign:
      case Token::kNegative: {
        if (!first || !opt.allow_sign) break;
        // A sign must be followed directly by a digit / numeral.
        Token after = read_token(text, t.end, opt);
        if (t.kind == Token::kSign && after.kind != Token::kArabic) break;
        if (t.kind == Token::kNegative && after.kind != Token::kArabic && after.kind != Token::kDigit &&
            after.kind != Token::kSmallUnit && after.kind != Token::kTens)
          break;
        next.negative = t.kind == Token::kNegative || t.negative;
        next.sign_seen = true;
        ok = true;
        break;
      }
      case Token::kDigit: ok = accept_digit(next, t, strict); break;
      case Token::kSmallUnit: ok = accept_small_unit(next, t.value, strict, opt.allow_bare_inner_unit); break;
      case Token::kTens: ok = accept_small_unit(next, 1, strict, opt.allow_bare_inner_unit, true, t.value); break;
      case Token::kBigUnit: ok = has_any_value(next) && accept_big_unit(next, t.value, strict); break;
      case Token::kArabic: ok = accept_arabic(next, t, opt); break;
      case Token::kPoint: {
        size_t r = opt.allow_spaces ? skip_spaces(text, t.end) : t.end;
        Token after = read_token(text, r, opt);
        bool digit_after = (after.kind == Token::kDigit && !after.is_two) ||
                           (after.kind == Token::kArabic && after.plain_digits && opt.mode == NumeralMode::kSmart);
        ok = opt.allow_point && digit_after && accept_point(next, strict);
        break;
      }
      case Token::kApprox: {
        if (!opt.allow_approx || next.in_fraction || !has_any_value(next) || next.approx) break;
        Token after = read_token(text, opt.allow_spaces ? skip_spaces(text, t.end) : t.end, opt);
        if (after.kind != Token::kSmallUnit && after.kind != Token::kBigUnit) break;
        // 几 stands for a digit: 二十几万, 一百零几万 (never after a digit: 三几万).
        next.approx = true;
        ok = true;
        break;
      }
      default: break;
    }
    if (!ok) break;
    const bool can_end =
        t.kind != Token::kSign && t.kind != Token::kNegative && t.kind != Token::kApprox && t.kind != Token::kPoint;
    if (!can_end && good_is_cur) {
      saved = st;
      good_is_cur = false;
    }
    std::swap(cur, nxt);
    p = t.end;
    first = false;
    if (can_end) {
      have_good = true;
      good_is_cur = true;
      end = p;
    }
  }
  NumeralMatch m;
  if (!have_good || !finish(good_is_cur ? *cur : *saved, opt, &m)) return std::nullopt;
  m.begin = pos;
  m.end = end;
  return m;
}

namespace {

// 元/圆 and what may follow it: 整 / 正, or 角 and 分 amounts.
struct MoneySplit {
  std::string_view number;
  bool has_yuan = false;
  bool closed = false;  // 整 / 正 or 角/分 after 元
  Decimal cents;        // 角 and 分 as a decimal
  bool ok = true;
};

MoneySplit split_money(std::string_view s) {
  MoneySplit out;
  out.number = s;
  size_t yuan = std::string_view::npos;
  for (std::string_view w : {std::string_view("元"), std::string_view("圆")}) {
    size_t f = s.find(w);
    if (f != std::string_view::npos && (yuan == std::string_view::npos || f < yuan)) yuan = f;
  }
  if (yuan == std::string_view::npos) return out;
  out.has_yuan = true;
  out.number = s.substr(0, yuan);
  std::string_view rest = s.substr(yuan + 3);
  if (rest.empty()) return out;
  if (rest == "整" || rest == "正") {
    out.closed = true;
    return out;
  }
  // [digit 角][digit 分]
  Decimal cents(0);
  size_t i = 0;
  bool any = false;
  for (std::string_view unit : {std::string_view("角"), std::string_view("分")}) {
    if (i >= rest.size()) break;
    int len;
    char32_t c = utf8::decode(rest, i, &len);
    NumChar nc = classify_numeral_char(c);
    if (nc.kind != NumCharKind::kDigit) break;
    if (rest.substr(i + len, unit.size()) != unit) continue;
    int power = unit == "角" ? -1 : -2;
    cents = *cents.add(Decimal(nc.value, power));
    i += len + unit.size();
    any = true;
  }
  if (!any || i != rest.size()) out.ok = false;
  out.closed = true;
  out.cents = cents;
  return out;
}

}  // namespace

ParsedNumeral parse_numeral(std::string_view text, NumeralMode mode) {
  ParsedNumeral out;
  if (text.empty()) {
    out.error = NumeralError::kEmpty;
    return out;
  }
  MoneySplit money = split_money(text);
  if (!money.ok || (money.has_yuan && mode == NumeralMode::kStrict && !money.closed)) {
    out.error = NumeralError::kMalformed;
    return out;
  }
  if (money.number.empty()) {
    out.error = NumeralError::kEmpty;
    return out;
  }
  ScanOptions opt;
  opt.mode = mode;
  opt.allow_spaces = false;
  opt.allow_approx = false;
  opt.allow_letter_scales = false;
  opt.allow_exponent = false;
  auto m = scan_numeral(money.number, 0, opt);
  if (!m || m->end != money.number.size()) {
    out.error = NumeralError::kMalformed;
    return out;
  }
  if (m->error != NumeralError::kNone) {
    out.error = m->error;
    return out;
  }
  out.value = m->value;
  out.value_high = m->value_high;
  if (m->digit_pair) {
    // A whole string of two digits is read digit by digit (一二 = 12), like cn2an.
    if (m->digit_string && m->value_high) {
      out.value = Decimal(m->value.mantissa() * 10 + m->value_high->mantissa());
      out.value_high.reset();
    }
  }
  if (money.has_yuan) {
    auto v = out.value.add(money.cents);
    if (!v) {
      out.error = NumeralError::kOutOfRange;
      return out;
    }
    out.value = *v;
  }
  return out;
}

}  // namespace aidtext
