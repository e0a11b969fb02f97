// Test helper: random text over an alphabet of everything the repairer's
// clean-text signals and the pipeline's fast path react to (rare and common
// Han, '?', odd spaces, zero-width characters, Latin-1 letters and C1
// controls, cp1252 punctuation, U+FFFD, private use, 锟斤拷, invalid bytes, CR/LF, references, pinyin
// notes, full-width forms, phrase starts).
#ifndef AIDTEXT_TESTS_REPAIR_SIGNAL_TEXT_H_
#define AIDTEXT_TESTS_REPAIR_SIGNAL_TEXT_H_

#include <random>
#include <string>
#include <vector>

namespace aidtext::testing {

inline const std::vector<std::string>& signal_alphabet() {
  static const std::vector<std::string> pieces = {
      "的", "是", "中", "国", "人", "年",        // common Han
      "們", "發", "協", "臺灣",                  // traditional, phrase start
      "锟", "斤", "拷", "齉", "鍥", "蟔", "鍙",  // rare Han (and 锟斤拷)
      "?", "？", " ", "\n", "\r", "\r\n", "a", "7", "，", "。", "、",
      "\u3000", "\u00A0", "\u00C3", "\u00A9", "\u00E9", "\u0085", "\u00D7",  // odd spaces, Latin-1, C1
      "\u201C", "\u201D", "\u2014", "\u2122", "\u0152",                        // cp1252 punctuation
      "\uFFFD", "\uE000", "\uF8FF", "\U00020000", "\uFF11", "\uFF21",
      "\u200B", "\u200D", "\u2060", "\uFEFF", "\u00AD",  // zero-width, soft hyphen
      "&nbsp;", "&#13;", "(xié)",
      "\xC3\xA4\xC2\xB8\xC2\xAD",  // 中 as UTF-8 read as Latin-1, then UTF-8 again
      "\xE9",                        // an invalid byte
  };
  return pieces;
}

inline std::string random_signal_text(std::mt19937& rng, size_t max_pieces) {
  const auto& a = signal_alphabet();
  std::uniform_int_distribution<size_t> count(1, max_pieces), pick(0, a.size() - 1);
  std::string s;
  for (size_t n = count(rng); n > 0; --n) s += a[pick(rng)];
  return s;
}

}  // namespace aidtext::testing

#endif  // AIDTEXT_TESTS_REPAIR_SIGNAL_TEXT_H_
