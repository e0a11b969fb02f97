// Rare characters that read as words. The damage scan raises a rare run
// where four of eight characters are rare (damage_scan.h): mojibake read
// as GBK, Big5 or GB18030 is rare nearly throughout. So is a list of
// counties (黟县、歙县、婺源县, 盱眙县、睢宁县、邳州市), which poverty reports
// write often: the window was decoded under five readings, each refused,
// at about fifty times a clean article's cost. What tells the two apart is
// how the rare characters sit with their neighbours: in a name they make a
// word the model knows (黟县, 婺源), in debris they make pairs nobody
// writes.
#ifndef AIDTEXT_REPAIR_RARE_WORDS_H_
#define AIDTEXT_REPAIR_RARE_WORDS_H_

#include <cstddef>
#include <span>

#include "repair/lattice.h"

namespace aidtext::repair {

// A rare character (one of the scan's rare_char_bits()) reads as part of
// a word when it makes a pair cheaper than this (nats) with the Han
// character before or after it.
inline constexpr float kWordPairCost = 7.0f;
// Whether at least half of the rare characters of `win` read as part of a
// word (kWordPairCost). Measured over the windows of rare runs: of the
// peer suite's damaged cases, the dev articles wholly damaged (read as
// GBK, Big5, GB18030) and the dev and test articles, every window of real
// damage has under 0.4 of its rare characters so (643 of 648 under 0.2);
// a list of 45 counties with rare characters 1.0, a test article's live
// stream terms 1.0, financial numerals (壹贰叁) 0.4.
bool rare_chars_read_as_words(std::span<const WindowChar> win);

// The same question of a window whose only signal is private use: a web
// font's icons (U+E000.. in a page's text: a phone or location glyph before
// a line) inside clean text, or Big5 read as GB18030, which maps Big5's
// user-defined pairs there. Real damage of that kind makes pairs nobody
// writes and is rare throughout (a rare run as well) but for a short line
// of its own, (资料图) read as 戈, a private-use character and 瓜. So: a
// window of at least kMinWordPairs adjacent Han pairs, half or more of
// them under kWordPairCost, is clean text with icons in it. Measured: the
// dev articles in Big5 read as GB18030 and the peer suite's cases have 9
// windows with private use as their only signal, of 3 to 7 characters and
// at most 2 pairs; dev 000 with twenty icons put in, 14 windows of 14 to
// 76 pairs, 0.59 to 0.77 of them under 7 nats.
inline constexpr size_t kMinWordPairs = 8;
bool han_text_reads_as_words(std::span<const WindowChar> win);

}  // namespace aidtext::repair

#endif  // AIDTEXT_REPAIR_RARE_WORDS_H_
