// The quantity recognizer: every numeral, quantity, date and ordinal in
// normalized text (spec: quantities.md).
#ifndef AIDTEXT_NUMERALS_RECOGNIZER_H_
#define AIDTEXT_NUMERALS_RECOGNIZER_H_

#include <string_view>
#include <vector>

#include "numerals/quantity.h"

namespace aidtext {

// Records in text order; spans are byte ranges of `text`.
std::vector<Quantity> recognize_quantities(std::string_view text);

}  // namespace aidtext

#endif  // AIDTEXT_NUMERALS_RECOGNIZER_H_
