#include "encoding/decoder.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>

#include "core/utf8.h"
#include "encoding/detector.h"
#include "encoding/icu_decode.h"
#include "encoding/mixed_lines.h"
#include "core/utf8_scan.h"

namespace aidtext {
namespace {

// ASCII-range UTF-16 has a NUL in nearly every other byte, all on one side:
// even offsets for UTF-16BE, odd for UTF-16LE. Text with stray NULs has
// neither. Returns "UTF-16BE", "UTF-16LE", or nullptr.
const char* utf16_by_nul_pattern(std::string_view input) {
  size_t nul[2] = {0, 0};
  for (size_t i = 0; i < input.size(); ++i) nul[i & 1] += input[i] == '\0';
  const size_t pairs = input.size() / 2;
  const size_t side = std::max(nul[0], nul[1]), other = std::min(nul[0], nul[1]);
  if (pairs == 0 || side * 10 < pairs * 3 || other * 10 > side) return nullptr;
  return nul[0] > nul[1] ? "UTF-16BE" : "UTF-16LE";
}

// Text that is valid UTF-8 but for a character cut at either end, as a
// byte limit or a split of a larger file leaves it: the bytes cut off the
// start (continuation bytes, at most 3) and the end (an incomplete
// sequence). False when it is anything else, or holds no character of
// three bytes or more (short valid runs of two-byte pairs may be GBK).
bool utf8_cut_at_ends(std::string_view input) {
  const auto* p = reinterpret_cast<const unsigned char*>(input.data());
  const size_t n = input.size();
  size_t head = 0;
  while (head < n && head < 3 && (p[head] & 0xC0) == 0x80) ++head;
  size_t tail = 0;
  for (size_t k = 1; k <= 3 && k <= n - head; ++k) {
    const unsigned char b = p[n - k];
    if ((b & 0xC0) == 0x80) continue;
    if (b >= 0xC2 && b <= 0xF4 && static_cast<size_t>(utf8::sequence_length(b)) > k) tail = k;
    break;
  }
  if (head == 0 && tail == 0) return false;
  const std::string_view body = input.substr(head, n - head - tail);
  if (!scan_utf8(body).valid) return false;
  return std::any_of(body.begin(), body.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xE0; });
}

// Text that is UTF-8 but for a few stray bytes (a Latin-1 no-break space
// or curly quote pasted in, a byte flipped): every line that is not valid
// UTF-8 still holds at least kStrayRatio characters of three or more bytes
// (Chinese; an ASCII letter counts a quarter) for each error, and at least
// kStrayRatio in all. A line of GBK or Big5 read as UTF-8 is invalid every
// few bytes (a pair is a valid UTF-8 character only by chance, and
// three-byte ones need two continuation bytes in a row), so such lines
// still go to the detection and are decoded line by line (mixed_lines.h).
// A flipped byte inside a character breaks it into up to three invalid
// bytes, one error: counted as three, dev 002 with ten bytes flipped went
// through the detection and the per-line decode ("UTF-8+GB18030", one line
// repaired back from GBK), 4.35M instructions against 0.99M, for a
// signature line of nine characters (执行总编辑:���慧) and an English
// disclaimer with one flipped byte.
constexpr size_t kStrayRatio = 8;

bool utf8_with_stray_bytes(std::string_view input) {
  size_t begin = 0;
  const size_t n = input.size();
  size_t all_errors = 0, all_evidence = 0;  // over the text
  while (begin < n) {
    const void* nl = std::memchr(input.data() + begin, '\n', n - begin);
    const size_t end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - input.data()) + 1 : n;
    const std::string_view line = input.substr(begin, end - begin);
    begin = end;
    if (scan_utf8(line).valid) {
      // Its characters of three bytes or more, by their lead bytes.
      all_evidence += static_cast<size_t>(
          std::count_if(line.begin(), line.end(), [](char b) { return static_cast<unsigned char>(b) >= 0xE0; }));
      continue;
    }
    // Errors: a run of up to three invalid bytes is one (a flipped byte
    // breaks one character into up to three); a longer run, one for each
    // two bytes (a line of GBK is one long run). Evidence: the characters
    // of three bytes or more, and an ASCII letter as a quarter of one (an
    // English line with a flipped byte is UTF-8 too).
    size_t errors = 0, chinese = 0, letters = 0, run = 0;
    auto end_run = [&] {
      errors += run == 0 ? 0 : run <= 3 ? 1 : (run + 1) / 2;
      run = 0;
    };
    for (size_t i = 0; i < line.size();) {
      int len;
      const char32_t c = utf8::decode(line, i, &len);
      if (c == utf8::kReplacement && len == 1) {
        ++run;
      } else {
        end_run();
        chinese += len >= 3;
        letters += (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
      }
      i += static_cast<size_t>(len);
    }
    end_run();
    const size_t evidence = chinese + letters / 4;
    // A short line with one error (a signature, 执行总编辑:���慧) passes on
    // two characters: a line of GBK read as UTF-8 has next to none, and
    // the whole text must still hold kStrayRatio for each error.
    const bool one_short = errors == 1 && evidence >= 2;
    if (!one_short && (evidence < kStrayRatio || evidence < kStrayRatio * errors)) return false;
    all_errors += errors;
    all_evidence += evidence;
  }
  return all_errors > 0 && all_evidence >= kStrayRatio * all_errors;
}

struct Bom {
  const char* bytes;
  size_t size;
  const char* label;
  const char* icu_name;  // nullptr: UTF-8
};
// Longest first where one BOM is a prefix of another.
constexpr Bom kBoms[] = {
    {"\xEF\xBB\xBF", 3, "UTF-8", nullptr},
    {"\x84\x31\x95\x33", 4, "GB18030", "GB18030"},
    {"\xFF\xFE", 2, "UTF-16LE", "UTF-16LE"},
    {"\xFE\xFF", 2, "UTF-16BE", "UTF-16BE"},
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  out.erase(std::remove(out.begin(), out.end(), '_'), out.end());
  return out;
}

// Reported label and ICU converter for a forced name; unknown names are
// handed to ICU as they are (label = the name).
void resolve_forced(std::string_view forced, std::string* label, std::string* icu_name) {
  const std::string l = lower(forced);
  struct Alias { const char* key; const char* label; const char* icu; };
  static constexpr Alias kAliases[] = {
      {"utf-8", "UTF-8", ""},         {"utf8", "UTF-8", ""},
      {"gb18030", "GB18030", "GB18030"}, {"gbk", "GBK", "GBK"},
      {"gb2312", "GB2312", "GBK"},    {"cp936", "GBK", "GBK"},
      {"big5", "Big5", "windows-950"}, {"cp950", "Big5", "windows-950"},
      {"big5-hkscs", "Big5-HKSCS", "Big5-HKSCS"},
      {"utf-16le", "UTF-16LE", "UTF-16LE"}, {"utf-16be", "UTF-16BE", "UTF-16BE"},
      {"utf16le", "UTF-16LE", "UTF-16LE"}, {"utf16be", "UTF-16BE", "UTF-16BE"},
  };
  for (const Alias& a : kAliases) {
    if (l == a.key) {
      *label = a.label;
      *icu_name = a.icu;
      return;
    }
  }
  *label = std::string(forced);
  *icu_name = std::string(forced);
}

Decoded from_icu(IcuDecoded&& d, std::string label, double confidence, bool had_bom,
                 uint32_t input_size) {
  Decoded out;
  out.text = std::move(d.text);
  out.map = std::move(d.map);
  out.map.set_input_size(input_size);
  out.encoding = std::move(label);
  out.confidence = confidence;
  out.had_bom = had_bom;
  out.invalid_sequences = d.invalid_sequences;
  return out;
}

Decoded decode_as(std::string_view input, size_t skip, const char* icu_name, std::string label,
                  double confidence, bool had_bom) {
  const auto base = static_cast<uint32_t>(skip);
  const auto size = static_cast<uint32_t>(input.size());
  std::string_view body = input.substr(skip);
  if (!icu_name) {
    if (scan_utf8(body).valid) {
      Decoded out;
      out.text.assign(body);
      out.map.append(0, static_cast<uint32_t>(body.size()), base, static_cast<uint32_t>(body.size()));
      out.map.set_input_size(size);
      out.encoding = std::move(label);
      out.confidence = confidence;
      out.had_bom = had_bom;
      out.verbatim = true;
      return out;
    }
    return from_icu(utf8_decode_lenient(body, base), std::move(label), confidence, had_bom, size);
  }
  return from_icu(icu_decode(body, icu_name, base), std::move(label), confidence, had_bom, size);
}

}  // namespace

