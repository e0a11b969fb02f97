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

#include <cstdint>

namespace aidtext::repair {

class CharLm {
 public:
  // The compiled-in model (immutable, shared by all threads).
  static const CharLm& instance();

  // Dense id of a modelled Han character (1 = most frequent), 0 otherwise.
  uint16_t id(char32_t c) const { return c < 0x10000 ? id_of_[c] : 0; }
  // Code point of id `i` (its simplified form for folded traditional ones).
  char32_t char_of(uint16_t i) const { return cp_of_id_[i]; }
  uint32_t size() const { return n_ids_; }

  // Cost of `c` where nothing before it informs the guess.
  float unigram_cost(char32_t c, bool traditional = false) const;
  // Cost of `c` right after `prev` (0 = start of text or no context).
  // `traditional`: the text around is in traditional script.
  float cost(char32_t prev, char32_t c, bool traditional = false) const;
  // Cost of modelled id `b` after modelled id `a` (both non-zero). Inline:
  // the lattice decoder calls it up to millions of times per damaged passage.
  float bigram_cost(uint16_t a, uint16_t b) const {
    const uint32_t log2 = row_log2_[a];
    if (log2) {
      const uint32_t* row = slots_ + row_start_[a];
      const uint32_t mask = (uint32_t{1} << log2) - 1;
      uint32_t h = (uint32_t{b} * kHashMult) >> (32 - log2);
      for (uint32_t v; (v = row[h]) != 0; h = (h + 1) & mask)
        if ((v >> 8) == b) return stored_cost(v);
    }
    return fallback_cost(a, b);
  }
  // What bigram_cost gives for a pair never seen inside a word: a word
  // boundary between the two, or the unigram share, whichever is likelier
  // (max instead of sum: no log). No pair costs more than this.
  float fallback_cost(uint16_t a, uint16_t b) const {
    const float boundary = end_cost_[a] + start_cost_[b];
    const float share = kUnigramShareCost + unigram_[b];
    return boundary < share ? boundary : share;
  }
  // Extra cost of a character of the other script: text keeps to one, so a
  // repair that mixes scripts pays. In simplified text a traditional form
  // (scored through its simplified one) pays; in traditional text a
  // simplified form that has a distinct traditional one pays.
  float variant_cost(char32_t c, uint16_t i, bool traditional) const {
    if (cp_of_id_[i] != c) return traditional ? 0.0f : kVariantCost;
    return traditional && (flags_[i] & 1) ? kVariantCost : 0.0f;
  }
  // The stored pairs that start with id `a`: an open-addressing table of
  // `size` slots, each (b << 8) | cost in 0.1 nat, 0 = empty. Every stored
  // cost is at most fallback_cost(a, b) (+0.05 for rounding): seeing a pair
  // inside words only ever makes it likelier.
  struct Row {
    const uint32_t* slots;
    uint32_t size;
  };
  Row row(uint16_t a) const {
    return {slots_ + row_start_[a], row_log2_[a] ? uint32_t{1} << row_log2_[a] : 0};
  }
  static float stored_cost(uint32_t slot) { return static_cast<float>(slot & 0xFF) / kCostScale; }
  // The parts of fallback_cost, for callers that score many pairs at once.
  float end_cost(uint16_t a) const { return end_cost_[a]; }
  float start_cost(uint16_t b) const { return start_cost_[b]; }
  float unigram_share_cost(uint16_t b) const { return kUnigramShareCost + unigram_[b]; }
  // -ln P(b): unigram_cost(c) of a modelled c is this plus variant_cost.
  float unigram(uint16_t b) const { return unigram_[b]; }
  // +1 for a traditional form, -1 for a simplified-only form, 0 otherwise.
  int script_vote(char32_t c) const {
    uint16_t i = id(c);
    if (!i) return 0;
    if (cp_of_id_[i] != c) return 1;
    return (flags_[i] & 1) ? -1 : 0;
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
  const uint16_t* id_of_ = nullptr;
  const uint32_t* cp_of_id_ = nullptr;
  const float* unigram_ = nullptr;
  const float* end_cost_ = nullptr;
  const float* start_cost_ = nullptr;
  const uint8_t* flags_ = nullptr;
  const uint32_t* row_start_ = nullptr;  // bigram rows: see char_lm.cc
  const uint8_t* row_log2_ = nullptr;
  const uint32_t* slots_ = nullptr;
  uint32_t n_ids_ = 0;
  float unknown_cost_ = 20;
};

// Fixed cost of a character that is not a modelled Han character.
float class_cost(char32_t c);
// CJK and full-width punctuation, curly quotes and dashes.
bool is_cjk_punctuation(char32_t c);

}  // namespace aidtext::repair

#endif  // AIDTEXT_REPAIR_CHAR_LM_H_
