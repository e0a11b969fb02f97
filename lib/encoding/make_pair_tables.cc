// Build-time generator of the pair tables (pair_table.h): asks the ICU the
// library is built with what its GB18030, windows-950 (Big5) and GBK
// converters do with every high byte followed by every byte, and writes the answers.
//
//   make_pair_tables OUT.bin
//
// OUT.bin holds, for GB18030, windows-950 and GBK, 128 * 256 little-endian
// uint16 entries, first byte 0x80..0xFF by second byte 0x00..0xFF:
//   0       not decided by these two bytes (the decoder lets ICU read the text)
//   1       the first byte alone is illegal: one U+FFFD, the second byte is
//           read again from scratch
//   other   both bytes are this character (U+FFFD: an unassigned pair)
// A converter whose answers do not fit that model gets zeros throughout.
// (Built at first use until session 21, the two tables cost a process's
// first GBK document about 3 ms.)
#include <unicode/utf16.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "encoding/icu_converter.h"

namespace {

constexpr int kEntries = 128 * 256;

// The entries of one converter, or false when its answers break the model.
bool entries_of(const char* icu_name, std::vector<uint16_t>* out) {
  // ASCII must decode to itself (the decoder copies it).
  std::string ascii(128, '\0');
  for (int b = 0; b < 128; ++b) ascii[b] = static_cast<char>(b);
  std::vector<UChar> units;
  std::vector<int32_t> offsets;
  uint32_t substituted = 0;
  if (!aidtext::icu::decode_with_offsets(icu_name, ascii, &units, &offsets, &substituted) || units.size() != 128 ||
      substituted)
    return false;
  for (int b = 0; b < 128; ++b)
    if (units[b] != b || offsets[b] != b) return false;

  // Every high byte followed by every byte, then a line feed: one triple
  // each, so ICU's answer for a pair cannot reach into the next.
  std::string triples;
  triples.reserve(kEntries * 3);
  for (int first = 0x80; first < 0x100; ++first) {
    for (int second = 0; second < 0x100; ++second) {
      triples.push_back(static_cast<char>(first));
      triples.push_back(static_cast<char>(second));
      triples.push_back('\n');
    }
  }
  substituted = 0;
  if (!aidtext::icu::decode_with_offsets(icu_name, triples, &units, &offsets, &substituted)) return false;
  size_t replacements = 0;
  for (UChar u : units) replacements += u == 0xFFFD;
  // A U+FFFD that ICU mapped itself would be miscounted as invalid.
  if (replacements != substituted) return false;

  // A high byte and a digit start a four-byte sequence of GB18030: what ICU
  // does there depends on the next two bytes, which a pair cannot show.
  const bool four_byte = std::strcmp(icu_name, "GB18030") == 0;
  out->assign(kEntries, 0);
  size_t k = 0;  // the next unit
  for (int t = 0; t < kEntries; ++t) {
    const int32_t s = t * 3;
    const size_t begin = k;  // the units whose sequences start in this triple
    while (k < units.size() && offsets[k] < s + 3) {
      if (offsets[k] < s) return false;  // out of order: not the model
      ++k;
    }
    const size_t count = k - begin;
    const int second = t % 256;
    if (four_byte && second >= 0x30 && second <= 0x39) continue;
    // A high byte read as ASCII, or as half a surrogate pair: not the model.
    if (count < 2 || offsets[begin] != s || units[begin] < 0x80 || U16_IS_SURROGATE(units[begin])) continue;
    if (count == 2 && offsets[begin + 1] == s + 2 && units[begin + 1] == '\n') {
      (*out)[t] = units[begin];  // both bytes, one character
    } else if (offsets[begin + 1] == s + 1 && units[begin] == 0xFFFD) {
      (*out)[t] = 1;  // the first byte alone, illegal; the second read again
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_pair_tables OUT.bin\n");
    return 2;
  }
  std::vector<unsigned char> blob;
  for (const char* name : {"GB18030", "windows-950", "GBK"}) {
    std::vector<uint16_t> entries;
    if (!entries_of(name, &entries)) {
      std::fprintf(stderr, "make_pair_tables: %s does not fit the model: its table gives up everywhere\n", name);
      entries.assign(kEntries, 0);
    }
    for (uint16_t e : entries) {
      blob.push_back(static_cast<unsigned char>(e & 0xFF));
      blob.push_back(static_cast<unsigned char>(e >> 8));
    }
  }
  std::FILE* f = std::fopen(argv[1], "wb");
  if (!f || std::fwrite(blob.data(), 1, blob.size(), f) != blob.size() || std::fclose(f) != 0) {
    std::fprintf(stderr, "make_pair_tables: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
