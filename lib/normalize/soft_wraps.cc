#include "normalize/soft_wraps.h"

#include <algorithm>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/utf8.h"

namespace aidtext {
namespace {

constexpr uint32_t kTooWide = UINT32_MAX;

struct Line {
  uint32_t begin;
  uint32_t end;  // before its '\r' and '\n'
  uint32_t lf;   // position of its '\n' (text.size() for the last line)
  uint32_t columns = 0;
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
  const auto n = static_cast<uint32_t>(text.size());
  uint32_t begin = 0;
  while (begin <= n) {
    const void* hit = std::memchr(text.data() + begin, '\n', n - begin);
    const uint32_t lf = hit ? static_cast<uint32_t>(static_cast<const char*>(hit) - text.data()) : n;
    uint32_t end = lf;
    if (end > begin && text[end - 1] == '\r') --end;
    // Columns of a line too long in bytes to be wrapped are not counted.
    const bool may_wrap = end - begin <= kMaxWrapColumns * 3 / 2 + kWrapWidthSlack * 3 / 2;
    lines.push_back({begin, end, lf, may_wrap ? columns(text, begin, end) : kTooWide});
    if (!hit) break;
    begin = lf + 1;
  }
  return lines;
}

// The length most long lines share (within kWrapWidthSlack), or 0 when no
// length stands out.
uint32_t wrap_width(const std::vector<Line>& lines) {
  std::vector<uint32_t> lengths;
  for (const Line& l : lines)
    if (l.columns >= kMinWrappedLineColumns) lengths.push_back(l.columns);  // kTooWide included
  // Too few lines that may be wrapped: nothing to sort.
  if (std::count_if(lengths.begin(), lengths.end(), [](uint32_t c) { return c <= kMaxWrapColumns; }) <
      static_cast<std::ptrdiff_t>(kMinWrappedLines))
    return 0;
  if (lengths.size() < kMinWrappedLines) return 0;
  std::sort(lengths.begin(), lengths.end());
  // The window [lengths[i], lengths[i] + slack] holding the most lines.
  size_t best = 0, best_at = 0;
  for (size_t i = 0, j = 0; i < lengths.size(); ++i) {
    while (j < lengths.size() && lengths[j] <= lengths[i] + kWrapWidthSlack) ++j;
    if (j - i >= best) {
      best = j - i;
      best_at = j - 1;  // the window's longest: the width itself
    }
  }
  if (best < kMinWrappedLines || static_cast<double>(best) < kMinWrappedShare * static_cast<double>(lengths.size()) ||
      lengths[best_at] > kMaxWrapColumns)
    return 0;
  return lengths[best_at];
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
  static constexpr char32_t kGoesOn[] = {U'，', U'、', U'。', U'；', U'：', U'）', U'”', U'％', U'％'};
  return std::find(std::begin(kGoesOn), std::end(kGoesOn), c) != std::end(kGoesOn);
}

}  // namespace

std::vector<uint32_t> find_soft_wraps(std::string_view text) {
  std::vector<uint32_t> wraps;
  // First the lines' lengths in bytes alone, without a list: a width needs
  // kMinWrappedLines lines short enough to be wrapped, and most of the long
  // ones. Most texts stop here (one paragraph a line).
  {
    const uint32_t max_bytes = kMaxWrapColumns * 3 / 2 + kWrapWidthSlack * 3 / 2;
    uint32_t may_wrap = 0, long_lines = 0;
    for (size_t begin = 0; begin <= text.size();) {
      const void* hit = std::memchr(text.data() + begin, '\n', text.size() - begin);
      const size_t lf = hit ? static_cast<size_t>(static_cast<const char*>(hit) - text.data()) : text.size();
      const size_t bytes = lf - begin;
      long_lines += bytes >= kMinWrappedLineColumns;
      may_wrap += bytes >= kMinWrappedLineColumns && bytes <= max_bytes;
      if (!hit) break;
      begin = lf + 1;
    }
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
