// Tiny byte matchers for the lexicons: words are a few bytes long, and a
// plain loop is much cheaper than a call to memcmp for each of them.
#ifndef AIDTEXT_NUMERALS_TEXT_MATCH_H_
#define AIDTEXT_NUMERALS_TEXT_MATCH_H_

#include <cstddef>
#include <string_view>

namespace aidtext::numerals {

inline bool bytes_equal(const char* a, const char* b, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// `w` occurs in `text` at byte `pos`.
inline bool starts_with_at(std::string_view text, size_t pos, std::string_view w) {
  return pos <= text.size() && text.size() - pos >= w.size() && bytes_equal(text.data() + pos, w.data(), w.size());
}

// `w` occurs in `text` ending at byte `end`.
inline bool ends_with_at(std::string_view text, size_t end, std::string_view w) {
  return end <= text.size() && end >= w.size() && bytes_equal(text.data() + end - w.size(), w.data(), w.size());
}

}  // namespace aidtext::numerals

#endif  // AIDTEXT_NUMERALS_TEXT_MATCH_H_
