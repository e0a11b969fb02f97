// The repairer's cheap first pass: finds the windows of text that could hold
// mojibake, so that clean text costs one table lookup per character.
//
// A character raises a signal when it is single-byte debris (C1 controls, or
// Latin-1/cp1252 characters close together), a private-use or U+FFFD
// character, a '?' touching non-ASCII text, or when rare characters (by the
// language model's unigram cost) crowd together. Each signal opens a window
// of kContextChars characters either side, clipped at line ends; overlapping
// windows merge.
#ifndef AIDTEXT_REPAIR_DAMAGE_SCAN_H_
#define AIDTEXT_REPAIR_DAMAGE_SCAN_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace aidtext::repair {

enum Signal : uint8_t {
  kSingleByteDebris = 1,
  kPrivateUse = 2,
  kReplacement = 4,
  kQuestionMark = 8,
  kRareRun = 16,
};

struct SuspectWindow {
  uint32_t begin;   // byte range in the text
  uint32_t end;
  uint8_t signals;  // Signal bits seen inside
};

// Characters of context either side of a signal: enough to hold a damaged
// sentence and the clean text the language model compares it with.
inline constexpr uint32_t kContextChars = 48;
// A window longer than this many characters is decoded in pieces: the
// decoder's memory grows with the window (about 1 MB per 1000 characters of
// hole-ridden text), and damage that long is decoded as well piecewise.
inline constexpr uint32_t kMaxWindowChars = 1024;

std::vector<SuspectWindow> find_suspect_windows(std::string_view text);

}  // namespace aidtext::repair

#endif  // AIDTEXT_REPAIR_DAMAGE_SCAN_H_
