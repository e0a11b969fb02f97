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
char32_t decode(std::string_view s, size_t pos, int* len);

// Appends the UTF-8 form of `cp` (invalid code points append U+FFFD).
void append(std::string& out, char32_t cp);

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

}  // namespace aidtext::utf8

#endif  // AIDTEXT_CORE_UTF8_H_
