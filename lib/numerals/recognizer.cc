// The quantity recognizer (see recognizer.h and spec/quantities.md).
//
// One pass over the text. A 256-entry table on each lead byte skips every
// byte that cannot start a numeral (ASCII letters, punctuation, UTF-8
// continuation bytes, 2- and 4-byte sequences); 3-byte sequences are decoded
// and checked against a code point bitmap of numeral-start characters
// (一..九 十百千 零 两 壹.. 第 今去明前后 负 ０-９). Only there does the
// recognizer parse, and it continues after whatever it consumed. Nothing
// is allocated per character; records are appended to one vector.
//
// The rules, in the order they are tried at a numeral:
//  1. (name_rules.h) Names and markers that contain numerals are skipped whole: plan names
//     in quotes (“1236”) or joined by + (1+17), list markers (一、 (一) 1.
//     一是), codes glued to Latin letters (G20), fixed expressions (一条心,
//     一鼓作气), parallel idioms N1-X-N2-Y (一户一策, 两不愁三保障, 三省四县:
//     two single numerals that count nothing), N个 slogans (四个意识), the
//     five-year plans 十X五, and short numbered phrases alone in quotes
//     (“三个落实”, “六个精准”).
//  2. Dates and times (2018年, 5月28日, 2020-07-14, 21.11.2015 20:04, 两点半),
//     relative years (今年) and ordinals (第三, 第3批) become kDate / kOrdinal.
//  3. Otherwise a quantity: an optional range (3至5万, 3-5万), then a unit
//     word, then approximation words before (约, 近, 超过) or after (余, 多,
//     左右, 以上). Percents: %, 百分之, 千分之, 个百分点, 成; fractions
//     N分之M, a/b and mixed numbers (fraction_reader.h).
//  4. A Chinese numeral is an amount only with a measure word, a unit, a
//     scale (7000万贫困人口: 万 makes it a quantity with no unit), an
//     approximation word, or a standalone reading (between punctuation or
//     function words: 这是五那是四). So 十八大, 一鼓作气, 五中全会 give nothing.
//     Arabic numerals are always amounts unless rule 1 or 2 applies.
#include "numerals/recognizer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string_view>

#include "core/char_slot.h"
#include "core/utf8.h"
#include "numerals/char_context.h"
#include "numerals/context_lexicon.h"
#include "numerals/fraction_reader.h"
#include "numerals/kou_classifier.h"
#include "numerals/name_rules.h"
#include "numerals/date_recognizer.h"
#include "numerals/numeral_chars.h"
#include "numerals/numeral_parser.h"
#include "numerals/record_starts.h"
#include "numerals/text_match.h"
#include "numerals/unit_lexicon.h"

namespace aidtext {

const char* to_string(QuantityKind k) {
  switch (k) {
    case QuantityKind::kDate: return "date";
    case QuantityKind::kOrdinal: return "ordinal";
    default: return "quantity";
  }
}
const char* to_string(Approx a) {
  switch (a) {
    case Approx::kOver: return "over";
    case Approx::kAbout: return "about";
    case Approx::kUnder: return "under";
    default: return nullptr;
  }
}
const char* error_id(NumeralError e) {
  switch (e) {
    case NumeralError::kNone: return nullptr;
    case NumeralError::kEmpty: return "empty";
    case NumeralError::kMalformed: return "malformed";
    case NumeralError::kOutOfRange: return "out_of_range";
  }
  return "malformed";
}

namespace {

using namespace numerals;  // char_context.h helpers, NumCharKind

// What a lead byte may start: 0 nothing, 1 an ASCII digit or sign, 2 a 3-byte
// sequence worth decoding.
constexpr std::array<uint8_t, 256> kLeadTable = [] {
  std::array<uint8_t, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = 1;
  t['-'] = 1;
  t['+'] = 1;
  t['.'] = 1;  // .5
  for (int b = 0xE3; b <= 0xEF; ++b) t[b] = 2;  // U+3000..U+FFFF: 〇, CJK, full-width forms
  return t;
}();

using numerals::starts_with_at;

// A currency sign written before an amount, and the unit it gives.
struct CurrencySign {
  std::string_view text;
  std::string_view code;
};

// Longer signs first (US$ before $). ￥ and ¥ are the yuan in Chinese text.
constexpr CurrencySign kCurrencySigns[] = {
    {"US$", "USD"}, {"HK$", "HKD"}, {"NT$", "TWD"}, {"$", "USD"},  {"＄", "USD"},
    {"￥", "CNY"},  {"¥", "CNY"},   {"€", "EUR"},   {"£", "GBP"},
};

// The sign that ends right before `pos`, or null.
const CurrencySign* currency_sign_before(std::string_view text, size_t pos) {
  for (const CurrencySign& s : kCurrencySigns)
    if (pos >= s.text.size() && starts_with_at(text, pos - s.text.size(), s.text)) return &s;
  return nullptr;
}

// Characters X for which "X一" is a word whose 一 counts nothing
// (统一, 唯一, 之一, 万一 ...): a numeral never starts at such a 一.
bool glued_yi(char32_t prev) {
  switch (prev) {
    case U'统': case U'唯': case U'之': case U'万': case U'同': case U'单': case U'专': case U'归': case U'划':
    case U'逐': case U'不': case U'合': case U'初': case U'均': case U'择': case U'其': case U'纯': case U'天':
    case U'星': case U'周': case U'一': case U'第': case U'进':
      return true;
    default:
      return false;
  }
}

struct Recognizer {
  std::string_view text;
  std::vector<Quantity>& out;
  size_t last_end = 0;

