// Mojibake repair over decoded UTF-8 text: finds damaged spans and repairs
// them where a repair is clearly more plausible Chinese than the span.
#ifndef AIDTEXT_REPAIR_REPAIRER_H_
#define AIDTEXT_REPAIR_REPAIRER_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/normalized_text.h"
#include "core/offset_map.h"

namespace aidtext {

struct Repaired {
  std::string text;
  OffsetMap map;                 // output byte -> input (this stage's input) byte range
  std::vector<Repair> repairs;   // ranges: input = this stage's input, output = text
};

Repaired repair_mojibake(std::string_view utf8);

}  // namespace aidtext

#endif  // AIDTEXT_REPAIR_REPAIRER_H_
