#include "normalize/soft_wraps.h"

#include <algorithm>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/utf8.h"
#include "normalize/cleaner.h"
#include "normalize/html_reference.h"
#include "normalize/markup.h"

namespace aidtext {
namespace {

// A line longer than this in bytes is wider than kMaxWrapColumns (at most
// 1.5 bytes a column): its columns are not counted.
constexpr size_t kMaxWrappedLineBytes = (kMaxWrapColumns + kWrapWidthSlack) * 3 / 2;
constexpr uint32_t kTooWide = UINT32_MAX;

// Calls f(begin, lf) for each line of `text`: its first byte and its '\n'
// (text.size() for the last line).
template <typename F>
void for_each_line(std::string_view text, F f) {
  for (size_t begin = 0; begin <= text.size();) {
    const void* hit = std::memchr(text.data() + begin, '\n', text.size() - begin);
    const size_t lf = hit ? static_cast<size_t>(static_cast<const char*>(hit) - text.data()) : text.size();
    f(begin, lf);
    if (!hit) break;
    begin = lf + 1;
  }
}

struct Line {
  uint32_t begin;
  uint32_t end;  // before its '\r' and '\n'
  uint32_t lf;   // position of its '\n' (text.size() for the last line)
  uint32_t columns = 0;  // kTooWide: not counted (kMaxWrappedLineBytes)
  // What is shown of it: from its first shown character to the end of its
  // last (begin == end: nothing), and those characters (0: none).
  uint32_t shown_begin = 0;
  uint32_t shown_end = 0;
  char32_t first = 0;
  char32_t last = 0;
  bool edges_known = false;  // the four above are set (edges())
};

// Characters the cleaner deletes (normalize/cleaner.h): no columns.
bool hidden(char32_t c) { return is_deleted_invisible(c); }

// Display columns of a character: two from U+0800 on (three or four UTF-8
// bytes), one below, none for a hidden one.
uint32_t width_of(char32_t c) { return hidden(c) ? 0 : c >= 0x800 ? 2 : 1; }

// Whether the byte at text[i] starts something shown otherwise than its
// bytes say: markup or a reference (by their first byte; the walk decides),
// a hidden character.
bool unshown_at(std::string_view text, size_t i, const NormalizeOptions& options) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  switch (p[i]) {
    case '<': return options.strip_markup;
    case '&': return options.decode_html;
    case 0xC2: return i + 1 < n && p[i + 1] == 0xAD;
    case 0xEF: return i + 2 < n && p[i + 1] == 0xBB && p[i + 2] == 0xBF;
    case 0xE2:
      return i + 2 < n && ((p[i + 1] == 0x80 && p[i + 2] >= 0x8B && p[i + 2] <= 0x8F) ||
                           (p[i + 1] == 0x81 && p[i + 2] == 0xA0));
    default: return false;
  }
}

// Display columns of text[begin, end) as its bytes say: one a character,
// and one more for each of three or four bytes, so the bytes less the
// continuation bytes plus the leads from E0 up; and whether it is so shown
// (no byte unshown_at), in *as_bytes: most lines are. Sixteen bytes a step
// with SSE2 (a byte loop cost a tenth of extract's instructions on the dev
// articles), the few candidate bytes (“” and … lead with E2 too) checked
// one by one.
uint32_t columns(std::string_view text, uint32_t begin, uint32_t end, const NormalizeOptions& options,
                 bool* as_bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  uint32_t continuation = 0, wide = 0, i = begin;
  bool plain = true;
#if defined(__SSE2__)
  // As signed bytes: continuation bytes 80-BF are below -64 (C0); leads
  // from E0 are -32 and up, and negative.
  const __m128i c0 = _mm_set1_epi8(static_cast<char>(0xC0)), df = _mm_set1_epi8(static_cast<char>(0xDF));
  const __m128i zero = _mm_setzero_si128();
  const __m128i lt = _mm_set1_epi8('<'), amp = _mm_set1_epi8('&'), c2 = _mm_set1_epi8(static_cast<char>(0xC2));
  const __m128i e2 = _mm_set1_epi8(static_cast<char>(0xE2)), ef = _mm_set1_epi8(static_cast<char>(0xEF));
  for (; i + 16 <= end; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const auto cont = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, c0)));
    const auto lead = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, df), _mm_cmplt_epi8(v, zero))));
    continuation += static_cast<uint32_t>(__builtin_popcount(cont));
    wide += static_cast<uint32_t>(__builtin_popcount(lead));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_cmpeq_epi8(v, amp)),
                                     _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, e2)),
                                                  _mm_cmpeq_epi8(v, ef)));
    for (auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit)); plain && mask != 0; mask &= mask - 1)
      plain = !unshown_at(text, i + static_cast<uint32_t>(__builtin_ctz(mask)), options);
  }