  void emit_date(const numerals::DateMatch& d) {
    Quantity q;
    q.kind = QuantityKind::kDate;
    q.span = {static_cast<uint32_t>(d.begin), static_cast<uint32_t>(d.end)};
    q.number = q.span;
    q.date = d.relative ? std::string() : d.date;
    q.relative_date = d.relative;
    q.date_offset = d.offset;
    q.date_end_of_period = d.end_of_period;
    q.value = Decimal(0);
    // The year / month / day number is also kept as the value where there is one.
    out.push_back(std::move(q));
    last_end = d.end;
  }

  // Rule 4: may a bare Chinese numeral at [m.begin, tail) be an amount?
  bool standalone(const NumeralMatch& m, size_t tail, bool has_prefix) {
    int l;
    char32_t before = cp_before(text, m.begin, &l);
    char32_t after = cp_at(text, tail, &l);
    // A numeral of several characters (八千, 九点九) reads as a number after any
    // word; a single digit only after a boundary or function word (四川, 统一).
    bool several = m.end - m.begin > 3;
    bool left = several || has_prefix || is_boundary_char(before) || numerals::function_word_before(text, m.begin) > 0;
    // Glued to Latin letters or Arabic digits (一7000万) is no boundary either.
    bool right = (is_boundary_char(after) && !is_ascii_alnum(after)) || numerals::function_word_after(text, tail) > 0;
    return left && right;
  }

  // A numeral too large or too precise to hold exactly (kOutOfRange): a
  // record with its span, unit and approximation words but no value, so the
  // expression is neither lost silently nor given a wrong value. The unit is
  // read as in quantity(), without the readings that need the value (折,
  // 成半, 角/分 after 元, ranges).
  size_t out_of_range(const NumeralMatch& m) {
    Quantity q;
    q.error = NumeralError::kOutOfRange;
    Approx approx = m.approx_inside ? Approx::kOver : Approx::kNone;
    size_t tail = m.end;
    bool mark = starts_with_at(text, tail, "余") || starts_with_at(text, tail, "多");
    if (mark && numerals::match_unit(text, tail + 3)) {
      approx = Approx::kOver;  // 99999999999999999999余元
      tail += 3;
    }
    const numerals::UnitWord* unit = numerals::reread_classifier(text, m.begin, tail, numerals::match_unit(text, tail));
    if (unit && unit->kind == numerals::UnitKind::kDiscount) unit = nullptr;  // 八折: a value below 100
    size_t end = tail;
    if (unit) {
      q.unit = std::string(unit->unit);
      q.classifier = std::string(unit->classifier);
      end += unit->text.size();
    }
    if (auto a = numerals::approx_after(text, end); a && a->text != "多" && a->text != "余") {
      if (a->approx != Approx::kNone) approx = a->approx;
      end += a->text.size();
    }
    size_t start = m.begin;
    if (auto a = numerals::approx_before(text, m.begin); a && m.begin - a->text.size() >= last_end) {
      approx = a->approx;
      start = m.begin - a->text.size();
    }
    // Rule 4 holds here too: Chinese digits read one by one, with no unit,
    // no place value and no approximation word, count nothing.
    bool chinese_only = m.has_chinese && !m.has_arabic;
    if (chinese_only && !unit && !m.has_unit && approx == Approx::kNone) return numerals::numeral_run_end(text, m.end);
    return finish(q, start, m.end, end, approx, m.begin);
  }

