#include "numerals/money_parser.h"

#include "core/utf8.h"
#include "numerals/numeral_chars.h"
#include "numerals/recognizer.h"
#include "numerals/text_match.h"
#include "numerals/unit_lexicon.h"

namespace aidtext {
namespace {

using numerals::starts_with_at;

// Removes every occurrence of `w`.
std::string erase_all(std::string s, std::string_view w) {
  for (size_t f; (f = s.find(w)) != std::string::npos;) s.erase(f, w.size());
  return s;
}

// A currency named anywhere in the text; a foreign one wins over 元/人民币
// (新台币 177.1 亿元 is TWD, 三万元欧元 is EUR).
std::string named_currency(std::string_view text, bool* named) {
  std::string best;
  for (size_t i = 0; i < text.size();) {
    if (const numerals::UnitWord* u = numerals::match_unit(text, i); u && u->kind == numerals::UnitKind::kMoney) {
      *named = true;
      if (best.empty() || (best == "CNY" && u->unit != "CNY")) best = std::string(u->unit);
      i += u->text.size();
      continue;
    }
    if (starts_with_at(text, i, "块")) {
      *named = true;
      if (best.empty()) best = "CNY";
    }
    i += static_cast<size_t>(utf8::sequence_length(static_cast<unsigned char>(text[i])));
  }
  return best.empty() ? "CNY" : best;
}

// 角 / 毛 (0.1) and 分 (0.01) after the yuan amount: "1角1分", "六角七分", "三毛".
Decimal small_change(std::string_view text, size_t pos) {
  Decimal total(0);
  for (int part = 0; part < 2 && pos < text.size(); ++part) {
    int len;
    char32_t c = utf8::decode(text, pos, &len);
    auto nc = numerals::classify_numeral_char(c);
    if (nc.kind != numerals::NumCharKind::kDigit && nc.kind != numerals::NumCharKind::kArabic) break;
    size_t p = pos + len;
    int power;
    if (starts_with_at(text, p, "角") || starts_with_at(text, p, "毛")) power = -1;
    else if (starts_with_at(text, p, "分")) power = -2;
    else break;
    if (auto v = total.add(Decimal(nc.value, power))) total = *v;
    pos = p + 3;
  }
  return total;
}

// The place value of the last nonzero digit of v: 3000 -> 1000, 10 -> 10, 2.5 -> 0.1.
Decimal last_place(const Decimal& v) {
  Decimal n = v.normalized();
  return Decimal(1, n.exponent());
}

Decimal to_cents(const Decimal& v) {
  Decimal n = v.normalized();
  if (n.exponent() >= -2) return n;
  int64_t m = n.mantissa();
  for (int e = n.exponent(); e < -3; ++e) m /= 10;  // keep one digit below the cent
  int64_t cents = m / 10 + (m % 10 >= 5 ? 1 : m % 10 <= -5 ? -1 : 0);
  return Decimal(cents, -2).normalized();
}

bool is_connector(std::string_view between) {
  for (std::string_view w : {"-", "--", "—", "——", "~", "～", "至", "到", "－"})
    if (between == w) return true;
  return false;
}

}  // namespace

MoneyAmount parse_money(std::string_view input) {
  MoneyAmount out;
  // "(含)" marks an inclusive bound; "从" opens a range ("从8500到3万").
  std::string text = erase_all(erase_all(std::string(input), "（含）"), "(含)");
  if (starts_with_at(text, 0, "从")) text.erase(0, 3);
  out.currency = named_currency(text, &out.currency_named);

  // 几十万 / 数十亿: an unknown count of the unit, 1 to 10 of it.
  bool vague_count = false;
  for (std::string_view w : {"几", "数"}) {
    size_t f = text.find(w);
    if (f == std::string::npos) continue;
    int len;
    char32_t next = f + 3 < text.size() ? utf8::decode(text, f + 3, &len) : 0;
    auto k = numerals::classify_numeral_char(next).kind;
    bool after_digit = false;
    if (f >= 3) {
      int l2;
      auto prev = numerals::classify_numeral_char(utf8::decode(text, f - 3, &l2)).kind;
      after_digit = prev == numerals::NumCharKind::kDigit || prev == numerals::NumCharKind::kSmallUnit;
    }
    if (!after_digit && (k == numerals::NumCharKind::kSmallUnit || k == numerals::NumCharKind::kBigUnit)) {
      text.replace(f, 3, "一");
      vague_count = true;
      break;
    }
  }

  std::vector<Quantity> qs = recognize_quantities(text);
  const Quantity* first = nullptr;
  const Quantity* second = nullptr;
  for (const Quantity& q : qs) {
    if (q.kind != QuantityKind::kQuantity) continue;
    if (!first) first = &q;
    else if (!second) second = &q;
  }
  if (!first) return out;
  out.ok = true;
  out.value = first->value;
  out.value_high = first->value_high;
  out.approx = first->approx;
  // Two amounts joined by a connector: 1万元--5万元.
  if (second && !first->value_high) {
    std::string_view between = std::string_view(text).substr(first->span.end, second->span.begin - first->span.end);
    if (is_connector(between) && first->value < second->value) {
      out.value_high = second->value_high ? second->value_high : second->value;
      if (second->approx != Approx::kNone) out.approx = second->approx;
    }
  }
  // Yuan and its fractions: 123元1角1分, 十块三毛, 一百三十五块六角七分钱.
  size_t end = first->span.end;
  if (first->unit == "CNY" || first->classifier == "块") {
    if (auto v = out.value.add(small_change(text, end))) out.value = *v;
  }
  std::string_view span = std::string_view(text).substr(first->span.begin, first->span.size());
  // 3000多, 十几: the digits after the last one given are unknown.
  bool indefinite = span.find("多") != std::string_view::npos || span.find("几") != std::string_view::npos ||
                    span.find("余") != std::string_view::npos;
  if (indefinite && !out.value_high) {
    Decimal step = last_place(out.value);
    // Before a scale the step is the scaled digit: 十多万 -> 100000..200000.
    if (auto v = out.value.add(step)) out.value_high = *v;
    if (out.approx == Approx::kOver) out.approx = Approx::kAbout;
  }
  if (vague_count && !out.value_high) {
    if (auto v = out.value.mul(Decimal(10))) out.value_high = *v;
  }
  // Money is counted in cents: round half up to two decimals.
  out.value = to_cents(out.value);
  if (out.value_high) out.value_high = to_cents(*out.value_high);
  return out;
}

}  // namespace aidtext
