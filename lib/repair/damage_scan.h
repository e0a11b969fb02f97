// The repairer's cheap first pass: finds the windows of text that could hold
// mojibake, so that clean text costs one table lookup per character. (In the
// pipeline, clean text usually skips even that: damage_watch.h asks the
// same question of the conversion pass.)
//
// A character raises a signal when it is single-byte debris (C1 controls, or
// Latin-1/cp1252 characters close together), a private-use or U+FFFD
// character, a '?' touching non-ASCII text, or when rare characters (by the
// language model's unigram cost) crowd together. Each signal opens a window
// of kContextChars characters either side, clipped at line ends; overlapping
// windows merge.
#ifndef AIDTEXT_REPAIR_DAMAGE_SCAN_H_
#define AIDTEXT_REPAIR_DAMAGE_SCAN_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace aidtext::repair {

enum Signal : uint8_t {
  kSingleByteDebris = 1,
  kPrivateUse = 2,
  kReplacement = 4,
  kQuestionMark = 8,
  kRareRun = 16,
};

struct SuspectWindow {
  uint32_t begin;   // byte range in the text
  uint32_t end;
  uint8_t signals;  // Signal bits seen inside
};

// Characters of context either side of a signal: enough to hold a damaged
// sentence and the clean text the language model compares it with. 48 until
// session 8; 32 costs 2.6 % fewer instructions to normalize the dev articles
// (the lattice's clean context), leaves the mojibake suite and dev 001/003 as
// they were, and repairs five more copies of 003's passage in the mixed
// corpus; 24 and 16 save 3.8 % and 5.1 % but change 003's passage for the
// worse (对 -> 发) in dev 003 (16) or in mixed documents (24).
inline constexpr uint32_t kContextChars = 32;
// A window longer than this many characters is decoded in pieces: the
// decoder's memory grows with the window (about 1 MB per 1000 characters of
// hole-ridden text), and damage that long is decoded as well piecewise.
inline constexpr uint32_t kMaxWindowChars = 1024;

// A character costing more than this (nats) under the unigram model counts
// as rare: about 1 in 60,000 characters of jieba's corpus or rarer, and every
// non-Han, non-punctuation character outside ASCII, if some reading's
// source view can produce it (GBK, GB18030 and Big5 pairs, Latin-1,
// cp1252: make_rare_chars.py). Emoji and their variation selectors, ❤,
// Hangul and the like are never debris of the damage repaired here: a run
// of them (a WeChat article's ❤️✅👉 before a line) made a window decoded
// under five readings, for nothing.
inline constexpr float kRareCost = 10.0f;
// Rare characters among the last kRareRunWindow non-ASCII ones (the window
// restarts at each line) that make a rare run.
// Clean news text has names and terms with one or two rare characters; GBK
// read as Big5 or UTF-8 read as GBK is rare nearly throughout.
inline constexpr int kRareRunWindow = 8;
inline constexpr int kRareRunCount = 4;
// Two debris characters at most this many characters apart raise a signal;
// a lone é or × in clean text does not.
inline constexpr uint32_t kDebrisGap = 2;

// 0x10000 bits, one per BMP code point: set when the code point is rare
// (kRareCost). No character outside the BMP counts as rare. Generated at
// build time (make_rare_chars.py).
const uint64_t* rare_char_bits();
// The three-byte characters a DamageWatch must be shown (damage_watch.cc):
// rare_char_bits() plus U+FFFD, 锟 and private use. Generated at build time.
const uint64_t* watched_char_bits();

// With `saw_gbk_read_fffd`, also tells whether the text holds 锟 (U+951F),
// which starts U+FFFD's bytes read as GBK (锟斤拷): the one sign of an
// unrecoverable span that raises no signal of its own.
// With `from` (a line start: 0 or just after a '\n'), the scan starts there;
// it finds the same windows as a scan of the whole text when `from` is
// scan_start_before() a position no signal comes before.
std::vector<SuspectWindow> find_suspect_windows(std::string_view text, bool* saw_gbk_read_fffd = nullptr,
                                                uint32_t from = 0);

// Where the scan may start when no character before `first_signal` raises
// a signal or is 锟 (a DamageWatch fired at `first_signal`): the start of
// the line holding the byte 4 * kDebrisGap before it. Then
//   - every hit is at or after that byte: a signal's character hits itself,
//     and a debris pair also hits its first character, at most kDebrisGap
//     characters (of at most four bytes) back, possibly on the line before;
//   - every window begins at or after its hit's line start, so at or after
//     the start returned, and no hit before it merges with them;
//   - the scan's state at a line start is a fresh scan's (the rare-run
//     window restarts at each line; '\n' and "nothing yet" are both no '?'
//     and ASCII) but for the last debris character, which only a pair
//     across the line start would use, and that pair would hit before it.
// Scanning from there skips the clean text before the damage, which the
// conversion pass has just read with the watch: normalize() of the dev
// articles, 2,253k -> 2,228k instructions a round (article 001, damage at
// byte 948 of 5,624; tests/repair/damage_watch_test.cc checks the windows).
uint32_t scan_start_before(std::string_view text, size_t first_signal);

}  // namespace aidtext::repair

#endif  // AIDTEXT_REPAIR_DAMAGE_SCAN_H_
