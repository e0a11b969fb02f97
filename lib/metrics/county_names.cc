// The county-name table (county_names.h), generated at build time.
#include "metrics/county_names.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "core/utf8.h"
#include "metrics/char_scan.h"

namespace aidtext {
namespace {

// kNameBytes, kNameEnds: each name's characters in reverse order, sorted by
// bytes (make_county_names.py).
#include "metrics/county_names.inc"

constexpr size_t kNameCount = std::size(kNameEnds);

constexpr std::string_view name_at(size_t i) {
  const size_t begin = i ? kNameEnds[i - 1] : 0;
  return std::string_view(kNameBytes + begin, kNameEnds[i] - begin);
}

// The table's longest name has 10 characters (make_county_names.py).
constexpr size_t kMaxNameChars = 10;

// The characters of the names' stems (all but the suffix), a bit each: the
// character before what the caller has taken must be one of them for a
// longer name to exist. Most walks stop at one that is not (在, 的, 到, a
// mark), and then ask nothing more: the table's search at every suffix was
// 6 % of a round of the dev articles' extract. Built at compile time from
// the table (8 KiB of .rodata, of which a text reads a few lines).
constexpr std::array<uint64_t, 0x10000 / 64> kStemChars = [] {
  std::array<uint64_t, 0x10000 / 64> bits{};
  for (size_t n = 0; n < kNameCount; ++n) {
    // UTF-8, three bytes a character (the names are CJK Unified
    // Ideographs, U+4E00..U+9FFF: make_county_names.py); the first
    // (reversed) is the suffix.
    const std::string_view name = name_at(n);
    for (size_t i = 3; i + 3 <= name.size(); i += 3) {
      const auto byte = [&](size_t j) { return static_cast<uint32_t>(static_cast<unsigned char>(name[j])); };
      const uint32_t c = (byte(i) & 0x0F) << 12 | (byte(i + 1) & 0x3F) << 6 | (byte(i + 2) & 0x3F);
      bits[c >> 6] |= uint64_t{1} << (c & 63);
    }
  }
  return bits;
}();

}  // namespace

size_t longest_county_start(std::string_view text, size_t b, size_t end, size_t floor) {
  if (b <= floor || b == 0) return b;
  {
    int len = 1;
    const char32_t d = next_char(text, utf8::char_start_before(text, b), &len);
    if (d >= 0x10000 || !((kStemChars[d >> 6] >> (d & 63)) & 1)) return b;
  }
  char key[kMaxNameChars * 4];  // text[g, end)'s characters reversed
  size_t key_len = 0;
  size_t lo = 0;  // the table's index
  size_t found = b, g = end;
  for (size_t n = 0; n < kMaxNameChars && g > floor && g > 0; ++n) {
    const size_t p = utf8::char_start_before(text, g);
    int len = 1;
    if (!utf8::is_han(next_char(text, p, &len)) || g - p > 4) break;
    std::copy(text.begin() + static_cast<std::ptrdiff_t>(p), text.begin() + static_cast<std::ptrdiff_t>(g),
              key + key_len);
    key_len += g - p;
    g = p;
    if (g >= b) continue;  // what the caller has: no name to look for yet
    // The first name not below the key (every later key extends this one,
    // so the search goes on from here); none starts with it: no longer one.
    const std::string_view k(key, key_len);
    size_t count = kNameCount - lo;
    while (count > 0) {  // lower bound over [lo, kNameCount)
      const size_t half = count / 2;
      if (name_at(lo + half) < k) {
        lo += half + 1;
        count -= half + 1;
      } else {
        count = half;
      }
    }
    if (lo == kNameCount || !name_at(lo).starts_with(k)) break;
    if (name_at(lo) == k) found = g;
  }
  return found;
}

}  // namespace aidtext
