#include "section_cut.h"

#include <algorithm>
#include <cstdint>

namespace aidtext::cli {

namespace {

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// ASCII punctuation that ends a clause (brackets and quotes do not: a cut
// between 協(xié) and its word would hide the annotation from the cleaner).
bool is_clause_end(unsigned char c) { return c == ',' || c == '.' || c == ';' || c == '!' || c == '?' || c == ':'; }

// Ends of Chinese clauses, as the character after which to cut: 。！？；，
// in UTF-8 and in GB18030 (and GBK, which shares these codes). Big5 codes
// them otherwise (。 is A143): Big5 text with no line end or space is cut
// after any character.
constexpr std::string_view kUtf8ClauseEnds[] = {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xEF\xBC\x9B",
                                                 "\xEF\xBC\x8C"};
constexpr std::string_view kGbClauseEnds[] = {"\xA1\xA3", "\xA3\xA1", "\xA3\xBF", "\xA3\xBB", "\xA3\xAC"};

// Byte i of b (the last of a section) is a whole character when it is
// ASCII and the byte before it is no lead byte.
bool whole_ascii(const unsigned char* b, size_t i) { return b[i] < 0x80 && (i == 0 || b[i - 1] < 0x81); }

// The last cut in [lo, hi] after a byte that passes `ok`, or 0.
template <class Ok>
size_t last_cut_after(size_t lo, size_t hi, Ok ok) {
  for (size_t cut = hi; cut > lo; --cut)
    if (ok(cut - 1)) return cut;
  return 0;
}

// Whether [0, hi) reads as UTF-8, checked cheaply: lead and continuation
// bytes in their places (a character may run past hi).
bool looks_utf8(const unsigned char* b, size_t size, size_t hi) {
  size_t i = 0;
  while (i < hi) {
    const unsigned char c = b[i];
    const size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (len == 0) return false;
    for (size_t k = 1; k < len; ++k)
      if (i + k < size && (b[i + k] & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

// UTF-8: after the last Chinese clause end in (lo, hi] if `clause` (or 0),
// else the last character start in [lo, hi] (lo when there is none); in
// either case none that `avoid` refuses, while there is another.
template <class Avoid>
size_t utf8_cut(std::string_view buf, size_t lo, size_t hi, bool clause, Avoid avoid) {
  const auto* b = reinterpret_cast<const unsigned char*>(buf.data());
  if (clause) {
    size_t best = 0;
    for (std::string_view end : kUtf8ClauseEnds) {
      for (size_t from = hi; from >= end.size();) {
        const size_t at = buf.substr(0, from).rfind(end);
        if (at == std::string_view::npos || at + end.size() <= lo) break;
        if (!avoid(at + end.size())) {
          best = std::max(best, at + end.size());
          break;
        }
        from = at + end.size() - 1;
      }
    }
    return best;
  }
  size_t cut = hi;
  while (cut > lo && ((b[cut] & 0xC0) == 0x80 || avoid(cut))) --cut;
  if (cut == lo)
    for (cut = hi; cut > lo && (b[cut] & 0xC0) == 0x80;) --cut;
  return cut;
}

// Read as GB18030 from the start: after the last Chinese clause end in
// (lo, hi] if `clause` (or 0), else after the last character that ends
// at or before hi (0 when none does); ends that `avoid` refuses only when
// there is no other.
template <class Avoid>
size_t gb_cut(std::string_view buf, size_t lo, size_t hi, bool clause, Avoid avoid) {
  const auto* b = reinterpret_cast<const unsigned char*>(buf.data());
  size_t i = 0, last_end = 0, clause_end = 0, last_any = 0;
  while (i < buf.size()) {
    size_t len = 1;
    if (b[i] >= 0x81 && b[i] <= 0xFE && i + 1 < buf.size())
      len = (is_digit(b[i + 1]) && i + 3 < buf.size()) ? 4 : 2;
    if (i + len > hi) break;
    if (len == 2)
      for (std::string_view end : kGbClauseEnds)
        if (b[i] == static_cast<unsigned char>(end[0]) && b[i + 1] == static_cast<unsigned char>(end[1]) &&
            !avoid(i + 2))
          clause_end = i + 2;
    i += len;
    last_any = i;
    if (!avoid(i)) last_end = i;
  }
  if (clause) return clause_end > lo ? clause_end : 0;
  return last_end > 0 ? last_end : last_any;
}

size_t utf16_cut(std::string_view buf, bool little_endian, size_t lo, size_t hi) {
  const auto* b = reinterpret_cast<const unsigned char*>(buf.data());
  auto unit = [&](size_t at) -> uint16_t {
    return little_endian ? static_cast<uint16_t>(b[at] | (b[at + 1] << 8))
                         : static_cast<uint16_t>((b[at] << 8) | b[at + 1]);
  };
  lo += lo & 1;
  hi -= hi & 1;
  for (size_t cut = hi; cut >= lo + 2; cut -= 2)
    if (unit(cut - 2) == '\n') return cut;
  // As for bytes (section_cut): no cut beside a lone space with a
  // non-ASCII unit beside it.
  const size_t units_end = buf.size() & ~size_t{1};
  auto loose_space = [&](size_t at) {
    if (at + 2 > units_end || unit(at) != ' ') return false;
    const uint16_t before = at >= 2 ? unit(at - 2) : '\n', after = at + 4 <= units_end ? unit(at + 2) : '\n';
    auto spacing = [](uint16_t u) { return u == ' ' || u == '\t' || u == '\n' || u == '\r'; };
    return !spacing(before) && !spacing(after) && (before >= 0x80 || after >= 0x80);
  };
  auto beside_loose_space = [&](size_t cut) { return (cut >= 2 && loose_space(cut - 2)) || loose_space(cut); };
  for (size_t cut = hi; cut >= lo + 2; cut -= 2) {
    const uint16_t u = unit(cut - 2);
    if ((u == ' ' || u == '\t' || u == 0x3002 || u == 0xFF01 || u == 0xFF1F || u == 0xFF1B || u == 0xFF0C) &&
        !beside_loose_space(cut))
      return cut;
  }
  for (size_t cut = hi; cut >= lo + 2; cut -= 2) {
    const uint16_t u = unit(cut - 2);
    if ((u < 0xD800 || u > 0xDBFF) && !beside_loose_space(cut)) return cut;  // not the first half of a pair
  }
  for (size_t cut = hi; cut >= lo + 2; cut -= 2) {
    const uint16_t u = unit(cut - 2);
    if (u < 0xD800 || u > 0xDBFF) return cut;
  }
  return hi;
}

}  // namespace

ByteLayout guess_layout(std::string_view head) {
  const auto* b = reinterpret_cast<const unsigned char*>(head.data());
  if (head.size() >= 2 && b[0] == 0xFF && b[1] == 0xFE) return ByteLayout::kUtf16LE;
  if (head.size() >= 2 && b[0] == 0xFE && b[1] == 0xFF) return ByteLayout::kUtf16BE;
  const size_t n = std::min<size_t>(head.size(), 4096) & ~size_t{1};
  const size_t units = n / 2;
  if (units < 8) return ByteLayout::kBytes;
  // UTF-8, GB18030 and Big5 text has no NUL bytes, and no run of bytes of
  // which every other one is a CJK unified ideograph's high byte
  // (0x4E-0x9F: in those encodings a lead or trail, or a continuation,
  // every other byte); UTF-16 text has ASCII's NULs in its high bytes, or
  // those high bytes.
  size_t nul[2] = {0, 0}, cjk_high[2] = {0, 0};
  for (size_t i = 0; i < n; ++i) {
    nul[i & 1] += b[i] == 0;
    cjk_high[i & 1] += b[i] >= 0x4E && b[i] <= 0x9F;
  }
  // The high byte of each unit is at odd offsets in LE, at even ones in BE.
  auto high_bytes_at = [&](int parity) {
    const int other = 1 - parity;
    if (nul[parity] * 100 >= units && nul[other] * 8 <= nul[parity]) return true;
    return cjk_high[parity] * 10 >= units * 6 && cjk_high[other] * 2 <= cjk_high[parity];
  };
  if (high_bytes_at(1)) return ByteLayout::kUtf16LE;
  if (high_bytes_at(0)) return ByteLayout::kUtf16BE;
  return ByteLayout::kBytes;
}

size_t section_cut(std::string_view buf, ByteLayout layout, size_t max_section) {
  if (buf.size() <= max_section) return buf.size();
  const size_t hi = max_section, lo = max_section / 2;
  if (layout != ByteLayout::kBytes) return utf16_cut(buf, layout == ByteLayout::kUtf16LE, lo, hi);
  const auto* b = reinterpret_cast<const unsigned char*>(buf.data());
  // A lone space with a byte of a non-ASCII character beside it may be one
  // the normalizer removes (2019 年, ， 比上年: lib/normalize/cjk_spacing.h),
  // which it keeps at a text's edge: no cut beside one, or the sections
  // would read otherwise than the whole.
  auto loose_space = [&](size_t i) {
    if (i >= buf.size() || b[i] != ' ') return false;
    const bool lone = (i == 0 || !(is_space(b[i - 1]) || b[i - 1] == '\n')) &&
                      (i + 1 >= buf.size() || !(is_space(b[i + 1]) || b[i + 1] == '\n'));
    return lone && ((i > 0 && b[i - 1] >= 0x80) || (i + 1 < buf.size() && b[i + 1] >= 0x80));
  };
  auto beside_loose_space = [&](size_t cut) { return (cut > 0 && loose_space(cut - 1)) || loose_space(cut); };
  // 1. After a line end: '\n' is never a trail byte.
  if (size_t cut = last_cut_after(lo, hi, [&](size_t i) { return b[i] == '\n'; })) return cut;
  // 2. After ASCII whitespace.
  if (size_t cut = last_cut_after(lo, hi, [&](size_t i) { return whole_ascii(b, i) && is_space(b[i]) && !loose_space(i); }))
    return cut;
  // 3. After a Chinese clause end (UTF-8 text, else GB18030).
  const bool utf8 = looks_utf8(b, buf.size(), hi);
  if (size_t cut = utf8 ? utf8_cut(buf, lo, hi, true, beside_loose_space) : gb_cut(buf, lo, hi, true, beside_loose_space))
    return cut;
  // 4. After ASCII punctuation that ends a clause, not inside a number
  //    (1,234 and 3.5 stay whole).
  auto ascii_clause_end = [&](size_t i) {
    if (!whole_ascii(b, i) || !is_clause_end(b[i])) return false;
    if (beside_loose_space(i + 1)) return false;
    // 附件.doc: a '.' before a Latin letter, which the normalizer folds to 。
    // at a text's end but not inside one (lib/normalize/cjk_punctuation.h).
    if (b[i] == '.' && ((b[i + 1] | 0x20) >= 'a' && (b[i + 1] | 0x20) <= 'z')) return false;
    return !((b[i] == ',' || b[i] == '.') && i > 0 && is_digit(b[i - 1]) && is_digit(b[i + 1]));
  };
  if (size_t cut = last_cut_after(lo, hi, ascii_clause_end)) return cut;
  // 5. After any character, in the first half too if need be (a section
  //    of a few bytes); a character longer than the section is split.
  if (size_t cut = utf8 ? utf8_cut(buf, 0, hi, false, beside_loose_space) : gb_cut(buf, 0, hi, false, beside_loose_space))
    return cut;
  return hi;
}

}  // namespace aidtext::cli
