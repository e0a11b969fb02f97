// CharLm: a character unigram + bigram language model of Chinese, generated
// at build time from jieba's word-frequency dictionary (see
// make_repair_tables.py) and compiled in. It answers "how plausible is this
// character after that one" as a cost in nats (-ln P); lower is more Chinese.
//
// Only Han characters of the BMP are modelled; traditional characters share
// the id of their simplified form. Everything else gets a fixed cost by class
// (ASCII, CJK punctuation, Latin-1, C1 controls, PUA, U+FFFD ...), chosen so
// that mojibake debris costs far more than the characters it replaced.
#ifndef AIDTEXT_REPAIR_CHAR_LM_H_
#define AIDTEXT_REPAIR_CHAR_LM_H_

#include <bit>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/utf8.h"

namespace aidtext::repair {

class CharLm {
 public:
  // The compiled-in model (immutable, shared by all threads).
  static const CharLm& instance();

  // Dense id of a modelled Han character (1 = most frequent), 0 otherwise.
  uint16_t id(char32_t c) const { return c < 0x10000 ? id_of_[c] : 0; }
  // Code point of id `i` (its simplified form for folded traditional ones).
  char32_t char_of(uint16_t i) const { return facts_[i].cp; }
  uint32_t size() const { return n_ids_; }

