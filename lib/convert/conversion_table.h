// ConversionTable: a read-only view over one generated dictionary group
// (traditional -> simplified characters and phrases), compiled into the
// library by aidtext_embed. Built at build time by make_conversion_tables.py
// from Debian's OpenCC dictionaries (Apache-2.0) plus corrections.tsv.
//
// Binary layout (little-endian; offsets from the start of the table):
//   header (128 bytes): "AIDCNV03", then u32 total_size, flags, bmp_offset,
//     start_offset, supplementary_offset, supplementary_count, index_offset,
//     phrase_count, strings_offset, strings_size, max_key_bytes, pair_offset,
//     active_offset, runs_offset, watched_offset, watched_runs_offset; zero
//     padding.
//   runs:  u32[65536] at 64-byte alignment, the run table of a pass without
//          a watch (char_runs.h), indexed by char_slot::slot_of_char().
//   watched runs: u32[65536] (flag 8; the traditional group): the run table
//          of a pass whose watch has the watched set below: runs with
//          kFullPath for every character of the set.
//   active: 65536 bits; bit c set when map_char(c) != c or a phrase starts
//          with c (may_change()).
//          runs and active are derived from the sections below; they are
//          present (flag 4) in the groups with a bmp array, where deriving
//          them took 4.1M instructions at first use (2.2M for active and
//          the fast table the run table was made from, 1.9M for the run
//          table); the small groups derive them at run time from their few
//          mappings (derive_fast_tables() in conversion_table.cc).
//   watched: 65536 bits (flag 8): the set the watched runs were made for,
//          the repair stage's watched characters (repair/damage_watch.h),
//          copied at build time, so that a pass can tell whether its
//          watch's set is this one (converter.cc).
//   bmp:   u16[65536]; 0 = unchanged, 0xFFFF = see the supplementary list,
//          else the simplified code point. One load per BMP character.
//          Absent (flag 2, offset 0) in small groups (the HK/TW variants):
//          then every mapping is in the supplementary list.
//   start: 65536 bits; bit c set when some phrase starts with c, so text
//          without such characters never touches the phrase index.
//   pairs: 65536 bits; bit pair_slot(c1, c2) set when some phrase starts
//          with c1 c2 (c2 = 0 for a one-character key): a filter that
//          spares the index lookup for most characters that start a phrase.
//   supplementary: (u32 key, u32 value) pairs sorted by key, for mappings
//          with a key or value outside the BMP (all mappings without bmp).
//   index: PhraseEntry[phrase_count] sorted by key bytes.
//   strings: UTF-8 keys and values the index points into.
#ifndef AIDTEXT_CONVERT_CONVERSION_TABLE_H_
#define AIDTEXT_CONVERT_CONVERSION_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

namespace aidtext {

class ConversionTable {
 public:
  enum class Group { kTraditional, kHongKongVariants, kTaiwanVariants };
  // The embedded table of a group; valid for the program's lifetime. Aborts
  // with a message if the embedded data is malformed (a build error).
  static const ConversionTable& get(Group group);

  // False for most characters: those the table neither maps nor starts a
  // phrase with (one bit in an 8 KiB set that stays in L1 cache). Only
  // BMP characters are filtered; the rest answer true.
  bool may_change(char32_t c) const {
    if (c >= 0x10000) return true;
    return (active_[c >> 6] >> (c & 63)) & 1;
  }

  // The run table (char_runs.h) of a pass without a watch: 0x10000
  // entries indexed by char_slot::slot(). A pass with a watch reads
  // watched_run_table() when its watch's set is watched_set(), else makes
  // its own from this one (converter.cc).
  const uint32_t* run_table() const { return runs_; }
  // A set of characters (one bit per BMP code point) and the run table of
  // a pass whose watch has that set, which sends them to the full path
  // where the pass shows them the watch; both nullptr when the table has
  // none. The traditional table's set is the repair stage's, generated at
  // build time: that spares the normalize pipeline (whose conversion pass
  // carries that watch) a table of its own, 256 KiB of fresh heap that
  // every process filled at its first call (0.26M instructions and 64 page
  // faults, about 1 ms on this VM, where a page first touched costs 11-17
  // us and one of the library's read-only data about 4), for 256 KiB more
  // of the library. (One table for both, the watched characters sent to the
  // full path in every pass, cost passes without a watch 3 % of their
  // instructions on traditional text; a flag bit for them in one table cost
  // the pass with the watch 0.5 %: a register in its inner loop.)
  const uint64_t* watched_set() const { return watched_; }
  const uint32_t* watched_run_table() const { return watched_runs_; }

