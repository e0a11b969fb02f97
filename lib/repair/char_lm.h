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
  // Cost of modelled id `b` after modelled id `a` (both non-zero).
  float bigram_cost(uint16_t a, uint16_t b) const;
  // Extra cost of a character of the other script: text keeps to one, so a
  // repair that mixes scripts pays. In simplified text a traditional form
  // (scored through its simplified one) pays; in traditional text a
  // simplified form that has a distinct traditional one pays.
  float variant_cost(char32_t c, uint16_t i, bool traditional) const {
    if (cp_of_id_[i] != c) return traditional ? 0.0f : kVariantCost;
    return traditional && (flags_[i] & 1) ? kVariantCost : 0.0f;
  }
  // +1 for a traditional form, -1 for a simplified-only form, 0 otherwise.
  int script_vote(char32_t c) const {
    uint16_t i = id(c);
    if (!i) return 0;
    if (cp_of_id_[i] != c) return 1;
    return (flags_[i] & 1) ? -1 : 0;
  }
  static constexpr float kVariantCost = 2.5f;
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
  const uint32_t* keys_ = nullptr;
  const uint8_t* costs_ = nullptr;
  uint32_t n_ids_ = 0;
  uint32_t log2cap_ = 0;
  float unknown_cost_ = 20;
};

// Fixed cost of a character that is not a modelled Han character.
float class_cost(char32_t c);
// CJK and full-width punctuation, curly quotes and dashes.
bool is_cjk_punctuation(char32_t c);

}  // namespace aidtext::repair

#endif  // AIDTEXT_REPAIR_CHAR_LM_H_