  // Cost of `c` where nothing before it informs the guess.
  float unigram_cost(char32_t c, bool traditional = false) const;
  // Cost of `c` right after `prev` (0 = start of text or no context).
  // `traditional`: the text around is in traditional script.
  float cost(char32_t prev, char32_t c, bool traditional = false) const;
  // Cost of modelled id `b` after modelled id `a` (both non-zero). Inline:
  // the lattice decoder calls it up to millions of times per damaged passage.
  float bigram_cost(uint16_t a, uint16_t b) const {
    const IdFacts& fa = facts_[a];
    const float fallback = fallback_cost(a, b);
    return fa.n_buckets ? stored_or({buckets_ + fa.first_bucket, fa.n_buckets}, b, stored_costs_, fallback)
                        : fallback;
  }
  // What bigram_cost gives for a pair never seen inside a word: a word
  // boundary between the two, or the unigram share, whichever is likelier
  // (max instead of sum: no log). No pair costs more than this.
  float fallback_cost(uint16_t a, uint16_t b) const {
    const float boundary = facts_[a].end_cost + facts_[b].start_cost;
    const float share = kUnigramShareCost + facts_[b].unigram;
    return boundary < share ? boundary : share;
  }
  // Extra cost of a character of the other script: text keeps to one, so a
  // repair that mixes scripts pays. In simplified text a traditional form
  // (scored through its simplified one) pays; in traditional text a
  // simplified form that has a distinct traditional one pays.
  float variant_cost(char32_t c, uint16_t i, bool traditional) const {
    if (facts_[i].cp != c) return traditional ? 0.0f : kVariantCost;
    return traditional && (facts_[i].flags & 1) ? kVariantCost : 0.0f;
  }
  // The stored pairs (a, b) that start with id `a`, its row: a hash table
  // of b in buckets of one cache line (see char_lm.cc). Every stored cost
  // is at most fallback_cost(a, b) (+0.05 for rounding): seeing a pair
  // inside words only ever makes it likelier.
  static constexpr uint32_t kBucketSlots = 21;
  struct alignas(64) Bucket {
    uint16_t b[kBucketSlots];    // 0: empty (ids start at 1)
    uint8_t cost[kBucketSlots];  // of (a, b[i]): -ln P(b|a) in 0.1 nat
    uint8_t overflow;            // 1: look on in the next bucket (see find)
  };
  static_assert(sizeof(Bucket) == 64);
  struct Row {
    const Bucket* buckets;
    uint32_t n_buckets;  // 0: no stored pair
  };
  Row row(uint16_t a) const { return {buckets_ + facts_[a].first_bucket, facts_[a].n_buckets}; }
  // The bucket where the look-up of b in a row of n buckets (n > 0) starts.
  static uint32_t home(uint16_t b, uint32_t n) {
    return static_cast<uint32_t>((uint64_t{uint32_t{b} * kHashMult} * n) >> 32);
  }
  // Bit i set: the bucket holds b at slot i.
  static uint32_t slots_holding(const Bucket& k, uint16_t b) {
#if defined(__SSE2__)
    // The 21 ids in three loads (the third's last three lanes are costs).
    const __m128i want = _mm_set1_epi16(static_cast<short>(b));
    const __m128i* ids = reinterpret_cast<const __m128i*>(k.b);
    const __m128i first = _mm_packs_epi16(_mm_cmpeq_epi16(_mm_load_si128(ids), want),
                                          _mm_cmpeq_epi16(_mm_load_si128(ids + 1), want));
    const __m128i last = _mm_packs_epi16(_mm_cmpeq_epi16(_mm_load_si128(ids + 2), want), _mm_setzero_si128());
    const uint32_t mask = static_cast<uint32_t>(_mm_movemask_epi8(first)) |
                          static_cast<uint32_t>(_mm_movemask_epi8(last)) << 16;
    return mask & ((uint32_t{1} << kBucketSlots) - 1);
#else
    uint32_t mask = 0;
    for (uint32_t i = 0; i < kBucketSlots; ++i) mask |= uint32_t{k.b[i] == b} << i;
    return mask;
#endif
  }
  // The stored cost of (a, b) in 0.1 nat (see stored_cost), or -1 when the
  // row of a (n_buckets > 0) does not hold b. Without a branch on whether
  // it does, a coin toss for the decoder; only a look-up that reaches a
  // full bucket of the mark (a few %) goes on to the next.
  static int find(Row row, uint16_t b) {
    uint32_t h = home(b, row.n_buckets);
    for (;;) {
      const Bucket& k = row.buckets[h];
      const uint32_t hits = slots_holding(k, b);
      if ((hits | (k.overflow ^ 1u)) != 0) {  // one branch, not two
        const int stored = k.cost[std::countr_zero(hits | uint32_t{1} << (kBucketSlots - 1))];
        return hits ? stored : -1;
      }
      h = h + 1 == row.n_buckets ? 0 : h + 1;
    }
  }
  static float stored_cost(int stored) { return static_cast<float>(stored) / kCostScale; }
  // stored_cost of every stored byte, by table (the same values): a load
  // instead of a conversion and a division, the longest latency of a
  // look-up.
  const float* stored_cost_table() const { return stored_costs_; }
  // The decoder's look-up: the cost of (a, b) where a's row (n_buckets >
  // 0) holds b, else `fallback`; `costs` maps a stored cost to
  // stored_cost's value (a table: the same values). What find() and its
  // caller's choice between the stored cost and the fallback did, with one
  // branch on the hit (GCC made that choice a branch anyway) and the
  // bucket's overflow mark read only after a miss: about 10 of 42
  // instructions a look-up fewer (lattice_graph.h's session 9).
  static float stored_or(Row row, uint16_t b, const float* costs, float fallback) {
    uint32_t h = home(b, row.n_buckets);
    for (;;) {
      const Bucket& k = row.buckets[h];
      const uint32_t hits = slots_holding(k, b);
      if (hits) return costs[k.cost[std::countr_zero(hits)]];
      if (!k.overflow) return fallback;
      h = h + 1 == row.n_buckets ? 0 : h + 1;
    }
  }
  // The parts of fallback_cost, for callers that score many pairs at once.
  float end_cost(uint16_t a) const { return facts_[a].end_cost; }
  float start_cost(uint16_t b) const { return facts_[b].start_cost; }
  float unigram_share_cost(uint16_t b) const { return kUnigramShareCost + facts_[b].unigram; }
  // -ln P(b): unigram_cost(c) of a modelled c is this plus variant_cost.
  float unigram(uint16_t b) const { return facts_[b].unigram; }
  // +1 for a traditional form, -1 for a simplified-only form, 0 otherwise.
  int script_vote(char32_t c) const {
    uint16_t i = id(c);
    if (!i) return 0;
    if (facts_[i].cp != c) return 1;
    return (facts_[i].flags & 1) ? -1 : 0;
  }
  // The simplified form of `c` when `c` is a traditional form the model
  // folds onto another character (OpenCC's TSCharacters), else 0.
  char32_t simplified_form(char32_t c) const {
    const uint16_t i = id(c);
    return i && facts_[i].cp != c ? facts_[i].cp : 0;
  }
  static constexpr float kVariantCost = 2.5f;
  // -ln of the unigram's share of a bigram (LAMBDA = 0.05 in the generator).
  static constexpr float kUnigramShareCost = 2.9957f;
  static constexpr uint32_t kHashMult = 0x9E3779B1u;  // same as the generator
  static constexpr float kCostScale = 10.0f;          // stored costs: 0.1 nat units
  // Cost of a Han character the model has never seen.
  float unknown_han_cost() const { return unknown_cost_; }

