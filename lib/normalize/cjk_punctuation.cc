// ASCII punctuation in Chinese text (cjk_punctuation.h).
#include "normalize/cjk_punctuation.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/utf8.h"
#include "normalize/cjk_chars.h"

namespace aidtext {
namespace {

// The marks folded (cjk_punctuation.h says why only these).
bool is_mark(unsigned char b) { return b == '(' || b == ')' || b == '.'; }

// Closing Chinese punctuation after which a '.' ends a sentence.
bool closes(char32_t c) { return c == U'”' || c == U'’' || c == U'）' || c == U'》' || c == U'」' || c == U'』'; }

// The first position at or after i holding a mark, or n.
size_t next_mark(const unsigned char* p, size_t i, size_t n) {
#if defined(__SSE2__)
  const __m128i open = _mm_set1_epi8('('), close = _mm_set1_epi8(')'), dot = _mm_set1_epi8('.');
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i hit =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, open), _mm_cmpeq_epi8(v, close)), _mm_cmpeq_epi8(v, dot));
    if (const int mask = _mm_movemask_epi8(hit)) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (i < n && !is_mark(p[i])) ++i;
  return i;
}

}  // namespace

std::vector<PunctuationFold> find_cjk_punctuation(std::string_view text) {
  std::vector<PunctuationFold> folds;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  bool open_folded = false;  // the last '(' seen was folded (and is not closed yet)
  bool open_seen = false;
  for (size_t i = next_mark(p, 0, n); i < n; i = next_mark(p, i + 1, n)) {
    const unsigned char mark = p[i];
    // A '.' after ASCII other than % (8.59, 1.加强, www.) folds never: the
    // commonest '.' goes without decoding its neighbours.
    if (mark == '.' && (i == 0 || (p[i - 1] < 0x80 && p[i - 1] != '%'))) continue;
    int len = 1;
    const char32_t before = i > 0 ? utf8::decode(text, utf8::char_start_before(text, i), &len) : 0;
    const char32_t after = i + 1 < n ? utf8::decode(text, i + 1, &len) : 0;
    // What follows, past one space (( 张明) for （张明）).
    char32_t beyond = after;
    if (after == ' ' && i + 2 < n) beyond = utf8::decode(text, i + 2, &len);
    const bool chinese = is_cjk(before) || is_cjk(beyond);
    char32_t folded = 0;
    switch (mark) {
      case '.':
        // Not before a Latin letter either (附件.doc).
        if ((utf8::is_han(before) || closes(before) || before == '%') && after != '.' &&
            !((after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z')))
          folded = U'。';
        break;
      case '(':
        open_seen = true;
        open_folded = chinese;
        if (chinese) folded = U'（';
        break;
      case ')':
        if (open_seen ? open_folded : utf8::is_han(before)) folded = U'）';
        open_seen = open_folded = false;
        break;
    }
    if (folded) folds.push_back({static_cast<uint32_t>(i), folded});
  }
  return folds;
}

}  // namespace aidtext
