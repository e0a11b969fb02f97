// The characters a quantity record may start with (recognizer.cc's scan
// stops at them): every character that starts a numeral
// (numeral_chars.h: starts_numeral), the first characters of the dates and
// ordinals read without one (第, 今年, 去年, 明年, 前年, 后年), and the
// full-width signs. Three-byte characters only: ASCII digits and signs are
// the scan's lead-byte table.
//
// Built at compile time from the listed numeral characters, so both tables
// are constants in the library's .rodata: built at first use into .bss they
// cost the first recognize_quantities() a loop over 0x3000..0xFFFF and
// 0x10000 slots (0.4M instructions) and 18 page faults (72 KiB of fresh
// pages, about 15 us each); read from .rodata a text touches only a few
// pages, already in the page cache. tests/numerals/recognizer_test.cc
// recomputes both from classify_numeral_char().
#ifndef AIDTEXT_NUMERALS_RECORD_STARTS_H_
#define AIDTEXT_NUMERALS_RECORD_STARTS_H_

#include <array>
#include <cstdint>

#include "core/char_slot.h"
#include "numerals/numeral_chars.h"

namespace aidtext::numerals {

// Calls f(c) for every character that may start a record (some twice).
template <typename F>
constexpr void for_each_record_start(F&& f) {
  for_each_listed_numeral_char([&](char32_t c, const NumChar& n) {
    if (starts_numeral(n)) f(c);
  });
  for (char32_t c : {U'第', U'今', U'去', U'明', U'前', U'后', U'－', U'＋'}) f(c);
}

// One bit per BMP code point: may a record start with it?
inline constexpr std::array<uint64_t, 0x10000 / 64> kRecordStartBits = [] {
  std::array<uint64_t, 0x10000 / 64> bits{};
  for_each_record_start([&](char32_t c) { bits[c >> 6] |= uint64_t{1} << (c & 63); });
  return bits;
}();

inline bool may_start_record(char32_t c) { return c < 0x10000 && ((kRecordStartBits[c >> 6] >> (c & 63)) & 1); }

// The same by char_slot::slot() (core/char_slot.h) of each BMP code point,
// one byte a slot (1: may start a record), for the scan's pairs of
// three-byte characters, looked up without decoding them.
inline constexpr std::array<uint8_t, 0x10000> kRecordStartSlots = [] {
  std::array<uint8_t, 0x10000> slots{};
  for_each_record_start([&](char32_t c) { slots[char_slot::slot_of_char(c)] = 1; });
  return slots;
}();

}  // namespace aidtext::numerals

#endif  // AIDTEXT_NUMERALS_RECORD_STARTS_H_
