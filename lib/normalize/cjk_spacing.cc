// Spaces Chinese typography does not have (cjk_spacing.h).
#include "normalize/cjk_spacing.h"

#include <cstring>

#include "core/utf8.h"

namespace aidtext {
namespace {

// Full-width and CJK punctuation that carries its own spacing: 、。〃
// 〈〉《》「」『』【】〔〕〖〗, the full-width ！（），：；？ and the quotes
// and marks Chinese text writes with general punctuation (“” ‘’ … —).
bool is_cjk_punctuation(char32_t c) {
  if ((c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x3017)) return true;
  switch (c) {
    case 0xFF01: case 0xFF08: case 0xFF09: case 0xFF0C: case 0xFF1A: case 0xFF1B: case 0xFF1F:
    case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x2026: case 0x2014:
      return true;
    default:
      return false;
  }
}

bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
bool is_percent(char32_t c) { return c == '%' || c == 0xFF05; }

// A character at either side of a typographic space (see the header).
bool typographic(char32_t before, char32_t after) {
  if (is_cjk_punctuation(before) || is_cjk_punctuation(after)) return true;
  if (utf8::is_han(before)) return is_digit(after);
  if (is_digit(before) || is_percent(before)) return utf8::is_han(after);
  return false;
}

// Bytes that make a space one of a run or put it at a line's edge.
bool space_like(char b) { return b == ' ' || b == '\t' || b == '\n' || b == '\r'; }

}  // namespace

std::vector<uint32_t> find_cjk_spacing(std::string_view text) {
  std::vector<uint32_t> spaces;
  const char* p = text.data();
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    const void* hit = std::memchr(p + i, ' ', n - i);
    if (!hit) break;
    const size_t at = static_cast<size_t>(static_cast<const char*>(hit) - p);
    i = at + 1;
    if (at == 0 || at + 1 >= n || space_like(p[at - 1]) || space_like(p[at + 1])) continue;
    // Every rule has a non-ASCII character on one side at least: spaces
    // between ASCII (English, figures, markup left as text) go at once.
    if (static_cast<unsigned char>(p[at - 1]) < 0x80 && static_cast<unsigned char>(p[at + 1]) < 0x80) continue;
    int len = 1;
    const char32_t before = utf8::decode(text, utf8::char_start_before(text, at), &len);
    const char32_t after = utf8::decode(text, at + 1, &len);
    if (typographic(before, after)) spaces.push_back(static_cast<uint32_t>(at));
  }
  return spaces;
}

}  // namespace aidtext
