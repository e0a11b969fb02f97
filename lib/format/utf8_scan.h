// UTF-8 scanning for the writers and the reader of lib/format. Depends on the
// standard library only, so the command line tool can use the text formats
// without the rest of the library's internals.
#ifndef AIDTEXT_FORMAT_UTF8_SCAN_H_
#define AIDTEXT_FORMAT_UTF8_SCAN_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace aidtext::format {

// Length (2..4) of the well-formed multi-byte UTF-8 sequence at s[pos], or 0
// when the bytes there are not one (stray continuation byte, truncated,
// overlong, surrogate, or past U+10FFFF). s[pos] must be >= 0x80.
inline int utf8_sequence_at(std::string_view s, size_t pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
  const size_t avail = s.size() - pos;
  const unsigned char b0 = p[0];
  int n;
  char32_t min;
  if (b0 >= 0xC2 && b0 <= 0xDF) { n = 2; min = 0x80; }
  else if (b0 >= 0xE0 && b0 <= 0xEF) { n = 3; min = 0x800; }
  else if (b0 >= 0xF0 && b0 <= 0xF4) { n = 4; min = 0x10000; }
  else return 0;
  if (avail < static_cast<size_t>(n)) return 0;
  char32_t cp = b0 & (0x7F >> n);
  for (int i = 1; i < n; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// Appends the UTF-8 form of a code point; surrogates and values past
// U+10FFFF become U+FFFD.
inline void append_code_point(std::string& out, char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

inline constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

}  // namespace aidtext::format

#endif  // AIDTEXT_FORMAT_UTF8_SCAN_H_
