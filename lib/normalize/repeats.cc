#include "normalize/repeats.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/utf8.h"

namespace aidtext {
namespace {

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == '\r'; }
bool is_bullet(char32_t c) {
  return c == U'•' || c == U'·' || c == U'●' || c == U'○' || c == U'■' || c == U'□' ||
         c == U'◆' || c == U'◇' || c == U'▪' || c == U'*' || c == U'-' || c == U'・';
}

constexpr uint32_t kEmptySlot = UINT32_MAX;

// Bytes hashed at each end of a long line (see line_hash()).
constexpr size_t kHashedEdgeBytes = 48;

// A line's hash: its length and its bytes, of a long line the
// kHashedEdgeBytes at each end. Lines that agree there but differ inside
// are told apart by the comparison that confirms every match
// (same_content); only a line's first copy is kept in the table, so which
// earlier line a repeat finds does not depend on the hash. Eight bytes a
// step, where std::hash took about 100 instructions a line.
size_t line_hash(std::string_view s) {
  uint64_t h = s.size() * 0x9E3779B97F4A7C15ull;
  auto add = [&h](uint64_t x) {
    h = (h ^ x) * 0xC2B2AE3D27D4EB4Full;
    h ^= h >> 29;
  };
  auto add_bytes = [&add](const char* p, size_t n) {
    for (; n >= 8; p += 8, n -= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      add(w);
    }
    uint64_t tail = 0;
    for (size_t i = 0; i < n; ++i) tail |= uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
    add(tail);
  };
  if (s.size() <= 2 * kHashedEdgeBytes) {
    add_bytes(s.data(), s.size());
  } else {
    add_bytes(s.data(), kHashedEdgeBytes);
    add_bytes(s.data() + s.size() - kHashedEdgeBytes, kHashedEdgeBytes);
  }
  return static_cast<size_t>(h);
}

struct Line {
  uint32_t begin = 0, end = 0;  // content: without indentation, bullets, trailing spaces
  uint32_t chars = 0;           // characters in the content, counted up to kMinRepeatedLineChars
  size_t hash = 0;
  int64_t first = -1;           // index of the earlier line it repeats
};

// Length of the whitespace character ending at text[end] (0 if none).
size_t trailing_space(std::string_view text, size_t begin, size_t end) {
  if (end <= begin) return 0;
  const unsigned char b = static_cast<unsigned char>(text[end - 1]);
  if (b == ' ' || b == '\t' || b == '\r') return 1;
  if (end - begin >= 2 && b == 0xA0 && static_cast<unsigned char>(text[end - 2]) == 0xC2) return 2;
  if (end - begin >= 3 && b == 0x80 && text.compare(end - 3, 3, "\xE3\x80\x80") == 0) return 3;
  return 0;
}

Line describe(std::string_view text, size_t begin, size_t end) {
  Line line;
  size_t i = begin;
  while (i < end) {  // leading indentation and bullets: a few characters at most
    int len;
    char32_t c = utf8::decode(text, i, &len);
    if (!is_space(c) && !is_bullet(c)) break;
    i += static_cast<size_t>(len);
  }
  size_t e = end;
  while (size_t n = trailing_space(text, i, e)) e -= n;
  line.begin = static_cast<uint32_t>(i);
  line.end = static_cast<uint32_t>(e);
  const size_t bytes = e - i;
  // Only whether a line reaches kMinRepeatedLineChars matters: a character
  // has 1 to 4 bytes, so most lines are decided by their byte length.
  if (bytes >= 4 * kMinRepeatedLineChars) {
    line.chars = static_cast<uint32_t>(kMinRepeatedLineChars);
  } else {
    uint32_t chars = 0;
    for (size_t k = i; k < e; ++k) chars += (static_cast<unsigned char>(text[k]) & 0xC0) != 0x80;
    line.chars = chars;
  }
  // Lines too short to repeat a passage are never looked up: no hash.
  if (line.chars < kMinRepeatedLineChars) return line;
  line.hash = line_hash(text.substr(i, bytes));
  return line;
}

bool same_content(std::string_view text, const Line& a, const Line& b) {
  return a.end - a.begin == b.end - b.begin &&
         std::memcmp(text.data() + a.begin, text.data() + b.begin, a.end - a.begin) == 0;
}

}  // namespace

std::vector<RepeatedPassage> find_repeated_passages(std::string_view text) {
  std::vector<Line> lines;
  // Room for a line every 32 bytes, about as many as a news text has (the
  // vector's growth from empty took 8 allocations a document); capped, so
  // that a long text of long lines does not hold a large block.
  lines.reserve(std::min<size_t>(text.size() / 32 + 8, 4096));
  for (size_t pos = 0; pos <= text.size();) {
    const void* nl_ptr = std::memchr(text.data() + pos, '\n', text.size() - pos);
    size_t nl = nl_ptr ? static_cast<size_t>(static_cast<const char*>(nl_ptr) - text.data())
                       : text.size();
    lines.push_back(describe(text, pos, nl));
    pos = nl + 1;
  }

  // Every substantive line's first occurrence, in an open-addressing table
  // of line indices (one allocation, at most half full).
  size_t substantive = 0;
  for (const Line& line : lines) substantive += line.chars >= kMinRepeatedLineChars;
  size_t capacity = 16;
  while (capacity < 2 * substantive) capacity *= 2;
  std::vector<uint32_t> slots(capacity, kEmptySlot);
  for (uint32_t k = 0; k < lines.size(); ++k) {
    Line& line = lines[k];
    if (line.chars < kMinRepeatedLineChars) continue;
    size_t slot = line.hash & (capacity - 1);
    for (; slots[slot] != kEmptySlot; slot = (slot + 1) & (capacity - 1)) {
      const Line& earlier = lines[slots[slot]];
      if (earlier.hash == line.hash && same_content(text, earlier, line)) {
        line.first = slots[slot];
        break;
      }
    }
    if (line.first < 0) slots[slot] = k;
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
