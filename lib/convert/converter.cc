// STUB: replaced by the real converter.
#include "convert/converter.h"
namespace aidtext {
Converted to_simplified(std::string_view utf8, ScriptConversion) {
  Converted c;
  c.text.assign(utf8);
  c.map = OffsetMap::identity(static_cast<uint32_t>(utf8.size()));
  return c;
}
}  // namespace aidtext
