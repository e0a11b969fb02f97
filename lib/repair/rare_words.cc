// Rare characters that read as words (rare_words.h).
#include "repair/rare_words.h"

#include <cstddef>

#include "core/utf8.h"
#include "repair/char_lm.h"
#include "repair/damage_scan.h"

namespace aidtext::repair {

bool rare_chars_read_as_words(std::span<const WindowChar> win) {
  const CharLm& lm = CharLm::instance();
  const uint64_t* rare_bits = rare_char_bits();  // the scan's own rare set
  size_t rare = 0, in_words = 0;
  for (size_t t = 0; t < win.size(); ++t) {
    const char32_t c = win[t].ch;
    if (c < 0x80 || c >= 0x10000 || !((rare_bits[c >> 6] >> (c & 63)) & 1)) continue;
    const bool traditional = lm.script_vote(c) > 0;
    ++rare;
    if (!utf8::is_han(c)) continue;
    const bool before = t > 0 && utf8::is_han(win[t - 1].ch) && lm.cost(win[t - 1].ch, c, traditional) < kWordPairCost;
    const bool after =
        t + 1 < win.size() && utf8::is_han(win[t + 1].ch) && lm.cost(c, win[t + 1].ch, traditional) < kWordPairCost;
    in_words += before || after;
  }
  return rare > 0 && 2 * in_words >= rare;
}

bool han_text_reads_as_words(std::span<const WindowChar> win) {
  const CharLm& lm = CharLm::instance();
  size_t pairs = 0, in_words = 0;
  for (size_t t = 1; t < win.size(); ++t) {
    if (!utf8::is_han(win[t - 1].ch) || !utf8::is_han(win[t].ch)) continue;
    ++pairs;
    in_words += lm.cost(win[t - 1].ch, win[t].ch) < kWordPairCost;
  }
  return pairs >= kMinWordPairs && 2 * in_words >= pairs;
}

}  // namespace aidtext::repair