  // For a 3-byte character c (U+0800..U+FFFF): the 3-byte character it
  // becomes (c itself when unchanged), or 0 when c needs the full path (it
  // may start a phrase, or maps to a character of another length): what
  // run_table() says of c, decoded (for tests).
  char32_t simple_3byte(char32_t c) const;

  // The simplified form of `c`, or `c` itself when the table leaves it.
  char32_t map_char(char32_t c) const {
    if (c < 0x10000 && bmp_) {
      uint16_t v = bmp_[c];
      if (v == 0) return c;
      if (v != kSeeSupplementary) return v;
    }
    return map_supplementary(c);
  }
  // False when no phrase starts with `c` (most characters): skip the index.
  bool may_start_phrase(char32_t c) const {
    if (c < 0x10000) return (start_[c >> 3] >> (c & 7)) & 1;
    return supplementary_phrase_start_;
  }

  // False when no phrase starts with `c` followed by `next` (0 at the end
  // of the text): then longest_phrase() finds nothing. True may be a false
  // positive (a hash filter).
  bool may_start_phrase(char32_t c, char32_t next) const {
    return may_start_phrase(c) && pair_may_start_phrase(c, next);
  }
  // may_start_phrase(c, next) for a `c` known to start a phrase and whose
  // pair-filter bit alone (pair_slot(c, 0)) is clear: the bit of the pair.
  // For the in-place run's kPhraseCheck characters (char_runs.h), which
  // carry that flag only then (make_conversion_tables.py and
  // derive_fast_tables() send the others to the full path, where the filter
  // would have sent them). Asking the start bit again there cost 7.0k
  // instructions a round of normalize on the five traditional dev articles
  // (about 1,600 checks: 2,309,895 -> 2,302,906 a round), 4.9k on the
  // simplified ones (2,189,100 -> 2,184,241); the bit alone, 10.2k more
  // (-> 2,292,701) and 7.9k (-> 2,176,297).
  bool pair_may_start_phrase(char32_t c, char32_t next) const {
    const uint32_t a = pair_slot(c, next);
    return (pairs_[a >> 3] >> (a & 7)) & 1;
  }
  static uint32_t pair_slot(char32_t first, char32_t second) {
    return ((static_cast<uint32_t>(first) * 0x9E3779B1u) ^
            (static_cast<uint32_t>(second) * 0x85EBCA77u)) >> 16;
  }

  struct PhraseMatch {
    size_t key_bytes = 0;      // 0: no phrase matched
    std::string_view value;    // UTF-8 replacement, same character count
    bool split_linear = false; // every character keeps its UTF-8 length
  };
  // The longest phrase that is a prefix of text[pos, limit). Entries from
  // corrections.tsv take part only when `corrections` is set (and then win
  // over an OpenCC entry with the same key).
  PhraseMatch longest_phrase(std::string_view text, size_t pos, size_t limit,
                             bool corrections) const;

  size_t phrase_count() const { return phrase_count_; }

 private:
  static constexpr uint16_t kSeeSupplementary = 0xFFFF;  // bmp_ entry: see the supplementary list
  explicit ConversionTable(const unsigned char* data, unsigned long size, const char* name);
  char32_t map_supplementary(char32_t c) const;
  void derive_fast_tables();

  const uint16_t* bmp_ = nullptr;  // nullptr: small group, all mappings in supplementary_
  const unsigned char* start_ = nullptr;
  // Embedded (groups with bmp_), else derived at construction into owned_*.
  const uint64_t* active_ = nullptr;  // map_char changes it or a phrase starts with it
  const uint32_t* runs_ = nullptr;    // see run_table()
  const uint64_t* watched_ = nullptr;       // see watched_set()
  const uint32_t* watched_runs_ = nullptr;  // see watched_run_table()
  std::unique_ptr<uint64_t[]> owned_active_;
  std::unique_ptr<uint32_t[]> owned_runs_;
  const unsigned char* pairs_ = nullptr;
  const uint32_t* supplementary_ = nullptr;  // key, value pairs
  uint32_t supplementary_count_ = 0;
  const unsigned char* index_ = nullptr;
  uint32_t phrase_count_ = 0;
  const char* strings_ = nullptr;
  uint32_t strings_size_ = 0;
  bool supplementary_phrase_start_ = false;
};

}  // namespace aidtext

#endif  // AIDTEXT_CONVERT_CONVERSION_TABLE_H_
