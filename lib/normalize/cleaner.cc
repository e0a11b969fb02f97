// STUB: replaced by the real cleaner.
#include "normalize/cleaner.h"
namespace aidtext {
Cleaned clean_text(std::string_view utf8, const NormalizeOptions&) {
  Cleaned c;
  c.text.assign(utf8);
  c.map = OffsetMap::identity(static_cast<uint32_t>(utf8.size()));
  return c;
}
}  // namespace aidtext
