// Internal to the damage scan (damage_scan.cc): how a hit's window of
// context is found, kContextChars characters either side of it, clipped at
// line ends. Its own header so that the scan's equivalence test
// (tests/repair/damage_scan_equivalence_test.cc), which keeps the scan of
// session 13 as its reference, builds windows with the same code.
#ifndef AIDTEXT_REPAIR_SCAN_CONTEXT_H_
#define AIDTEXT_REPAIR_SCAN_CONTEXT_H_

#include <array>
#include <bit>
#include <cstdint>
#include <string_view>

#include "core/utf8.h"
#include "repair/damage_scan.h"

namespace aidtext::repair::scan_context {


// Bits set in a byte: std::popcount without the POPCNT instruction (not in
// the baseline x86-64 the library is built for) is a call into libgcc,
// made at every rare character.
inline constexpr std::array<uint8_t, 256> kBitCount = [] {
  std::array<uint8_t, 256> t{};
  for (int b = 0; b < 256; ++b) t[b] = static_cast<uint8_t>(std::popcount(static_cast<unsigned>(b)));
  return t;
}();

inline uint32_t back_chars(std::string_view s, uint32_t pos, uint32_t count) {
  while (pos > 0 && count > 0) {
    uint32_t p = pos - 1;
    while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
    if (s[p] == '\n') break;
    pos = p;
    --count;
  }
  return pos;
}

// utf8::sequence_length by table: its chain of comparisons was a branch
// per character, mispredicted where damage mixes one- and three-byte
// characters (4 % of the mispredicted branches of normalize() on dev
// article 001, in cachegrind's branch simulation).
inline const std::array<uint8_t, 256> kSequenceLength = [] {
  std::array<uint8_t, 256> t{};
  for (int b = 0; b < 256; ++b) t[b] = static_cast<uint8_t>(utf8::sequence_length(static_cast<unsigned char>(b)));
  return t;
}();

// `count` characters on from `pos`, stopping at a line end; `*left`: the
// steps it did not take (0 when it took them all).
inline uint32_t forward_chars(std::string_view s, uint32_t pos, uint32_t count, uint32_t* left) {
  const uint32_t n = static_cast<uint32_t>(s.size());
  while (pos < n && count > 0) {
    if (s[pos] == '\n') break;
    pos += kSequenceLength[static_cast<unsigned char>(s[pos])];
    if (pos > n) pos = n;
    --count;
  }
  *left = count;
  return pos;
}

// The end of a hit's context, forward_chars(pos, kContextChars + 1), worked
// out from the last one's where it can: inside damage every rare character
// is a hit, and walking 49 characters on from each was a third of the
// scan of dev article 001 (40k instructions). From the last hit at `from`,
// whose walk of 49 steps ended at `end`, a hit d steps further on ends d
// steps after `end`; a walk that stopped at a line end (or the text's
// end) stops there again. A hit behind the last one, far ahead of it, or
// not on its walk's steps (malformed UTF-8) walks in full.
class ContextEnds {
 public:
  explicit ContextEnds(std::string_view s) : s_(s) {}
  uint32_t end_of(uint32_t pos) {
    constexpr uint32_t kSteps = kContextChars + 1;
    if (from_ != UINT32_MAX && pos >= from_ && pos <= end_ && pos - from_ <= 64) {
      uint32_t q = from_, d = 0;
      while (q < pos) {
        q += kSequenceLength[static_cast<unsigned char>(s_[q])];
        ++d;
      }
      if (q == pos && d <= kSteps) {
        if (full_) {
          uint32_t left;
          end_ = forward_chars(s_, end_, d, &left);
          full_ = left == 0;
        }
        from_ = pos;
        return end_;
      }
    }
    uint32_t left;
    end_ = forward_chars(s_, pos, kSteps, &left);
    full_ = left == 0;
    from_ = pos;
    return end_;
  }

 private:
  std::string_view s_;
  uint32_t from_ = UINT32_MAX, end_ = 0;
  bool full_ = false;  // the walk from from_ took all its steps
};

}  // namespace aidtext::repair::scan_context

#endif  // AIDTEXT_REPAIR_SCAN_CONTEXT_H_
