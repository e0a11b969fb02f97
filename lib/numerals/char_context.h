// Character-level context helpers shared by the recognizer's rules: code
// points before / after a byte offset, spaced words ("百 分 之"), character
// classes (boundaries, quotes), and the numeral scan options of running text.
#ifndef AIDTEXT_NUMERALS_CHAR_CONTEXT_H_
#define AIDTEXT_NUMERALS_CHAR_CONTEXT_H_

#include <cstddef>
#include <string_view>

#include "core/utf8.h"
#include "numerals/numeral_chars.h"
#include "numerals/numeral_parser.h"
#include "numerals/text_match.h"

namespace aidtext::numerals {

// `word` at pos with ASCII spaces allowed before each of its characters
// ("百 分 之", "  个百分 点"): the end, or 0.
inline size_t spaced_word(std::string_view text, size_t pos, std::string_view word) {
  size_t p = pos;
  for (size_t w = 0; w < word.size();) {
    while (p < text.size() && text[p] == ' ') ++p;
    size_t n = (static_cast<unsigned char>(word[w]) < 0x80) ? 1 : static_cast<size_t>(utf8::sequence_length(static_cast<unsigned char>(word[w])));
    if (!starts_with_at(text, p, word.substr(w, n))) return 0;
    p += n;
    w += n;
  }
  return p;
}

// The well-formed three-byte sequence at p (U+0800..U+FFFF, no surrogate),
// or 0: what utf8::decode() returns there, without its general case (the
// characters around a numeral are nearly all three bytes long).
inline char32_t three_byte_at(const unsigned char* p) {
  if ((p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
  const char32_t c = (char32_t(p[0] & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  return c;
}

// utf8::decode() with the three-byte case first.
inline char32_t decode_at(std::string_view text, size_t pos, int* len) {
  if (text.size() - pos >= 3) {
    if (char32_t c = three_byte_at(reinterpret_cast<const unsigned char*>(text.data()) + pos)) {
      *len = 3;
      return c;
    }
  }
  return utf8::decode(text, pos, len);
}

inline char32_t cp_at(std::string_view text, size_t pos, int* len) {
  if (pos >= text.size()) {
    *len = 0;
    return 0;
  }
  return decode_at(text, pos, len);
}

// The code point ending at `pos` (0 at the start) and its byte length.
inline char32_t cp_before(std::string_view text, size_t pos, int* len) {
  *len = 0;
  if (pos == 0) return 0;
  // A well-formed three-byte character ends at pos: the walk below stops
  // on its lead byte and decodes it.
  if (pos >= 3) {
    if (char32_t c = three_byte_at(reinterpret_cast<const unsigned char*>(text.data()) + pos - 3)) {
      *len = 3;
      return c;
    }
  }
  size_t b = pos - 1;
  int back = 0;
  while (b > 0 && back < 3 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) {
    --b;
    ++back;
  }
  int l;
  char32_t c = utf8::decode(text, b, &l);
  if (b + static_cast<size_t>(l) != pos) return utf8::kReplacement;
  *len = l;
  return c;
}

inline bool is_ascii_alnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_open_quote(char32_t c) { return c == U'“' || c == U'"' || c == U'「' || c == U'『' || c == U'‘' || c == U'《'; }
inline bool is_close_quote(char32_t c) { return c == U'”' || c == U'"' || c == U'」' || c == U'』' || c == U'’' || c == U'》'; }

inline bool is_numeral_char(char32_t c) {
  return numerals::classify_numeral_char(c).kind != NumCharKind::kNone;
}

// A boundary around a bare Chinese numeral: the text edge, or any character
// that is not a Han ideograph (punctuation, space, Latin, digits).
inline bool is_boundary_char(char32_t c) { return c == 0 || !utf8::is_han(c); }

// The end of the run of numeral characters from `pos` (a rejected Chinese
// numeral is skipped whole: 千百年 gives neither 千 nor 百年).
inline size_t numeral_run_end(std::string_view text, size_t pos) {
  int l;
  while (pos < text.size()) {
    char32_t c = cp_at(text, pos, &l);
    auto k = numerals::classify_numeral_char(c).kind;
    if (k == NumCharKind::kNone || k == NumCharKind::kPoint || k == NumCharKind::kApprox || c < 0x80) break;
    pos += l;
  }
  return pos;
}


// Numerals in running text: smart mode (Arabic mixed in), but no bare unit
// after a unit (千百年 is an idiom, not 1100).
inline ScanOptions recognizer_scan_options() {
  ScanOptions o;
  o.mode = NumeralMode::kSmart;
  o.allow_bare_inner_unit = false;
  return o;
}

}  // namespace aidtext::numerals

#endif  // AIDTEXT_NUMERALS_CHAR_CONTEXT_H_
