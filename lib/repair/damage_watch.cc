#include "repair/damage_watch.h"

#include <algorithm>
#include <vector>

#include "core/utf8.h"
#include "repair/damage_scan.h"
#include "repair/legacy_codecs.h"

namespace aidtext::repair {
namespace {

static_assert(kRareRunCount == 4, "rare_ring_ holds kRareRunCount - 1 positions");

// Bytes of non-ASCII text that kRareRunWindow characters can span at most.
constexpr uint64_t kRareRunBytes = 4 * kRareRunWindow - 1;
// Bytes between two debris characters at most kDebrisGap characters apart:
// the characters between them, each of four bytes at most.
constexpr size_t kDebrisBytes = 4 * (kDebrisGap - 1);

bool is_private_use(char32_t c) { return c >= 0xE000 && c <= 0xF8FF; }

// The three-byte characters the watch must be shown: every character that
// can raise a signal in find_suspect_windows (rare, U+FFFD, private use) and
// 锟 (watched_char_bits(), generated at build time). Characters of other
// lengths are always shown. Three-byte debris (cp1252's “”‘’—…, common in
// clean text) is not: it is never a Latin-1 letter, so it matters only
// beside one, and see_char looks around each letter for it.

// Whether a three-byte debris character starts at some byte of [from, to)
// of `text` (all of cp1252's lie in U+2013..U+2122: lead byte E2).
bool three_byte_debris_in(std::string_view text, size_t from, size_t to) {
  to = std::min(to, text.size());
  for (size_t s = from; s < to; ++s) {
    if (static_cast<unsigned char>(text[s]) != 0xE2) continue;
    int len = 1;
    const char32_t c = utf8::decode(text, s, &len);
    if (len == 3 && is_single_byte_debris(c)) return true;
  }
  return false;
}

}  // namespace

DamageWatch::DamageWatch() : rare_(rare_char_bits()), watched_(watched_char_bits()) {}

bool DamageWatch::see_char(std::string_view text, size_t pos, char32_t c, int len) {
  if (fired_) return true;
  // U+FFFD (also an invalid byte), private use and 锟 start what the
  // repairer would flag as unrecoverable, and the first two are signals.
  if (c == 0xFFFD || is_private_use(c) || c == 0x951F) return fire(pos);
  // All single-byte debris lies below U+2200 (™ is the last of cp1252).
  if (c < 0x2200 && is_single_byte_debris(c)) {
    const bool letter = c < 0xA0 || (c >= 0xC0 && c <= 0xFF);
    if (c < 0xA0) return fire(pos);  // a C1 control
    if (have_debris_ && pos - last_debris_end_ <= kDebrisBytes && (letter || last_debris_letter_))
      return fire(pos);
    // Three-byte debris, which the watch is not shown, within kDebrisBytes
    // either side of a letter: ending by pos, or starting by end + gap.
    if (letter) {
      const size_t end = pos + static_cast<size_t>(len);
      const size_t before = pos >= kDebrisBytes + 3 ? pos - kDebrisBytes - 3 : 0;
      if (three_byte_debris_in(text, before, pos >= 3 ? pos - 2 : 0) ||
          three_byte_debris_in(text, end, end + kDebrisBytes + 1))
        return fire(pos);
    }
    have_debris_ = true;
    last_debris_end_ = pos + static_cast<size_t>(len);
    last_debris_letter_ = letter;
  }
  const bool rare = c < 0x10000 && ((rare_[c >> 6] >> (c & 63)) & 1);  // as the scan
  if (rare) {
    if (rare_count_ >= rare_ring_.size()) {
      const RarePos& oldest = rare_ring_[rare_count_ % rare_ring_.size()];
      const uint64_t non_ascii = (pos - oldest.pos) - (ascii_seen_ - oldest.ascii_before);
      if (non_ascii <= kRareRunBytes) return fire(pos);
    }
    rare_ring_[rare_count_ % rare_ring_.size()] = {pos, ascii_seen_};
    ++rare_count_;
  }
  return false;
}

bool DamageWatch::see_ascii(std::string_view text, size_t begin, size_t end) {
  if (fired_) return true;
  // The pass counted the run's bytes (count_ascii). The run is maximal: non-ASCII text lies before it unless it starts the
  // text, and after it unless it ends the text.
  if (begin < end && ((begin > 0 && text[begin] == '?') || (end < text.size() && text[end - 1] == '?')))
    return fire(begin);
  return false;
}

bool DamageWatch::sees_through(const OffsetMap& edits, std::string_view in, std::string_view edited) {
  const auto* b = reinterpret_cast<const unsigned char*>(in.data());
  const uint32_t n = static_cast<uint32_t>(in.size());
  auto question_mark_at = [&](uint32_t pos) { return pos < n && b[pos] == '?'; };
  // A Latin-1 letter (C3 xx) or C1 control (C2 80..9F) in bytes [lo, hi).
  auto latin1_letter_in = [&](uint32_t lo, uint32_t hi) {
    for (uint32_t k = lo; k < hi && k < n; ++k)
      if (b[k] == 0xC3 || (b[k] == 0xC2 && k + 1 < n && b[k + 1] < 0xA0)) return true;
    return false;
  };
  // kDebrisGap characters either side, of four bytes at most.
  constexpr uint32_t kDebrisReach = 4 * kDebrisGap;
  // A zero-width character (three bytes) at `k`, as sees_through_deletion.
  auto zero_width_at = [&](uint32_t k) {
    if (k >= n || (b[k] & 0xF0) != 0xE0) return false;
    int len;
    const char32_t c = utf8::decode(in, k, &len);
    return len == 3 && sees_through_deletion(c);
  };
  // Deleted bytes [lo, hi): CRs of CRLFs and runs of zero-width characters,
  // with no '?' beside a run (counting zero-width characters kept next to
  // it: a '?' touching one touches non-ASCII text). Each run is walked
  // once: a walk per character made 300 KB of U+200B take 20 s.
  auto deletion_seen_through = [&](uint32_t lo, uint32_t hi) {
    for (uint32_t k = lo; k < hi;) {
      if (b[k] == '\r' && k + 1 < n && b[k + 1] == '\n') {
        ++k;
        continue;
      }
      uint32_t end = k;  // the deleted run [k, end)
      while (end < hi && zero_width_at(end)) end += 3;
      if (end == k || end > hi) return false;  // not zero-width, or cut by the gap's end
      uint32_t before = k, after = end;
      while (before >= 3 && zero_width_at(before - 3)) before -= 3;  // kept ones: only at the gap's start
      while (zero_width_at(after)) after += 3;
      if ((before > 0 && question_mark_at(before - 1)) || question_mark_at(after)) return false;
      k = end;
    }
    return true;
  };
  uint32_t in_pos = 0;
  // Block by block: a run of the cleaner's map (same-shaped blocks, e.g.
  // several U+3000 in a row) is read as the blocks it stands for.
  for (const MapPiece& piece : edits.pieces()) {
    for (uint32_t unit = 0, units = piece.units(); unit < units; ++unit) {
      const MapPiece p = piece.unit(unit);
      // Deleted bytes: the CR of a CRLF, which leaves the LF in its place,
      // or zero-width characters.
      if (!deletion_seen_through(in_pos, p.in_begin)) return false;
      in_pos = p.in_begin + p.in_len;
      if (p.copy) continue;
      uint32_t chars = 0;
      bool nbsp = false;
      for (uint32_t k = p.in_begin; k < in_pos; ++chars) {
        if (k + 3 <= in_pos && b[k] == 0xE3 && b[k + 1] == 0x80 && b[k + 2] == 0x80) {
          k += 3;  // U+3000
        } else if (k + 1 < in_pos && b[k] == 0xC2 && b[k + 1] == 0xA0) {
          k += 2;  // no-break space
          nbsp = true;
        } else {
          return false;
        }
      }
      if (chars != p.out_len || p.out_begin + p.out_len > edited.size()) return false;
      for (uint32_t k = p.out_begin; k < p.out_begin + p.out_len; ++k)
        if (edited[k] != ' ') return false;
      if ((p.in_begin > 0 && question_mark_at(p.in_begin - 1)) || question_mark_at(in_pos)) return false;
      if (nbsp && (latin1_letter_in(p.in_begin >= kDebrisReach ? p.in_begin - kDebrisReach : 0, p.in_begin) ||
                   latin1_letter_in(in_pos, in_pos + kDebrisReach)))
        return false;
    }
  }
  return deletion_seen_through(in_pos, n);
}

}  // namespace aidtext::repair
