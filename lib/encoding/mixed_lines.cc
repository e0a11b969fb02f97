// Text whose lines come in two encodings (mixed_lines.h).
#include "encoding/mixed_lines.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "core/utf8_scan.h"
#include "encoding/icu_decode.h"

namespace aidtext {
namespace {

struct Line {
  uint32_t begin;
  uint32_t end;  // after its '\n' (or the input's end)
  bool ascii = false;  // plain ASCII: copied as it is
};

std::vector<Line> lines_of(std::string_view input) {
  std::vector<Line> lines;
  uint32_t begin = 0;
  const auto n = static_cast<uint32_t>(input.size());
  while (begin < n) {
    const void* nl = std::memchr(input.data() + begin, '\n', n - begin);
    const uint32_t end = nl ? static_cast<uint32_t>(static_cast<const char*>(nl) - input.data()) + 1 : n;
    lines.push_back({begin, end, false});
    begin = end;
  }
  return lines;
}

bool plain_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Whether the line has a byte that leads a UTF-8 sequence of three bytes
// or more: Chinese in UTF-8. (A valid line of two-byte sequences only is
// as likely GBK: 贫 is C6 B6.)
bool has_long_lead(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xE0; });
}

// Appends `piece`'s text and map (whose input offsets are the input's
// already) to `out`.
void append(Decoded& out, IcuDecoded&& piece) {
  const auto shift = static_cast<uint32_t>(out.text.size());
  for (const MapPiece& p : piece.map.pieces()) out.map.append_piece(p, shift);
  out.text += piece.text;
  out.invalid_sequences += piece.invalid_sequences;
}

}  // namespace

std::optional<Decoded> decode_mixed_lines(std::string_view input, const Detection& detection) {
  if (std::strncmp(detection.best.label, "UTF-16", 6) == 0) return std::nullopt;
  const EncodingCandidate* legacy = nullptr;
  for (const EncodingCandidate& c : detection.ranking) {
    if (c.icu_name && std::strncmp(c.label, "UTF-16", 6) != 0) {
      legacy = &c;  // GB18030 or Big5, the better scored
      break;
    }
  }
  if (!legacy) return std::nullopt;
  std::vector<Line> lines = lines_of(input);
  bool utf8_line = false, other_line = false;
  for (Line& l : lines) {
    const std::string_view s = input.substr(l.begin, l.end - l.begin);
    l.ascii = plain_ascii(s);
    if (l.ascii) continue;
    if (scan_utf8(s).valid) {
      utf8_line = utf8_line || has_long_lead(s);
    } else {
      other_line = true;
    }
  }
  if (!utf8_line || !other_line) return std::nullopt;

  Decoded out;
  size_t utf8_bytes = 0, legacy_bytes = 0;  // non-ASCII input bytes of the lines kept in each
  for (const Line& l : lines) {
    const std::string_view s = input.substr(l.begin, l.end - l.begin);
    if (l.ascii) {
      out.map.append(static_cast<uint32_t>(out.text.size()), l.end - l.begin, l.begin, l.end - l.begin);
      out.text += s;
      continue;
    }
    IcuDecoded as_utf8 = utf8_decode_lenient(s, l.begin);
    IcuDecoded as_legacy = icu_decode(s, legacy->icu_name, l.begin);
    // Ties go to UTF-8 (the document's text when valid UTF-8 holds some).
    const bool take_legacy = as_legacy.ok && text_plausibility(as_legacy.text) > text_plausibility(as_utf8.text);
    const size_t high = static_cast<size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
    (take_legacy ? legacy_bytes : utf8_bytes) += high;
    append(out, take_legacy ? std::move(as_legacy) : std::move(as_utf8));
  }
  out.map.set_input_size(static_cast<uint32_t>(input.size()));
  const std::string utf8_label = "UTF-8", legacy_label = legacy->label;
  if (utf8_bytes == 0 || legacy_bytes == 0) {
    out.encoding = utf8_bytes ? utf8_label : legacy_label;
  } else {
    out.encoding = utf8_bytes >= legacy_bytes ? utf8_label + "+" + legacy_label : legacy_label + "+" + utf8_label;
  }
  out.confidence = std::clamp(text_plausibility(out.text), 0.0, 1.0);
  return out;
}

}  // namespace aidtext
