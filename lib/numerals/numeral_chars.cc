#include "numerals/numeral_chars.h"

#include <array>

namespace aidtext::numerals {
namespace {

constexpr NumChar classify_slow(char32_t c) {
  using K = NumCharKind;
  if (c >= U'0' && c <= U'9') return {K::kArabic, static_cast<uint8_t>(c - U'0')};
  if (c >= 0xFF10 && c <= 0xFF19) return {K::kArabic, static_cast<uint8_t>(c - 0xFF10)};
  if (c < 0x3000) return {};
  switch (c) {
    case U'零': case U'〇': return {K::kDigit, 0, false, true, false};
    case U'一': return {K::kDigit, 1};
    case U'二': return {K::kDigit, 2};
    case U'两': case U'兩': case U'俩': case U'倆': return {K::kDigit, 2, true};
    case U'三': return {K::kDigit, 3};
    case U'四': return {K::kDigit, 4};
    case U'五': return {K::kDigit, 5};
    case U'六': return {K::kDigit, 6};
    case U'七': return {K::kDigit, 7};
    case U'八': return {K::kDigit, 8};
    case U'九': return {K::kDigit, 9};
    case U'壹': return {K::kDigit, 1, false, false, true};
    case U'贰': case U'貳': return {K::kDigit, 2, false, false, true};
    case U'叁': case U'參': return {K::kDigit, 3, false, false, true};
    case U'肆': return {K::kDigit, 4, false, false, true};
    case U'伍': return {K::kDigit, 5, false, false, true};
    case U'陆': case U'陸': return {K::kDigit, 6, false, false, true};
    case U'柒': return {K::kDigit, 7, false, false, true};
    case U'捌': return {K::kDigit, 8, false, false, true};
    case U'玖': return {K::kDigit, 9, false, false, true};
    case U'十': return {K::kSmallUnit, 1};
    case U'拾': return {K::kSmallUnit, 1, false, false, true};
    case U'百': return {K::kSmallUnit, 2};
    case U'佰': return {K::kSmallUnit, 2, false, false, true};
    case U'千': return {K::kSmallUnit, 3};
    case U'仟': return {K::kSmallUnit, 3, false, false, true};
    case U'万': case U'萬': return {K::kBigUnit, 4};
    case U'亿': case U'億': return {K::kBigUnit, 8};
    case U'兆': return {K::kBigUnit, 12};
    case U'廿': return {K::kTens, 2};
    case U'卅': return {K::kTens, 3};
    case U'卌': return {K::kTens, 4};
    case U'点': case U'點': return {K::kPoint, 0};
    case U'负': case U'負': return {K::kNegative, 0};
    case U'余': case U'多': case U'来': case U'几': case U'幾': return {K::kApprox, 0};
    default: return {};
  }
}


constexpr NumCharTable build_table() {
  NumCharTable t{};
  int n = 1;  // kinds[0] is "not a numeral character"
  for (char32_t c = 0x3000; c < 0x10000; ++c) {
    NumChar k = classify_slow(c);
    if (k.kind == NumCharKind::kNone) continue;
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
  }
  return t;
}

}  // namespace

// Built at compile time: classify_numeral_char() (inline, numeral_chars.h)
// reads it without a call or a guard for a function-local static.
constinit const NumCharTable kNumCharTable = build_table();

}  // namespace aidtext::numerals
