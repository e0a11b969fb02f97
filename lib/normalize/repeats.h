// Repeated passages: paragraphs or blocks that repeat an earlier one in the
// same document (a web page that prints its article twice, a headline
// repeated in the body).
//
// A paragraph is a line. Two lines are the same when they agree after
// dropping leading indentation and list bullets and trailing whitespace
// (ASCII, U+3000, NBSP), so a copy that is indented or bulleted differently
// still matches. Lines with
// fewer than kMinRepeatedLineChars characters ("微信", "分享至") never make a
// repeat on their own. Consecutive repeated lines whose first copies come
// in the same order merge into one block; blank and short lines between
// them do not break a block, and the first copy may have extra lines in
// between (a "【字体:" control line the second copy lacks).
// Linear time: each line is hashed once (whole bytes, no decoding) and
// looked up in a hash table; candidates are confirmed with memcmp.
#ifndef AIDTEXT_NORMALIZE_REPEATS_H_
#define AIDTEXT_NORMALIZE_REPEATS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/normalized_text.h"

namespace aidtext {

// Shorter lines are trivial: navigation words, bylines, "微信". Eight
// characters is shorter than any real headline or sentence in the genre.
inline constexpr size_t kMinRepeatedLineChars = 8;

// Repeats in order of the later copy; ranges exclude leading indentation and
// bullets and trailing spaces.
std::vector<RepeatedPassage> find_repeated_passages(std::string_view text);

}  // namespace aidtext

#endif  // AIDTEXT_NORMALIZE_REPEATS_H_
