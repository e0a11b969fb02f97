// STUB: replaced by the real repairer.
#include "repair/repairer.h"
namespace aidtext {
Repaired repair_mojibake(std::string_view utf8) {
  Repaired r;
  r.text.assign(utf8);
  r.map = OffsetMap::identity(static_cast<uint32_t>(utf8.size()));
  return r;
}
}  // namespace aidtext
