// Traditional -> simplified conversion at phrase level: longest match over
// the phrase table, then characters. Tables are generated at build time from
// the OpenCC dictionaries of Debian's opencc package (Apache-2.0).
#ifndef AIDTEXT_CONVERT_CONVERTER_H_
#define AIDTEXT_CONVERT_CONVERTER_H_

#include <string>
#include <string_view>

#include "core/offset_map.h"
#include "normalize/options.h"

namespace aidtext {

struct Converted {
  std::string text;
  OffsetMap map;
  uint32_t converted_chars = 0;
};

Converted to_simplified(std::string_view utf8, ScriptConversion variant);

}  // namespace aidtext

#endif  // AIDTEXT_CONVERT_CONVERTER_H_
