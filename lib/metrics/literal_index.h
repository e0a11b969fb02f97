// LiteralIndex: finds many literal UTF-8 cues in a short text without regex.
//
// Cues are bucketed by their first code point, so a scan looks at each
// character once and compares only the few cues that start with it (a cue
// list of a few hundred words costs one hash probe per character). At every
// position the longest cue wins, and a hit lying inside an earlier, longer hit
// is dropped: "脱贫攻坚" listed as a cue hides the "脱贫" inside it.
#ifndef AIDTEXT_METRICS_LITERAL_INDEX_H_
#define AIDTEXT_METRICS_LITERAL_INDEX_H_

#include <array>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace aidtext {

class CharIndex;

struct CueHit {
  uint32_t begin = 0;  // byte offsets in the scanned text's coordinates
  uint32_t end = 0;
  int32_t payload = 0;  // what the cue stands for (the caller's id)
};

class LiteralIndex {
 public:
  struct Cue {
    std::string_view text;
    int32_t payload = 0;
  };
  LiteralIndex() = default;
  // The index of `cues`, built once (empty cues are skipped). A cue listed
  // again with another payload reports both (one hit each, same span, in
  // list order): a word may belong to several groups.
  explicit LiteralIndex(std::span<const Cue> cues);
  bool empty() const { return entries_.empty(); }
  bool may_start(char32_t c) const { return c >= 0x10000 || (block_of(c).starts >> (c & 63)) & 1; }
  // Word w (code points 64 * w to 64 * w + 63) of the bits of the BMP code
  // points that some cue starts with: for next_marked() (char_scan.h,
  // CharIndex), as bits[w] of a flat table.
  struct StartWords {
    const LiteralIndex* index;
    uint64_t operator()(size_t w) const { return index->blocks_[index->block_numbers_[w]].starts; }
  };
  StartWords start_words() const { return StartWords{this}; }
  // The same bits as a flat table (1024 words), for a table built once.
  std::vector<uint64_t> start_bits() const;

  // Appends the hits in text[begin, end) to *out in text order; offsets are
  // those of `text`. Never reads outside [begin, end).
  void scan(std::string_view text, uint32_t begin, uint32_t end, std::vector<CueHit>* out) const;
  // The same with `chars` = CharIndex(text), decoded once for all scans;
  // `start_class`: the class bit of this index's first characters in
  // `chars` (RulePackData::char_classes), or 0.
  void scan(std::string_view text, const CharIndex& chars, uint32_t begin, uint32_t end,
            std::vector<CueHit>* out, uint8_t start_class = 0) const;

  // The longest cue written at text[pos] that ends by `end`, whose first
  // code point `c` the caller has decoded: its size in bytes (0: none) and
  // its payloads in the order they were added. For callers that scan with
  // several indexes at once; scan() is this at every position.
  // 16 bytes, returned in registers: with a std::span (24 bytes, returned
  // through memory) the extracts of the 83 test documents took 50k more
  // instructions.
  struct Match {
    uint32_t size = 0;
    uint32_t payload_count = 0;
    const int32_t* payload_data = nullptr;
    std::span<const int32_t> payloads() const { return {payload_data, payload_count}; }
  };
  Match longest_at(std::string_view text, uint32_t pos, uint32_t end, char32_t c) const {
    if (!may_start(c)) return Match{};
    // Most characters that start a cue start none here: when all cues
    // starting with c begin with two three-byte characters, the text's
    // first six bytes must be one of theirs, which a filter rules out for
    // most (a cue scan's stop took about 35 instructions in the bucket).
    if (c < 0x10000 && !((block_of(c).unfiltered >> (c & 63)) & 1)) {
      if (end < pos + 6) return Match{};
      if (!pair_may_start(six_bytes(text.data() + pos))) return Match{};
    }
    return longest_in_bucket(text, pos, end, c);
  }
  // Whether some cue is written at text[pos]: for word lists probed at one
  // position (a paragraph's opener, the words after a place name), where
  // trying each word in turn cost 9 instructions a word.
  bool any_at(std::string_view text, size_t pos) const;

