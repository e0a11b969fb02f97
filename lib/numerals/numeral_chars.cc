#include "numerals/numeral_chars.h"

#include <array>

namespace aidtext::numerals {
namespace {

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
  // Listed rather than found by a switch over every code point: a
  // compile-time loop over 53,000 of them passes clang's constexpr step
  // limit.
  for_each_listed_numeral_char(add);
  return t;
}

}  // namespace

// Built at compile time: classify_numeral_char() (inline, numeral_chars.h)
// reads it without a call or a guard for a function-local static.
constinit const NumCharTable kNumCharTable = build_table();

}  // namespace aidtext::numerals
