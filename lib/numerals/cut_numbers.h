// Numbers cut by a lost character: a U+FFFD or a '?' (what a decoder or a
// lossy save leaves for a character it could not read) with numerals on
// both sides, 1�200人, 0.�5%, 3?500万元. The recognizer reads two figures
// there (1, and 200人), neither of which the text says; the second became a
// poverty figure of 200 people with nothing to show it was not read whole.
// Such figures are flagged as best-effort readings whose value may be
// wrong, as those read from characters the repairer guessed are
// (Quantity::guessed, MetricRecord::guessed).
#ifndef AIDTEXT_NUMERALS_CUT_NUMBERS_H_
#define AIDTEXT_NUMERALS_CUT_NUMBERS_H_

#include <string_view>

#include "core/range.h"

namespace aidtext {

// Whether the numeral at `number` (byte offsets in `text`, as
// Quantity::number) belongs to a number cut by a lost character: past the
// numerals around it (digits of every kind, the units 十百千万亿 and
// theirs, '.' and ','; is_numeral() in the .cc) lies a run of U+FFFD or
// '?' with a numeral beyond it. Asked of a text's figures only, never of
// the text as a whole: a few characters each.
bool number_cut_by_hole(std::string_view text, Range number);

}  // namespace aidtext

#endif  // AIDTEXT_NUMERALS_CUT_NUMBERS_H_
