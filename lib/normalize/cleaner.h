// Cleaning: converter pinyin artefacts, HTML character references, width
// folding, odd spaces, zero-width characters, CRLF.
#ifndef AIDTEXT_NORMALIZE_CLEANER_H_
#define AIDTEXT_NORMALIZE_CLEANER_H_

#include <string>
#include <string_view>

#include "core/offset_map.h"
#include "normalize/options.h"

namespace aidtext {

struct Cleaned {
  std::string text;
  OffsetMap map;
  uint32_t pinyin_artefacts = 0;
  uint32_t html_references = 0;
  uint32_t width_folds = 0;
};

Cleaned clean_text(std::string_view utf8, const NormalizeOptions& options);

}  // namespace aidtext

#endif  // AIDTEXT_NORMALIZE_CLEANER_H_
