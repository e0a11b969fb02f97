// Mojibake repair over decoded UTF-8 text: finds damaged spans and repairs
// them where a repair is clearly more plausible Chinese than the span.
//
// A cheap first pass (damage_scan.h) picks windows that look damaged; each is
// decoded under the hypotheses its signals suggest (lattice.h) and scored by a
// character language model built from jieba's dictionary (char_lm.h).
// Repair.kind is one of:
//   reversible: "utf8-as-latin1", "utf8-as-cp1252", "utf8-double-encoded",
//               "gbk-as-latin1", "big5-as-gb18030", "gbk-as-big5";
//   lossy:      "utf8-as-gbk", "big5-as-gbk", "gbk-as-big5", "gbk-misaligned"
//               (guessed_chars > 0: characters with a byte chosen by context);
//   "unrecoverable" (repaired = false): U+FFFD / 锟斤拷 / private-use runs,
//               left as they are.
// A repaired span maps to its input span in pieces of about a character: each
// output character (a block of the offset map) to the damaged characters that
// held its bytes (repairer.cc, write_by_steps).
// Work per call is bounded (kWorkBudget in repairer.cc): hostile input ends in
// well under a second and is left as it is where the budget runs out.
#ifndef AIDTEXT_REPAIR_REPAIRER_H_
#define AIDTEXT_REPAIR_REPAIRER_H_

#include <optional>
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

// Thread-safe; never throws except std::bad_alloc. `utf8` need not be valid:
// invalid bytes are left as they are.
Repaired repair_mojibake(std::string_view utf8);
// The same, but nullopt when there is nothing to repair or flag (the common
// case), so that clean text is neither copied nor given an identity map.
std::optional<Repaired> repair_mojibake_if_damaged(std::string_view utf8);
// The same, when the caller knows that no character of `utf8` before
// `first_signal` could raise a signal of the damage scan or be 锟 (a
// repair::DamageWatch reading the text fired there: DamageWatch::fired_at):
// the scan skips the lines before it. The result is the same.
std::optional<Repaired> repair_mojibake_if_damaged(std::string_view utf8, size_t first_signal);

}  // namespace aidtext

#endif  // AIDTEXT_REPAIR_REPAIRER_H_
