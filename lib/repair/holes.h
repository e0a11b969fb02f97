// Holes ('?' and U+FFFD): bytes lost, or characters lost? Two kinds of
// text look alike to the repairer's scan:
//  - Mojibake with holes. GBK read one byte off (dev article 001): each
//    pair of bytes read across two characters gives some character, and a
//    pair GBK does not map gives '?'. UTF-8 read as GBK, GBK as Big5 and
//    the like give U+FFFD where a pair is unmapped. The characters between
//    the holes are debris: pairs no Chinese writes (访劳, 捎煤玫), rare
//    characters, letters of the codec's other rows (Cyrillic, ⒎, ㄖ). A
//    reading decodes them back.
//  - Clean text with holes for characters: '?' typed for question marks
//    (吗?) or written by software saving text in an encoding that lacks
//    some of its characters (simplified Chinese saved as Big5: one
//    character in eight or so), U+FFFD where a decoder met a few bad bytes.
//    The characters between the holes are the text's own, and the readings
//    "repaired" them into others (甘?省 -> 指数省, ??党??? -> 学说成为: 26
//    repairs in a 6 KB article; �截 -> 群I, �：� -> 派管) or guessed the
//    holes from context alone (�� -> 他).
// These tell the two apart by what the text keeps beside the holes.
#ifndef AIDTEXT_REPAIR_HOLES_H_
#define AIDTEXT_REPAIR_HOLES_H_

#include <cstddef>
#include <cstdint>
#include <span>

#include "repair/lattice.h"

namespace aidtext::repair {

// A stretch decoded under a reading with holes must read as debris: its
// adjacent Han characters as written cost at least this much (nats a pair,
// the mean; see reads_as_debris). On the peer suite every stretch that the
// '?'-hole reading repairs reads 9.81 or more (56 of 57 with pairs at 10
// or more; the dev passages 11.0 and 12.1); in four dev articles saved as
// Big5 every stretch it "repaired" reads 7.96 or less (68 stretches).
inline constexpr double kMinDebrisPairCost = 9.0;
// A stretch judged by one pair alone needs this much more (a single pair
// is thin evidence): on the peer suite such stretches read 12.03 or more,
// a dev article saved as Big5 had one of 9.6 (攻?新途?).
inline constexpr double kOnePairMargin = 2.0;
// How far (characters either side) debris_beside_hole looks.
inline constexpr size_t kDebrisReach = 3;
// A Han character at least this rare (unigram cost, nats) beside a hole
// is debris (debris_beside_hole). Rarity alone does not judge a decoded
// stretch (reads_as_debris): it was tried there (peer suite 9.86 nats or
// more a character, the Big5 copies 5.65 to 8.97) and refused a real
// repair of dev 001's passage in GBK read as Latin-1 (股??⒎⒄共?担? ->
// 股东、发展产业，), whose characters are common ones by chance.
inline constexpr double kMinDebrisCharCost = 11.0;

// Whether the hole ('?' or U+FFFD) at win[hole] has, within kDebrisReach
// characters either side, something of mojibake: a Han pair of at least
// kMinDebrisPairCost, a Han character of unigram cost kMinDebrisCharCost
// or more, or a character that is neither Han, ASCII, punctuation nor a
// hole. Windows whose only signal is holes, measured: clean text with '?'
// typed for question marks or saved where an encoding lacked characters
// has none beside about 45 % of its holes; clean articles with U+FFFD put
// in (one, two or three in a row, eight times an article; 114 copies of
// 38 test articles) have none beside any hole in 315 of 445 windows. Of
// real damage, every '?' window of the peer suite, the dev and probe
// articles that was repaired has some (8 windows have none: GBK read one
// byte off where a lone '?' is all that is left of the damage, 经?三十多年,
// which no reading tells from a question mark, and none was repaired), and
// 1,106 of 1,109 windows with U+FFFD of damage (the other three GBK read as
// UTF-8, whose bytes are lost).
bool debris_beside_hole(std::span<const WindowChar> win, size_t hole);
// Whether some `hole` ('?' or U+FFFD) of `win` has (debris_beside_hole).
bool debris_beside_a_hole(std::span<const WindowChar> win, char32_t hole);

// The '?' of a window whose only signal is '?' holes read as characters
// lost rather than bytes: none has debris beside it (debris_beside_hole),
// or there are kManyHoles or more and under kHolesWithDebris of them have.
// Text saved as Big5 with '?' for the characters Big5 lacks has one hole in
// eight characters, and about three in ten of its holes have debris beside
// them by chance (the dev articles so saved: every window of four holes or
// more under 0.6); the peer suite's, the dev and the probe articles' windows
// of four holes or more of real damage all have 0.8 or more (and a rare run
// beside, which this does not judge).
inline constexpr size_t kManyHoles = 4;
inline constexpr double kHolesWithDebris = 0.6;
bool question_marks_read_as_lost_characters(std::span<const WindowChar> win);

// Whether tokens [t0, t1) of `win`, a stretch that a reading with holes
// would replace, read as debris: the mean cost of their adjacent Han pairs
// as written is kMinDebrisPairCost or more (kOnePairMargin more where
// there is one); without such a pair, that of the pairs each end makes
// with the character beside it (推?65?? in clean text: 面推; peer suite 11.8
// or more, the Big5 copies 7.6); without those either, yes unless the
// stretch is `only_guesses` (holes alone between characters the text
// keeps, ?? -> 样 or �� -> 他, are characters lost, not bytes: 22 such in the
// four Big5 copies, none repaired so on the peer suite). Under U+FFFD
// readings the peer suite repairs as before, the test articles with U+FFFD
// put in lose 231 of their 242 "repairs", and the dev articles read as
// lossy cp1252 (U+FFFD for five bytes) 3 to 28 guesses each, coming out
// nearer the clean text. `traditional`: the window's script, as the
// language model scores it.
bool reads_as_debris(std::span<const WindowChar> win, uint32_t t0, uint32_t t1, bool traditional, bool only_guesses);

}  // namespace aidtext::repair

#endif  // AIDTEXT_REPAIR_HOLES_H_