 private:
  Match longest_in_bucket(std::string_view text, uint32_t pos, uint32_t end, char32_t c) const;
  // One distinct cue: its bytes and its payloads are ranges of the flat
  // bytes_ and payloads_. A vector of entries a bucket, each entry with its
  // own string and vector, took 1,259 allocations for the default pack's
  // 696 cues and 0.64M instructions to build one cue at a time, 0.32M
  // built once from the list (callgrind of cold_start). 32-bit offsets: a
  // pack is at most 4 MiB (rule_pack.cc).
  struct Entry {
    uint64_t head = 0;  // the cue's first 8 bytes (fewer: zero-padded), for a quick reject
    uint64_t mask = 0;  // which bytes of `head` count
    uint32_t offset = 0;  // bytes_[offset, offset + size)
    uint32_t size = 0;
    uint32_t payload_begin = 0;  // payloads_[payload_begin, payload_end)
    uint32_t payload_end = 0;
  };
  std::string bytes_;
  std::vector<int32_t> payloads_;
  // The entries by first code point, each bucket's longest first. The
  // buckets are found through an open-addressed table of first code points
  // (a power of two, at most half full, multiplicative hash): the
  // std::unordered_map it replaces took a division a look-up, the larger
  // part of a cue scan's time at each candidate character. A slot holds its
  // bucket's range of entries_: through a table of bucket starts, the 83
  // test documents' extracts took 80k more instructions.
  std::vector<Entry> entries_;
  struct Bucket {
    uint32_t begin = 0, end = 0;  // entries_[begin, end)
  };
  std::vector<char32_t> slot_firsts_;  // kNoSlot: empty
  std::vector<Bucket> slot_buckets_;
  static constexpr char32_t kNoSlot = 0xFFFFFFFF;
  size_t slot_of(char32_t c) const {  // the slot holding c, or the empty one where it would go
    const size_t mask = slot_firsts_.size() - 1;
    size_t i = static_cast<size_t>((uint64_t{c} * 0x9E3779B97F4A7C15ull) >> 40) & mask;
    while (slot_firsts_[i] != c && slot_firsts_[i] != kNoSlot) i = (i + 1) & mask;
    return i;
  }
  void mark_start(std::string_view cue, char32_t first, int len);  // the bits below, for one cue
  // Two bits per BMP code point, in blocks of 64 code points:
  // `starts`: does some cue start with it? Most characters start none, and
  // the bit test spares them the hash probe. `unfiltered`: the filter of
  // longest_at(): whether some cue starting with it does not begin with two
  // three-byte characters (then the filter does not apply); pairs_ holds a
  // bit for each cue's first six bytes (hashed) of those that do.
  // block_numbers_ gives each 64 code points their block in blocks_, block
  // 0 (all zeros) for those that start no cue: two flat tables of 1024
  // words each were 16 KiB of zeroed heap an index, with the rule pack's
  // 18 indexes (9 made empty, 9 filled) 288 KiB; now 2 KiB of block
  // numbers and a few hundred bytes of blocks an index: the first extract
  // 241 -> 211 page faults, and extract's instructions unchanged.
  struct BitBlock {
    uint64_t starts = 0;
    uint64_t unfiltered = 0;
  };
  std::array<uint16_t, 0x10000 / 64> block_numbers_{};
  std::vector<BitBlock> blocks_ = std::vector<BitBlock>(1);
  const BitBlock& block_of(char32_t c) const { return blocks_[block_numbers_[c >> 6]]; }
  BitBlock& block_for(char32_t c);  // created when missing
  static constexpr int kPairBits = 14;
  std::vector<uint64_t> pairs_ = std::vector<uint64_t>((size_t{1} << kPairBits) / 64, 0);
  static uint64_t six_bytes(const char* p) {
    uint64_t x = 0;
    std::memcpy(&x, p, 6);
    return x;
  }
  static size_t pair_bit(uint64_t six) { return static_cast<size_t>((six * 0x9E3779B97F4A7C15ull) >> (64 - kPairBits)); }
  bool pair_may_start(uint64_t six) const {
    const size_t b = pair_bit(six);
    return (pairs_[b >> 6] >> (b & 63)) & 1;
  }
};

}  // namespace aidtext

#endif  // AIDTEXT_METRICS_LITERAL_INDEX_H_
