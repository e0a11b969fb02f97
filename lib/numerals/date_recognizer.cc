#include "numerals/date_recognizer.h"

#include <cstdio>

#include "numerals/text_match.h"

namespace aidtext::numerals {
namespace {


bool digit_at(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

// Up to `max` ASCII digits at i: their value and count.
int read_digits(std::string_view s, size_t i, int max, int* value) {
  int n = 0, v = 0;
  while (n < max && digit_at(s, i + n)) v = v * 10 + (s[i + n++] - '0');
  *value = v;
  return n;
}

std::string two(int v) {
  // Hours and minutes: two digits written directly (snprintf took 800
  // instructions a call).
  if (v >= 0 && v < 100) return std::string{static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
  char b[16];
  std::snprintf(b, sizeof b, "%02d", v);
  return b;
}

// Appends "Thh:mm" (appended piece by piece: gcc 12 warns, wrongly, of an
// overlapping copy in a chain of string temporaries here).
void append_time(std::string* date, int h, int m) {
  date->push_back('T');
  date->append(two(h));
  date->push_back(':');
  date->append(two(m));
}

// A small integer numeral (Arabic or Chinese) at pos, without a decimal point.
std::optional<NumeralMatch> small_integer(std::string_view text, size_t pos) {
  ScanOptions opt;
  opt.allow_spaces = false;
  opt.allow_sign = false;
  opt.allow_approx = false;
  opt.allow_letter_scales = false;
  opt.allow_exponent = false;
  opt.allow_point = false;
  auto m = scan_numeral(text, pos, opt);
  if (!m || m->error != NumeralError::kNone || m->value_high || !m->value.is_integer() || m->negative) return std::nullopt;
  if (m->value < Decimal(0) || Decimal(2999) < m->value) return std::nullopt;
  return m;
}

// The value of a small integer match (callers checked it is an integer <= 2999).
int int_value(const NumeralMatch& m) {
  Decimal n = m.value.normalized();
  int64_t v = n.mantissa();
  for (int e = 0; e < n.exponent() && v < 100000; ++e) v *= 10;
  return static_cast<int>(v);
}

// Time after a date or alone at pos: 14时50分, 14时, 20:04, 两点半, 三点五分, 八点钟.
// Appends "THH:MM" to `date` and returns the end, or 0.
size_t match_time(std::string_view text, size_t pos, std::string* date) {
  int h, mnt;
  int nh = read_digits(text, pos, 2, &h);
  if (nh > 0 && pos + nh < text.size() && text[pos + nh] == ':') {
    int nm = read_digits(text, pos + nh + 1, 2, &mnt);
    if (nm == 2 && h <= 24 && mnt <= 59 && !digit_at(text, pos + nh + 3)) {
      size_t end = pos + nh + 3;
      int sec;
      if (end < text.size() && text[end] == ':' && read_digits(text, end + 1, 2, &sec) == 2) end += 3;
      append_time(date, h, mnt);
      return end;
    }
  }
  auto hour = small_integer(text, pos);
  if (!hour || int_value(*hour) > 24) return 0;
  size_t p = hour->end;
  bool shi = starts_with_at(text, p, "时");
  bool dian = starts_with_at(text, p, "点");
  if (!shi && !dian) return 0;
  p += 3;
  int minutes = -1;
  if (starts_with_at(text, p, "半")) {
    minutes = 30;
    p += 3;
  } else if (auto mm = small_integer(text, p); mm && int_value(*mm) <= 59 && starts_with_at(text, mm->end, "分")) {
    minutes = int_value(*mm);
    p = mm->end + 3;
  } else if (starts_with_at(text, p, "钟") || starts_with_at(text, p, "整")) {
    minutes = 0;
    p += 3;
  } else if (shi && hour->has_arabic) {
    minutes = 0;  // 14时 (not 一时, "for a while")
  } else if (hour->has_arabic) {
    minutes = 0;  // 20点
  }
  if (minutes < 0) return 0;
  append_time(date, int_value(*hour), minutes);
  return p;
}

// Optional time after a date: up to three spaces, then a time.
size_t extend_with_time(std::string_view text, size_t pos, std::string* date) {
  // Up to three spaces: ASCII, no-break (U+00A0) or ideographic (U+3000).
  size_t p = pos;
  for (int k = 0; k < 3; ++k) {
    if (starts_with_at(text, p, " ")) p += 1;
    else if (starts_with_at(text, p, "\xC2\xA0")) p += 2;
    else if (starts_with_at(text, p, "\xE3\x80\x80")) p += 3;
    else break;
  }
  if (starts_with_at(text, p, "T") && p == pos) ++p;
  size_t end = match_time(text, p, date);
  return end ? end : pos;
}

// 底 / 末 / 年底 / 年末 after a year (2018年底, 去年年底): its byte length, or 0.
size_t end_of_period_len(std::string_view text, size_t p) {
  if (starts_with_at(text, p, "底") || starts_with_at(text, p, "末")) return 3;
  if (starts_with_at(text, p, "年底") || starts_with_at(text, p, "年末")) return 6;
  return 0;
}

}  // namespace

bool is_year_like(const NumeralMatch& m) {
  if (m.negative || m.value_high || m.has_point || m.has_unit) return false;
  if (m.has_arabic && !m.has_chinese) {
    // The cheap tests first: most numerals before 年 are no four-digit year.
    return m.arabic_digits == 4 && m.end - m.begin == 4 && !(m.value < Decimal(1000)) &&
           m.value < Decimal(3000);
  }
  return !m.has_arabic && m.digit_string && m.chinese_digits == 4;
}

std::optional<DateMatch> match_numeric_date(std::string_view text, size_t pos) {
  int a, b, c;
  int na = read_digits(text, pos, 4, &a);
  if (na == 0 || digit_at(text, pos + na)) return std::nullopt;
  size_t p = pos + na;
  // Every form below has a separator right after the first field (most
  // numbers are followed by a Chinese character: none of them).
  if (p >= text.size() || (text[p] != '-' && text[p] != '/' && text[p] != '.' && text[p] != ':')) return std::nullopt;
  DateMatch d;
  d.begin = pos;
  if (na == 4 && p < text.size() && (text[p] == '-' || text[p] == '/' || text[p] == '.')) {
    char sep = text[p];
    int nb = read_digits(text, p + 1, 2, &b);
    if (nb > 0 && !digit_at(text, p + 1 + nb) && b >= 1 && b <= 12) {
      size_t q = p + 1 + nb;
      if (q < text.size() && text[q] == sep) {
        int nc = read_digits(text, q + 1, 2, &c);
        if (nc > 0 && !digit_at(text, q + 1 + nc) && c >= 1 && c <= 31) {
          d.date = std::to_string(a) + "-" + two(b) + "-" + two(c);
          d.end = extend_with_time(text, q + 1 + nc, &d.date);
          d.components = 3;
          return d;
        }
      } else if (nb == 2 && sep == '-' && !(q < text.size() && (text[q] == '.' || text[q] == '/'))) {
        d.date = std::to_string(a) + "-" + two(b);  // 2020-07
        d.end = q;
        d.components = 2;
        return d;
      }
    }
    return std::nullopt;
  }
  if (na <= 2 && p < text.size() && (text[p] == '.' || text[p] == '/')) {
    // DD.MM.YYYY (European order, as in "21.11.2015").
    char sep = text[p];
    int nb = read_digits(text, p + 1, 2, &b);
    size_t q = p + 1 + nb;
    if (nb > 0 && q < text.size() && text[q] == sep && a >= 1 && a <= 31 && b >= 1 && b <= 12) {
      int nc = read_digits(text, q + 1, 4, &c);
      if (nc == 4 && !digit_at(text, q + 5)) {
        d.date = std::to_string(c) + "-" + two(b) + "-" + two(a);
        d.end = extend_with_time(text, q + 5, &d.date);
        d.components = 3;
        return d;
      }
    }
    return std::nullopt;
  }
  if (na <= 2 && p < text.size() && text[p] == ':') {
    d.date.clear();
    size_t end = match_time(text, pos, &d.date);
    if (end) {
      d.end = end;
      d.components = 1;
      return d;
    }
  }
  return std::nullopt;
}

std::optional<DateMatch> match_calendar_date(std::string_view text, const NumeralMatch& m) {
  DateMatch d;
  d.begin = m.begin;
  size_t p = m.end;
  int year = -1, month = -1, day = -1;
  if (starts_with_at(text, p, "年") && is_year_like(m)) {
    year = int_value(m);
    p += 3;
    d.end = p;
    d.date = std::to_string(year);
    d.components = 1;
    if (size_t eop = end_of_period_len(text, p)) {
      d.end_of_period = true;
      d.end = p + eop;
      return d;
    }
    auto mm = small_integer(text, p);
    if (!mm || !starts_with_at(text, mm->end, "月") || int_value(*mm) < 1 || int_value(*mm) > 12) return d;
    month = int_value(*mm);
    p = mm->end + 3;
  } else if (starts_with_at(text, p, "月") && m.value.is_integer() && !m.has_point && !m.negative && !m.value_high &&
             !(m.value < Decimal(1)) && !(Decimal(12) < m.value)) {
    month = int_value(m);
    p += 3;
  } else if ((starts_with_at(text, p, "日") || starts_with_at(text, p, "号")) && m.value.is_integer() && !m.has_point &&
             !m.negative && !m.value_high && !(m.value < Decimal(1)) && !(Decimal(31) < m.value)) {
    day = int_value(m);
    p += 3;
    d.date = "---" + two(day);
    d.components = 1;
    d.end = extend_with_time(text, p, &d.date);
    return d;
  } else {
    // A time needs 时, 点 or ':' right after the hour (三点五分 was read as 三点五).
    bool hour_mark = starts_with_at(text, p, "时") || starts_with_at(text, p, "点") || starts_with_at(text, p, ":") ||
                     (m.has_point && starts_with_at(text, p, "分"));
    if (!hour_mark) return std::nullopt;
    std::string t;
    size_t end = match_time(text, m.begin, &t);
    if (!end) return std::nullopt;
    d.date = t;
    d.end = end;
    d.components = 1;
    return d;
  }
  // A month is known here.
  d.date = year >= 0 ? std::to_string(year) + "-" + two(month) : "--" + two(month);
  d.components = year >= 0 ? 2 : 1;
  d.end = p;
  if (starts_with_at(text, p, "底") || starts_with_at(text, p, "末")) {
    d.end_of_period = true;
    d.end = p + 3;
    return d;
  }
  auto dd = small_integer(text, p);
  if (dd && (starts_with_at(text, dd->end, "日") || starts_with_at(text, dd->end, "号")) && int_value(*dd) >= 1 &&
      int_value(*dd) <= 31) {
    day = int_value(*dd);
    d.date += "-" + two(day);
    d.components += 1;
    d.end = extend_with_time(text, dd->end + 3, &d.date);
  }
  return d;
}

std::optional<DateMatch> match_relative_year(std::string_view text, size_t pos) {
  static constexpr struct {
    std::string_view word;
    int offset;
  } kWords[] = {{"今年", 0}, {"去年", -1}, {"明年", 1}, {"前年", -2}, {"后年", 2}};
  for (const auto& w : kWords) {
    if (!starts_with_at(text, pos, w.word)) continue;
    // 以前年 / 往后年 ... are not these words; 年 must not start 年级 / 年龄 either.
    size_t p = pos + w.word.size();
    if (starts_with_at(text, p, "级") || starts_with_at(text, p, "龄")) return std::nullopt;
    DateMatch d;
    d.begin = pos;
    d.end = p;
    d.relative = true;
    d.offset = w.offset;
    d.components = 1;
    if (size_t eop = end_of_period_len(text, p)) {
      d.end_of_period = true;
      d.end = p + eop;
    }
    return d;
  }
  return std::nullopt;
}

}  // namespace aidtext::numerals
