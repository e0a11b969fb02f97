#include "encoding/pair_table.h"

#include <unicode/utf16.h>

#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include "encoding/icu_converter.h"

// make_pair_tables.cc's output: GB18030's entries, then windows-950's, then GBK's.
extern "C" const unsigned char aidtext_pair_tables[];
extern "C" const unsigned long aidtext_pair_tables_size;

namespace aidtext {
namespace {

constexpr size_t kTableBytes = 128 * 256 * sizeof(uint16_t);

const uint16_t* entries(int k) {
  // Embedded 64-byte aligned, little-endian as the hosts this builds on.
  return reinterpret_cast<const uint16_t*>(aidtext_pair_tables + k * kTableBytes);
}

}  // namespace

bool PairTable::may_start_pair(uint8_t b) const {
  if (b < 0x80) return false;
  for (int second = 0; second < 256; ++second)
    if (entries_[(b - 0x80) * 256 + second] > 1) return true;
  return false;
}

const char16_t* PairTable::four_byte_block(int block) {
  // The 1,260 sequences of one (first, second) byte pair, each followed by
  // a line feed, read from ICU the first time a text holds one of them (the
  // whole range at once took 3 to 5 ms; a block, about a tenth of one).
  static constexpr int kBlocks = 4 * 10;
  static std::once_flag once[kBlocks];
  static char16_t table[kBlocks][kFourByteBlock];
  std::call_once(once[block], [block] {
    std::string bytes;
    bytes.reserve(kFourByteBlock * 5);
    for (int k = 0; k < kFourByteBlock; ++k) {
      bytes.push_back(static_cast<char>(0x81 + block / 10));
      bytes.push_back(static_cast<char>(0x30 + block % 10));
      bytes.push_back(static_cast<char>(0x81 + k / 10));
      bytes.push_back(static_cast<char>(0x30 + k % 10));
      bytes.push_back('\n');
    }
    std::vector<UChar> units;
    std::vector<int32_t> offsets;
    if (!icu::decode_with_offsets("GB18030", bytes, &units, &offsets)) return;
    const size_t n = units.size();
    for (size_t u = 0; u + 1 < n; ++u) {
      // One unit at a sequence's start, the line feed right after it.
      if (offsets[u] % 5 != 0 || offsets[u + 1] != offsets[u] + 4 || units[u + 1] != '\n') continue;
      if (units[u] < 0x80 || units[u] == 0xFFFD || U16_IS_SURROGATE(units[u])) continue;
      table[block][offsets[u] / 5] = units[u];
    }
  });
  return table[block];
}

const PairTable* PairTable::for_converter(const char* icu_name) {
  if (icu_name == nullptr || aidtext_pair_tables_size < 3 * kTableBytes) return nullptr;
  static const PairTable gb18030(entries(0), true), big5(entries(1), false), gbk(entries(2), false);
  if (std::strcmp(icu_name, "GB18030") == 0) return &gb18030;
  if (std::strcmp(icu_name, "windows-950") == 0) return &big5;
  if (std::strcmp(icu_name, "GBK") == 0) return &gbk;  // a forced "GBK", "GB2312" or "cp936"
  return nullptr;
}

}  // namespace aidtext
