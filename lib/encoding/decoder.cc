// STUB: replaced by the real detector.
#include "encoding/decoder.h"
#include "core/utf8.h"
namespace aidtext {
Decoded decode(std::string_view input, std::string_view) {
  Decoded d;
  d.text.assign(input);
  d.map = OffsetMap::identity(static_cast<uint32_t>(input.size()));
  d.encoding = "UTF-8";
  return d;
}
}  // namespace aidtext
