#include "encoding/pair_decode.h"

#include <cstring>

#include "core/utf8.h"
#include "encoding/block_runs.h"

namespace aidtext {
namespace {

// Writes the UTF-8 form of BMP character `c` at `out`; returns its length.
inline uint32_t put_bmp(char16_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  out[0] = static_cast<char>(0xE0 | (c >> 12));
  out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[2] = static_cast<char>(0x80 | (c & 0x3F));
  return 3;
}

}  // namespace

std::optional<IcuDecoded> decode_pairs(std::string_view bytes, const PairTable& table, uint32_t base) {
  IcuDecoded out;
  out.ok = true;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  // At most three output bytes an input byte (a lone high byte as U+FFFD);
  // text is mostly pairs, two bytes that become three.
  std::string& text = out.text;
  text.resize(n + n / 2 + 16);
  size_t o = 0;
  // The characters of high bytes since the last ASCII byte, each a block
  // as icu_decode's GroupWriter makes it, a run of one shape one piece.
  BlockRuns runs(out.map);
  size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      runs.flush();
      size_t end = i + 1;
      while (end < n && p[end] < 0x80) ++end;
      if (text.size() < o + (end - i) + 16) text.resize((o + (end - i)) * 2 + 16);
      std::memcpy(text.data() + o, p + i, end - i);
      out.map.append(static_cast<uint32_t>(o), static_cast<uint32_t>(end - i), base + static_cast<uint32_t>(i),
                     static_cast<uint32_t>(end - i));
      o += end - i;
      i = end;
      continue;
    }
    if (i + 1 == n) return std::nullopt;  // ICU flushes a last high byte its own way
    PairTable::Entry e = table.at(p[i], p[i + 1]);
    uint32_t in_len = e.kind == PairTable::kPair ? 2 : 1;
    if (e.kind == PairTable::kGiveUp) {
      const char16_t c = i + 3 < n ? table.four_byte_at(p + i) : 0;
      if (c == 0) return std::nullopt;
      e.code = c;
      in_len = 4;
    }
    if (text.size() < o + 16) text.resize(text.size() * 2 + 16);
    const uint32_t out_len = put_bmp(e.code, text.data() + o);
    runs.add(static_cast<uint32_t>(o), out_len, base + static_cast<uint32_t>(i), in_len);
    out.invalid_sequences += e.code == utf8::kReplacement;
    o += out_len;
    i += in_len;
  }
  runs.flush();
  text.resize(o);
  out.map.set_input_size(base + static_cast<uint32_t>(n));
  return out;
}

}  // namespace aidtext
