#include "encoding/pair_decode.h"

#include <cstring>

#include "core/utf8.h"
#include "encoding/block_runs.h"

namespace aidtext {

std::optional<IcuDecoded> decode_pairs(std::string_view bytes, const PairTable& table, uint32_t base) {
  IcuDecoded out;
  out.ok = true;
  // Text is mostly pairs, two bytes that become three; a lone high byte
  // becomes three (U+FFFD), so the buffer grows where that outruns it.
  std::string& text = out.text;
  text.resize(bytes.size() + bytes.size() / 2 + 16);
  size_t o = 0;
  // The characters of high bytes since the last ASCII byte, each a block
  // as icu_decode's GroupWriter makes it, a run of one shape one piece.
  BlockRuns runs(out.map);
  const PairTable::WalkEnd end = table.walk(
      bytes,
      [&](size_t begin, size_t end) {
        runs.flush();
        if (text.size() < o + (end - begin)) text.resize(2 * (o + (end - begin)) + 16);
        std::memcpy(text.data() + o, bytes.data() + begin, end - begin);
        out.map.append(static_cast<uint32_t>(o), static_cast<uint32_t>(end - begin),
                       base + static_cast<uint32_t>(begin), static_cast<uint32_t>(end - begin));
        o += end - begin;
      },
      [&](char16_t code, size_t begin, size_t length) {
        if (text.size() < o + 3) text.resize(2 * text.size() + 16);
        const uint32_t len = utf8::put_bmp(code, text.data() + o);
        runs.add(static_cast<uint32_t>(o), len, base + static_cast<uint32_t>(begin), static_cast<uint32_t>(length));
        out.invalid_sequences += code == utf8::kReplacement;
        o += len;
      });
  // A high byte alone at the end: ICU flushes it its own way.
  if (end != PairTable::WalkEnd::kDone) return std::nullopt;
  runs.flush();
  text.resize(o);
  out.map.set_input_size(base + static_cast<uint32_t>(bytes.size()));
  return out;
}

}  // namespace aidtext
