#include "encoding/utf16_decode.h"

#include <unicode/utf16.h>

#include "core/utf8.h"
#include "encoding/block_runs.h"

namespace aidtext {

std::optional<IcuDecoded> decode_utf16(std::string_view bytes, bool big_endian, uint32_t base) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  if (n % 2) return std::nullopt;  // ICU flushes an odd last byte its own way
  auto unit = [&](size_t i) { return utf16_unit(p, i, big_endian); };
  IcuDecoded out;
  out.ok = true;
  out.text.reserve(n + n / 2);
  BlockRuns runs(out.map);  // a block per character, as icu_decode's writer makes it
  for (size_t i = 0; i < n;) {
    const char16_t u = unit(i);
    char32_t c = u;
    uint32_t in_len = 2;
    if (U16_IS_SURROGATE(u)) {
      if (!U16_IS_LEAD(u) || i + 4 > n || !U16_IS_TRAIL(unit(i + 2))) return std::nullopt;
      c = U16_GET_SUPPLEMENTARY(u, unit(i + 2));
      in_len = 4;
    }
    const auto o = static_cast<uint32_t>(out.text.size());
    utf8::append(out.text, c);
    runs.add(o, static_cast<uint32_t>(out.text.size()) - o, base + static_cast<uint32_t>(i), in_len);
    i += in_len;
  }
  runs.flush();
  out.map.set_input_size(base + static_cast<uint32_t>(n));
  return out;
}

}  // namespace aidtext
