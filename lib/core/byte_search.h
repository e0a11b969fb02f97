// find_bytes(): substring search for UTF-8 needles.
//
// std::string_view::find looks for the needle's first byte with memchr and
// compares from there; in Chinese text a needle's first byte (a UTF-8 lead
// such as E5) starts every third byte, so that search degrades into a compare
// at almost every character. glibc's memmem uses the two-way algorithm with
// vectorized skips and stays linear and fast whatever the text.
//
// memmem is given a window that starts small and doubles while the needle is
// not found: a caller that walks a long text hit by hit then costs time in
// proportion to the text, not to the text times the hits, even where memmem
// looks at the whole of its haystack first (AddressSanitizer's interceptor
// checks every byte it is given on every call).
#ifndef AIDTEXT_CORE_BYTE_SEARCH_H_
#define AIDTEXT_CORE_BYTE_SEARCH_H_

#include <string.h>  // memmem (GNU)

#include <algorithm>
#include <string_view>

namespace aidtext {

// Position of the first `needle` in `haystack` at or after `from`, or npos.
inline size_t find_bytes(std::string_view haystack, std::string_view needle, size_t from = 0) {
  if (from > haystack.size()) return std::string_view::npos;
  if (needle.empty()) return from;
  constexpr size_t kFirstWindow = 256, kLargestWindow = size_t{1} << 20;
  size_t window = kFirstWindow;
  for (size_t pos = from; haystack.size() - pos >= needle.size();) {
    const size_t len = std::min(haystack.size() - pos, window + needle.size() - 1);
    if (const void* hit = memmem(haystack.data() + pos, len, needle.data(), needle.size()))
      return static_cast<size_t>(static_cast<const char*>(hit) - haystack.data());
    if (pos + len == haystack.size()) break;
    pos += window;  // the next window overlaps this one by needle.size() - 1 bytes
    window = std::min(window * 2, kLargestWindow);
  }
  return std::string_view::npos;
}

// Position of the last `needle` in `haystack`, or npos (as
// std::string_view::rfind). rfind compares at every position back from the
// end, about 10 instructions a byte of Chinese text; this looks for the
// needle's last byte with memrchr (vectorized) and compares only where it
// is (a figure's 600 bytes before it searched for 分别: about 1,200 to 200
// instructions).
inline size_t rfind_bytes(std::string_view haystack, std::string_view needle) {
  if (needle.size() > haystack.size()) return std::string_view::npos;
  if (needle.empty()) return haystack.size();
  const size_t lo = needle.size() - 1;  // the needle's last byte is at lo or after
  for (size_t end = haystack.size(); end > lo;) {
    const void* hit = memrchr(haystack.data() + lo, needle.back(), end - lo);
    if (!hit) break;
    const size_t at = static_cast<size_t>(static_cast<const char*>(hit) - haystack.data());
    if (memcmp(haystack.data() + at - lo, needle.data(), lo) == 0) return at - lo;
    end = at;
  }
  return std::string_view::npos;
}

}  // namespace aidtext

#endif  // AIDTEXT_CORE_BYTE_SEARCH_H_
