// Inline UTF-8 stepping for the metric stage's per-character loops: ASCII
// and well-formed 3-byte sequences (all of CJK) are decoded in place, other
// forms go to utf8::decode, which handles anything malformed. Also the
// stage's word probes (is word w at this position?), which run a few
// thousand times per article against cue lists.
#ifndef AIDTEXT_METRICS_CHAR_SCAN_H_
#define AIDTEXT_METRICS_CHAR_SCAN_H_

#include <cstring>
#include <string_view>

#include "core/utf8.h"

namespace aidtext {

inline char32_t next_char(std::string_view s, size_t pos, int* len) {
  const unsigned char b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    *len = 1;
    return b0;
  }
  if ((b0 & 0xF0) == 0xE0 && pos + 2 < s.size()) {
    const unsigned char b1 = static_cast<unsigned char>(s[pos + 1]);
    const unsigned char b2 = static_cast<unsigned char>(s[pos + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      char32_t cp = (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | (b2 & 0x3F);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
        *len = 3;
        return cp;
      }
    }
  }
  return utf8::decode(s, pos, len);
}

// Start of the code point that ends at `end` (end > 0); at most 4 bytes back.
inline size_t prev_char(std::string_view text, size_t end) {
  size_t b = end - 1;
  while (b > 0 && end - b < 4 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
  return b;
}

// Whether `w` is written at text[pos] / ends at text[end]. Most probes fail
// within the first character (a Han character's last byte tells most apart),
// so the first three bytes are compared inline before memcmp is called.
inline bool starts_at(std::string_view text, size_t pos, std::string_view w) {
  if (pos > text.size() || w.size() > text.size() - pos) return false;
  const char* t = text.data() + pos;
  for (size_t i = 0; i < 3 && i < w.size(); ++i)
    if (t[i] != w[i]) return false;
  return w.size() <= 3 || std::memcmp(t + 3, w.data() + 3, w.size() - 3) == 0;
}
inline bool ends_at(std::string_view text, size_t end, std::string_view w) {
  return end <= text.size() && end >= w.size() && starts_at(text, end - w.size(), w);
}

}  // namespace aidtext

#endif  // AIDTEXT_METRICS_CHAR_SCAN_H_
