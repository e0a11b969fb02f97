// 口 after a number: a count of people (一家三口, 5口人, 全家4口) or the
// classifier of wells, water cellars, ponds, pots, vats and coffins (打井30口,
// 30口机井, 新建水窖120口). The unit lexicon reads 口 as people; this rule
// rereads it as a counting classifier when such an object is what it counts,
// so that a well count never becomes a count of the poor in the metric stage.
#ifndef AIDTEXT_NUMERALS_KOU_CLASSIFIER_H_
#define AIDTEXT_NUMERALS_KOU_CLASSIFIER_H_

#include <cstddef>
#include <string_view>

#include "numerals/unit_lexicon.h"

namespace aidtext::numerals {

// `unit`, the unit word matched at byte `unit_pos` after the numeral that
// starts at `number_begin`, or, when it is the lone 口 counting an object
// (see kou_classifier.cc), the classifier reading of 口 (unit "count",
// classifier 口). nullptr stays nullptr.
const UnitWord* reread_kou(std::string_view text, size_t number_begin, size_t unit_pos, const UnitWord* unit);

}  // namespace aidtext::numerals

#endif  // AIDTEXT_NUMERALS_KOU_CLASSIFIER_H_
