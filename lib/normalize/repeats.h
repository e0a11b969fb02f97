// Repeated passages: paragraphs or blocks that repeat an earlier one.
#ifndef AIDTEXT_NORMALIZE_REPEATS_H_
#define AIDTEXT_NORMALIZE_REPEATS_H_

#include <string_view>
#include <vector>

#include "core/normalized_text.h"

namespace aidtext {

std::vector<RepeatedPassage> find_repeated_passages(std::string_view text);

}  // namespace aidtext

#endif  // AIDTEXT_NORMALIZE_REPEATS_H_
