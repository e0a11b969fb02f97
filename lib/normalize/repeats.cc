#include "normalize/repeats.h"

#include <cstdint>
#include <unordered_map>

#include "core/utf8.h"

namespace aidtext {
namespace {

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == '\r'; }
bool is_bullet(char32_t c) {
  return c == U'•' || c == U'·' || c == U'●' || c == U'○' || c == U'■' || c == U'□' ||
         c == U'◆' || c == U'◇' || c == U'▪' || c == U'*' || c == U'-' || c == U'・';
}

struct Line {
  uint32_t begin = 0, end = 0;  // content range: without indentation, bullets, trailing spaces
  uint32_t chars = 0;           // characters other than whitespace
  uint64_t hash = 0;
  int64_t first = -1;           // index of the earlier line it repeats
};

// FNV-1a over the bytes of the non-space characters of [begin, end).
Line describe(std::string_view text, size_t begin, size_t end) {
  Line line;
  size_t i = begin;
  // Leading indentation and bullets.
  while (i < end) {
    int len;
    char32_t c = utf8::decode(text, i, &len);
    if (!is_space(c) && !is_bullet(c)) break;
    i += len;
  }
  line.begin = line.end = static_cast<uint32_t>(i);
  uint64_t h = 1469598103934665603ULL;
  while (i < end) {
    int len;
    char32_t c = utf8::decode(text, i, &len);
    if (!is_space(c)) {
      for (int k = 0; k < len; ++k) {
        h ^= static_cast<unsigned char>(text[i + k]);
        h *= 1099511628211ULL;
      }
      ++line.chars;
      line.end = static_cast<uint32_t>(i + len);
    }
    i += len;
  }
  line.hash = h;
  return line;
}

// Same content, whitespace aside (hash collisions are checked here).
bool same_content(std::string_view text, const Line& a, const Line& b) {
  size_t i = a.begin, j = b.begin;
  while (true) {
    int la = 0, lb = 0;
    char32_t ca = 0, cb = 0;
    while (i < a.end && is_space(ca = utf8::decode(text, i, &la))) i += la;
    while (j < b.end && is_space(cb = utf8::decode(text, j, &lb))) j += lb;
    const bool a_done = i >= a.end, b_done = j >= b.end;
    if (a_done || b_done) return a_done && b_done;
    if (ca != cb) return false;
    i += la;
    j += lb;
  }
}

}  // namespace

std::vector<RepeatedPassage> find_repeated_passages(std::string_view text) {
  std::vector<Line> lines;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(describe(text, pos, nl));
    pos = nl + 1;
  }

  // Every substantive line's first occurrence, by content hash.
  std::unordered_multimap<uint64_t, uint32_t> seen;
  seen.reserve(lines.size());
  for (uint32_t k = 0; k < lines.size(); ++k) {
    Line& line = lines[k];
    if (line.chars < kMinRepeatedLineChars) continue;
    auto [lo, hi] = seen.equal_range(line.hash);
    for (auto it = lo; it != hi; ++it) {
      if (same_content(text, lines[it->second], line)) {
        line.first = it->second;
        break;
      }
    }
    if (line.first < 0) seen.emplace(line.hash, k);
  }

  // Merge consecutive repeats whose first copies keep their order.
  std::vector<RepeatedPassage> out;
  int64_t run_later_begin = -1, run_later_end = -1, run_first_begin = -1, run_first_end = -1;
  auto close_run = [&] {
    if (run_later_begin < 0) return;
    out.push_back({{lines[run_later_begin].begin, lines[run_later_end].end},
                   {lines[run_first_begin].begin, lines[run_first_end].end}});
    run_later_begin = -1;
  };
  for (uint32_t k = 0; k < lines.size(); ++k) {
    const Line& line = lines[k];
    if (line.first < 0) {
      // Blank and short lines do not break a block; a substantive new line does.
      if (line.chars >= kMinRepeatedLineChars) close_run();
      continue;
    }
    const bool extends = run_later_begin >= 0 && line.first > run_first_end &&
                         line.first < run_later_begin;
    if (!extends) {
      close_run();
      run_later_begin = k;
      run_first_begin = line.first;
    }
    run_later_end = k;
    run_first_end = line.first;
  }
  close_run();
  return out;
}

}  // namespace aidtext
