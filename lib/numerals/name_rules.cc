// Rule 1 of the recognizer: names and markers that contain numerals (see
// name_rules.h).
#include "numerals/name_rules.h"

#include "numerals/char_context.h"
#include "numerals/context_lexicon.h"
#include "numerals/unit_lexicon.h"

namespace aidtext::numerals {

// Rule 1: names and markers. Returns the end of the skipped run, or 0.
size_t skip_name_or_marker(std::string_view text, const NumeralMatch& m) {
  int lb, la;
  char32_t before = cp_before(text, m.begin, &lb);
  char32_t after = cp_at(text, m.end, &la);
  bool arabic_only = m.has_arabic && !m.has_chinese;
  // 双 ("double", itself a numeral word) glued to a numeral makes a name, not
  // an amount: 双十一 / 双11 / 双12 (shopping festivals named after their
  // dates), 双百 and 双一流 (campaigns). Chinese writes a count of two as 两,
  // never 双 + numeral, so nothing after 双 counts on its own. After a
  // number, 双 is the classifier "pair" (袜子五双九点九: 9.9 stands alone).
  if (before == U'双') {
    int l2;
    char32_t before_shuang = cp_before(text, m.begin - lb, &l2);
    if (!is_numeral_char(before_shuang) && !(before_shuang >= U'0' && before_shuang <= U'9'))
      return numeral_run_end(text, m.end);
  }
  // Inside a URL, e-mail address or percent-encoded string: the whole run
  // of non-space ASCII is skipped.
  if (arabic_only && ((before > 0x20 && before < 0x7F) || (after > 0x20 && after < 0x7F))) {
    size_t b = m.begin, e = m.end;
    while (b > 0 && static_cast<unsigned char>(text[b - 1]) > 0x20 && static_cast<unsigned char>(text[b - 1]) < 0x7F) --b;
    while (e < text.size() && static_cast<unsigned char>(text[e]) > 0x20 && static_cast<unsigned char>(text[e]) < 0x7F) ++e;
    std::string_view run = text.substr(b, e - b);
    if (run.find("://") != std::string_view::npos || run.find("www.") != std::string_view::npos ||
        run.find('@') != std::string_view::npos || run.find('=') != std::string_view::npos ||
        run.find("%2") != std::string_view::npos)
      return e;
  }
  // Codes glued to Latin letters or digits: G20, 5G, No.3 (not 5km, 168cm).
  bool latin_unit = false;
  if (is_ascii_letter(after)) {
    const UnitWord* u = match_unit(text, m.end);
    int l;
    latin_unit = u && u->text[0] < 0x7F && !is_ascii_letter(cp_at(text, m.end + u->text.size(), &l));
  }
  if (arabic_only && (is_ascii_letter(before) || (is_ascii_letter(after) && !latin_unit))) {
    size_t e = m.end;
    while (e < text.size() && is_ascii_alnum(static_cast<unsigned char>(text[e]))) ++e;
    return e;
  }
  // Codes with a leading zero: area codes and serial numbers (0931-8888888, 007).
  // (Not before a date or time word: 05月22日, 08:30.)
  if (arabic_only && m.end - m.begin >= 2 && text[m.begin] == '0' && text[m.begin + 1] >= '0' &&
      text[m.begin + 1] <= '9' && after != U'年' && after != U'月' && after != U'日' && after != U'号' &&
      after != U'时' && after != U'点' && after != U'分' && after != U':' && after != U'.') {
    size_t e = m.end;
    while (e < text.size() && ((text[e] >= '0' && text[e] <= '9') || text[e] == '-')) ++e;
    return e;
  }
  // Plan names joined by '+': 1+17, 1+19.
  if (arabic_only && (after == U'+' || after == U'＋')) {
    size_t e = m.end + la;
    int l2;
    if (cp_at(text, e, &l2) >= U'0' && cp_at(text, e, &l2) <= U'9') {
      while (e < text.size() && (is_ascii_alnum(static_cast<unsigned char>(text[e])) || text[e] == '+')) ++e;
      return e;
    }
  }
  if (arabic_only && before == U'+') return m.end;
  // Plan names: a bare Arabic number alone in quotes (“1236”).
  if (arabic_only && is_open_quote(before) && is_close_quote(after)) return m.end;
  // List markers: 一、  1、  (一)  （1）  一是 / 二是 at a clause start.
  if (after == U'、' && !m.has_point) return m.end + la;
  if ((before == U'(' || before == U'（') && (after == U')' || after == U'）')) return m.end + la;
  if (m.has_chinese && !m.has_arabic && starts_with_at(text, m.end, "是") && !m.has_unit &&
      (before == 0 || !utf8::is_han(before))) {
    return m.end + 3;
  }
  if (arabic_only && (after == U'.' || after == U'．') && (before == 0 || before == U'\n' || before == U' ')) {
    int l2;
    char32_t next = cp_at(text, m.end + la, &l2);
    if (!(next >= U'0' && next <= U'9')) return m.end + la;
  }
  if (!m.has_chinese || m.has_arabic) return 0;
  // Chinese numerals only from here.
  if (size_t fixed = fixed_expression_at(text, m.begin)) return m.begin + fixed;
  // Five-year plans: 十一五 .. 十四五.
  if (after == U'五' && m.chinese_digits == 1 && m.has_unit && !(m.value < Decimal(11)) &&
      !(Decimal(15) < m.value) && !m.value_high)
    return m.end + la;
  bool single = m.end - m.begin == 3;  // one character
  if (single && !m.has_point && utf8::is_han(after) && !is_numeral_char(after)) {
    // Parallel idioms: N1 X [X] N2 Y with single numerals (一户一策,
    // 两不愁三保障, 三省四县, 一带一路, 一月一走访). N2 must not be followed
    // by a measure word (一年两次 is two amounts). The characters after X
    // are decoded once for both gaps: d1 d2 (X N2 Y) or d1 d2 d3 (X X N2 Y).
    // Y is a measure word when a unit word starts there (一年两次), not
    // merely a character that starts one: 一破一立 is an idiom, 立方米 a unit.
    auto idiom = [&text](char32_t n2, char32_t y, size_t y_at) {
      auto n2c = classify_numeral_char(n2);
      if (n2c.kind != NumCharKind::kDigit && n2c.kind != NumCharKind::kBigUnit &&
          n2c.kind != NumCharKind::kSmallUnit)
        return false;
      if (!utf8::is_han(y) || is_numeral_char(y) || match_unit(text, y_at)) return false;
      return y != U'毛' && y != U'角';  // 十块三毛: yuan and jiao
    };
    const size_t p1 = m.end + la;
    int l1, l2, l3;
    const char32_t d1 = cp_at(text, p1, &l1);
    const char32_t d2 = cp_at(text, p1 + l1, &l2);
    if (idiom(d1, d2, p1 + l1)) return p1 + l1;
    if (utf8::is_han(d1) && !is_numeral_char(d1)) {
      const char32_t d3 = cp_at(text, p1 + l1 + l2, &l3);
      if (idiom(d2, d3, p1 + l1 + l2)) return p1 + l1 + l2;
    }
  }
  // N个 slogans: 四个意识, 两个维护, 五个一批.
  if (starts_with_at(text, m.end, "个") && slogan_head_at(text, m.end + 3) && m.chinese_digits == 1 &&
      !m.has_unit) {
    // 五个一批, 两个一百年: the numeral inside the slogan goes with it.
    size_t e = m.end + 3;
    int l;
    if (is_numeral_char(cp_at(text, e, &l))) {
      e = numeral_run_end(text, e);
      if (utf8::is_han(cp_at(text, e, &l))) e += l;
    }
    return e;
  }
  // 届: a session number (十八届五中全会) names a meeting.
  if (starts_with_at(text, m.end, "届")) return m.end + 3;
  return 0;
}

// Short numbered phrases alone in quotes (“三个落实”, “三大清零”,
// “六个精准”): names of campaigns, not amounts.
bool quoted_phrase(std::string_view text, size_t begin, size_t end) {
  int l;
  if (!is_open_quote(cp_before(text, begin, &l))) return false;
  size_t p = end;
  for (int k = 0; k < 4 && p < text.size(); ++k) {
    char32_t c = cp_at(text, p, &l);
    if (is_close_quote(c)) return true;
    if (!utf8::is_han(c)) return false;
    p += l;
  }
  return false;
}

}  // namespace aidtext::numerals
