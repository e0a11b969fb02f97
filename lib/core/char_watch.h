// CharWatch: an observer that a per-character pass over UTF-8 text carries
// along, so that a check which needs to see only a few kinds of character
// rides on the pass's own decoding instead of making a pass of its own.
//
// The pipeline uses it for the mojibake repairer's clean-text check
// (repair/damage_watch.h), which rides on the traditional -> simplified pass
// (convert/converter.h): clean Chinese text then costs the check nothing
// but a few rare characters.
//
// Contract for a pass that takes a watch: it shows the watch
//   - every three-byte character whose bit is set in watched(),
//   - every character of another length (one-byte ASCII excepted) and every
//     invalid byte (as U+FFFD of length 1),
//   - the length of every maximal run of ASCII bytes (count_ascii(), an
//     inline add: runs are many, between every two punctuation marks), and
//     the runs that start or end with '?' (see_ascii()),
// each once, in text order, with positions in the text being read. A call
// that returns true means the watch has seen enough: the pass may stop at
// once, and its output is then unusable.
#ifndef AIDTEXT_CORE_CHAR_WATCH_H_
#define AIDTEXT_CORE_CHAR_WATCH_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace aidtext {

class CharWatch {
 public:
  // 0x10000 bits, one per BMP code point: the three-byte characters to show.
  // The same array for the watch's whole life (passes may cache by address).
  virtual const uint64_t* watched() const = 0;
  // Character `c` of `len` bytes at text[pos].
  virtual bool see_char(std::string_view text, size_t pos, char32_t c, int len) = 0;
  // ASCII bytes text[begin, end), a maximal run that starts or ends with '?'.
  virtual bool see_ascii(std::string_view text, size_t begin, size_t end) = 0;
  // The length of a maximal run of ASCII bytes (every run, '?' or not).
  void count_ascii(size_t n) { ascii_seen_ += n; }

 protected:
  ~CharWatch() = default;
  uint64_t ascii_seen_ = 0;  // ASCII bytes counted so far
};

}  // namespace aidtext

#endif  // AIDTEXT_CORE_CHAR_WATCH_H_
