// The normalizer pipeline: decode -> repair -> clean -> convert, with the
// offset maps of all stages composed into one (see core/offset_map.h).
#ifndef AIDTEXT_NORMALIZE_NORMALIZER_H_
#define AIDTEXT_NORMALIZE_NORMALIZER_H_

#include <string_view>

#include "core/normalized_text.h"
#include "normalize/options.h"

namespace aidtext {

// Never throws on any input (may throw std::bad_alloc). Input larger than
// kMaxDocumentBytes must be refused by the caller.
NormalizedText normalize(std::string_view input, const NormalizeOptions& options);

}  // namespace aidtext

#endif  // AIDTEXT_NORMALIZE_NORMALIZER_H_
