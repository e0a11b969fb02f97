// Small UTF-8 helpers shared by every stage. All take untrusted bytes.
#ifndef AIDTEXT_CORE_UTF8_H_
#define AIDTEXT_CORE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace aidtext::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes one code point at s[pos]. On success sets *len to its byte length
// (1..4) and returns it; on an invalid or truncated sequence returns
// kReplacement with *len = 1 (the caller skips one byte and may count it).
inline char32_t decode(std::string_view s, size_t pos, int* len);

// Appends the UTF-8 form of `cp` (invalid code points append U+FFFD).
inline void append(std::string& out, char32_t cp);

// Writes the UTF-8 form of BMP character `c` (not a surrogate) at `out`,
// which has room for three bytes; returns its length. For decoders that
// write into a buffer sized once (append's checks cost the GBK decoder 70 %
// of its time).
inline uint32_t put_bmp(char16_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  out[0] = static_cast<char>(0xE0 | (c >> 12));
  out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[2] = static_cast<char>(0x80 | (c & 0x3F));
  return 3;
}

// Length (2..4) of the well-formed multi-byte sequence at s[pos], or 0 when
// the bytes there are not one (s[pos] must be >= 0x80).
inline int sequence_at(std::string_view s, size_t pos);

inline constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

// Start of the character that ends at byte `end` (end > 0): back over
// continuation bytes, at most three of them.
inline size_t char_start_before(std::string_view s, size_t end) {
  size_t b = end - 1;
  while (b > 0 && end - b < 4 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  return b;
}

// Byte length of the sequence starting with lead byte `b` (1 for invalid).
inline int sequence_length(unsigned char b) {
  return b < 0x80 ? 1 : b < 0xC2 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : b < 0xF5 ? 4 : 1;
}

// True when all of `s` is valid UTF-8 (no overlongs, surrogates or > U+10FFFF).
bool valid(std::string_view s);

// Han ideographs of the CJK blocks (Unified, Ext A-F, Compatibility).
inline bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x2FA1F) || (c >= 0xF900 && c <= 0xFAFF);
}


// Definitions: inline so that stages with no link dependency on core
// (lib/format's text formats, used by the CLI) share them.
inline char32_t decode(std::string_view s, size_t pos, int* len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
  size_t avail = s.size() - pos;
  unsigned char b0 = p[0];
  *len = 1;
  if (b0 < 0x80) return b0;
  int n = sequence_length(b0);
  if (n == 1 || static_cast<size_t>(n) > avail) return kReplacement;
  char32_t cp = b0 & (0x7F >> n);
  for (int i = 1; i < n; ++i) {
    if ((p[i] & 0xC0) != 0x80) return kReplacement;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are invalid.
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return kReplacement;
  *len = n;
  return cp;
}

inline void append(std::string& out, char32_t cp) {
  if (cp >= 0xD800 && cp <= 0xDFFF) cp = kReplacement;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp <= 0x10FFFF) {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    append(out, kReplacement);
  }
}

inline int sequence_at(std::string_view s, size_t pos) {
  int len;
  decode(s, pos, &len);
  return len > 1 ? len : 0;
}

}  // namespace aidtext::utf8

#endif  // AIDTEXT_CORE_UTF8_H_
