// Spaces Chinese typography does not have (cjk_spacing.h).
#include "normalize/cjk_spacing.h"

#include <cstring>

#include "core/utf8.h"
#include "normalize/cjk_chars.h"

namespace aidtext {
namespace {

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

// Whether text[at] is an ASCII comma after a Chinese character or mark.
bool comma_after_chinese(std::string_view text, size_t at) {
  if (text[at] != ',' || at == 0 || static_cast<unsigned char>(text[at - 1]) < 0x80) return false;
  int len = 1;
  return is_cjk(utf8::decode(text, utf8::char_start_before(text, at), &len));
}

}  // namespace

std::vector<uint32_t> find_cjk_spacing(std::string_view text, std::span<const uint32_t> punctuation) {
  std::vector<uint32_t> spaces;
  const char* p = text.data();
  const size_t n = text.size();
  size_t mark = 0;  // the first of `punctuation` not before the space's left neighbour
  auto folded_at = [&](size_t pos) {
    while (mark < punctuation.size() && punctuation[mark] < pos) ++mark;
    return mark < punctuation.size() && punctuation[mark] == pos;
  };
  for (size_t i = 0; i < n;) {
    const void* hit = std::memchr(p + i, ' ', n - i);
    if (!hit) break;
    const size_t at = static_cast<size_t>(static_cast<const char*>(hit) - p);
    i = at + 1;
    if (at == 0 || at + 1 >= n || space_like(p[at - 1]) || space_like(p[at + 1])) continue;
    // A mark to be folded is Chinese punctuation already, and so is an
    // ASCII comma after a Chinese character or mark (人, 比上年: commas
    // are not folded, cjk_punctuation.h).
    const bool mark_before = folded_at(at - 1), mark_after = folded_at(at + 1);
    if (mark_before || mark_after || comma_after_chinese(text, at - 1)) {
      spaces.push_back(static_cast<uint32_t>(at));
      continue;
    }
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
