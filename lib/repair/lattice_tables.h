// Internal to the lattice decoder (lattice.cc): what the codecs and the
// language model say about bytes and characters, as tables built once per
// process: the source view's and target's codecs, the pairs a source decoder
// cannot map, the facts a candidate takes from its character, and the guess
// characters (the most frequent of a target codec) indexed by byte.
#ifndef AIDTEXT_REPAIR_LATTICE_TABLES_H_
#define AIDTEXT_REPAIR_LATTICE_TABLES_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

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

// A table built from a source view's codec (constructible from SourceView),
// once per view and only for the views asked for.
template <typename Table>
const Table& per_source_view(SourceView v) {
  switch (v) {
    case SourceView::kBig5: {
      static const Table big5(SourceView::kBig5);
      return big5;
    }
    case SourceView::kGb18030: {
      static const Table gb18030(SourceView::kGb18030);
      return gb18030;
    }
    default: {
      static const Table gbk(SourceView::kGbk);
      return gbk;
    }
  }
}

// The bytes that can stand first and second in a pair the source view's
// decoder cannot map (lead >= 0x81, a valid trail, no character): what a '?'
// standing for two such bytes may hide.
struct UnmappedPairBytes {
  ByteSet first;
  ByteSet second;
  explicit UnmappedPairBytes(SourceView v) {
    const DoubleByteCodec& src = source_codec(v);
    for (int a = 0x81; a <= 0xFE; ++a)
      for (int b = 0x40; b <= 0xFE; ++b)
        if (src.valid_trail(static_cast<uint8_t>(b)) &&
            src.decode(static_cast<uint8_t>(a), static_cast<uint8_t>(b)) == 0) {
          first.add(a);
          second.add(b);
        }
  }
};

// Bytes the source decoder would have replaced (or dropped) before a given
// byte: 0x80 and 0xFF, and any lead byte that does not form a mapped pair
// with it. Per next byte (-1: none), computed once: every hole asked for it
// anew (126 decodes).
struct RejectedBytes {
  std::array<ByteSet, 257> before;  // [next byte + 1]
  explicit RejectedBytes(SourceView v) {
    const DoubleByteCodec& src = source_codec(v);
    for (int n = -1; n <= 0xFF; ++n) {
      ByteSet& s = before[static_cast<size_t>(n + 1)];
      s.add(0x80);
      s.add(0xFF);
      for (int b = 0x81; b <= 0xFE; ++b)
        if (n < 0 || !src.valid_trail(static_cast<uint8_t>(n)) ||
            src.decode(static_cast<uint8_t>(b), static_cast<uint8_t>(n)) == 0)
          s.add(b);
    }
  }
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
// source decoder could not map. Asked for every candidate behind a '?'
// (per_source_view<UnmappedPairTable>).
class UnmappedPairTable {
 public:
  explicit UnmappedPairTable(SourceView v) {
    const DoubleByteCodec& src = source_codec(v);
    for (int a = 0x81; a <= 0xFF; ++a)
      for (int b = 0; b <= 0xFF; ++b)
        if (src.valid_trail(static_cast<uint8_t>(b)) &&
            src.decode(static_cast<uint8_t>(a), static_cast<uint8_t>(b)) == 0)
          rows_[a].add(b);
  }
  bool has(uint8_t a, uint8_t b) const { return rows_[a].has(b); }
  const ByteSet& after(uint8_t a) const { return rows_[a]; }  // every b of has(a, b)

