// Internal to the lattice decoder (lattice.cc): what the codecs and the
// language model say about bytes and characters, as tables generated at
// build time (they were built once per process, at first use): the source
// view's and target's codecs, the pairs a source decoder cannot map, the
// facts a candidate takes from its character, and the guess characters (the
// most frequent of a target codec) indexed by byte. Generated with the
// codecs' reverse tables (legacy_codecs.cc), they took a fresh process's
// first extract of a damaged article (dev 001's traditional version, GBK
// read one byte off) from 8.5M to 4.3M instructions, 276 to 147 page
// faults and 5.9 to 3.6 ms (median of 11).
#ifndef AIDTEXT_REPAIR_LATTICE_TABLES_H_
#define AIDTEXT_REPAIR_LATTICE_TABLES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>

#include "repair/char_lm.h"
#include "repair/legacy_codecs.h"
#include "repair/lattice_graph.h"

namespace aidtext::repair::lattice_detail {

inline const DoubleByteCodec& source_codec(SourceView v) {
  switch (v) {
    case SourceView::kGb18030: return DoubleByteCodec::get(Codec::kGb18030);
    case SourceView::kBig5: return DoubleByteCodec::get(Codec::kBig5);
    default: return DoubleByteCodec::get(Codec::kGbk);
  }
}

// A table of a source view's codec (UnmappedPairBytes, UnmappedPairTable,
// RejectedBytes): generated at build time with the codec tables
// (make_repair_tables.py `codecs`, DoubleByteCodec::view_tables()), 16 KiB
// a codec of read-only pages. They were built per view at first use into
// .bss, each a loop over every byte pair calling valid_trail: 2.4M
// instructions of the first repair of a GBK text (callgrind of dev article
// 001's traditional version) and 5 fresh pages.
// tests/repair/lattice_tables_test.cc builds them that way and compares.
template <typename Table>
const Table& per_source_view(SourceView v) {
  static_assert(std::is_trivially_copyable_v<Table> && alignof(Table) <= 32);
  return *reinterpret_cast<const Table*>(source_codec(v).view_tables() + Table::kAt);
}

// The bytes that can stand first and second in a pair the source view's
// decoder cannot map (lead >= 0x81, a valid trail, no character): what a '?'
// standing for two such bytes may hide.
struct UnmappedPairBytes {
  static constexpr size_t kAt = 0;  // in DoubleByteCodec::view_tables()
  ByteSet first;
  ByteSet second;
};

// Bytes the source decoder would have replaced (or dropped) before a given
// byte: 0x80 and 0xFF, and any lead byte that does not form a mapped pair
// with it. Per next byte (-1: none): every hole asked for it anew (126
// decodes).
struct RejectedBytes {
  static constexpr size_t kAt = 2 * sizeof(ByteSet) + 256 * sizeof(ByteSet);
  std::array<ByteSet, 257> before;  // [next byte + 1]
};

// Bytes of `c` under the source view. A GBK decoder that maps GBK's
// user-defined areas to private use (Windows, ICU) leaves PUA characters
// where Python's leaves U+FFFD: GB18030 gives their bytes back.
inline uint16_t source_pair(SourceView v, char32_t c) {
  if (v == SourceView::kGbk) {
    if (uint16_t pair = DoubleByteCodec::get(Codec::kGbk).encode(c)) return pair;
    if (c >= 0xE000 && c <= 0xF8FF) return DoubleByteCodec::get(Codec::kGb18030).encode(c);
    return 0;
  }
  return source_codec(v).encode(c);
}

inline const DoubleByteCodec& target_codec(TargetCodec t) {
  return DoubleByteCodec::get(t == TargetCodec::kBig5 ? Codec::kBig5 : Codec::kGbk);
}

inline int utf8_encode(char32_t c, std::array<uint8_t, 4>& b) {
  if (c < 0x80) { b[0] = static_cast<uint8_t>(c); return 1; }
  if (c < 0x800) {
    b[0] = static_cast<uint8_t>(0xC0 | (c >> 6));
    b[1] = static_cast<uint8_t>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    b[0] = static_cast<uint8_t>(0xE0 | (c >> 12));
    b[1] = static_cast<uint8_t>(0x80 | ((c >> 6) & 0x3F));
    b[2] = static_cast<uint8_t>(0x80 | (c & 0x3F));
    return 3;
  }
  b[0] = static_cast<uint8_t>(0xF0 | (c >> 18));
  b[1] = static_cast<uint8_t>(0x80 | ((c >> 12) & 0x3F));
  b[2] = static_cast<uint8_t>(0x80 | ((c >> 6) & 0x3F));
  b[3] = static_cast<uint8_t>(0x80 | (c & 0x3F));
  return 4;
}

// 0 when the bytes are not one valid UTF-8 character.
inline char32_t utf8_decode(const uint8_t* b, int len) {
  char32_t c;
  switch (len) {
    case 1: return b[0] < 0x80 ? b[0] : 0;
    case 2: c = b[0] & 0x1F; break;
    case 3: c = b[0] & 0x0F; break;
    default: c = b[0] & 0x07; break;
  }
  for (int i = 1; i < len; ++i) {
    if ((b[i] & 0xC0) != 0x80) return 0;
    c = (c << 6) | (b[i] & 0x3F);
  }
  static constexpr char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < kMin[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  return c;
}

// What a candidate takes from its character alone: computed once per
// character a pattern with unknown bytes may spell (Lattice::guessed_chars)
// and per guess character.
struct CharFacts {
  char32_t ch = 0;   // 0: no candidate (see usable_candidate)
  uint16_t lm_id = 0;
  bool general = false;
  float own_cost = 0;
  float variant = 0;
};

// Decoding to a replacement, private-use or special character undoes
// nothing: U+FFFD read back from 锟斤拷 is still lost text.
inline bool usable_candidate(char32_t c) {
  return !(c == 0 || (c < 0x20 && c != '\n') || (c >= 0xFFE0 && c != 0xFFE5) || (c >= 0xE000 && c <= 0xF8FF));
}

inline CharFacts char_facts(const CharLm& lm, char32_t c, bool traditional) {
  if (!usable_candidate(c)) return {};
  const uint16_t id = lm.id(c);
  return {c, id, !id && (is_cjk_punctuation(c) || c == '?'), lm.unigram_cost(c, traditional),
          id ? lm.variant_cost(c, id, traditional) : 0.0f};
}

// Lattice::pair_ok as a bit table per source view: (a, b) is a pair the
// source decoder could not map (a >= 0x81, b a valid trail). Asked for
// every candidate behind a '?' (per_source_view<UnmappedPairTable>).
struct UnmappedPairTable {
  static constexpr size_t kAt = 2 * sizeof(ByteSet);
  bool has(uint8_t a, uint8_t b) const { return rows[a].has(b); }
  const ByteSet& after(uint8_t a) const { return rows[a]; }  // every b of has(a, b)
  std::array<ByteSet, 256> rows;
};
static_assert(RejectedBytes::kAt + sizeof(RejectedBytes) == DoubleByteCodec::kViewTablesSize &&
              sizeof(UnmappedPairBytes) == UnmappedPairTable::kAt &&
              UnmappedPairTable::kAt + sizeof(UnmappedPairTable) == RejectedBytes::kAt);

struct GuessChar {
  char32_t ch;
  std::array<uint8_t, 4> bytes;
  int len;
  std::array<CharFacts, 2> facts{};  // in simplified, traditional text
};

// The layout make_guess_chars.py writes.
static_assert(sizeof(CharFacts) == 16 && offsetof(CharFacts, lm_id) == 4 && offsetof(CharFacts, general) == 6 &&
              offsetof(CharFacts, own_cost) == 8 && offsetof(CharFacts, variant) == 12);
static_assert(sizeof(GuessChar) == 44 && alignof(GuessChar) == 4 && offsetof(GuessChar, bytes) == 4 &&
              offsetof(GuessChar, len) == 8 && offsetof(GuessChar, facts) == 12);
static_assert(std::is_trivially_copyable_v<GuessChar> && sizeof(bool) == 1);

// guess_chars(t) by byte: at(i, v) lists (in guess order) the characters
// whose byte i is v. A pattern with a known byte walks only those: in
// UTF-8, where a known lead leaves a few dozen of the 2500, this was the
// decoder's main cost on the suite's utf8-as-gbk cases.
struct GuessIndex {
  const uint16_t* begin;    // [4 * 256 + 1]: at(i, v) is entries[begin[i*256+v] .. begin[i*256+v+1]]
  const uint16_t* entries;  // indexes into guess_chars(t)
  std::span<const uint16_t> at(int i, uint8_t v) const {
    const size_t k = static_cast<size_t>(i) * 256 + v;
    return {entries + begin[k], entries + begin[k + 1]};
  }
};

struct GuessTables {
  std::span<const GuessChar> chars;
  GuessIndex index;
};

// Per target codec (TargetCodec order), read from the blob's header.
std::array<GuessTables, 3> read_guess_tables();

// The guess characters, the kMaxGuessChars most frequent characters of a
// target codec with their bytes and facts (UTF-8: the model's most
// frequent ids; GBK, Big5: every modelled character of the codec by
// unigram cost, ties in pair order), and their index by byte: generated at
// build time from the model and the codec tables (make_guess_chars.py).
// Built at first use, each codec's list and index cost a process's first
// repair 1.8M instructions (GBK: most of it the selection and sort of
// ~21,000 pairs), 110 KiB of fresh heap (27 page faults) and a 24 KiB
// index in .bss (6 more) plus its lists on the heap; generated, they are
// 121 KiB a codec of read-only pages (371 KiB in all) faulted in only
// where read. tests/repair/lattice_tables_test.cc builds them that way and
// compares entry by entry.
inline const GuessTables& guess_tables(TargetCodec t) {
  static const std::array<GuessTables, 3> tables = read_guess_tables();
  return tables[static_cast<size_t>(t)];
}
inline std::span<const GuessChar> guess_chars(TargetCodec t) { return guess_tables(t).chars; }
inline const GuessIndex& guess_index(TargetCodec t) { return guess_tables(t).index; }

}  // namespace aidtext::repair::lattice_detail

#endif  // AIDTEXT_REPAIR_LATTICE_TABLES_H_