#endif
  for (; i < end; ++i) {
    continuation += p[i] >= 0x80 && p[i] < 0xC0;
    wide += p[i] >= 0xE0;
    plain = plain && !unshown_at(text, i, options);
  }
  *as_bytes = plain;
  return end - begin - continuation + wide;
}

// Measures line `l` as shown: markup (through `markup`, which must be
// asked in increasing positions; null: none is removed) and hidden
// characters take no columns, a reference (with `references`) its
// character's. Markup running past the line's end is text here (a
// <script> spanning lines is the cleaner's to remove). Sets its columns
// and its edges.
void measure_shown(std::string_view text, Line& l, MarkupFinder* markup, bool references) {
  uint32_t columns = 0;
  bool any = false;
  for (uint32_t i = l.begin; i < l.end;) {
    char32_t c;
    uint32_t len;
    if (text[i] == '<' && markup) {
      if (const Markup m = markup->at(i); m.length > 0 && i + m.length <= l.end) {
        i += static_cast<uint32_t>(m.length);
        continue;
      }
    }
    size_t ref = 0;
    if (text[i] == '&' && references && (ref = html_reference_length(text, i, &c)) > 0 && i + ref <= l.end) {
      len = static_cast<uint32_t>(ref);
    } else {
      int n = 1;
      c = utf8::decode(text, i, &n);
      len = static_cast<uint32_t>(n);
    }
    columns += width_of(c);
    if (!hidden(c)) {
      if (!any) l.shown_begin = i, l.first = c, any = true;
      l.shown_end = i + len;
      l.last = c;
    }
    i += len;
  }
  if (!any) l.shown_begin = l.shown_end = l.begin;
  l.columns = columns;
  l.edges_known = true;
}

// What is shown of line `l` from byte `from` on, with nothing unshown in
// it: its first and last characters.
void plain_edges(std::string_view text, Line& l, uint32_t from) {
  l.shown_begin = from;
  l.shown_end = l.end;
  l.first = l.last = 0;
  if (from >= l.end) {
    l.shown_end = from;
    return;
  }
  int len = 1;
  l.first = utf8::decode(text, from, &len);
  l.last = utf8::decode(text, utf8::char_start_before(text, l.end), &len);
}

// A line too long to count: only its first shown character matters (it
// may follow a wrap). Skips markup, references to hidden characters and
// hidden characters at its start.
void lead_edge(std::string_view text, Line& l, MarkupFinder& markup, const NormalizeOptions& options) {
  uint32_t i = l.begin;
  char32_t reference = 0;  // the character of a reference shown first
  while (i < l.end && unshown_at(text, i, options)) {
    if (text[i] == '<') {
      const Markup m = markup.at(i);
      if (m.length == 0 || i + m.length > l.end) break;
      i += static_cast<uint32_t>(m.length);
    } else if (text[i] == '&') {
      const size_t ref = html_reference_length(text, i, &reference);
      if (ref == 0 || !hidden(reference)) break;
      reference = 0;
      i += static_cast<uint32_t>(ref);
    } else {
      int len = 1;
      utf8::decode(text, i, &len);
      i += static_cast<uint32_t>(len);
    }
  }
  plain_edges(text, l, i);
  if (reference != 0) l.first = reference;
}

// Sets what is shown of line `l` (edges_known), when a wrap may follow it
// or precede it: most lines are never asked. `markup` is asked in
// increasing positions only.
void edges(std::string_view text, Line& l, MarkupFinder& markup, const NormalizeOptions& options) {
  if (l.edges_known) return;
  l.edges_known = true;
  if (l.columns == kTooWide) {
    lead_edge(text, l, markup, options);
  } else {
    plain_edges(text, l, l.begin);  // measured by its bytes: nothing unshown in it
  }
}

std::vector<Line> split_lines(std::string_view text, const NormalizeOptions& options, size_t count) {
  std::vector<Line> lines;
  lines.reserve(count);
  MarkupFinder markup(text);
  for_each_line(text, [&](size_t begin, size_t lf) {
    size_t end = lf;
    if (end > begin && text[end - 1] == '\r') --end;
    const auto b = static_cast<uint32_t>(begin), e = static_cast<uint32_t>(end);
    Line l{b, e, static_cast<uint32_t>(lf)};
    if (end - begin > kMaxWrappedLineBytes) {
      l.columns = kTooWide;
    } else if (bool as_bytes; (l.columns = columns(text, b, e, options, &as_bytes)), !as_bytes) {
      measure_shown(text, l, options.strip_markup ? &markup : nullptr, options.decode_html);
    }
    lines.push_back(l);
  });
  return lines;
}

