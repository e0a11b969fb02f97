// find_bytes(): substring search for UTF-8 needles.
//
// std::string_view::find looks for the needle's first byte with memchr and
// compares from there; in Chinese text a needle's first byte (a UTF-8 lead
// such as E5) starts every third byte, so that search degrades into a compare
// at almost every character. glibc's memmem uses the two-way algorithm with
// vectorized skips and stays linear and fast whatever the text.
#ifndef AIDTEXT_CORE_BYTE_SEARCH_H_
#define AIDTEXT_CORE_BYTE_SEARCH_H_

#include <string.h>  // memmem (GNU)

#include <string_view>

namespace aidtext {

// Position of the first `needle` in `haystack` at or after `from`, or npos.
inline size_t find_bytes(std::string_view haystack, std::string_view needle, size_t from = 0) {
  if (from > haystack.size()) return std::string_view::npos;
  if (needle.empty()) return from;
  const void* hit = memmem(haystack.data() + from, haystack.size() - from, needle.data(), needle.size());
  return hit ? static_cast<size_t>(static_cast<const char*>(hit) - haystack.data()) : std::string_view::npos;
}

}  // namespace aidtext

#endif  // AIDTEXT_CORE_BYTE_SEARCH_H_