  // Returns where scanning continues.
  size_t at(size_t pos) {
    int len;
    char32_t c = cp_at(text, pos, &len);
    // Relative years.
    if (c == U'今' || c == U'去' || c == U'明' || c == U'前' || c == U'后') {
      if (!starts_with_at(text, pos + len, "年")) return pos + len;
      if (auto d = numerals::match_relative_year(text, pos)) {
        int lb;
        char32_t before = cp_before(text, pos, &lb);
        // 以前年 / 之后年: 前/后 belong to the word before.
        if (!((c == U'前' || c == U'后') && utf8::is_han(before))) {
          emit_date(*d);
          return d->end;
        }
      }
      return pos + len;
    }
    // Ordinals.
    if (c == U'第') {
      auto m = scan_numeral(text, pos + len, recognizer_scan_options());
      if (!m || m->negative || (m->error != NumeralError::kNone && m->error != NumeralError::kOutOfRange))
        return pos + len;
      Quantity q;
      q.kind = QuantityKind::kOrdinal;
      q.error = m->error;  // 第99999999999999999999批: an ordinal without a value
      size_t end = m->end;
      // 第3口井: 口 is the wells' classifier here too.
      if (auto u = numerals::reread_classifier(text, m->begin, end, numerals::match_unit(text, end));
          u && u->kind == numerals::UnitKind::kClassifier) {
        q.classifier = std::string(u->classifier);
        end += u->text.size();
      }
      q.span = {static_cast<uint32_t>(pos), static_cast<uint32_t>(end)};
      q.number = {static_cast<uint32_t>(m->begin), static_cast<uint32_t>(m->end)};
      if (q.has_value()) q.value = m->value;
      out.push_back(std::move(q));
      last_end = end;
      return end;
    }
    // 一 glued to the word before it (统一, 唯一, 之一).
    if (c == U'一') {
      int lb;
      if (glued_yi(cp_before(text, pos, &lb))) return pos + len;
    }
    // 百分之 / 千分之 / 万分之 (spaces allowed: 百 分 之).
    if (c == U'百' || c == U'佰' || c == U'千' || c == U'仟' || c == U'万') {
      if (size_t e = spaced_word(text, pos + len, "分之")) {
        int power = (c == U'百' || c == U'佰') ? 0 : (c == U'千' || c == U'仟') ? -1 : -2;
        while (e < text.size() && text[e] == ' ') ++e;
        return percent_of(pos, power, e);
      }
    }
    if (c == U'.') {
      int lb, la;
      char32_t before = cp_before(text, pos, &lb);
      char32_t after = cp_at(text, pos + 1, &la);
      if (is_ascii_alnum(before) || before == U'.' || !(after >= U'0' && after <= U'9')) return pos + 1;
    }
    if (c < 0x80 && c >= '0' && c <= '9') {
      int lb;
      char32_t before = cp_before(text, pos, &lb);
      if (!(before >= '0' && before <= '9') && before != '.') {
        if (auto d = numerals::match_numeric_date(text, pos)) {
          emit_date(*d);
          return d->end;
        }
      }
    }
    if (c == '-' || c == '+' || c == U'－' || c == U'＋') {
      // A sign, unless the dash joins two amounts (1万元-5万元, 3--5).
      int lb;
      char32_t before = cp_before(text, pos, &lb);
      if (is_ascii_alnum(before) || before == U'.' || before == U'-' || before == U'－' || before == U'—' ||
          before == U'~' || before == U'～' || is_numeral_char(before) || numerals::is_measure_char(before))
        return pos + len;
    }
    auto m = scan_numeral(text, pos, recognizer_scan_options());
    if (!m) return pos + len;
    if (m->error != NumeralError::kNone && m->error != NumeralError::kOutOfRange) return m->end;
    if (!starts_with_at(text, m->end, "分之")) {  // 三分之一 is a fraction, not an idiom
      if (size_t skip_to = numerals::skip_name_or_marker(text, *m)) return skip_to;
    }
    if (m->error == NumeralError::kOutOfRange) return out_of_range(*m);
    // Dates and times.
    if (auto d = numerals::match_calendar_date(text, *m)) {
      emit_date(*d);
      return d->end;
    }
    return quantity(*m);
  }