// The width most long lines share (within kWrapWidthSlack), or 0 when no
// width stands out. Lines too wide to count are long lines of no width.
uint32_t wrap_width(const std::vector<Line>& lines) {
  std::vector<uint32_t> widths;
  size_t long_lines = 0;
  for (const Line& l : lines) {
    if (l.columns < kMinWrappedLineColumns) continue;
    ++long_lines;
    if (l.columns != kTooWide) widths.push_back(l.columns);
  }
  if (widths.size() < kMinWrappedLines) return 0;
  std::sort(widths.begin(), widths.end());
  // The window [widths[i], widths[i] + slack] holding the most lines.
  size_t best = 0, best_at = 0;
  for (size_t i = 0, j = 0; i < widths.size(); ++i) {
    while (j < widths.size() && widths[j] <= widths[i] + kWrapWidthSlack) ++j;
    if (j - i >= best) {
      best = j - i;
      best_at = j - 1;  // the window's widest: the width itself
    }
  }
  if (best < kMinWrappedLines || static_cast<double>(best) < kMinWrappedShare * static_cast<double>(long_lines) ||
      widths[best_at] > kMaxWrapColumns)
    return 0;
  return widths[best_at];
}

// Whether a line ending in `c` may end a sentence or a heading there.
bool ends_sentence(char32_t c) {
  static constexpr char32_t kEnds[] = {U'。', U'！', U'？', U'；', U'：', U'”', U'’', U'」', U'』',
                                       U'）', U'】', U'》', U'…', '!', '?', ';', ':', ')', '"'};
  return std::find(std::begin(kEnds), std::end(kEnds), c) != std::end(kEnds);
}

bool numbered_heading(std::string_view line) {
  // 一、 … 十、: a heading of its own, however the line before it ends.
  static constexpr std::u32string_view kNumerals = U"一二三四五六七八九十";
  size_t p = 0;
  int len = 1;
  while (p < line.size()) {
    const char32_t c = utf8::decode(line, p, &len);
    if (kNumerals.find(c) == std::u32string_view::npos) break;
    p += static_cast<size_t>(len);
  }
  return p > 0 && p < line.size() && utf8::decode(line, p, &len) == U'、';
}

// Whether a line starting with `c` goes on from the line before.
bool continues(char32_t c) {
  if (utf8::is_han(c) || (c >= '0' && c <= '9') || c == '%' || c == '.') return true;
  static constexpr char32_t kGoesOn[] = {U'，', U'、', U'。', U'；', U'：', U'）', U'”', U'％'};
  return std::find(std::begin(kGoesOn), std::end(kGoesOn), c) != std::end(kGoesOn);
}

}  // namespace

std::vector<SoftWrap> find_soft_wraps(std::string_view text, const NormalizeOptions& options) {
  std::vector<SoftWrap> wraps;
  // First the lines' lengths in bytes alone, without a list: a width needs
  // kMinWrappedLines lines short enough to be wrapped, and most of the long
  // ones. Most texts stop here (one paragraph a line).
  size_t line_count = 0;
  {
    uint32_t may_wrap = 0, long_lines = 0;
    for_each_line(text, [&](size_t begin, size_t lf) {
      const size_t bytes = lf - begin;
      long_lines += bytes >= kMinWrappedLineColumns;
      may_wrap += bytes >= kMinWrappedLineColumns && bytes <= kMaxWrappedLineBytes;
      ++line_count;
    });
    if (may_wrap < kMinWrappedLines || static_cast<double>(may_wrap) < kMinWrappedShare * long_lines) return wraps;
  }
  std::vector<Line> lines = split_lines(text, options, line_count);
  const uint32_t width = wrap_width(lines);
  if (width == 0) return wraps;
  MarkupFinder markup(text);  // a second reading from the start, for edges()
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    Line& l = lines[i];
    Line& next = lines[i + 1];
    // About the wrap width: a wrapped line may fall short of it by a
    // character that did not fit.
    if (l.columns + kWrapWidthSlack < width || l.columns > width + kWrapWidthSlack) continue;
    edges(text, l, markup, options);
    edges(text, next, markup, options);
    if (next.shown_end == next.shown_begin) continue;
    const char32_t last = l.last;
    if (ends_sentence(last)) continue;
    const char32_t first = next.first;
    if (!continues(first) || numbered_heading(text.substr(next.shown_begin, next.shown_end - next.shown_begin)))
      continue;
    // 2.\n26%: a full stop only inside a number.
    if (last == '.' && !(first >= '0' && first <= '9')) continue;
    wraps.push_back({l.lf, l.shown_end, next.shown_begin});
  }
  return wraps;
}

}  // namespace aidtext
