// Numbers cut by a lost character (cut_numbers.h).
#include "core/cut_numbers.h"

#include "core/utf8.h"

namespace aidtext {
namespace {

bool is_numeral(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || c == '.' || c == ',';
  switch (c) {
    case U'〇': case U'零': case U'一': case U'二': case U'两': case U'三': case U'四': case U'五':
    case U'六': case U'七': case U'八': case U'九': case U'十': case U'百': case U'千': case U'万':
    case U'亿': case U'壹': case U'贰': case U'叁': case U'肆': case U'伍': case U'陆': case U'柒':
    case U'捌': case U'玖': case U'拾': case U'佰': case U'仟':
      return true;
    default:
      return false;
  }
}

bool is_hole(char32_t c) { return c == '?' || c == utf8::kReplacement; }

// The character before byte `pos` (0 when none), and where it starts.
char32_t char_before(std::string_view text, size_t pos, size_t* start) {
  if (pos == 0) return 0;
  *start = utf8::char_start_before(text, pos);
  int len;
  return utf8::decode(text, *start, &len);
}

// The character at byte `pos` (0 at the end), and its length.
char32_t char_at(std::string_view text, size_t pos, int* len) {
  *len = 1;
  return pos < text.size() ? utf8::decode(text, pos, len) : 0;
}

}  // namespace

bool number_cut_by_hole(std::string_view text, Range number) {
  // Leftwards: numerals, holes, a numeral.
  size_t p = number.begin, start = 0;
  char32_t c = char_before(text, p, &start);
  for (; c && is_numeral(c); c = char_before(text, p, &start)) p = start;
  if (c && is_hole(c)) {
    for (; c && is_hole(c); c = char_before(text, p, &start)) p = start;
    if (c && is_numeral(c)) return true;
  }
  // Rightwards: the same.
  size_t q = number.end;
  int len;
  c = char_at(text, q, &len);
  for (; c && is_numeral(c); c = char_at(text, q, &len)) q += static_cast<size_t>(len);
  if (!c || !is_hole(c)) return false;
  for (; c && is_hole(c); c = char_at(text, q, &len)) q += static_cast<size_t>(len);
  return c && is_numeral(c);
}

}  // namespace aidtext
