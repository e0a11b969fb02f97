#include "repair/legacy_codecs.h"

#include <array>
#include <cstdlib>
#include <cstring>

// The blob written by make_repair_tables.py `codecs`, little-endian:
//   u32 magic "ACT1"
//   u16 gbk[126 * 191], gb18030[126 * 191], big5[126 * 191]
//        code point of (lead 0x81..0xFE, trail 0x40..0xFE), 0 = unmapped
//   u16 cp1252_c1[32]   what cp1252 makes of bytes 0x80..0x9F (sloppy: the
//                       five undefined bytes stay U+0081, U+008D, ...)
extern "C" const unsigned char aidtext_repair_codecs[];
extern "C" const unsigned long aidtext_repair_codecs_size;

namespace aidtext::repair {
namespace {
constexpr uint32_t kMagic = 0x31544341;
constexpr size_t kTableEntries = 126 * 191;

const uint16_t* table_at(int index) {
  return reinterpret_cast<const uint16_t*>(aidtext_repair_codecs + 4) + index * kTableEntries;
}

// Code point -> byte for the cp1252 characters outside U+0000..U+00FF.
// cp1252's bytes 0x80..0x9F by the character they stand for, for the
// characters U+0100..U+2122 (0: none). A table, not a search of the 32: the
// damage watch asks for every “”—… of clean text.
struct Cp1252Reverse {
  static constexpr char32_t kFirst = 0x100, kLast = 0x2122;
  std::array<uint8_t, kLast - kFirst + 1> byte_of{};
  Cp1252Reverse() {
    const uint16_t* c1 = table_at(3);
    for (int i = 0; i < 32; ++i) {
      const char32_t c = c1[i];
      // The first byte of a character wins, as the search it replaces found it.
      if (c >= kFirst && c <= kLast && !byte_of[c - kFirst]) byte_of[c - kFirst] = static_cast<uint8_t>(0x80 + i);
    }
  }
};
}  // namespace

DoubleByteCodec::DoubleByteCodec(const uint16_t* table, bool big5)
    : table_(table), reverse_(0x10000, 0), big5_(big5) {
  uint32_t magic;
  std::memcpy(&magic, aidtext_repair_codecs, 4);
  if (magic != kMagic || aidtext_repair_codecs_size != 4 + 3 * kTableEntries * 2 + 64) std::abort();
  for (int lead = 0x81; lead <= 0xFE; ++lead)
    for (int trail = 0x40; trail <= 0xFE; ++trail) {
      char32_t c = table_[(lead - 0x81) * kTrails + (trail - 0x40)];
      if (c && !reverse_[c]) reverse_[c] = static_cast<uint16_t>(lead << 8 | trail);
    }
}

const DoubleByteCodec& DoubleByteCodec::get(Codec c) {
  // Each built when first asked for: a reverse table is 128 KiB, 32 page
  // faults, and text damaged one way needs one codec, not three.
  switch (c) {
    case Codec::kGbk: {
      static const DoubleByteCodec gbk(table_at(0), false);
      return gbk;
    }
    case Codec::kGb18030: {
      static const DoubleByteCodec gb18030(table_at(1), false);
      return gb18030;
    }
    case Codec::kBig5: break;
  }
  static const DoubleByteCodec big5(table_at(2), true);
  return big5;
}

bool DoubleByteCodec::valid_trail(uint8_t b) const {
  if (big5_) return (b >= 0x40 && b <= 0x7E) || (b >= 0xA1 && b <= 0xFE);
  return b >= 0x40 && b <= 0xFE && b != 0x7F;
}

int single_byte_of(char32_t c) {
  if (c <= 0xFF) return static_cast<int>(c);
  // cp1252's replacements of 0x80..0x9F lie in U+0152..U+2122: Han and
  // everything above is rejected before the table is looked at.
  if (c > Cp1252Reverse::kLast) return -1;
  static const Cp1252Reverse reverse;
  const uint8_t byte = reverse.byte_of[c - Cp1252Reverse::kFirst];
  return byte ? byte : -1;
}

}  // namespace aidtext::repair
