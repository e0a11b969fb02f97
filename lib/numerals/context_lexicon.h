// Words around a numeral that decide how it is read: approximation words
// (约, 近, 超过 before; 余, 左右, 以上 after), the few function words that
// let a bare Chinese numeral stand alone (这是五那是四), and the fixed
// expressions whose numerals are not amounts (一条心, 一鼓作气, 四个意识).
#ifndef AIDTEXT_NUMERALS_CONTEXT_LEXICON_H_
#define AIDTEXT_NUMERALS_CONTEXT_LEXICON_H_

#include <cstddef>
#include <string_view>

#include "numerals/quantity.h"

namespace aidtext::numerals {

struct ApproxWord {
  std::string_view text;
  Approx approx;
};

// An approximation word ENDING at byte `end` (约, 大约, 近, 超过, 逾, 不足 ...),
// or nullptr. Knows 最近 / 附近 are not approximations.
const ApproxWord* approx_before(std::string_view text, size_t end);

// An approximation word STARTING at `pos` after a quantity (左右, 上下, 以上,
// 以下, 以内, 多, 余), or nullptr.
const ApproxWord* approx_after(std::string_view text, size_t pos);

// Function words next to which a bare Chinese numeral reads as a number
// (是, 不是, 这, 那, 的, 和 ...). `before`: the word ends at `pos`;
// otherwise it starts at `pos`. Returns its byte length, 0 if none.
size_t function_word_before(std::string_view text, size_t pos);
size_t function_word_after(std::string_view text, size_t pos);

// A fixed expression starting at `pos` whose numeral is not an amount
// (一条心, 一鼓作气, 一口气, 一次性 ...): its byte length, or 0.
size_t fixed_expression_at(std::string_view text, size_t pos);

// Slogan heads after "N个": 四个意识, 两个维护, 四个自信, 三个代表 ... (true
// when the word at `pos` is one of them).
bool slogan_head_at(std::string_view text, size_t pos);

}  // namespace aidtext::numerals

#endif  // AIDTEXT_NUMERALS_CONTEXT_LEXICON_H_
