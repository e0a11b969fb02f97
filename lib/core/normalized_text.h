// NormalizedText: what the normalizer hands to every later stage.
#ifndef AIDTEXT_CORE_NORMALIZED_TEXT_H_
#define AIDTEXT_CORE_NORMALIZED_TEXT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/offset_map.h"
#include "core/range.h"

namespace aidtext {

// One mojibake repair (lib/repair). `input` is in the ORIGINAL bytes,
// `output` in the normalized text.
struct Repair {
  std::string kind;        // e.g. "utf8-as-latin1", "gbk-misaligned", "unrecoverable"
  Range input;
  Range output;
  double confidence = 0;   // 0..1
  uint32_t guessed_chars = 0;  // characters chosen from context, not from known bytes
  bool repaired = true;    // false: flagged as damaged but left as it was
  // Where those characters are, in the same coordinates as `output`: each
  // range inside `output`, on character boundaries, in text order, adjacent
  // guesses merged into one range; empty when guessed_chars is 0. Their
  // bytes were lost and the language model made them up from context, so a
  // later stage must not read them as what the text says (a guessed 上海
  // for 生产 is no place). Together they cover guessed_chars characters,
  // unless a later pass rewrote the repair (text encoded twice: the ranges
  // then widen to what that pass made of them) or a later stage removed a
  // guessed character. The C ABI hands them out
  // (aidtext_result_repair_guessed), the JSON writer as the repair's
  // "guessed"; quantities and metrics overlapping one are flagged `guessed`.
  std::vector<Range> guessed{};  // ({}: aggregate initializers that stop before it stay warning-free)
};

// A paragraph or block that repeats an earlier one in the same document
// (a page that prints its article twice). Both ranges are in normalized text.
struct RepeatedPassage {
  Range passage;  // the later copy
  Range first;    // where it appeared first
};

struct NormalizeReport {
  std::string encoding;            // "UTF-8", "GB18030", "Big5", "UTF-16LE", ...
  double encoding_confidence = 1;  // 0..1; 1 for BOM or valid UTF-8
  bool had_bom = false;
  uint32_t invalid_sequences = 0;  // input sequences that became U+FFFD
  uint32_t pinyin_artefacts = 0;   // converter annotations like 協(xié) removed
  uint32_t html_references = 0;    // &nbsp; &#x4E07; ... decoded
  uint32_t markup_removed = 0;     // HTML tags, comments, declarations, <script>/<style> elements removed
  uint32_t width_folds = 0;        // full-width characters folded to ASCII
  uint32_t spaces_folded = 0;      // U+3000 / NBSP made plain spaces
  uint32_t invisible_removed = 0;  // zero-width characters and inner BOMs removed
  uint32_t line_ends = 0;          // CRLF / lone CR made LF
  uint32_t wraps_joined = 0;       // soft line wraps of fixed-width text removed
  uint32_t punctuation_folded = 0; // ASCII . ( ) in Chinese text made 。（） (万人. -> 万人。)
  uint32_t spaces_removed = 0;     // spaces Chinese typography lacks (截至 2019 年底) removed
  uint32_t converted_chars = 0;    // characters changed by traditional -> simplified
  std::vector<Repair> repairs;
  std::vector<RepeatedPassage> repeats;
};

struct NormalizedText {
  std::string text;  // UTF-8, simplified, NFC-ish, LF line ends
  OffsetMap map;     // text byte -> original input byte range
  NormalizeReport report;
  // Original input range of normalized bytes [begin, end).
  Range to_input(Range r) const { return map.to_input(r); }
};

}  // namespace aidtext

#endif  // AIDTEXT_CORE_NORMALIZED_TEXT_H_