 private:
  std::array<ByteSet, 256> rows_{};
};

struct GuessChar {
  char32_t ch;
  std::array<uint8_t, 4> bytes;
  int len;
  std::array<CharFacts, 2> facts{};  // in simplified, traditional text
};

// The most frequent characters of a target codec with their bytes.
inline const std::vector<GuessChar>& guess_chars(TargetCodec t) {
  auto build = [](TargetCodec target) {
    const CharLm& lm = CharLm::instance();
    std::vector<GuessChar> out;
    out.reserve(kMaxGuessChars);
    auto with_facts = [&](std::vector<GuessChar> chars) {
      for (GuessChar& g : chars) g.facts = {char_facts(lm, g.ch, false), char_facts(lm, g.ch, true)};
      return chars;
    };
    if (target == TargetCodec::kUtf8) {
      for (uint32_t id = 1; id < lm.size() && out.size() < kMaxGuessChars; ++id) {
        GuessChar g{lm.char_of(static_cast<uint16_t>(id)), {}, 0};
        g.len = utf8_encode(g.ch, g.bytes);
        out.push_back(g);
      }
      return with_facts(std::move(out));
    }
    // Every modelled character of the codec by unigram cost, computed once
    // per character (it was computed at every comparison, and the
    // characters carried their facts through the sort: most of the first
    // repair's time).
    struct Keyed {
      float cost;
      char32_t ch;
      uint8_t lead, trail;
    };
    std::vector<Keyed> keyed;
    keyed.reserve((0xFE - 0x81 + 1) * (0xFE - 0x40 + 1));  // every pair: no regrowth
    const DoubleByteCodec& codec = target_codec(target);
    for (int lead = 0x81; lead <= 0xFE; ++lead)
      for (int trail = 0x40; trail <= 0xFE; ++trail) {
        char32_t c = codec.decode(static_cast<uint8_t>(lead), static_cast<uint8_t>(trail));
        if (c && lm.id(c))
          keyed.push_back({lm.unigram_cost(c), c, static_cast<uint8_t>(lead), static_cast<uint8_t>(trail)});
      }
    // The kMaxGuessChars cheapest, ties in code order (as a stable sort of
    // all would leave them): selected, then only they sorted. A stable sort
    // of the ~21,000 took 2.4M instructions in a process's first repair (a
    // bounded heap filled while walking the pairs took more).
    auto cheaper = [](const Keyed& a, const Keyed& b) {
      if (a.cost != b.cost) return a.cost < b.cost;
      return a.lead != b.lead ? a.lead < b.lead : a.trail < b.trail;
    };
    if (keyed.size() > kMaxGuessChars) {
      std::nth_element(keyed.begin(), keyed.begin() + kMaxGuessChars, keyed.end(), cheaper);
      keyed.resize(kMaxGuessChars);
    }
    std::sort(keyed.begin(), keyed.end(), cheaper);
    for (const Keyed& k : keyed) out.push_back({k.ch, {k.lead, k.trail}, 2});
    return with_facts(std::move(out));
  };
  // Each codec's list is built when first asked for: a text with damage of
  // one kind (GBK read one byte off) builds one list, not three (a third of
  // the 6.7M instructions and 170 page faults the first repair took).
  switch (t) {
    case TargetCodec::kUtf8: {
      static const std::vector<GuessChar> utf8 = build(TargetCodec::kUtf8);
      return utf8;
    }
    case TargetCodec::kGbk: {
      static const std::vector<GuessChar> gbk = build(TargetCodec::kGbk);
      return gbk;
    }
    default: {
      static const std::vector<GuessChar> big5 = build(TargetCodec::kBig5);
      return big5;
    }
  }
}

// guess_chars(t) by byte: at[i][v] lists (in guess order) the characters
// whose byte i is v. A pattern with a known byte walks only those: in
// UTF-8, where a known lead leaves a few dozen of the 2500, this was the
// decoder's main cost on the suite's utf8-as-gbk cases.
struct GuessIndex {
  std::array<std::array<std::vector<uint16_t>, 256>, 4> at;
};

inline const GuessIndex& guess_index(TargetCodec t) {
  auto build = [](TargetCodec target) {
    GuessIndex index;
    const std::vector<GuessChar>& guesses = guess_chars(target);
    for (size_t k = 0; k < guesses.size(); ++k)
      for (int i = 0; i < guesses[k].len; ++i) index.at[i][guesses[k].bytes[i]].push_back(static_cast<uint16_t>(k));
    return index;
  };
  switch (t) {  // each built when first asked for, as guess_chars
    case TargetCodec::kUtf8: {
      static const GuessIndex utf8 = build(TargetCodec::kUtf8);
      return utf8;
    }
    case TargetCodec::kGbk: {
      static const GuessIndex gbk = build(TargetCodec::kGbk);
      return gbk;
    }
    default: {
      static const GuessIndex big5 = build(TargetCodec::kBig5);
      return big5;
    }
  }
}

}  // namespace aidtext::repair::lattice_detail

#endif  // AIDTEXT_REPAIR_LATTICE_TABLES_H_
