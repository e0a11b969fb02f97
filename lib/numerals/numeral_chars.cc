#include "numerals/numeral_chars.h"

#include <array>

namespace aidtext::numerals {
namespace {

using K = NumCharKind;

// The numeral characters from U+3000 on (ASCII digits are classified
// inline), each with what it is. Listed rather than found by a switch over
// every code point: a compile-time loop over 53,000 of them passes clang's
// constexpr step limit.
struct Entry {
  char32_t c;
  NumChar k;
};
constexpr Entry kEntries[] = {
    {U'零', {K::kDigit, 0, false, true, false}}, {U'〇', {K::kDigit, 0, false, true, false}},
    {U'一', {K::kDigit, 1}}, {U'二', {K::kDigit, 2}},
    {U'两', {K::kDigit, 2, true}}, {U'兩', {K::kDigit, 2, true}}, {U'俩', {K::kDigit, 2, true}},
    {U'倆', {K::kDigit, 2, true}},
    {U'三', {K::kDigit, 3}}, {U'四', {K::kDigit, 4}}, {U'五', {K::kDigit, 5}}, {U'六', {K::kDigit, 6}},
    {U'七', {K::kDigit, 7}}, {U'八', {K::kDigit, 8}}, {U'九', {K::kDigit, 9}},
    {U'壹', {K::kDigit, 1, false, false, true}}, {U'贰', {K::kDigit, 2, false, false, true}},
    {U'貳', {K::kDigit, 2, false, false, true}}, {U'叁', {K::kDigit, 3, false, false, true}},
    {U'參', {K::kDigit, 3, false, false, true}}, {U'肆', {K::kDigit, 4, false, false, true}},
    {U'伍', {K::kDigit, 5, false, false, true}}, {U'陆', {K::kDigit, 6, false, false, true}},
    {U'陸', {K::kDigit, 6, false, false, true}}, {U'柒', {K::kDigit, 7, false, false, true}},
    {U'捌', {K::kDigit, 8, false, false, true}}, {U'玖', {K::kDigit, 9, false, false, true}},
    {U'十', {K::kSmallUnit, 1}}, {U'拾', {K::kSmallUnit, 1, false, false, true}},
    {U'百', {K::kSmallUnit, 2}}, {U'佰', {K::kSmallUnit, 2, false, false, true}},
    {U'千', {K::kSmallUnit, 3}}, {U'仟', {K::kSmallUnit, 3, false, false, true}},
    {U'万', {K::kBigUnit, 4}}, {U'萬', {K::kBigUnit, 4}}, {U'亿', {K::kBigUnit, 8}}, {U'億', {K::kBigUnit, 8}},
    {U'兆', {K::kBigUnit, 12}},
    {U'廿', {K::kTens, 2}}, {U'卅', {K::kTens, 3}}, {U'卌', {K::kTens, 4}},
    {U'点', {K::kPoint, 0}}, {U'點', {K::kPoint, 0}},
    {U'负', {K::kNegative, 0}}, {U'負', {K::kNegative, 0}},
    {U'余', {K::kApprox, 0}}, {U'多', {K::kApprox, 0}}, {U'来', {K::kApprox, 0}}, {U'几', {K::kApprox, 0}},
    {U'幾', {K::kApprox, 0}},
};

constexpr NumCharTable build_table() {
  NumCharTable t{};
  int n = 1;  // kinds[0] is "not a numeral character"
  auto add = [&](char32_t c, const NumChar& k) {
    int found = 0;
    for (int i = 1; i < n; ++i) {
      const NumChar& o = t.kinds[i];
      if (o.kind == k.kind && o.value == k.value && o.is_two == k.is_two && o.is_zero_char == k.is_zero_char &&
          o.is_financial == k.is_financial) {
        found = i;
        break;
      }
    }
    if (!found) {
      found = n;
      t.kinds[n++] = k;
    }
    t.index[c - 0x3000] = static_cast<uint8_t>(found);
  };
  for (const Entry& e : kEntries) add(e.c, e.k);
  for (char32_t c = 0xFF10; c <= 0xFF19; ++c) add(c, NumChar{K::kArabic, static_cast<uint8_t>(c - 0xFF10)});
  return t;
}

}  // namespace

// Built at compile time: classify_numeral_char() (inline, numeral_chars.h)
// reads it without a call or a guard for a function-local static.
constinit const NumCharTable kNumCharTable = build_table();

}  // namespace aidtext::numerals
