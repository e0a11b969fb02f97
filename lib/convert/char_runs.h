// The conversion pass's inner loops: runs of characters that one table load
// each decides, so that the pass (converter.cc) takes its per-character path
// only for the few characters that need it.
//
// Both loops read a run table (below), made from the fast table of
// ConversionTable::simple_3byte(): for a three-byte character, the
// three-byte character it becomes (itself when unchanged), or 0 when it
// needs the full path (it may start a phrase, maps to a character of another
// length, or a watch wants to see it). Entries of code points that are not
// three-byte characters (overlong forms below U+0800, surrogates) are 0, so
// a run also ends at any malformed sequence that looks like one, and the
// full path decodes it as usual. A character that may start a phrase but is
// otherwise simple carries kPhraseCheck (below): the in-place run decides it
// with the character after it.
#ifndef AIDTEXT_CONVERT_CHAR_RUNS_H_
#define AIDTEXT_CONVERT_CHAR_RUNS_H_

#include <cstddef>
#include <cstdint>

#include "core/char_slot.h"

namespace aidtext::char_runs {

// Skips ASCII eight bytes at a time; returns the first non-ASCII position.
inline size_t skip_ascii(const unsigned char* p, size_t i, size_t n) {
  while (i + 8 <= n) {
    uint64_t w;
    __builtin_memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ULL) break;
    i += 8;
  }
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

// A run table holds, at slot_of_char(c) for each BMP code point c, what a
// run does with the three-byte character c: kFullPath when it needs the pass's full path (see
// the top of the file), else the XOR that turns c's UTF-8 bytes into those
// of the character it becomes (0 when unchanged), as a little-endian word
// whose low three bytes line up with the character's bytes. Built by
// make_run_table(); 256 KiB, of which a text touches one cache line per
// distinct character, as the 16-bit table it is made from.
inline constexpr uint32_t kFullPath = 0xFFFFFFFFu;
// Set above the XOR in the entry of a character that may start a phrase but
// is otherwise simple (it becomes a three-byte character) and whose bit
// alone in the table's pair filter is clear (when set, the filter passes
// every pair of it: the entry is kFullPath): the run asks the filter's bit
// of the pair with the character after it, and takes the full path only
// when some phrase may start with the two (the pair filter rules out
// nearly all: 5 of the 580 such characters of the dev articles; each had
// cost the full path about 70 instructions).
inline constexpr uint32_t kPhraseCheck = 0x01000000u;

using char_slot::is_three_byte;
using char_slot::slot;
using char_slot::slot_of_char;
using char_slot::utf8_word;

// Entry c of a run table, from entry c of a fast table (0: full path). The
// table is indexed by char_slot::slot() (core/char_slot.h); overlong forms
// and surrogates have entries kFullPath.
constexpr uint32_t run_entry(uint32_t c, uint16_t fast) {
  return fast == 0 ? kFullPath : utf8_word(c) ^ utf8_word(fast);
}

// The code point of the three-byte character whose bytes start the
// little-endian word w.
constexpr char32_t three_byte_char(uint32_t w) { return ((w & 0x0F) << 12) | ((w >> 2) & 0xFC0) | ((w >> 16) & 0x3F); }

// For an entry with kPhraseCheck at text[i] (word w): its XOR when no
// phrase may start there (`may_start_phrase(c, next)`, the table's pair
// filter: ConversionTable::pair_may_start_phrase(), c's start bit known
// set and its bit alone clear), else kFullPath. The character after it must be a three-byte
// character that next_char() reads as such (not an overlong form or a
// surrogate): anything else goes to the full path too.
template <typename PairFilter>
uint32_t phrase_checked(const unsigned char* text, size_t i, size_t n, uint32_t w, uint32_t entry,
                        const PairFilter& may_start_phrase) {
  if (i + 7 > n) return kFullPath;
  uint32_t next_w;
  __builtin_memcpy(&next_w, text + i + 3, 4);
  if (!is_three_byte(next_w)) return kFullPath;
  const char32_t next = three_byte_char(next_w);
  if (next < 0x800 || (next >= 0xD800 && next <= 0xDFFF)) return kFullPath;
  if (may_start_phrase(three_byte_char(w), next)) return kFullPath;
  return entry & ~kPhraseCheck;
}

// Converts, in place, the run of three-byte characters at text[i] that the
// run table decides alone, adding the characters it changes to *changed;
// returns where the run ends: at ASCII, at a character of another length or
// a malformed byte, at a kFullPath character, or at the last character of
// the text (a run reads one word of four bytes a character; the pass's full
// path takes the last one). Every character of the run is rewritten, changed
// or not (XOR with 0): in traditional text a branch on "changed" would be a
// coin flip. State lives in locals (the caller's writer would be reloaded
// after every byte store, which may alias anything). The stores never touch
// the byte after the character, which the next load reads.
// Skips the characters at text[i] that the run table leaves unchanged, two
// at a time while eight bytes can be read (one load, no store); returns
// where that stops (at a character to change, or to take the full path, or
// that is no three-byte character; or near the text's end). Simplified text
// passes through here almost whole: 9 instructions a character, where
// rewriting each with XOR 0 took 19.
inline size_t skip_unchanged_pairs(const unsigned char* text, size_t i, size_t n, const uint32_t* table) {
  while (i + 8 <= n) {
    uint64_t x;
    __builtin_memcpy(&x, text + i, 8);
    if ((x & 0x0000C0C0F0C0C0F0ull) != 0x00008080E08080E0ull) break;  // two three-byte shapes
    if (table[slot(static_cast<uint32_t>(x))] | table[slot(static_cast<uint32_t>(x >> 24))]) break;
    i += 6;
  }
  return i;
}

// convert_run_in_place(), described above skip_unchanged_pairs(): a
// character with kPhraseCheck is decided with the one after it
// (phrase_checked(), `may_start_phrase` the table's pair filter).
// Two characters a step (one eight-byte load, both entries applied as one
// XOR, a four- and a two-byte store, back to one at a time at a
// kPhraseCheck or kFullPath entry or near the end) did not pay: 2,310,284
// instructions a round of normalize on the five traditional dev articles
// against 2,309,895, and 2,196,340 against 2,189,100 on the simplified
// ones. Runs are short there (1,062 a round for 10,195 characters) and one
// character in six carries kPhraseCheck, so two pair steps in five fall
// back; variants that decided the first of such a pair in the pair step,
// or kept the run out of line, cost 6.6k-33.7k more than one at a time
// (registers of the pass spilled around the inlined loop; a call a run).
template <typename PairFilter>
inline size_t convert_run_in_place(unsigned char* text, size_t i, size_t n, const uint32_t* table,
                                   uint32_t* changed, const PairFilter& may_start_phrase) {
  uint32_t count = 0;
  // Unchanged characters first (simplified text, nearly all of it); from
  // the first change on, every character to the run's end is rewritten.
  i = skip_unchanged_pairs(text, i, n, table);
  while (i + 4 <= n) {
    uint32_t w;
    __builtin_memcpy(&w, text + i, 4);
    if (!is_three_byte(w)) break;
    uint32_t d = table[slot(w)];
    if (d == kFullPath) break;
    if (d & kPhraseCheck) {
      d = phrase_checked(text, i, n, w, d, may_start_phrase);
      if (d == kFullPath) break;
    }
    w ^= d;
    const uint16_t head = static_cast<uint16_t>(w);
    __builtin_memcpy(text + i, &head, 2);
    text[i + 2] = static_cast<unsigned char>(w >> 16);
    count += d != 0;
    i += 3;
  }
  *changed += count;
  return i;
}

// Skips the run of three-byte characters at text[i] that the run table
// leaves unchanged; returns where it ends (as convert_run_in_place(), and
// also at the first character the table changes). For a writer whose output
// has left the input buffer: the skipped run is copied later in one piece.
inline size_t skip_unchanged_run(const unsigned char* text, size_t i, size_t n,
                                 const uint32_t* table) {
  while (i + 4 <= n) {
    uint32_t w;
    __builtin_memcpy(&w, text + i, 4);
    if (!is_three_byte(w) || table[slot(w)] != 0) break;
    i += 3;
  }
  return i;
}

}  // namespace aidtext::char_runs

#endif  // AIDTEXT_CONVERT_CHAR_RUNS_H_
