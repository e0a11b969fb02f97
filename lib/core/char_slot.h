// The slot of a three-byte UTF-8 character: a perfect hash of its sixteen
// payload bits (4 of the lead byte, 6 of each continuation byte) onto 16
// bits, from the little-endian word that starts with its bytes. One
// multiply instead of the dozen operations that decode the code point, for
// per-character loops that only look a character up in a table of 65536
// entries indexed by slot (the conversion pass's run table, the quantity
// recognizer's start characters). Every code point below U+10000 has its
// own slot, overlong forms and surrogates included.
#ifndef AIDTEXT_CORE_CHAR_SLOT_H_
#define AIDTEXT_CORE_CHAR_SLOT_H_

#include <cstdint>

namespace aidtext::char_slot {

// The UTF-8 bytes of three-byte character c as a little-endian word.
constexpr uint32_t utf8_word(uint32_t c) {
  return (0xE0 | (c >> 12)) | ((0x80 | ((c >> 6) & 0x3F)) << 8) | ((0x80 | (c & 0x3F)) << 16);
}

// The slot of the three-byte character whose bytes start the little-endian
// word w (bits above its third byte are ignored). The multiplier was found
// by random search; slots_are_perfect() checks it at compile time. Words not
// shaped like a three-byte sequence must be rejected first
// (is_three_byte()).
inline constexpr uint64_t kSlotMultiplier = 0xC900440000063055ULL;
constexpr uint32_t slot(uint32_t w) {
  return static_cast<uint32_t>((uint64_t{w & 0x3F3F0Fu} * kSlotMultiplier) >> 48);
}
constexpr uint32_t slot_of_char(uint32_t c) { return slot(utf8_word(c)); }

constexpr bool slots_are_perfect() {
  uint64_t used[0x10000 / 64] = {};
  for (uint32_t c = 0; c < 0x10000; ++c) {
    const uint32_t s = slot_of_char(c);
    if ((used[s >> 6] >> (s & 63)) & 1) return false;
    used[s >> 6] |= uint64_t{1} << (s & 63);
  }
  return true;
}
static_assert(slots_are_perfect(), "kSlotMultiplier must map the 65536 payloads to distinct slots");

// Whether the little-endian word w starts with bytes shaped like a
// three-byte sequence (lead byte E0..EF, two continuation bytes). Overlong
// forms and surrogates pass: a table gives their slots what they need.
constexpr bool is_three_byte(uint32_t w) { return (w & 0xC0C0F0) == 0x8080E0; }

}  // namespace aidtext::char_slot

#endif  // AIDTEXT_CORE_CHAR_SLOT_H_
