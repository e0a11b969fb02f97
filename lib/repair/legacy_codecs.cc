#include "repair/legacy_codecs.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

// The blob written by make_repair_tables.py `codecs`, little-endian:
//   u32 magic "ACT2"
//   u16 gbk[126 * 191], gb18030[126 * 191], big5[126 * 191]
//        code point of (lead 0x81..0xFE, trail 0x40..0xFE), 0 = unmapped
//   u16 cp1252_c1[32]   what cp1252 makes of bytes 0x80..0x9F (sloppy: the
//                       five undefined bytes stay U+0081, U+008D, ...)
//   u8 cp1252_byte_of[U+0100..U+2122]  the byte of such a character, 0: none
//   (padding to a multiple of 64 bytes)
//   u16 reverse[3][0x10000]  per codec: the pair of a code point, 0: none
//   per codec, DoubleByteCodec::kViewTablesSize bytes: lattice_tables.h's
//                       UnmappedPairBytes, UnmappedPairTable, RejectedBytes
// Embedded 64-byte aligned (CMakeLists.txt).
//
// The reverse tables, the cp1252 bytes and the view tables were built in
// each process at first use: a reverse table was 128 KiB of zeroed heap
// (32 page faults, 0.2M instructions) per codec, the first repair of a GBK
// text built two; the cp1252 bytes were 8 KiB of .bss. Generated (451 KiB
// more of the library), they are read-only pages, faulted in (at 3-4 us,
// not 11-17, and 16 at a time) only where a document reads them.
extern "C" const unsigned char aidtext_repair_codecs[];
extern "C" const unsigned long aidtext_repair_codecs_size;

namespace aidtext::repair {
namespace {
constexpr uint32_t kMagic = 0x32544341;  // "ACT2"
constexpr size_t kTableEntries = 126 * 191;
constexpr char32_t kCp1252First = 0x100, kCp1252Last = 0x2122;
constexpr size_t kByteOfAt = 4 + 3 * kTableEntries * 2 + 64;
constexpr size_t kReverseAt = (kByteOfAt + (kCp1252Last - kCp1252First + 1) + 63) / 64 * 64;
constexpr size_t kViewTablesAt = kReverseAt + 3 * 0x10000 * 2;
constexpr size_t kBlobSize = kViewTablesAt + 3 * DoubleByteCodec::kViewTablesSize;
// Every ByteSet (32 bytes) of the view tables within one cache line.
static_assert(kReverseAt % 64 == 0 && kViewTablesAt % 64 == 0 && DoubleByteCodec::kViewTablesSize % 32 == 0);

const uint16_t* table_at(int index) {
  return reinterpret_cast<const uint16_t*>(aidtext_repair_codecs + 4) + index * kTableEntries;
}

// A mismatched blob is a build error, not a runtime condition.
void check_blob() {
  uint32_t magic;
  std::memcpy(&magic, aidtext_repair_codecs, 4);
  if (magic != kMagic || aidtext_repair_codecs_size != kBlobSize ||
      reinterpret_cast<uintptr_t>(aidtext_repair_codecs) % 64 != 0)
    std::abort();
}
}  // namespace

DoubleByteCodec::DoubleByteCodec(int index)
    : table_(table_at(index)),
      reverse_(reinterpret_cast<const uint16_t*>(aidtext_repair_codecs + kReverseAt) + index * 0x10000),
      view_tables_(aidtext_repair_codecs + kViewTablesAt + index * kViewTablesSize),
      big5_(index == 2) {
  check_blob();
}

const DoubleByteCodec& DoubleByteCodec::get(Codec c) {
  // Each made when first asked for (a few pointers into the blob).
  switch (c) {
    case Codec::kGbk: {
      static const DoubleByteCodec gbk(0);
      return gbk;
    }
    case Codec::kGb18030: {
      static const DoubleByteCodec gb18030(1);
      return gb18030;
    }
    case Codec::kBig5: break;
  }
  static const DoubleByteCodec big5(2);
  return big5;
}

int single_byte_of(char32_t c) {
  if (c <= 0xFF) return static_cast<int>(c);
  // cp1252's replacements of 0x80..0x9F lie in U+0152..U+2122: Han and
  // everything above is rejected before the table is looked at.
  if (c > kCp1252Last) return -1;
  // cp1252's bytes 0x80..0x9F by the character they stand for (a table, not
  // a search of the 32: the damage watch asks for every “”—… of clean text).
  const uint8_t byte = aidtext_repair_codecs[kByteOfAt + (c - kCp1252First)];
  return byte ? byte : -1;
}

}  // namespace aidtext::repair
