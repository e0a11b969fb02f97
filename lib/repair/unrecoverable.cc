#include "repair/unrecoverable.h"

#include <algorithm>

#include "core/byte_search.h"
#include "core/utf8.h"

namespace aidtext::repair {
namespace {
bool is_marker(char32_t c) {
  return c == utf8::kReplacement || (c >= 0xE000 && c <= 0xF8FF) || c == U'锟';
}
}  // namespace

namespace {
// Whether `text` holds any marker at all, by byte search (memchr speed):
// U+FFFD is EF BF BD, 锟 is E9 94 9F, private use U+E000..U+F8FF is EE xx xx
// or EF 80..A3 xx.
bool may_have_markers(std::string_view text) {
  if (find_bytes(text, "\xEF\xBF\xBD") != std::string_view::npos) return true;
  if (find_bytes(text, "\xE9\x94\x9F") != std::string_view::npos) return true;
  for (size_t i = text.find('\xEE'); i != std::string_view::npos; i = text.find('\xEE', i + 1)) return true;
  for (size_t i = text.find('\xEF'); i != std::string_view::npos; i = text.find('\xEF', i + 1))
    if (i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0xA3) return true;
  return false;
}
}  // namespace

std::vector<Repair> find_unrecoverable(std::string_view text) {
  std::vector<Repair> out;
  if (!may_have_markers(text)) return out;
  uint32_t count = 0, first = 0, last_end = 0, chars_since = 0;
  auto close = [&] {
    if (count >= kMinMarkers) {
      Repair r;
      r.kind = "unrecoverable";
      r.input = r.output = {first, last_end};
      r.confidence = std::min(1.0, count / 4.0);
      r.repaired = false;
      out.push_back(r);
    }
    count = 0;
  };
  const uint32_t n = static_cast<uint32_t>(text.size());
  for (uint32_t i = 0; i < n;) {
    int len;
    char32_t c = utf8::decode(text, i, &len);
    const uint32_t end = i + static_cast<uint32_t>(len);
    if (is_marker(c)) {
      if (count > 0 && chars_since > kMarkerGap) close();
      if (count == 0) first = i;
      ++count;
      last_end = end;
      chars_since = 0;
    } else {
      ++chars_since;
      // The rest of a 锟斤拷 belongs to its stretch.
      if (count > 0 && chars_since <= 2 && (c == U'斤' || c == U'拷')) last_end = end;
    }
    i = end;
  }
  if (count > 0) close();
  return out;
}

}  // namespace aidtext::repair