  size_t percent_of(size_t begin, int power, size_t num_pos) {
    auto m = scan_numeral(text, num_pos, recognizer_scan_options());
    if (!m || (m->error != NumeralError::kNone && m->error != NumeralError::kOutOfRange)) return num_pos;
    Quantity q;
    q.unit = "percent";
    auto v = m->error == NumeralError::kNone ? m->value.scale10(power) : std::nullopt;
    if (v) {
      q.value = *v;
      if (m->value_high) q.value_high = m->value_high->scale10(power);
    } else {
      q.error = NumeralError::kOutOfRange;  // 百分之99999999999999999999: a percent without a value
    }
    size_t start = begin, end = m->end;
    if (auto a = numerals::approx_before(text, begin); a && begin - a->text.size() >= last_end) {
      q.approx = a->approx;
      start = begin - a->text.size();
    }
    if (auto a = numerals::approx_after(text, end); a && a->text != "多" && a->text != "余") {
      if (a->approx != Approx::kNone) q.approx = a->approx;
      end += a->text.size();
    }
    q.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
    q.number = {static_cast<uint32_t>(begin), static_cast<uint32_t>(m->end)};
    out.push_back(std::move(q));
    last_end = end;
    return end;
  }

  size_t emit_fraction(const numerals::Fraction& f, size_t begin) {
    Quantity q;
    q.unit = f.percent ? "percent" : "fraction";
    q.value = f.value;
    size_t start = begin;
    Approx a = Approx::kNone;
    if (auto w = numerals::approx_before(text, begin); w && begin - w->text.size() >= last_end) {
      a = w->approx;
      start = begin - w->text.size();
    }
    return finish(q, start, f.end, f.end, a, begin);
  }

  // 角 / 毛 (a tenth) and 分 (a hundredth of a yuan) after 元 at pos: adds
  // them to *value and returns the new end.
  size_t small_change(size_t pos, Decimal* value) {
    for (int part = 0; part < 2; ++part) {
      int len;
      char32_t c = cp_at(text, pos, &len);
      auto nc = numerals::classify_numeral_char(c);
      if (nc.kind != NumCharKind::kDigit && nc.kind != NumCharKind::kArabic) break;
      size_t p = pos + len;
      int power;
      if (starts_with_at(text, p, "角") || starts_with_at(text, p, "毛")) power = -1;
      else if (starts_with_at(text, p, "分") && !starts_with_at(text, p + 3, "之")) power = -2;
      else break;
      auto v = value->add(Decimal(nc.value, power));
      if (!v) break;
      *value = *v;
      pos = p + 3;
    }
    return pos;
  }