Decoded decode(std::string_view input, std::string_view forced) {
  std::string warning;
  if (!forced.empty()) {
    std::string label, icu_name;
    resolve_forced(forced, &label, &icu_name);
    if (icu_name.empty()) return decode_as(input, 0, nullptr, label, 1.0, false);
    IcuDecoded d = icu_decode(input, icu_name.c_str());
    if (d.ok) return from_icu(std::move(d), label, 1.0, false, static_cast<uint32_t>(input.size()));
    warning = "unknown encoding '" + std::string(forced) + "': detected instead";
  }

  Decoded out;
  bool decided = false;
  for (const Bom& bom : kBoms) {
    if (input.size() >= bom.size && std::memcmp(input.data(), bom.bytes, bom.size) == 0) {
      out = decode_as(input, bom.size, bom.icu_name, bom.label, 1.0, true);
      decided = true;
      break;
    }
  }
  // NUL bytes in the pattern of ASCII-range UTF-16 without a BOM decide
  // UTF-16 and its byte order; otherwise valid UTF-8 is UTF-8 (stray NULs in
  // ASCII or Chinese text are kept as they are).
  if (!decided) {
    const Utf8Scan scan = scan_utf8(input);
    const char* utf16 = scan.has_nul ? utf16_by_nul_pattern(input) : nullptr;
    if (utf16 != nullptr) {
      out = decode_as(input, 0, utf16, utf16, 0.9, false);
      decided = true;
    } else if (scan.valid) {
      out.text.assign(input);
      out.map = OffsetMap::identity(static_cast<uint32_t>(input.size()));
      out.encoding = "UTF-8";
      out.confidence = 1.0;
      out.verbatim = true;
      decided = true;
    } else if (!scan.has_nul && (utf8_cut_at_ends(input) || utf8_with_stray_bytes(input))) {
      // The cut characters and stray bytes become U+FFFD, counted as invalid
      // sequences; the detection (every candidate decoded, then each line
      // both ways) cost 15 to 30 times the decode of the rest and came to
      // the same text.
      out = from_icu(utf8_decode_lenient(input), "UTF-8", 1.0, false, static_cast<uint32_t>(input.size()));
      decided = true;
    }
  }
  if (!decided) {
    Detection d = detect_encoding(input);
    // UTF-8 lines beside lines of a legacy encoding: each in its own.
    if (std::optional<Decoded> mixed = decode_mixed_lines(input, d)) {
      out = std::move(*mixed);
    } else {
      out = decode_as(input, 0, d.best.icu_name, d.best.label, d.confidence, false);
    }
  }
  if (!warning.empty()) {
    out.warning = std::move(warning);
    out.confidence *= 0.5;
  }
  return out;
}

}  // namespace aidtext
