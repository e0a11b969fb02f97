#include "convert/conversion_table.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "convert/char_runs.h"

// Generated at build time (lib/convert/CMakeLists.txt), embedded by aidtext_embed.
extern "C" const unsigned char aidtext_table_ts[];
extern "C" const unsigned long aidtext_table_ts_size;
extern "C" const unsigned char aidtext_table_hk[];
extern "C" const unsigned long aidtext_table_hk_size;
extern "C" const unsigned char aidtext_table_tw[];
extern "C" const unsigned long aidtext_table_tw_size;

namespace aidtext {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the generated tables are little-endian");

constexpr char kMagic[8] = {'A', 'I', 'D', 'C', 'N', 'V', '0', '3'};
constexpr size_t kHeaderSize = 128;
constexpr size_t kBmpBytes = 0x10000 * 2;
constexpr size_t kStartBytes = 0x10000 / 8;
constexpr size_t kPairBytes = 0x10000 / 8;
constexpr size_t kActiveBytes = 0x10000 / 8;
constexpr size_t kRunBytes = 0x10000 * 4;
constexpr size_t kWatchedBytes = 0x10000 / 8;
constexpr size_t kPhraseEntrySize = 16;
constexpr uint16_t kFlagCorrection = 1;
constexpr uint16_t kFlagSplitLinear = 2;
constexpr uint32_t kHeaderFlagSupplementaryStart = 1;
constexpr uint32_t kHeaderFlagNoBmp = 2;
constexpr uint32_t kHeaderFlagFastTables = 4;
constexpr uint32_t kHeaderFlagWatched = 8;

bool is_three_byte_char(uint32_t c) { return c >= 0x800 && c < 0x10000 && (c < 0xD800 || c > 0xDFFF); }

uint32_t read_u32(const unsigned char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
uint64_t read_u64(const unsigned char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
uint16_t read_u16(const unsigned char* p) {
  uint16_t v;
  std::memcpy(&v, p, 2);
  return v;
}

[[noreturn]] void corrupt(const char* name, const char* what) {
  std::fprintf(stderr, "aidtext: embedded conversion table %s is corrupt: %s\n", name, what);
  std::abort();
}

struct PhraseEntry {
  uint32_t key_off, value_off;
  uint16_t key_len, value_len, flags, key_chars;
};

}  // namespace

ConversionTable::ConversionTable(const unsigned char* data, unsigned long size, const char* name) {
  if (size < kHeaderSize || std::memcmp(data, kMagic, 8) != 0) corrupt(name, "bad header");
  const uint32_t total = read_u32(data + 8);
  const uint32_t flags = read_u32(data + 12);
  const uint32_t bmp_off = read_u32(data + 16), start_off = read_u32(data + 20);
  const uint32_t supp_off = read_u32(data + 24), supp_count = read_u32(data + 28);
  const uint32_t index_off = read_u32(data + 32), phrase_count = read_u32(data + 36);
  const uint32_t strings_off = read_u32(data + 40), strings_size = read_u32(data + 44);
  const uint32_t pair_off = read_u32(data + 52);
  const uint32_t active_off = read_u32(data + 56), runs_off = read_u32(data + 60);
  const uint32_t watched_off = read_u32(data + 64), watched_runs_off = read_u32(data + 68);
  // Every section must lie inside the table (the embedded size may include
  // alignment padding after it, never less).
  if (total > size) corrupt(name, "truncated");
  auto inside = [&](uint64_t off, uint64_t len) { return off + len <= total; };
  const bool has_bmp = !(flags & kHeaderFlagNoBmp);
  const bool has_fast_tables = flags & kHeaderFlagFastTables;
  const bool has_watched = flags & kHeaderFlagWatched;
  if (has_bmp && !has_fast_tables) corrupt(name, "a group with a bmp array needs its fast tables");
  if (has_watched && !has_fast_tables) corrupt(name, "a watched set needs the fast tables");
  if ((has_bmp && !inside(bmp_off, kBmpBytes)) || !inside(start_off, kStartBytes) ||
      !inside(pair_off, kPairBytes) ||
      !inside(supp_off, uint64_t{supp_count} * 8) ||
      !inside(index_off, uint64_t{phrase_count} * kPhraseEntrySize) ||
      !inside(strings_off, strings_size) || bmp_off % 2 || supp_off % 4 ||
      (has_fast_tables && (!inside(active_off, kActiveBytes) || !inside(runs_off, kRunBytes) ||
                           active_off % 8 || runs_off % 4)) ||
      (has_watched && (!inside(watched_off, kWatchedBytes) || !inside(watched_runs_off, kRunBytes) ||
                       watched_off % 8 || watched_runs_off % 4)))
    corrupt(name, "section out of bounds");
  bmp_ = has_bmp ? reinterpret_cast<const uint16_t*>(data + bmp_off) : nullptr;
  start_ = data + start_off;
  pairs_ = data + pair_off;
  supplementary_ = reinterpret_cast<const uint32_t*>(data + supp_off);
  supplementary_count_ = supp_count;
  index_ = data + index_off;
  phrase_count_ = phrase_count;
  strings_ = reinterpret_cast<const char*>(data + strings_off);
  strings_size_ = strings_size;
  supplementary_phrase_start_ = flags & kHeaderFlagSupplementaryStart;
  if (has_fast_tables) {
    active_ = reinterpret_cast<const uint64_t*>(data + active_off);
    runs_ = reinterpret_cast<const uint32_t*>(data + runs_off);
    if (has_watched) {
      watched_ = reinterpret_cast<const uint64_t*>(data + watched_off);
      watched_runs_ = reinterpret_cast<const uint32_t*>(data + watched_runs_off);
    }
  } else {
    derive_fast_tables();
  }
  for (uint32_t i = 0; i < phrase_count; ++i) {
    const unsigned char* e = index_ + i * kPhraseEntrySize;
    uint64_t k = read_u32(e), v = read_u32(e + 4);
    if (k + read_u16(e + 8) > strings_size || v + read_u16(e + 10) > strings_size ||
        read_u16(e + 8) == 0)
      corrupt(name, "phrase out of bounds");
  }
}

// The active bits and the run table of a group without a bmp array (the
// HK and TW variants, ~70 mappings each), from its few mappings and phrase
// starts: every other character is unchanged and starts no phrase, so its
// run entry is 0 when it is a three-byte character and kFullPath otherwise.
// Visiting every BMP character instead, as this did for all groups, cost
// 2.6M instructions a group (a binary search a character); the group with a
// bmp array has these tables generated at build time
// (make_conversion_tables.py, fast_tables()). The convert test checks both
// against that per-character derivation.
void ConversionTable::derive_fast_tables() {
  owned_active_ = std::make_unique<uint64_t[]>(0x10000 / 64);  // zeroed
  owned_runs_ = std::make_unique<uint32_t[]>(0x10000);         // zeroed: unchanged
  uint64_t* active = owned_active_.get();
  uint32_t* runs = owned_runs_.get();
  for (uint32_t c = 0; c < 0x800; ++c) runs[char_runs::slot_of_char(c)] = char_runs::kFullPath;
  for (uint32_t c = 0xD800; c <= 0xDFFF; ++c) runs[char_runs::slot_of_char(c)] = char_runs::kFullPath;
  auto derive = [&](uint32_t c) {
    const bool starts = (start_[c >> 3] >> (c & 7)) & 1;
    const char32_t m = map_char(c);
    if (m != c || starts) active[c >> 6] |= uint64_t{1} << (c & 63);
    if (!is_three_byte_char(c)) return;
    uint32_t entry = char_runs::kFullPath;
    if (starts) {
      // Simple but for the phrases it may start: decided with the character
      // after it (char_runs.h kPhraseCheck), unless the pair filter's bit
      // for c alone is set (then always the full path: see
      // pair_may_start_phrase()).
      const uint32_t alone = pair_slot(c, 0);
      if (m >= 0x800 && m < 0x10000 && !((pairs_[alone >> 3] >> (alone & 7)) & 1))
        entry = (char_runs::utf8_word(c) ^ char_runs::utf8_word(m)) | char_runs::kPhraseCheck;
    } else if (m == c || (is_three_byte_char(m) && m != kSeeSupplementary)) {
      entry = char_runs::utf8_word(c) ^ char_runs::utf8_word(m);
    }
    runs[char_runs::slot_of_char(c)] = entry;
  };
  for (uint32_t i = 0; i < supplementary_count_; ++i)
    if (supplementary_[2 * i] < 0x10000) derive(supplementary_[2 * i]);
  for (uint32_t w = 0; w < kStartBytes / 8; ++w)
    for (uint64_t bits = read_u64(start_ + 8 * w); bits; bits &= bits - 1)
      derive(w * 64 + static_cast<uint32_t>(std::countr_zero(bits)));
  active_ = active;
  runs_ = runs;
}

char32_t ConversionTable::simple_3byte(char32_t c) const {
  if (!is_three_byte_char(c)) return 0;
  const uint32_t entry = runs_[char_runs::slot_of_char(c)];
  if (entry == char_runs::kFullPath || (entry & char_runs::kPhraseCheck)) return 0;
  return char_runs::three_byte_char(char_runs::utf8_word(c) ^ entry);
}

const ConversionTable& ConversionTable::get(Group group) {
  // Function-local statics: built once, thread-safe, never written after.
  switch (group) {
    case Group::kHongKongVariants: {
      static const ConversionTable t(aidtext_table_hk, aidtext_table_hk_size, "hk");
      return t;
    }
    case Group::kTaiwanVariants: {
      static const ConversionTable t(aidtext_table_tw, aidtext_table_tw_size, "tw");
      return t;
    }
    case Group::kTraditional:
    default: {
      static const ConversionTable t(aidtext_table_ts, aidtext_table_ts_size, "ts");
      return t;
    }
  }
}

char32_t ConversionTable::map_supplementary(char32_t c) const {
  // Binary search over the (key, value) pairs.
  uint32_t lo = 0, hi = supplementary_count_;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    uint32_t key = supplementary_[2 * mid];
    if (key == c) return supplementary_[2 * mid + 1];
    if (key < c) lo = mid + 1; else hi = mid;
  }
  return c;
}

ConversionTable::PhraseMatch ConversionTable::longest_phrase(std::string_view text, size_t pos,
                                                             size_t limit,
                                                             bool corrections) const {
  PhraseMatch best;
  const std::string_view rest = text.substr(pos, limit - pos);
  if (rest.empty()) return best;
  // All keys sharing the first character are contiguous in the sorted index:
  // find the first key >= the first character's bytes, then scan.
  const size_t lead = std::min<size_t>(rest.size(),
                                       static_cast<size_t>(std::max(1, std::countl_one(
                                           static_cast<unsigned char>(rest[0])))));
  const std::string_view first = rest.substr(0, lead);
  auto entry = [&](uint32_t i) {
    const unsigned char* e = index_ + size_t{i} * kPhraseEntrySize;
    return PhraseEntry{read_u32(e), read_u32(e + 4), read_u16(e + 8), read_u16(e + 10),
                       read_u16(e + 12), read_u16(e + 14)};
  };
  auto key_of = [&](const PhraseEntry& e) { return std::string_view(strings_ + e.key_off, e.key_len); };
  uint32_t lo = 0, hi = phrase_count_;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (key_of(entry(mid)) < first) lo = mid + 1; else hi = mid;
  }
  bool best_is_correction = false;
  for (uint32_t i = lo; i < phrase_count_; ++i) {
    PhraseEntry e = entry(i);
    std::string_view key = key_of(e);
    if (key.substr(0, first.size()) != first) break;
    const bool is_correction = e.flags & kFlagCorrection;
    if (is_correction && !corrections) continue;
    if (key.size() > rest.size() || rest.substr(0, key.size()) != key) continue;
    if (key.size() > best.key_bytes || (key.size() == best.key_bytes && is_correction && !best_is_correction)) {
      best.key_bytes = key.size();
      best.value = std::string_view(strings_ + e.value_off, e.value_len);
      best.split_linear = e.flags & kFlagSplitLinear;
      best_is_correction = is_correction;
    }
  }
  return best;
}

}  // namespace aidtext