  // Rule 3 and 4 for the numeral `m`.
  size_t quantity(NumeralMatch m) {
    Quantity q;
    Approx approx = m.approx_inside ? Approx::kOver : Approx::kNone;
    size_t number_end = m.end;
    Decimal low = m.value;
    std::optional<Decimal> high = m.value_high;
    bool chinese_only = m.has_chinese && !m.has_arabic;
    bool scaled = m.big_unit_power > 0;

    // Fractions: N分之M (三分之一), mixed numbers (一又二分之一, 1 3/5), a/b.
    if (!m.value_high) {
      if (auto f = numerals::read_fraction(text, m)) return emit_fraction(*f, m.begin);
    }

    // Ranges: 3至5万, 3-5万元, 十八至三十万, 两到三千.
    size_t tail = m.end;
    if (!high) {
      size_t conn = connector_len(m.end);
      if (conn) {
        ScanOptions o = recognizer_scan_options();
        o.allow_sign = false;
        auto m2 = scan_numeral(text, m.end + conn, o);
        if (m2 && m2->error == NumeralError::kNone && !m2->value_high) {
          // 2018-2020年, 5-6月: two dates, not a range.
          if (auto d2 = numerals::match_calendar_date(text, *m2); d2 && d2->components == 1 && !d2->relative) {
            if (auto d1 = date_like(m, *d2)) {
              emit_date(*d1);
              return m.end;  // the second date is found next
            }
          }
          Decimal scaled_low = m.value;
          if (m.big_unit_power == 0 && m2->ends_with_unit && !m.has_point && !m.letter_scaled) {
            bool single = m.end - m.begin <= 3 && !m.has_unit;
            if (m2->last_unit_big || single) {
              auto s = m.value.scale10(m2->last_unit_power);
              if (s && !(m2->value < *s)) scaled_low = *s;
            }
          } else if (m2->letter_scaled && !m.letter_scaled && !m.has_unit && !m.has_point) {
            // 10~15k: the suffix scales both ends.
            int power = starts_with_at(text, m2->end - 1, "k") || starts_with_at(text, m2->end - 1, "K") ? 3 : 4;
            auto s = m.value.scale10(power);
            if (s && !(m2->value < *s)) scaled_low = *s;
          }
          if (scaled_low < m2->value) {
            low = scaled_low;
            high = m2->value;
            number_end = m2->end;
            tail = m2->end;
            chinese_only = chinese_only && m2->has_chinese && !m2->has_arabic;
            scaled = scaled || m2->big_unit_power > 0;
            if (m2->approx_inside) approx = Approx::kOver;
          }
        }
      }
    }

    // 5000 人, 5000 余人: text spaced between digits and Chinese (a common
    // typesetting habit) keeps its unit. Only digits, only one or two ASCII
    // spaces, and only before a unit word or 余/多 (not 2019 年: a date).
    if (m.has_arabic && tail < text.size() && text[tail] == ' ') {
      size_t sp = tail + 1;
      if (sp < text.size() && text[sp] == ' ') ++sp;
      const numerals::UnitWord* u = numerals::match_unit(text, sp);
      if ((u && u->kind != numerals::UnitKind::kDuration) || starts_with_at(text, sp, "余") ||
          starts_with_at(text, sp, "多"))
        tail = sp;
    }
    // 余/多/来/几 between the number and its unit: 1000余人, 十几个.
    bool approx_mark = false;
    if (starts_with_at(text, tail, "余") || starts_with_at(text, tail, "多") || starts_with_at(text, tail, "来") ||
        starts_with_at(text, tail, "几")) {
      const numerals::UnitWord* u = numerals::match_unit(text, tail + 3);
      bool unit_follows = u != nullptr || starts_with_at(text, tail + 3, "年");
      int l;
      char32_t next = cp_at(text, tail + 3, &l);
      bool boundary = !utf8::is_han(next);
      bool lai = starts_with_at(text, tail, "来");
      if (unit_follows || (!lai && boundary && !starts_with_at(text, tail, "几"))) {
        approx = Approx::kOver;
        approx_mark = true;
        tail += 3;
      }
    }
    // 两个亿: a classifier before the scale.
    if (starts_with_at(text, tail, "个亿") || starts_with_at(text, tail, "个万")) {
      auto s = low.scale10(starts_with_at(text, tail, "个亿") ? 8 : 4);
      if (s) {
        low = *s;
        if (high) high = high->scale10(starts_with_at(text, tail, "个亿") ? 8 : 4);
        tail += 6;
        scaled = true;
      }
    }

    // The unit word.
    const numerals::UnitWord* unit = numerals::match_unit(text, tail);
    // 5千米, 3千克, 10千瓦, 5兆瓦: a metric prefix read as the numeral's last
    // scale character belongs to the unit word it starts (the kilometre,
    // not thousands of metres; 5兆瓦 would be 5 x 10^12 watts). Only 千 and
    // 兆: 万元 after 80 is 800,000 yuan, and no unit word starts with 亿.
    if (!high && tail == m.end && m.ends_with_unit && m.end - m.begin > 3 &&
        (starts_with_at(text, m.end - 3, "千") || starts_with_at(text, m.end - 3, "兆"))) {
      const numerals::UnitWord* prefixed = numerals::match_unit(text, m.end - 3);
      if (prefixed && (!unit || prefixed->text.size() >= 3 + unit->text.size())) {
        auto m2 = scan_numeral(text.substr(0, m.end - 3), m.begin, recognizer_scan_options());
        if (m2 && m2->end == m.end - 3 && m2->error == NumeralError::kNone) {
          unit = prefixed;
          low = m2->value;
          number_end = m2->end;
          tail = m.end - 3;
          scaled = m2->big_unit_power > 0;
        }
      }
    }
    // 打井30口, 30口机井: 口 counts the wells, not people (kou_classifier.h).
    unit = numerals::reread_classifier(text, m.begin, tail, unit);
    size_t unit_end = unit ? tail + unit->text.size() : tail;
    if (!unit) {
      // Ratio words may stand after spaces or be spaced out: "一百五十 个百分点", "六 点 五 成".
      if (size_t e = spaced_word(text, tail, "个百分点")) {
        unit = numerals::match_unit("个百分点", 0);
        unit_end = e;
      } else {
        size_t sp = tail;
        while (sp < text.size() && text[sp] == ' ') ++sp;
        const numerals::UnitWord* u = sp > tail ? numerals::match_unit(text, sp) : nullptr;
        if (u && (u->kind == numerals::UnitKind::kTenths || u->kind == numerals::UnitKind::kDiscount ||
                  u->kind == numerals::UnitKind::kPercent)) {
          unit = u;
          unit_end = sp + u->text.size();
        }
      }
    }
    if (unit && unit->kind == numerals::UnitKind::kDiscount) {
      // 八折 = 80 %, 75折 = 75 %, 三八折 = 38 %; not 十折, not 折合 (converted to).
      bool two_digits = (m.digit_string || m.digit_pair || (m.has_arabic && !m.has_chinese)) && !(low < Decimal(11)) &&
                        low < Decimal(100) && low.is_integer();
      if (starts_with_at(text, unit_end, "合") || (!(low < Decimal(10)) && !two_digits) || high) unit = nullptr;
    }
    if (unit && unit->kind == numerals::UnitKind::kTenths && Decimal(10) < low) unit = nullptr;
    bool duration_year = false;
    if (!unit && starts_with_at(text, tail, "年") && !starts_with_at(text, tail + 3, "级")) duration_year = true;

    size_t end = tail;
    if (unit) {
      q.unit = std::string(unit->unit);
      q.classifier = std::string(unit->classifier);
      end = unit_end;
      switch (unit->kind) {
        case numerals::UnitKind::kTenths: {
          auto s = low.scale10(1);
          if (s) low = *s;
          if (high) high = high->scale10(1);
          // 三成半 = 35 %, 七成六 = 76 %.
          if (!high && low.is_integer()) {
            size_t sp = end;
            while (sp < text.size() && text[sp] == ' ') ++sp;
            int l;
            char32_t c = cp_at(text, sp, &l);
            auto nc = numerals::classify_numeral_char(c);
            int extra = c == U'半' ? 5 : (nc.kind == NumCharKind::kDigit && !nc.is_zero_char) ? nc.value : -1;
            char32_t after = cp_at(text, sp + l, &l);
            if (extra > 0 && !is_numeral_char(after) && !numerals::is_measure_char(after)) {
              if (auto v = low.add(Decimal(extra))) low = *v;
              end = sp + 3;
            }
          }
          break;
        }
        case numerals::UnitKind::kDiscount:
          if (low < Decimal(10)) {
            if (auto s = low.scale10(1)) low = *s;
          }
          break;
        default: break;
      }
      // 伍仟元整: 整 closes a money amount.
      if (unit->kind == numerals::UnitKind::kMoney && (starts_with_at(text, end, "整") || starts_with_at(text, end, "正")) &&
          m.has_chinese && !m.has_arabic)
        end += 3;
      // 5元3角2分, 五元三毛: jiao and fen after yuan.
      if (unit->unit == "CNY" && !high && (unit->text == "元" || unit->text == "圆")) end = small_change(end, &low);
      // 一吨半, 两米半, 三斤半: and a half.
      if ((unit->kind == numerals::UnitKind::kMeasure || unit->kind == numerals::UnitKind::kDuration) && !high &&
          starts_with_at(text, end, "半") && low.is_integer()) {
        if (auto v = low.add(Decimal(5, -1))) {
          low = *v;
          end += 3;
        }
      }
    } else if (duration_year) {
      q.unit = "year";
      end += 3;
      if (starts_with_at(text, end, "半") && !high && low.is_integer()) {  // 三年半
        if (auto v = low.add(Decimal(5, -1))) {
          low = *v;
          end += 3;
        }
      }
    }
    // Approximation words after: 左右, 上下, 以上, 以下, 多, 余.
    if (auto a = numerals::approx_after(text, end)) {
      bool tight = a->text == "多" || a->text == "余";
      // 多/余 after a unit only when nothing Han follows that could make a word (3年多,  not 人多地少).
      int l;
      char32_t next = cp_at(text, end + a->text.size(), &l);
      if (!tight || ((unit || duration_year) && !approx_mark && !utf8::is_han(next)) ||
          (!unit && !duration_year && !approx_mark && !utf8::is_han(next))) {
        if (a->approx != Approx::kNone) approx = a->approx;
        end += a->text.size();
      }
    }
    // Approximation words before: 约, 近, 超过 ...
    size_t start = m.begin;
    bool has_prefix = false;
    size_t lead = m.begin;
    // ￥300, $20, US$5: a currency sign right before the digits is the
    // unit of an amount that has none after it (and 约$30 is about 30).
    if (!unit && !duration_year && m.has_arabic) {
      if (const CurrencySign* sign = currency_sign_before(text, m.begin); sign && m.begin - sign->text.size() >= last_end) {
        q.unit = std::string(sign->code);
        start = lead = m.begin - sign->text.size();
      }
    }
    // 约 300万元: as after the digits, one or two spaces may stand before them.
    if (m.has_arabic && lead > 0 && text[lead - 1] == ' ') {
      --lead;
      if (lead > 0 && text[lead - 1] == ' ') --lead;
      if (!numerals::approx_before(text, lead)) lead = start;
    }
    if (auto a = numerals::approx_before(text, lead); a && lead - a->text.size() >= last_end) {
      // 近两年, 近3个月: "the last N years", not an approximation.
      bool recent = a->text == "近" && (duration_year || (unit && unit->kind == numerals::UnitKind::kDuration));
      if (!recent) {
        approx = a->approx;
        start = lead - a->text.size();
        has_prefix = true;
      }
    }

    // Rule 4: a bare Chinese numeral needs a reason to be an amount.
    if (chinese_only && !unit && !duration_year && !scaled && approx == Approx::kNone) {
      if (m.digit_string || (m.digit_pair && !high) || !standalone(m, tail, has_prefix)) return numerals::numeral_run_end(text, m.end);
    }
    if (chinese_only && m.digit_pair && !unit && !duration_year) return numerals::numeral_run_end(text, m.end);  // 七八: needs a measure word
    bool discount = unit && unit->kind == numerals::UnitKind::kDiscount;
    if (chinese_only && m.digit_string && !high && !discount) {
      // 一七二零: digit-by-digit readings only stand for numbers with a unit
      // of their own (years are dates); 唯一一个 is not eleven.
      if (m.chinese_digits < 3) return numerals::numeral_run_end(text, m.end);
    }
    if (chinese_only && unit && unit->kind == numerals::UnitKind::kClassifier && numerals::quoted_phrase(text, m.begin, m.end))
      return end;
    // A lone financial digit (陆, 伍, 拾) before a measure word is a word of
    // its own (登陆部队, 队伍): financial numerals count money.
    if (chinese_only && m.end - m.begin == 3 && unit && unit->kind != numerals::UnitKind::kMoney) {
      int l;
      if (numerals::classify_numeral_char(cp_at(text, m.begin, &l)).is_financial) return m.end;
    }

    // 数十个, 几百万元, 上千人次: a vague amount, not ten, a million or a
    // thousand exactly.
    if (chinese_only && !high && (unit || scaled)) vague(m, low, &high, &approx, &start);

    q.value = low;
    q.value_high = high;
    return finish(q, start, number_end, end, approx, m.begin);
  }

