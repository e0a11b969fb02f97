#include "repair/unrecoverable.h"

#include <algorithm>

#include "core/utf8.h"

namespace aidtext::repair {
namespace {
bool is_marker(char32_t c) {
  return c == utf8::kReplacement || (c >= 0xE000 && c <= 0xF8FF) || c == U'锟';
}
}  // namespace

std::vector<Repair> find_unrecoverable(std::string_view text) {
  std::vector<Repair> out;
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
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  for (uint32_t i = 0; i < n;) {
    // Only characters led by E6 (斤, 拷), E9 (锟), EE and EF (private use,
    // U+FFFD) are decoded; a three-byte character led by E1..EC, which can
    // be neither overlong nor a surrogate, is merely counted (a whole-text
    // decode here cost a text with a few icons as much as its conversion
    // pass).
    int len;
    char32_t c;
    if (b[i] < 0x80) {
      c = b[i];
      len = 1;
    } else if (b[i] >= 0xE1 && b[i] <= 0xEC && b[i] != 0xE6 && b[i] != 0xE9 && i + 2 < n &&
               (b[i + 1] & 0xC0) == 0x80 && (b[i + 2] & 0xC0) == 0x80) {
      c = 0x800;  // some character that is no marker, 斤 nor 拷
      len = 3;
    } else {
      c = utf8::decode(text, i, &len);
    }
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
