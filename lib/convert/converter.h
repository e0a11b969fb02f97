// Traditional -> simplified conversion at phrase level: longest match over
// the phrase table, then characters. Tables are generated at build time from
// the OpenCC dictionaries of Debian's opencc package (Apache-2.0), see
// conversion_table.h and make_conversion_tables.py.
//
// The result equals Debian's `opencc -c <variant>.json` (OpenCC 1.1.6):
//   t2s:  longest match over TSPhrases, else TSCharacters, left to right;
//   hk2s, tw2s: the text is cut into segments by a longest-match over
//     TSPhrases (OpenCC's "mmseg" segmentation); within each segment the
//     HK/TW variant-reversal group (phrases, then characters) runs first,
//     then the TS group. No match crosses a segment boundary.
// with the corrections of lib/convert/corrections.tsv on top, unless
// ConvertOptions.corrections is off (then the output is OpenCC's exactly).
// Every entry keeps the character count, so same-length replacements keep
// the offset map linear; a character whose UTF-8 length changes maps as a
// block to its source character.
#ifndef AIDTEXT_CONVERT_CONVERTER_H_
#define AIDTEXT_CONVERT_CONVERTER_H_

#include <string>
#include <string_view>

#include "core/char_watch.h"
#include "core/offset_map.h"
#include "normalize/options.h"

namespace aidtext {

struct Converted {
  std::string text;
  OffsetMap map;                // text byte -> input byte range
  uint32_t converted_chars = 0; // characters that differ from the input
  // A watch (ConvertOptions::watch) asked to stop: text and map are empty.
  bool watch_stopped = false;
};

struct ConvertOptions {
  bool corrections = true;  // apply lib/convert/corrections.tsv on top of OpenCC
  // Shown the input's characters as core/char_watch.h describes, by the pass
  // that reads the input (the first of two for hk2s and tw2s); not shown
  // anything with kNone. Borrowed: must outlive the call.
  CharWatch* watch = nullptr;
};

// `utf8` should be valid UTF-8; invalid bytes are copied through unchanged.
// kNone copies the text with an identity map.
Converted to_simplified(std::string_view utf8, ScriptConversion variant);
Converted to_simplified(std::string_view utf8, ScriptConversion variant,
                        const ConvertOptions& options);
// Takes the text: when no character changes its UTF-8 length (nearly all
// conversions), it is converted in place without a copy.
Converted to_simplified(std::string&& utf8, ScriptConversion variant,
                        const ConvertOptions& options);
inline Converted to_simplified(const char* utf8, ScriptConversion variant,
                               const ConvertOptions& options) {
  return to_simplified(std::string_view(utf8), variant, options);
}

}  // namespace aidtext

#endif  // AIDTEXT_CONVERT_CONVERTER_H_