  // 数 or 几 right before a numeral that is a power of ten written with
  // its power characters alone (十, 百, 千, 万, 亿; 几百万 too) counts some
  // of them: two to nine times it, about. 上 right before one of 百, 千, 万,
  // 亿 says it reaches that many: over (not in 成千上万, an idiom). 数 ends
  // nouns (人数, 户数, 次数 ...): after one it starts no amount.
  void vague(const NumeralMatch& m, Decimal& low, std::optional<Decimal>* high, Approx* approx, size_t* start) {
    // Written with power characters alone, the numeral is a power of ten.
    if (*approx != Approx::kNone || !power_chars_only(m)) return;
    int lb = 0, le = 0, l;
    const char32_t before = cp_before(text, m.begin, &lb);
    const char32_t first = cp_at(text, m.begin, &l);
    const char32_t earlier = lb > 0 ? cp_before(text, m.begin - static_cast<size_t>(lb), &le) : 0;
    constexpr std::u32string_view kNounsEndingInShu = U"人总户次个基岁票件页字分倍指参函系变常实复单双整小半无多少";
    if (before == U'几' || (before == U'数' && kNounsEndingInShu.find(earlier) == std::u32string_view::npos)) {
      auto lo = low.mul(Decimal(2)), hi = low.mul(Decimal(9));
      if (!lo || !hi) return;
      low = *lo;
      *high = *hi;
      *approx = Approx::kAbout;
      *start = m.begin - static_cast<size_t>(lb);
    } else if (before == U'上' && first != U'十' && earlier != U'千') {
      *approx = Approx::kOver;
      *start = m.begin - static_cast<size_t>(lb);
    }
  }