 private:
  CharLm();
  // What the model knows of one id, in one place: a look-up of a pair reads
  // the row's and the two characters' facts, which as separate arrays were
  // a cache line each (see char_lm.cc).
  struct IdFacts {
    float unigram;         // -ln P(c)
    float start_cost;      // -ln P(the next word starts with c)
    float end_cost;        // -ln P(a word ends with c) (+ mixing)
    uint32_t first_bucket;  // of its row
    uint16_t cp;           // its code point (all are in the BMP)
    uint8_t flags;         // bit 0: simplified form of a distinct traditional one
    uint8_t n_buckets;     // of its row (0: no stored pair starts with it)
  };
  static_assert(sizeof(IdFacts) == 20);
  const uint16_t* id_of_ = nullptr;
  const IdFacts* facts_ = nullptr;
  const Bucket* buckets_ = nullptr;
  uint32_t n_ids_ = 0;
  float unknown_cost_ = 20;
  float stored_costs_[256];  // stored_cost(i), i < 256
};

// Fixed cost of a character that is not a modelled Han character.
float class_cost(char32_t c);
// CJK and full-width punctuation, curly quotes and dashes. Inline, as is
// CharLm::unigram_cost: the decoder asks per kept token and per candidate
// after punctuation, and the calls were 22k instructions per repair of dev
// article 001.
inline bool is_cjk_punctuation(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0x2010 && c <= 0x2027);
}

inline float CharLm::unigram_cost(char32_t c, bool traditional) const {
  uint16_t i = id(c);
  if (i) return facts_[i].unigram + variant_cost(c, i, traditional);
  return utf8::is_han(c) ? unknown_cost_ : class_cost(c);
}

// CharLm::cost(prev, c) of a character c that is neither modelled nor Han
// (punctuation, '?', other scripts), given its class_cost: the decoder's
// candidates carry that as their own cost (Lattice's char_facts), and
// asking CharLm::cost looked c up again: 1 % of dev article 001's repair.
inline float unmodelled_cost(char32_t prev, char32_t c, float class_cost) {
  // Two punctuation marks in a row ("，》") are much rarer than either,
  // and a '?' right after a Han character is rarer still.
  if (c == '?' && utf8::is_han(prev)) return 12.0f;
  const bool doubled = prev == c && (c == U'—' || c == U'…');  // —— and …… are one mark
  return class_cost + (!doubled && is_cjk_punctuation(prev) && is_cjk_punctuation(c) ? 3.0f : 0.0f);
}

}  // namespace aidtext::repair

#endif  // AIDTEXT_REPAIR_CHAR_LM_H_
