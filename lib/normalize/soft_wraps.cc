#include "normalize/soft_wraps.h"

#include <algorithm>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/utf8.h"

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
};

// Display columns of text[begin, end): one a character, and one more for
// each of three or four bytes, so the bytes less the continuation bytes
// plus the leads from E0 up. Sixteen bytes a step with SSE2 (a byte loop
// cost a tenth of extract's instructions on the dev articles).
uint32_t columns(std::string_view text, uint32_t begin, uint32_t end) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  uint32_t continuation = 0, wide = 0, i = begin;
#if defined(__SSE2__)
  // As signed bytes: continuation bytes 80-BF are below -64 (C0); leads
  // from E0 are -32 and up, and negative.
  const __m128i c0 = _mm_set1_epi8(static_cast<char>(0xC0)), df = _mm_set1_epi8(static_cast<char>(0xDF));
  const __m128i zero = _mm_setzero_si128();
  for (; i + 16 <= end; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const auto cont = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, c0)));
    const auto lead = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, df), _mm_cmplt_epi8(v, zero))));
    continuation += static_cast<uint32_t>(__builtin_popcount(cont));
    wide += static_cast<uint32_t>(__builtin_popcount(lead));
  }
#endif
  for (; i < end; ++i) {
    continuation += p[i] >= 0x80 && p[i] < 0xC0;
    wide += p[i] >= 0xE0;
  }
  return end - begin - continuation + wide;
}

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  for_each_line(text, [&](size_t begin, size_t lf) {
    size_t end = lf;
    if (end > begin && text[end - 1] == '\r') --end;
    const auto b = static_cast<uint32_t>(begin), e = static_cast<uint32_t>(end);
    lines.push_back({b, e, static_cast<uint32_t>(lf), end - begin <= kMaxWrappedLineBytes ? columns(text, b, e) : kTooWide});
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

char32_t last_char(std::string_view text, const Line& l) {
  if (l.end == l.begin) return 0;
  size_t p = l.end - 1;
  while (p > l.begin && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  int len = 1;
  return utf8::decode(text, p, &len);
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

std::vector<uint32_t> find_soft_wraps(std::string_view text) {
  std::vector<uint32_t> wraps;
  // First the lines' lengths in bytes alone, without a list: a width needs
  // kMinWrappedLines lines short enough to be wrapped, and most of the long
  // ones. Most texts stop here (one paragraph a line).
  {
    uint32_t may_wrap = 0, long_lines = 0;
    for_each_line(text, [&](size_t begin, size_t lf) {
      const size_t bytes = lf - begin;
      long_lines += bytes >= kMinWrappedLineColumns;
      may_wrap += bytes >= kMinWrappedLineColumns && bytes <= kMaxWrappedLineBytes;
    });
    if (may_wrap < kMinWrappedLines || static_cast<double>(may_wrap) < kMinWrappedShare * long_lines) return wraps;
  }
  const std::vector<Line> lines = split_lines(text);
  const uint32_t width = wrap_width(lines);
  if (width == 0) return wraps;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    const Line& l = lines[i];
    const Line& next = lines[i + 1];
    // About the wrap width: a wrapped line may fall short of it by a
    // character that did not fit.
    if (l.columns + kWrapWidthSlack < width || l.columns > width + kWrapWidthSlack) continue;
    if (next.end == next.begin) continue;
    const char32_t last = last_char(text, l);
    if (ends_sentence(last)) continue;
    int flen = 1;
    const char32_t first = utf8::decode(text, next.begin, &flen);
    if (!continues(first) || numbered_heading(text.substr(next.begin, next.end - next.begin))) continue;
    // 2.\n26%: a full stop only inside a number.
    if (last == '.' && !(first >= '0' && first <= '9')) continue;
    wraps.push_back(l.lf);
  }
  return wraps;
}

}  // namespace aidtext
