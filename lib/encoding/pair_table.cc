#include "encoding/pair_table.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/utf16.h>

#include <cstring>
#include <memory>
#include <mutex>
#include <vector>

namespace aidtext {
namespace {

struct Counted {
  uint32_t calls = 0;
};

// The same substitution as icu_decode's: U+FFFD for every illegal,
// irregular or unassigned sequence, counted.
void U_CALLCONV substitute(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                           UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;
  ++static_cast<Counted*>(const_cast<void*>(context))->calls;
  static const UChar kReplacement = 0xFFFD;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// Converts `bytes` in one call with flush; false when ICU fails.
bool convert(const char* icu_name, const std::vector<char>& bytes, std::vector<UChar>* units,
             std::vector<int32_t>* offsets, Counted* counted) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open(icu_name, &err));
  if (U_FAILURE(err) || !cnv) return false;
  ucnv_setToUCallBack(cnv.get(), substitute, counted, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return false;
  units->assign(bytes.size() * 2 + 16, 0);
  offsets->assign(units->size(), -1);
  UChar* target = units->data();
  const char* source = bytes.data();
  ucnv_toUnicode(cnv.get(), &target, units->data() + units->size(), &source, bytes.data() + bytes.size(),
                 offsets->data(), /*flush=*/true, &err);
  if (U_FAILURE(err) || source != bytes.data() + bytes.size()) return false;
  const size_t n = static_cast<size_t>(target - units->data());
  units->resize(n);
  offsets->resize(n);
  return true;
}

}  // namespace

bool PairTable::build(const char* icu_name) {
  const bool four_byte = std::strcmp(icu_name, "GB18030") == 0;
  four_byte_ = four_byte;
  // ASCII must decode to itself (the fast paths copy it).
  std::vector<char> ascii(128);
  for (int b = 0; b < 128; ++b) ascii[b] = static_cast<char>(b);
  std::vector<UChar> units;
  std::vector<int32_t> offsets;
  Counted counted;
  if (!convert(icu_name, ascii, &units, &offsets, &counted) || units.size() != 128 || counted.calls) return false;
  for (int b = 0; b < 128; ++b)
    if (units[b] != b || offsets[b] != b) return false;

  // Every high byte followed by every byte, then a line feed: one triple
  // each, so ICU's answer for a pair cannot reach into the next.
  std::vector<char> triples;
  triples.reserve(128 * 256 * 3);
  for (int first = 0x80; first < 0x100; ++first) {
    for (int second = 0; second < 0x100; ++second) {
      triples.push_back(static_cast<char>(first));
      triples.push_back(static_cast<char>(second));
      triples.push_back('\n');
    }
  }
  counted = {};
  if (!convert(icu_name, triples, &units, &offsets, &counted)) return false;
  size_t replacements = 0;
  for (UChar u : units) replacements += u == 0xFFFD;
  // A U+FFFD that ICU mapped itself would be miscounted as invalid.
  if (replacements != counted.calls) return false;

  size_t k = 0;  // the next unit
  for (int t = 0; t < 128 * 256; ++t) {
    const int32_t s = t * 3;
    // The units whose sequences start in this triple.
    const size_t begin = k;
    while (k < units.size() && offsets[k] < s + 3) {
      if (offsets[k] < s) return false;  // out of order: not the model
      ++k;
    }
    const size_t count = k - begin;
    Entry e{0, kGiveUp};
    // A high byte and a digit start a four-byte sequence of GB18030: what
    // ICU does there depends on the next two bytes, which a pair table
    // cannot see.
    const int second = t % 256;
    const bool four_byte_start = four_byte && second >= 0x30 && second <= 0x39;
    // A high byte read as ASCII would be a linear piece of the map, not a
    // block: not the model either (no converter here does it).
    if (!four_byte_start && count >= 2 && offsets[begin] == s && units[begin] >= 0x80 &&
        !U16_IS_SURROGATE(units[begin])) {
      if (count == 2 && offsets[begin + 1] == s + 2 && units[begin + 1] == '\n') e = {units[begin], kPair};
      else if (offsets[begin + 1] == s + 1) e = {units[begin], kSingle};
    }
    entries_[t] = e;
    if (e.kind == kPair) starts_pair_[t / 256] = true;
  }
  return true;
}

const char16_t* PairTable::four_byte_block(int block) {
  // The 1,260 sequences of one (first, second) byte pair, each followed by
  // a line feed, read from ICU the first time a text holds one of them (the
  // whole range at once took 3 to 5 ms; a block, about a tenth of one).
  static constexpr int kBlocks = 4 * 10;
  static std::once_flag once[kBlocks];
  static char16_t table[kBlocks][kFourByteBlock];
  std::call_once(once[block], [block] {
    std::vector<char> bytes;
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
    Counted counted;
    if (!convert("GB18030", bytes, &units, &offsets, &counted)) return;
    for (size_t u = 0; u + 1 < units.size(); ++u) {
      // One unit at a sequence's start, the line feed right after it.
      if (offsets[u] % 5 != 0 || offsets[u + 1] != offsets[u] + 4 || units[u + 1] != '\n') continue;
      if (units[u] < 0x80 || units[u] == 0xFFFD || U16_IS_SURROGATE(units[u])) continue;
      table[block][offsets[u] / 5] = units[u];
    }
  });
  return table[block];
}

const PairTable* PairTable::for_converter(const char* icu_name) {
  struct Slot {
    const char* name;
    std::once_flag once;
    std::unique_ptr<PairTable> table;
  };
  static Slot slots[] = {{"GB18030", {}, nullptr}, {"GBK", {}, nullptr}, {"windows-950", {}, nullptr}};
  if (icu_name == nullptr) return nullptr;
  for (Slot& slot : slots) {
    if (std::strcmp(slot.name, icu_name) != 0) continue;
    std::call_once(slot.once, [&slot] {
      std::unique_ptr<PairTable> t(new PairTable());
      if (t->build(slot.name)) slot.table = std::move(t);
    });
    return slot.table.get();
  }
  return nullptr;
}

}  // namespace aidtext
