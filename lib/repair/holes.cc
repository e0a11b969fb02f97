// Holes: bytes lost or characters lost (holes.h).
#include "repair/holes.h"

#include <algorithm>

#include "core/utf8.h"
#include "repair/char_lm.h"

namespace aidtext::repair {

bool debris_beside_hole(std::span<const WindowChar> win, size_t hole) {
  const CharLm& lm = CharLm::instance();
  const size_t a = hole >= kDebrisReach ? hole - kDebrisReach : 0;
  const size_t b = std::min(win.size(), hole + kDebrisReach + 1);
  for (size_t u = a; u < b; ++u) {
    const char32_t c = win[u].ch;
    if (utf8::is_han(c)) {
      if (lm.unigram_cost(c) >= kMinDebrisCharCost) return true;
      if (u > a && utf8::is_han(win[u - 1].ch) && lm.cost(win[u - 1].ch, c) >= kMinDebrisPairCost) return true;
    } else if (c >= 0x80 && c != 0x3000 && c != utf8::kReplacement && !is_cjk_punctuation(c) &&
               !(c >= 0xFF00 && c <= 0xFFEF)) {
      return true;  // not ASCII, punctuation, a full-width form or another hole
    }
  }
  return false;
}

bool debris_beside_a_hole(std::span<const WindowChar> win, char32_t hole) {
  for (size_t t = 0; t < win.size(); ++t)
    if (win[t].ch == hole && debris_beside_hole(win, t)) return true;
  return false;
}

bool question_marks_read_as_lost_characters(std::span<const WindowChar> win) {
  size_t holes = 0, with_debris = 0;
  for (size_t t = 0; t < win.size(); ++t) {
    if (win[t].ch != '?') continue;
    ++holes;
    with_debris += debris_beside_hole(win, t);
  }
  if (with_debris == 0) return true;
  return holes >= kManyHoles && static_cast<double>(with_debris) < kHolesWithDebris * static_cast<double>(holes);
}

bool reads_as_debris(std::span<const WindowChar> win, uint32_t t0, uint32_t t1, bool traditional, bool only_guesses) {
  const CharLm& lm = CharLm::instance();
  double cost = 0;
  int pairs = 0;
  auto add = [&](uint32_t t) {  // the pair (t - 1, t)
    if (t == 0 || t >= win.size() || !utf8::is_han(win[t - 1].ch) || !utf8::is_han(win[t].ch)) return;
    cost += lm.cost(win[t - 1].ch, win[t].ch, traditional);
    ++pairs;
  };
  for (uint32_t t = t0 + 1; t < t1; ++t) add(t);
  if (pairs == 0) {
    add(t0);
    add(t1);
  }
  if (pairs == 0) return !only_guesses;
  return cost >= kMinDebrisPairCost * pairs + (pairs == 1 ? kOnePairMargin : 0.0);
}

}  // namespace aidtext::repair
