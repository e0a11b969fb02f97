// Carrying a repair record to a later text: a stage after the repair (a
// second repair pass, the cleaner, the traditional -> simplified
// conversion) rewrites the text, and a Repair's output coordinates must
// follow it. Both its `output` and its `guessed` ranges move together, so
// that every place that moves one moves the other.
#ifndef AIDTEXT_CORE_REPAIR_OUTPUT_H_
#define AIDTEXT_CORE_REPAIR_OUTPUT_H_

#include <span>
#include <vector>

#include "core/normalized_text.h"
#include "core/offset_map.h"

namespace aidtext {

// r.output and r.guessed, given in `map`'s input, moved to its output
// (OffsetMap::to_output: a range inside a block widens to the block). Guessed
// ranges the stage deleted are dropped; ranges that now touch are merged.
void move_repair_output(Repair& r, const OffsetMap& map);

// `ranges` sorted by start, empty ones dropped, overlapping or adjacent
// ones merged into one.
void merge_ranges(std::vector<Range>& ranges);

// Every repair's guessed ranges in one list, sorted and apart
// (merge_ranges); empty for text without guessed characters.
std::vector<Range> all_guessed(const NormalizeReport& report);

// Whether non-empty `span` overlaps one of `guessed` (sorted and apart, as
// all_guessed() gives them).
bool overlaps_guessed(std::span<const Range> guessed, Range span);

}  // namespace aidtext

#endif  // AIDTEXT_CORE_REPAIR_OUTPUT_H_