  // Whether numeral m is written with 十 百 千 万 亿 alone (no digit before them).
  bool power_chars_only(const NumeralMatch& m) const {
    for (size_t p = m.begin; p < m.end;) {
      int l;
      const char32_t c = cp_at(text, p, &l);
      if (std::u32string_view(U"十百千万亿").find(c) == std::u32string_view::npos) return false;
      p += static_cast<size_t>(l);
    }
    return true;
  }

  // Appends q with its span [start, end) and numeral [number_begin, number_end).
  size_t finish(Quantity& q, size_t start, size_t number_end, size_t end, Approx approx,
                size_t number_begin = SIZE_MAX) {
    q.kind = QuantityKind::kQuantity;
    q.approx = approx;
    q.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
    q.number = {static_cast<uint32_t>(number_begin == SIZE_MAX ? start : number_begin),
                static_cast<uint32_t>(number_end)};
    out.push_back(std::move(q));
    last_end = end;
    return end;
  }

  // A range connector at pos: 至, 到, -, ~, ～, －, —, ——, 〜. Its byte length or 0.
  size_t connector_len(size_t pos) {
    if (pos >= text.size()) return 0;
    unsigned char b = static_cast<unsigned char>(text[pos]);
    if (b != '-' && b != '~' && b != 0xE8 && b != 0xE5 && b != 0xEF && b != 0xE2 && b != 0xE3) return 0;
    for (std::string_view w : {std::string_view("——"), std::string_view("至"), std::string_view("到"),
                               std::string_view("-"), std::string_view("~"), std::string_view("～"),
                               std::string_view("－"), std::string_view("—"), std::string_view("〜")}) {
      if (starts_with_at(text, pos, w)) return w.size();
    }
    return 0;
  }

