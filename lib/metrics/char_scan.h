// Inline UTF-8 stepping for the metric stage's per-character loops: ASCII
// and well-formed 3-byte sequences (all of CJK) are decoded in place, other
// forms go to utf8::decode, which handles anything malformed. Also the
// stage's word probes (is word w at this position?), which run a few
// thousand times per article against cue lists.
#ifndef AIDTEXT_METRICS_CHAR_SCAN_H_
#define AIDTEXT_METRICS_CHAR_SCAN_H_

#include <algorithm>
#include <array>
#include <cstdint>
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

// The position of the first character at or after `pos` (before `end`)
// whose bit is set in `bits` (one bit per BMP code point, 1024 words), or
// which the inline decoder leaves to utf8::decode (2- and 4-byte, E0/ED-led
// or malformed sequences: the caller steps over those as before); a position
// >= `end` when none. The stage's scans stop at a few characters of
// thousands (place suffixes, first characters of cues): skipping the others
// here costs 27 instructions a Han character, where the callers' own steps
// cost 50 to 60 (callgrind, dev article 002).
// `words(w)`: word w of the bits (bits[w] of a flat table; a LiteralIndex's
// StartWords).
template <typename Words>
inline size_t next_marked(std::string_view s, size_t pos, size_t end, const Words& words) {
  // Lead bytes E1-EC, EE, EF with two continuation bytes are well-formed
  // whatever the continuations (E0 may be overlong, ED a surrogate). Testing
  // them first, with a table, takes 27 instructions a Han character where
  // range tests after the ASCII test took 32.
  static constexpr std::array<bool, 256> kSafeLead = [] {
    std::array<bool, 256> t{};
    for (int b = 0xE1; b <= 0xEF; ++b) t[b] = b != 0xED;
    return t;
  }();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t three_byte_end = s.size() >= 2 ? std::min(end, s.size() - 2) : 0;
  while (pos < end) {
    const unsigned char b0 = p[pos];
    if (kSafeLead[b0] && pos < three_byte_end) {
      const unsigned char b1 = p[pos + 1], b2 = p[pos + 2];
      if (((b1 ^ 0x80) | (b2 ^ 0x80)) & 0xC0) return pos;
      if ((words(((b0 & 0x0F) << 6) | (b1 & 0x3F)) >> (b2 & 0x3F)) & 1) return pos;
      pos += 3;
    } else if (b0 < 0x80) {
      if ((words(b0 >> 6) >> (b0 & 63)) & 1) return pos;
      ++pos;
    } else {
      return pos;
    }
  }
  return pos;
}
inline size_t next_marked(std::string_view s, size_t pos, size_t end, const uint64_t* bits) {
  return next_marked(s, pos, end, [bits](size_t w) { return bits[w]; });
}

// The byte length of the space (ASCII space, tab, U+3000) at s[i], or 0.
inline size_t space_at(std::string_view s, size_t i) {
  if (s[i] == ' ' || s[i] == '\t') return 1;
  if (s.compare(i, 3, "\u3000") == 0) return 3;
  return 0;
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

// Whether the ',' at text[p] groups the digits of one number (10,216户,
// 42,568人: a digit before it, exactly three after it), as the recognizer
// reads it, and so is no clause mark. (Normalized text writes the clause
// mark ， as ',' too.)
inline bool digit_group_comma(std::string_view text, size_t p) {
  auto digit = [&](size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  return p > 0 && p < text.size() && text[p] == ',' && digit(p - 1) && digit(p + 1) && digit(p + 2) && digit(p + 3) &&
         !digit(p + 4);
}

}  // namespace aidtext

#endif  // AIDTEXT_METRICS_CHAR_SCAN_H_
