// Paragraphs and sentences over normalized text.
//
// A paragraph is one non-blank line (news pages put one paragraph a line; a
// blank line between them changes nothing). A sentence ends after 。！？；!?;
// (with any closing quotes or brackets that follow) or at a line end. Ranges
// are byte ranges of the text, trimmed of spaces (ASCII, U+3000, U+00A0),
// never empty, in text order. The scan is one pass without allocation per
// character; bytes that are not valid UTF-8 are treated as ordinary text.
#ifndef AIDTEXT_TEXT_SEGMENTER_H_
#define AIDTEXT_TEXT_SEGMENTER_H_

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "core/range.h"

namespace aidtext {

struct Sentence {
  Range range;
  uint32_t paragraph = 0;  // index into Segmentation::paragraphs
};

struct Segmentation {
  std::vector<Range> paragraphs;
  std::vector<Sentence> sentences;  // every sentence lies inside its paragraph

  // Index of the sentence holding byte `pos`, or of the last sentence that
  // starts before it (pos in trimmed space); -1 when none does.
  int sentence_at(uint32_t pos) const;
};

Segmentation segment(std::string_view text);

// segment() with the search for sentence ends handed to the caller, for
// one that has the text's characters indexed already (the metric stage's
// CharIndex: skipping to the next end through it took a fifth of the
// instructions of segment()'s walk). `next_end(pos, end)`: the first
// position in [pos, end) where one of 。！？；…!?; starts, or a position
// >= end when none does; `pos` is where a character starts, and so must be
// each position the search passes over as segment() steps (by the length
// its lead byte gives: utf8::sequence_length).
using NextSentenceEnd = std::function<size_t(size_t pos, size_t end)>;
Segmentation segment(std::string_view text, const NextSentenceEnd& next_end);

// Sentences: split after 。！？；!?; and line ends; ranges in `text`, trimmed.
std::vector<Range> split_sentences(std::string_view text);
// Paragraphs: the non-blank lines of `text`, trimmed.
std::vector<Range> split_paragraphs(std::string_view text);

}  // namespace aidtext

#endif  // AIDTEXT_TEXT_SEGMENTER_H_
