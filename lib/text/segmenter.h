// Paragraphs and sentences over normalized text.
#ifndef AIDTEXT_TEXT_SEGMENTER_H_
#define AIDTEXT_TEXT_SEGMENTER_H_

#include <string_view>
#include <vector>

#include "core/range.h"

namespace aidtext {

// Sentences: split after 。！？；!? and line ends; ranges in `text`, trimmed.
std::vector<Range> split_sentences(std::string_view text);

}  // namespace aidtext

#endif  // AIDTEXT_TEXT_SEGMENTER_H_