  // m as a date of the same kind as d2 (the end of a date range).
  std::optional<numerals::DateMatch> date_like(const NumeralMatch& m, const numerals::DateMatch& d2) {
    numerals::DateMatch d;
    d.begin = m.begin;
    d.end = m.end;
    d.components = 1;
    if (!m.value.is_integer() || m.negative) return std::nullopt;
    // No year, month or day is larger; a larger value would not fit an int.
    const double value = m.value.to_double();
    if (!(value <= 9999)) return std::nullopt;
    const int v = static_cast<int>(value);
    char buf[16];
    if (d2.date.size() == 4 && is_year_like(m)) {
      d.date = std::to_string(v);
    } else if (d2.date.rfind("--", 0) == 0 && d2.date.size() == 4 && v >= 1 && v <= 12) {
      std::snprintf(buf, sizeof buf, "--%02d", v);
      d.date = buf;
    } else if (d2.date.rfind("---", 0) == 0 && v >= 1 && v <= 31) {
      std::snprintf(buf, sizeof buf, "---%02d", v);
      d.date = buf;
    } else {
      return std::nullopt;
    }
    return d;
  }

  static bool is_year_like(const NumeralMatch& m) { return numerals::is_year_like(m); }
};

}  // namespace

std::vector<Quantity> recognize_quantities(std::string_view text) {
  std::vector<Quantity> out;
  // A news text holds a record every 100 to 200 bytes: room for them from
  // the start spares the vector's regrowth, each moving every record
  // (capped: a long text without figures must not hold a large block).
  out.reserve(std::min<size_t>(text.size() / 128 + 8, 1024));
  Recognizer r{text, out};
  const uint8_t* start_slot = numerals::kRecordStartSlots.data();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = 0, n = text.size();
  while (i < n) {
    // Two 3-byte characters that start nothing, at once: most of a
    // Chinese text (one test of six bytes' high bits, then both looked up
    // by slot, without decoding: 23 to 12 instructions for the pair,
    // callgrind). Whatever their lead, they are stepped over as the loop
    // below steps over them: leads E0-E2 unread, the others (surrogates
    // too) decoded to a code point that starts nothing.
    while (std::endian::native == std::endian::little && i + 8 <= n) {
      uint64_t x;
      std::memcpy(&x, bytes + i, 8);
      // Bytes 0 and 3 lead (1110xxxx), bytes 1, 2, 4, 5 continue (10xxxxxx).
      if ((x & 0x0000C0C0F0C0C0F0ull) != 0x00008080E08080E0ull) break;
      if (start_slot[char_slot::slot(static_cast<uint32_t>(x))] |
          start_slot[char_slot::slot(static_cast<uint32_t>(x >> 24))])
        break;
      i += 6;
    }
    if (i >= n) break;
    uint8_t kind = kLeadTable[bytes[i]];
    if (kind == 0) {
      i += bytes[i] < 0x80 ? 1 : static_cast<size_t>(utf8::sequence_length(bytes[i]));
      continue;
    }
    if (kind == 2) {
      if (i + 2 >= n) break;
      char32_t c = (char32_t(bytes[i] & 0x0F) << 12) | (char32_t(bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F);
      if ((bytes[i + 1] & 0xC0) != 0x80 || (bytes[i + 2] & 0xC0) != 0x80) {
        ++i;  // invalid sequence: resynchronise on the next byte
        continue;
      }
      if (!numerals::may_start_record(c)) {
        i += 3;
        continue;
      }
    }
    size_t next = r.at(i);
    i = next > i ? next : i + 1;
  }
  return out;
}

}  // namespace aidtext
