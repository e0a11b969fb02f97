// Pinyin annotations that some converters append after a character:
// 協(xié), 區(qū), 億(yì). An annotation is one pinyin syllable with a tone
// mark, in ASCII or full-width parentheses, right after a Han character.
// Real parentheses never match: (资料图), (GDP) (upper case), (a) (no tone
// mark), (including the pictures) (not one syllable).
#ifndef AIDTEXT_NORMALIZE_PINYIN_ANNOTATION_H_
#define AIDTEXT_NORMALIZE_PINYIN_ANNOTATION_H_

#include <cstddef>
#include <string_view>

namespace aidtext {

// Byte length of the annotation "(xié)" / "（xié）" starting at text[pos]
// (which must be the opening parenthesis), or 0 when there is none. The
// caller checks that a Han character precedes it.
size_t pinyin_annotation_length(std::string_view text, size_t pos);

// True when `plain` (lower-case ASCII, tone marks removed, ü as v) is one
// pinyin syllable: an optional initial followed by a final.
bool is_pinyin_syllable(std::string_view plain);

}  // namespace aidtext

#endif  // AIDTEXT_NORMALIZE_PINYIN_ANNOTATION_H_
