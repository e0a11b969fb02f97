// NormalizeOptions: the switches of the normalizer pipeline.
#ifndef AIDTEXT_NORMALIZE_OPTIONS_H_
#define AIDTEXT_NORMALIZE_OPTIONS_H_

#include <string>

namespace aidtext {

enum class ScriptConversion { kT2S, kHK2S, kTW2S, kNone };

struct NormalizeOptions {
  std::string encoding;       // "" = detect; else an encoding name to force
  bool repair = true;         // lib/repair: mojibake repair
  bool strip_pinyin = true;   // remove converter annotations 協(xié)
  bool fold_width = true;     // full-width digits/letters, odd spaces
  bool decode_html = true;    // &nbsp; &amp; &#x4E07;
  bool strip_markup = true;   // HTML tags, comments, <script>/<style> bodies (normalize/markup.h)
  bool join_wraps = true;     // soft line wraps of fixed-width text (normalize/soft_wraps.h)
  bool cjk_punctuation = true; // ASCII . ( ) in Chinese text -> 。（） (normalize/cjk_punctuation.h)
  bool cjk_spacing = true;    // remove spaces Chinese typography lacks: 2019 年 (normalize/cjk_spacing.h)
  bool find_repeats = true;   // report repeated passages
  ScriptConversion convert = ScriptConversion::kT2S;
  // Apply lib/convert/corrections.tsv on top of OpenCC's tables (off: the
  // conversion equals Debian's `opencc -c t2s.json` exactly).
  bool opencc_corrections = true;
};

}  // namespace aidtext

#endif  // AIDTEXT_NORMALIZE_OPTIONS_H_
