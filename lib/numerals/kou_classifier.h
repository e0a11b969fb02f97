// 口 after a number: a count of people (一家三口, 5口人, 全家4口) or the
// classifier of wells, water cellars, ponds, pots, vats and coffins (打井30口,
// 30口机井, 新建水窖120口). The unit lexicon reads 口 as people; this rule
// rereads it as a counting classifier when such an object is what it counts,
// so that a well count never becomes a count of the poor in the metric stage.
// 眼, the other classifier of wells, is kept apart from glances and eyes the
// same way (reread_yan).
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

// 眼 after a number: the classifier of wells, springs, water cellars and cave
// dwellings (打井10眼, 新建机井25眼, 3眼机井, 一眼窑洞), but also a glance
// (看了一眼, 一眼望去) or eyes (两眼发光). `unit` is returned when it is not
// the lexicon's 眼, or when 眼 counts such an object: the noun follows 眼,
// or stands before the number in its clause, or the number is written in
// Arabic digits (新打12眼; a glance or eyes is written with Chinese
// numerals). A look verb before the number (看了一眼, 瞥了两眼) or a word of
// seeing after 眼 (一眼望去, 一眼就认出) makes it a glance even so. Otherwise
// nullptr: 眼 is no unit there, and a Chinese numeral before it counts nothing.
const UnitWord* reread_yan(std::string_view text, size_t number_begin, size_t unit_pos, const UnitWord* unit);

// Both rereadings: what the recognizer calls on every unit word it matches.
inline const UnitWord* reread_classifier(std::string_view text, size_t number_begin, size_t unit_pos,
                                         const UnitWord* unit) {
  return reread_yan(text, number_begin, unit_pos, reread_kou(text, number_begin, unit_pos, unit));
}

}  // namespace aidtext::numerals

#endif  // AIDTEXT_NUMERALS_KOU_CLASSIFIER_H_
